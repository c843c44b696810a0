"""mkdocs.yml: the settings the checks need, the nav's entries and the nav checks."""

from __future__ import annotations

import pytest

from briefbook import NavEntry, SiteConfig, check_nav, check_pages_in_nav, index_paths, parse_config, render_diagnostic

DEFAULT = SiteConfig("docs", "site", True, None)

NAV_CONFIG = """\
site_name: X
nav:
  - Home: index.md
  - Groups:
      - groups/bla.md
      - groups/missing.md
      - Case: Groups/TTP.md
  - External: https://example.org/
  - //cdn.example.org/x.md
  - ./other.md
  - "quoted.md"
  - Empty section:
  - Empty list: []
markdown_extensions:
  - toc:
      slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}
"""

CONFIGS = {
    "defaults": ("site_name: X\n", DEFAULT),
    "empty-file": ("", DEFAULT),
    "not-a-mapping": ("- a\n- b\n", DEFAULT),
    "folders-and-flat-urls": (
        "site_name: X\ndocs_dir: src\nsite_dir: out\nuse_directory_urls: false\n",
        SiteConfig("src", "out", False, None),
    ),
    "directory-urls-no": ("use_directory_urls: No\n", SiteConfig("docs", "site", False, None)),
    "directory-urls-off": ("use_directory_urls: off\n", SiteConfig("docs", "site", False, None)),
    "directory-urls-true": ("use_directory_urls: true\n", DEFAULT),
    "env-tag-keeps-default": ("docs_dir: !ENV DOCS\nsite_dir: !ENV [SITE, out]\n", DEFAULT),
    "nav-entries-with-positions": (
        NAV_CONFIG,
        SiteConfig(
            "docs",
            "site",
            True,
            (
                NavEntry("index.md", 3, 11),
                NavEntry("groups/bla.md", 5, 9),
                NavEntry("groups/missing.md", 6, 9),
                NavEntry("Groups/TTP.md", 7, 15),
                NavEntry("./other.md", 10, 5),
                NavEntry("quoted.md", 11, 5),
            ),
            (("toc", {}),),  # the tagged slugify is left out
        ),
    ),
    "nav-empty-list": ("nav: []\n", SiteConfig("docs", "site", True, ())),
    "what-is-left-out": (
        "exclude_docs: |\n  drafts/\n  *.tmp\ndraft_docs: wip-*\nnot_in_nav: |\n  extra.md\n",
        SiteConfig("docs", "site", True, None, (), "drafts/\n*.tmp\n", "wip-*", "extra.md\n"),
    ),
}


@pytest.mark.parametrize(("text", "expected"), CONFIGS.values(), ids=CONFIGS.keys())
def test_parse_config_reads_settings_and_nav_positions(text: str, expected: SiteConfig) -> None:
    assert parse_config("mkdocs.yml", text) == (expected, [])


YAML_ERRORS = {
    "unclosed-flow-sequence": (
        "site_name: X\nnav: [a.md\n",
        "mkdocs.yml:3:1: error[yaml]: mkdocs.yml is not valid YAML: expected ',' or ']', but got '<stream end>'",
    ),
    "bad-indentation": (
        "site_name: X\nnav:\n  - a.md\n - b.md\n",
        "mkdocs.yml:4:2: error[yaml]: mkdocs.yml is not valid YAML: expected <block end>, but found '<block sequence start>'",
    ),
    "undefined-alias": (
        "site_name: *name\n",
        "mkdocs.yml:1:12: error[yaml]: mkdocs.yml is not valid YAML: found undefined alias 'name'",
    ),
}


@pytest.mark.parametrize(("text", "expected"), YAML_ERRORS.values(), ids=YAML_ERRORS.keys())
def test_parse_config_reports_yaml_errors_and_falls_back_to_defaults(text: str, expected: str) -> None:
    config, diagnostics = parse_config("mkdocs.yml", text)
    assert config == DEFAULT
    assert [render_diagnostic(d) for d in diagnostics] == [expected]


def test_control_character_in_config_is_reported_on_one_line_at_its_position() -> None:
    _, [diagnostic] = parse_config("mkdocs.yml", "site_name: a\x07\n")
    assert (diagnostic.line, diagnostic.col) == (1, 13)
    assert "\n" not in render_diagnostic(diagnostic)


INDEX = index_paths(
    [
        "index.md",
        "other.md",
        "orphan.md",
        "groups/bla.md",
        "groups/ttp.md",
        "img/map.png",
        "sub/index.md",
        "sub/README.md",
    ]
)

NAV_PROBLEMS = {
    "missing-did-you-mean": (
        NavEntry("groups/missing.md", 6, 9),
        "mkdocs.yml:6:9: error[nav]: nav entry 'groups/missing.md' names no file in the docs (did you mean 'groups/ttp.md'?)",
    ),
    "missing-no-close-match": (
        NavEntry("zzzzzzzzzzzz.md", 2, 5),
        "mkdocs.yml:2:5: error[nav]: nav entry 'zzzzzzzzzzzz.md' names no file in the docs",
    ),
    "case": (
        NavEntry("Groups/TTP.md", 7, 15),
        "mkdocs.yml:7:15: error[case]: nav entry 'Groups/TTP.md' differs in case from the file 'groups/ttp.md' (did you mean 'groups/ttp.md'?)",
    ),
    "case-with-dot-slash": (
        NavEntry("./OTHER.md", 3, 5),
        "mkdocs.yml:3:5: error[case]: nav entry './OTHER.md' differs in case from the file 'other.md' (did you mean 'other.md'?)",
    ),
    # MkDocs leaves a folder's README.md out of the site when the folder has an index.md.
    "readme-shadowed-by-index": (
        NavEntry("sub/README.md", 2, 5),
        "mkdocs.yml:2:5: error[nav]: nav entry 'sub/README.md' names no file in the docs",
    ),
}


@pytest.mark.parametrize(("entry", "expected"), NAV_PROBLEMS.values(), ids=NAV_PROBLEMS.keys())
def test_check_nav_reports_entries_naming_no_file(entry: NavEntry, expected: str) -> None:
    assert [render_diagnostic(d) for d in check_nav("mkdocs.yml", [entry], INDEX)] == [expected]


@pytest.mark.parametrize(
    "target",
    ["index.md", "./other.md", "groups/bla.md", "img/map.png"],
    ids=["page", "dot-slash", "in-folder", "static-file"],
)
def test_check_nav_accepts_entries_naming_a_file(target: str) -> None:
    assert check_nav("mkdocs.yml", [NavEntry(target, 2, 5)], INDEX) == []


def test_check_pages_in_nav_reports_every_unlisted_page_at_its_first_line() -> None:
    entries = [NavEntry("index.md", 3, 11), NavEntry("./groups/bla.md", 4, 5), NavEntry("Groups/TTP.md", 5, 5)]
    assert [render_diagnostic(d) for d in check_pages_in_nav(entries, INDEX, docs_path="src/docs")] == [
        "src/docs/groups/ttp.md:1: error[nav]: page is not in the nav of mkdocs.yml (add it to 'nav:' so readers can find it)",
        "src/docs/orphan.md:1: error[nav]: page is not in the nav of mkdocs.yml (add it to 'nav:' so readers can find it)",
        "src/docs/other.md:1: error[nav]: page is not in the nav of mkdocs.yml (add it to 'nav:' so readers can find it)",
        "src/docs/sub/index.md:1: error[nav]: page is not in the nav of mkdocs.yml (add it to 'nav:' so readers can find it)",
    ]


def test_check_pages_in_nav_is_quiet_when_every_page_is_listed() -> None:
    listed = ["index.md", "other.md", "orphan.md", "groups/bla.md", "groups/ttp.md", "sub/index.md"]
    assert check_pages_in_nav([NavEntry(src, 1, 1) for src in listed], INDEX) == []


def test_pages_left_out_of_the_site_or_the_nav_on_purpose_are_not_reported() -> None:
    index = index_paths(["index.md", "extra.md", "drafts/plan.md"], excluded={"drafts/plan.md"})
    entries = [NavEntry("index.md", 3, 11)]
    assert check_pages_in_nav(entries, index, not_in_nav={"extra.md"}) == []
    assert [render_diagnostic(d) for d in check_pages_in_nav(entries, index)] == [
        "docs/extra.md:1: error[nav]: page is not in the nav of mkdocs.yml (add it to 'nav:' so readers can find it)"
    ]


def test_a_nav_entry_naming_an_excluded_file_says_so() -> None:
    index = index_paths(["index.md", "drafts/plan.md"], excluded={"drafts/plan.md"})
    assert [render_diagnostic(d) for d in check_nav("mkdocs.yml", [NavEntry("drafts/plan.md", 4, 5)], index)] == [
        "mkdocs.yml:4:5: error[nav]: nav entry 'drafts/plan.md' names a file that exclude_docs leaves out of the site"
    ]
