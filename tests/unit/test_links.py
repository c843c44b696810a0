"""The link and anchor check: source links alone, and rendered links placed in the source."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefbook import (
    PageHtml,
    PageLinks,
    SiteFile,
    SiteIndex,
    check_links,
    index_paths,
    page_url,
    render_diagnostic,
    scan_links,
    without_settled_links,
)

PATHS = [
    "index.md",
    "other.md",
    "orphan.md",
    "groups/bla.md",
    "groups/ttp.md",
    "img/map.png",
    "notes/Docs Notes.md",
    "notes/émigrés.md",
]
INDEX = index_paths(PATHS)
FLAT_INDEX = index_paths(PATHS, use_directory_urls=False)
ANCHORS = {
    "groups/ttp.md": {"ttp", "leadership", "ttp-origins", "émigré-networks"},
    "other.md": {"other", "custom-id"},
}


def check(
    src: str,
    text: str,
    links: Iterable[str] | None = None,
    *,
    ids: Iterable[str] = (),
    others: Mapping[str, Iterable[str]] = ANCHORS,
    index: SiteIndex = INDEX,
    docs_path: str = "docs",
) -> list[str]:
    """Check one page (rendered when ``links`` is given) among pages rendered with ``others``' ids."""
    html = None if links is None else PageHtml(frozenset(ids), tuple(links))
    pages = [PageLinks(src, scan_links(text), html)]
    pages += [PageLinks(s, [], PageHtml(frozenset(i), ())) for s, i in others.items() if s != src]
    return [render_diagnostic(d) for d in check_links(pages, index, docs_path=docs_path)]


PAGE_URLS = {
    "home": ("index.md", True, ""),
    "folder-index": ("groups/index.md", True, "groups/"),
    "page": ("groups/bla.md", True, "groups/bla/"),
    "readme": ("README.md", True, ""),
    "folder-readme": ("sub/readme.md", True, "sub/"),
    "markdown-suffix": ("notes.markdown", True, "notes/"),
    "space-quoted": ("a b.md", True, "a%20b/"),
    "non-ascii-quoted": ("émigrés.md", True, "%C3%A9migr%C3%A9s/"),
    "flat-home": ("index.md", False, "index.html"),
    "flat-folder-index": ("groups/index.md", False, "groups/index.html"),
    "flat-page": ("groups/bla.md", False, "groups/bla.html"),
}


@pytest.mark.parametrize(("src", "directory_urls", "expected"), PAGE_URLS.values(), ids=PAGE_URLS.keys())
def test_page_url_follows_mkdocs_layout(src: str, directory_urls: bool, expected: str) -> None:
    assert page_url(src, use_directory_urls=directory_urls) == expected


def test_index_paths_lays_out_pages_and_static_files_and_prefers_index_over_readme() -> None:
    index = index_paths(["sub/README.md", "img/a b.png", "index.md", "README.md", "sub/page.md"])
    assert index.files == [
        SiteFile("img/a b.png", "img/a%20b.png", False),
        SiteFile("index.md", "", True),
        SiteFile("sub/README.md", "sub/", True),
        SiteFile("sub/page.md", "sub/page/", True),
    ]
    assert sorted(index.by_url) == [
        "",
        "img/a%20b.png",
        "index.html",
        "sub/",
        "sub/index.html",
        "sub/page/",
        "sub/page/index.html",
    ]
    assert index.folded_src("SUB/Page.MD") == SiteFile("sub/page.md", "sub/page/", True)
    assert index.folded_url("Sub/Page/") == SiteFile("sub/page.md", "sub/page/", True)
    assert index.folded_url("img/A B.png") == SiteFile("img/a b.png", "img/a%20b.png", False)


SOURCE_PROBLEMS = {
    "missing-file-did-you-mean": (
        "groups/bla.md",
        "A [m](blaa.md).",
        "docs/groups/bla.md:1:7: error[link]: 'blaa.md' not found: no file 'groups/blaa.md' in the docs (did you mean 'bla.md'?)",
    ),
    "missing-file-no-close-match": (
        "index.md",
        "[x](qqqqqqqqqqqq.md)",
        "docs/index.md:1:5: error[link]: 'qqqqqqqqqqqq.md' not found: no file 'qqqqqqqqqqqq.md' in the docs",
    ),
    "missing-image-did-you-mean": (
        "groups/bla.md",
        "![m](../img/mapp.png)",
        "docs/groups/bla.md:1:6: error[link]: '../img/mapp.png' not found: no file 'img/mapp.png' in the docs (did you mean '../img/map.png'?)",
    ),
    "missing-definition-target": (
        "groups/bla.md",
        "[r][ref]\n\n[ref]: gone.md#x",
        "docs/groups/bla.md:3:8: error[link]: 'gone.md#x' not found: no file 'groups/gone.md' in the docs (did you mean 'ttp.md#x'?)",
    ),
    "missing-in-footnote": (
        "groups/bla.md",
        "Note[^1].\n\n[^1]: See [x](nowhere.md).",
        "docs/groups/bla.md:3:15: error[link]: 'nowhere.md' not found: no file 'groups/nowhere.md' in the docs (did you mean 'ttp.md'?)",
    ),
    "file-case": (
        "groups/bla.md",
        "A [c](TTP.md).",
        "docs/groups/bla.md:1:7: error[case]: 'TTP.md' differs in case from the file 'groups/ttp.md' (did you mean 'ttp.md'?)",
    ),
    "file-case-of-folder-with-anchor": (
        "index.md",
        "[c](Groups/TTP.md#leadership)",
        "docs/index.md:1:5: error[case]: 'Groups/TTP.md#leadership' differs in case from the file 'groups/ttp.md' (did you mean 'groups/ttp.md#leadership'?)",
    ),
    "escape-docs-folder": (
        "groups/bla.md",
        "An [e](../../README.md).",
        "docs/groups/bla.md:1:8: error[escape]: '../../README.md' leads outside the docs folder",
    ),
    "escape-docs-folder-from-home": (
        "index.md",
        "[e](../mkdocs.yml)",
        "docs/index.md:1:5: error[escape]: '../mkdocs.yml' leads outside the docs folder",
    ),
    "absolute-path-did-you-mean": (
        "groups/bla.md",
        "[a](/groups/ttp.md)",
        "docs/groups/bla.md:1:5: error[escape]: '/groups/ttp.md' is an absolute path; links must be relative (did you mean 'ttp.md'?)",
    ),
    "absolute-path-with-anchor": (
        "index.md",
        "[a](/other.md#custom-id)",
        "docs/index.md:1:5: error[escape]: '/other.md#custom-id' is an absolute path; links must be relative (did you mean 'other.md#custom-id'?)",
    ),
    "absolute-path-to-nothing": (
        "index.md",
        "[a](/nowhere.md)",
        "docs/index.md:1:5: error[escape]: '/nowhere.md' is an absolute path; links must be relative",
    ),
    "site-root": (
        "index.md",
        "[a](/)",
        "docs/index.md:1:5: error[escape]: '/' is an absolute path; links must be relative",
    ),
    "windows-path": (
        "index.md",
        "[w](C:/docs/other.md)",
        "docs/index.md:1:5: error[escape]: 'C:/docs/other.md' is an absolute filesystem path (link relative to this page)",
    ),
    "file-url": (
        "index.md",
        "[f](file:///home/me/docs/other.md)",
        "docs/index.md:1:5: error[escape]: 'file:///home/me/docs/other.md' is an absolute filesystem path (link relative to this page)",
    ),
    "raw-html-to-markdown-source": (
        "groups/bla.md",
        '<a href="ttp.md#leadership">x</a>',
        "docs/groups/bla.md:1:10: error[link]: 'ttp.md#leadership' links to a Markdown source, which MkDocs does not rewrite in raw HTML (link to the page's URL '../ttp/' instead)",
    ),
    "raw-html-url-not-found": (
        "groups/bla.md",
        '<img src="../img/none.png" alt="">',
        "docs/groups/bla.md:1:11: error[link]: '../img/none.png' not found: no page or file at 'groups/img/none.png' in the site",
    ),
}


@pytest.mark.parametrize(("src", "text", "expected"), SOURCE_PROBLEMS.values(), ids=SOURCE_PROBLEMS.keys())
def test_source_links_report_each_problem_at_the_link(src: str, text: str, expected: str) -> None:
    assert check(src, text) == [expected]


SOURCE_OK = {
    "sibling": ("groups/bla.md", "[x](ttp.md)"),
    "dot-slash": ("groups/bla.md", "[x](./ttp.md)"),
    "parent-folder": ("groups/bla.md", "[x](../other.md)"),
    "static-file": ("groups/bla.md", "![m](../img/map.png)"),
    "static-file-with-fragment": ("groups/bla.md", "[m](../img/map.png#zoom)"),
    "query-and-anchor": ("groups/bla.md", "[x](ttp.md?v=1#leadership)"),
    "anchor-on-page-without-html": ("groups/bla.md", "[y](../orphan.md#nope)"),
    "empty-fragment": ("groups/bla.md", "[top](#)"),
    "percent-encoded-space": ("index.md", "[x](notes/Docs%20Notes.md)"),
    "angle-brackets-space": ("index.md", "[x](<notes/Docs Notes.md>)"),
    "non-ascii-file": ("index.md", "[x](notes/émigrés.md)"),
    "percent-encoded-non-ascii-file": ("index.md", "[x](notes/%C3%A9migr%C3%A9s.md)"),
    "definition": ("groups/bla.md", "[x][r]\n\n[r]: ../other.md#custom-id"),
    "raw-html-page-url": ("groups/bla.md", '<a href="../ttp/#leadership">x</a>'),
    "raw-html-static-url": ("groups/bla.md", '<img src="../../img/map.png">'),
    "raw-html-home": ("groups/bla.md", '<a href="../../">home</a>'),
}


@pytest.mark.parametrize(("src", "text"), SOURCE_OK.values(), ids=SOURCE_OK.keys())
def test_source_links_that_resolve_are_not_reported(src: str, text: str) -> None:
    assert check(src, text) == []


def test_source_link_anchors_are_checked_against_the_rendered_pages_only() -> None:
    text = "[a](ttp.md#nope)\n[b](#nope)"
    assert check("groups/bla.md", text, others={}) == []
    assert check("groups/bla.md", text, others={"groups/ttp.md": {"leadership"}}) == [
        "docs/groups/bla.md:1:5: error[anchor]: '#nope' is not an anchor of groups/ttp.md"
    ]


EXTERNAL = {
    "http": "http://example.org/missing.md",
    "https": "https://example.org/",
    "mailto": "mailto:editor@example.org",
    "protocol-relative": "//example.org/x.md",
    "ftp": "ftp://example.org/x",
    "tel": "tel:+441234",
}


@pytest.mark.parametrize("href", EXTERNAL.values(), ids=EXTERNAL.keys())
def test_external_links_are_never_checked(href: str) -> None:
    text = f'[x]({href}) <a href="{href}">y</a>'
    assert check("groups/bla.md", text) == []
    assert check("groups/bla.md", text, [href, href]) == []


RENDERED = {
    "anchor-other-page-did-you-mean": (
        "A [m](ttp.md#leader)",
        ["../ttp/#leader"],
        [
            "docs/groups/bla.md:1:7: error[anchor]: '#leader' is not an anchor of groups/ttp.md (did you mean '#leadership'?)"
        ],
    ),
    "anchor-other-page-no-close-match": (
        "[m](ttp.md#zzz)",
        ["../ttp/#zzz"],
        ["docs/groups/bla.md:1:5: error[anchor]: '#zzz' is not an anchor of groups/ttp.md"],
    ),
    "anchor-differs-in-case-only": (
        "A [wrong-case anchor](ttp.md#Leadership)",
        ["../ttp/#Leadership"],
        [
            "docs/groups/bla.md:1:23: error[anchor]: '#Leadership' is not an anchor of groups/ttp.md (did you mean '#leadership'?)"
        ],
    ),
    "anchor-differs-in-case-only-upper": (
        "[m](ttp.md#LEADERSHIP)",
        ["../ttp/#LEADERSHIP"],
        [
            "docs/groups/bla.md:1:5: error[anchor]: '#LEADERSHIP' is not an anchor of groups/ttp.md (did you mean '#leadership'?)"
        ],
    ),
    "anchor-differs-in-accents-only": (
        "[m](ttp.md#emigre-networks)",
        ["../ttp/#emigre-networks"],
        [
            "docs/groups/bla.md:1:5: error[anchor]: '#emigre-networks' is not an anchor of groups/ttp.md (did you mean '#émigré-networks'?)"
        ],
    ),
    "anchor-differs-in-separators-only": (
        "[m](ttp.md#TTP_Origins)",
        ["../ttp/#TTP_Origins"],
        [
            "docs/groups/bla.md:1:5: error[anchor]: '#TTP_Origins' is not an anchor of groups/ttp.md (did you mean '#ttp-origins'?)"
        ],
    ),
    "anchor-same-page-did-you-mean": (
        "Same page: [here](#origin).",
        ["#origin"],
        ["docs/groups/bla.md:1:19: error[anchor]: '#origin' is not an anchor of this page (did you mean '#origins'?)"],
    ),
    "anchor-same-page-no-close-match": (
        "[here](#zzz)",
        ["#zzz"],
        ["docs/groups/bla.md:1:8: error[anchor]: '#zzz' is not an anchor of this page"],
    ),
    "anchor-percent-encoded-missing-shown-decoded": (
        "[m](ttp.md#%C3%A9migr%C3%A9)",
        ["../ttp/#%C3%A9migr%C3%A9"],
        ["docs/groups/bla.md:1:5: error[anchor]: '#émigré' is not an anchor of groups/ttp.md"],
    ),
    "anchor-in-raw-html": (
        '<a href="../ttp/#nope">x</a>',
        ["../ttp/#nope"],
        ["docs/groups/bla.md:1:10: error[anchor]: '#nope' is not an anchor of groups/ttp.md"],
    ),
    "rendered-only-link-at-line-one": (
        "# BLA\n\nNo links written here.",
        ["../nowhere/"],
        [
            "docs/groups/bla.md:1: error[link]: '../nowhere/' not found: no page or file at 'groups/nowhere/' in the site (did you mean '../ttp/'?)"
        ],
    ),
    "rendered-only-anchor-at-line-one": (
        "# BLA",
        ["../ttp/#nope"],
        ["docs/groups/bla.md:1: error[anchor]: '#nope' is not an anchor of groups/ttp.md"],
    ),
    "rendered-only-url-without-trailing-slash": (
        "# BLA",
        ["../ttp#leadership"],
        [
            "docs/groups/bla.md:1: error[link]: '../ttp#leadership' lacks the trailing slash of the page's URL (it breaks when opened from disk) (did you mean '../ttp/#leadership'?)"
        ],
    ),
    "rendered-only-url-case": (
        "# BLA",
        ["../TTP/"],
        ["docs/groups/bla.md:1: error[case]: '../TTP/' differs in case from 'groups/ttp/' (did you mean '../ttp/'?)"],
    ),
    "rendered-only-url-outside-site": (
        "# BLA",
        ["../../../x/"],
        ["docs/groups/bla.md:1: error[escape]: '../../../x/' leads outside the site"],
    ),
    "markdown-link-left-as-written-not-found": (
        "[x](missing.md)",
        ["missing.md"],
        [
            "docs/groups/bla.md:1:5: error[link]: 'missing.md' not found: no file 'groups/missing.md' in the docs (did you mean 'ttp.md'?)"
        ],
    ),
    "markdown-link-left-as-written-wrong-case": (
        "A [wrong-case file](TTP.md).",
        ["TTP.md"],
        [
            "docs/groups/bla.md:1:21: error[case]: 'TTP.md' differs in case from the file 'groups/ttp.md' (did you mean 'ttp.md'?)"
        ],
    ),
    "directory-url-left-as-written-that-breaks": (
        "[x](../other/)",
        ["../other/"],
        [
            "docs/groups/bla.md:1:5: error[link]: '../other/' not found: no file 'other' in the docs (did you mean '../other.md'?)"
        ],
    ),
    "absolute-path-left-as-written": (
        "[a](/groups/ttp.md)",
        ["/groups/ttp.md"],
        [
            "docs/groups/bla.md:1:5: error[escape]: '/groups/ttp.md' is an absolute path; links must be relative (did you mean 'ttp.md'?)"
        ],
    ),
    "raw-html-to-markdown-source": (
        '<a href="ttp.md">raw</a>',
        ["ttp.md"],
        [
            "docs/groups/bla.md:1:10: error[link]: 'ttp.md' links to a Markdown source, which MkDocs does not rewrite in raw HTML (link to the page's URL '../ttp/' instead)"
        ],
    ),
    "same-target-twice-paired-in-order": (
        "[a](ttp.md#x)\n[b](ttp.md#x)",
        ["../ttp/#x", "../ttp/#x"],
        [
            "docs/groups/bla.md:1:5: error[anchor]: '#x' is not an anchor of groups/ttp.md",
            "docs/groups/bla.md:2:5: error[anchor]: '#x' is not an anchor of groups/ttp.md",
        ],
    ),
    "definition-pairs-with-every-use": (
        "[a][r] and [b][r]\n\n[r]: ttp.md#x",
        ["../ttp/#x", "../ttp/#x"],
        [
            "docs/groups/bla.md:3:6: error[anchor]: '#x' is not an anchor of groups/ttp.md",
            "docs/groups/bla.md:3:6: error[anchor]: '#x' is not an anchor of groups/ttp.md",
        ],
    ),
}


@pytest.mark.parametrize(("text", "links", "expected"), RENDERED.values(), ids=RENDERED.keys())
def test_rendered_links_are_reported_where_the_source_writes_them(
    text: str, links: list[str], expected: list[str]
) -> None:
    assert check("groups/bla.md", text, links, ids={"bla", "origins"}) == expected


RENDERED_OK = {
    "anchor-found": ("[m](ttp.md#leadership)", ["../ttp/#leadership"]),
    "anchor-same-page-found": ("[m](#origins)", ["#origins"]),
    "anchor-percent-encoded": ("[m](ttp.md#%C3%A9migr%C3%A9-networks)", ["../ttp/#%C3%A9migr%C3%A9-networks"]),
    "anchor-non-ascii": ("[m](ttp.md#émigré-networks)", ["../ttp/#émigré-networks"]),
    "anchor-non-ascii-rendered-percent-encoded": ("[m](ttp.md#émigré-networks)", ["../ttp/#%C3%A9migr%C3%A9-networks"]),
    "anchor-unchecked-on-page-without-html": ("[m](../orphan.md#nope)", ["../../orphan/#nope"]),
    "anchor-unchecked-on-static-file": ("[m](../img/map.png#nope)", ["../../img/map.png#nope"]),
    "directory-url-left-as-written-that-works": ("[x](../../other/#custom-id)", ["../../other/#custom-id"]),
    "index-html-url-left-as-written": ("[x](../../index.html)", ["../../index.html"]),
    "rendered-only-links-that-work": ("# BLA", ["../ttp/#leadership", "../../img/map.png", "../../", "#bla"]),
    "source-link-not-rendered-is-ignored": ("    [indented code](missing.md)", []),
    "external-rendered-links": ("# BLA", ["https://example.org/x.md", "//cdn.example.org/a.js", "mailto:a@b.c"]),
    "empty-fragment": ("[top](#)", ["#"]),
}


@pytest.mark.parametrize(("text", "links"), RENDERED_OK.values(), ids=RENDERED_OK.keys())
def test_rendered_links_that_resolve_are_not_reported(text: str, links: list[str]) -> None:
    assert check("groups/bla.md", text, links, ids={"bla", "origins"}) == []


def test_directory_url_written_in_markdown_works_from_a_top_level_page() -> None:
    assert check("other.md", "[x](../groups/ttp/#leadership)", ["../groups/ttp/#leadership"]) == []


def test_directory_url_written_in_markdown_is_not_flagged_without_html() -> None:
    # As a docs path it would leave the docs folder; as the page URL it works, as it
    # does with the rendered page (test above), so the source-only check accepts it too.
    assert check("other.md", "[x](../groups/ttp/#leadership)") == []


FLAT = {
    "anchor-missing": (
        "[m](ttp.md#leader)",
        ["ttp.html#leader"],
        [
            "docs/groups/bla.md:1:5: error[anchor]: '#leader' is not an anchor of groups/ttp.md (did you mean '#leadership'?)"
        ],
    ),
    "page-links-resolve": (
        "[x](../other.md) [y](ttp.md#ttp) [h](../index.md)",
        ["../other.html", "ttp.html#ttp", "../index.html"],
        [],
    ),
    "raw-html-page-url": ('<a href="ttp.html#leadership">x</a>', ["ttp.html#leadership"], []),
    "directory-style-url-not-found": (
        '<a href="../other/">x</a>',
        ["../other/"],
        [
            "docs/groups/bla.md:1:10: error[link]: '../other/' not found: no page or file at 'other/' in the site (did you mean '../other.html'?)"
        ],
    ),
    "raw-html-to-markdown-source": (
        '<a href="ttp.md">x</a>',
        ["ttp.md"],
        [
            "docs/groups/bla.md:1:10: error[link]: 'ttp.md' links to a Markdown source, which MkDocs does not rewrite in raw HTML (link to the page's URL 'ttp.html' instead)"
        ],
    ),
}


@pytest.mark.parametrize(("text", "links", "expected"), FLAT.values(), ids=FLAT.keys())
def test_links_in_a_site_built_without_directory_urls(text: str, links: list[str], expected: list[str]) -> None:
    assert check("groups/bla.md", text, links, index=FLAT_INDEX) == expected


def test_check_links_reports_pages_in_order_under_the_docs_path() -> None:
    pages = [
        PageLinks("orphan.md", scan_links("[a](gone.md)")),
        PageLinks(
            "groups/bla.md", scan_links("x\n[b](../other.md#custom)"), PageHtml(frozenset(), ("../../other/#custom",))
        ),
        PageLinks("other.md", scan_links("[c](#custom-id)"), PageHtml(frozenset({"custom-id"}), ("#custom-id",))),
    ]
    assert [render_diagnostic(d) for d in check_links(pages, INDEX, docs_path="site/docs")] == [
        "site/docs/orphan.md:1:5: error[link]: 'gone.md' not found: no file 'gone.md' in the docs (did you mean 'other.md'?)",
        "site/docs/groups/bla.md:2:5: error[anchor]: '#custom' is not an anchor of other.md (did you mean '#custom-id'?)",
    ]


def test_a_url_written_without_its_slash_is_reported_as_such_not_as_leaving_the_docs() -> None:
    # Found on httpx's docs: '../groups/ttp#x' from a top-level page was said to leave the docs folder.
    assert check("other.md", "[t](../groups/ttp#leadership)", ["../groups/ttp#leadership"]) == [
        "docs/other.md:1:5: error[link]: '../groups/ttp#leadership' lacks the trailing slash of the page's URL "
        "(it breaks when opened from disk) (did you mean '../groups/ttp/#leadership'?)"
    ]


def test_a_link_to_an_excluded_file_says_it_is_left_out() -> None:
    """Written as a path or rendered as a URL; the control: without the excluded file, it is merely missing."""
    index = index_paths([*PATHS, "drafts/plan.md"], excluded={"drafts/plan.md"})
    why = "is not published: exclude_docs leaves 'drafts/plan.md' out of the site (link to a published page, or publish this one)"
    assert check("index.md", "See [the plan](drafts/plan.md).\n", index=index) == [
        f"docs/index.md:1:16: error[link]: 'drafts/plan.md' {why}"
    ]
    assert check("index.md", "See [the plan](drafts/plan.md).\n", ["drafts/plan/"], index=index) == [
        f"docs/index.md:1:16: error[link]: 'drafts/plan.md' {why}"
    ]
    assert check("index.md", "See [the plan](drafts/plan.md).\n", index=index_paths(PATHS)) == [
        "docs/index.md:1:16: error[link]: 'drafts/plan.md' not found: no file 'drafts/plan.md' in the docs (did you mean 'orphan.md'?)"
    ]


def test_a_published_file_wins_its_url_over_an_excluded_one() -> None:
    index = SiteIndex([SiteFile("a/index.md", "a/", True, True), SiteFile("a.md", "a/", True)])
    assert index.by_url["a/"] == SiteFile("a.md", "a/", True)


def test_a_link_shown_in_indented_code_does_not_take_the_real_links_place() -> None:
    """The rendered link is the real one, below; the indented ones are code (in a list and at the top level)."""
    from briefbook import render_markdown, scan_html

    text = "# T\n\n- item\n\n        [code](gone.md)\n\nText.\n\n    [code](gone.md)\n\n[real](gone.md)\n"
    html = render_markdown(text, [("tables", {})])
    assert html is not None
    rendered = scan_html(html)
    assert rendered.links == ("gone.md",)
    pages = [PageLinks("index.md", scan_links(text), rendered)]
    assert [render_diagnostic(d) for d in check_links(pages, INDEX)] == [
        "docs/index.md:11:8: error[link]: 'gone.md' not found: no file 'gone.md' in the docs (did you mean 'other.md'?)"
    ]
    # The control: indented four columns in a list, the line is the item's text, and its link is the one rendered.
    text = "- item\n\n    [real](gone.md)\n\n```\n[code](gone.md)\n```\n"
    html = render_markdown(text, [("tables", {}), ("pymdownx.superfences", {})])
    assert html is not None
    pages = [PageLinks("index.md", scan_links(text), scan_html(html))]
    assert [render_diagnostic(d) for d in check_links(pages, INDEX)] == [
        "docs/index.md:3:12: error[link]: 'gone.md' not found: no file 'gone.md' in the docs (did you mean 'other.md'?)"
    ]


def test_a_footnote_whose_note_is_not_on_the_page_is_reported_at_its_reference() -> None:
    text = "# T\n\nA claim.[^a] Another.[^b]\n\n[^a]: The note.\n"
    assert check("index.md", text, ["#fn:a", "#fn:b"], ids={"fn:a", "fnref:a", "fnref:b"}) == [
        "docs/index.md:3:22: error[anchor]: footnote '[^b]' has no note on the rendered page (the note '[^b]: …' "
        "is missing, or the page lost its notes (they go wherever the footnotes extension's marker text is printed))"
    ]
    assert check("index.md", text) == []  # the control: without the rendered page nothing is known of its notes


def test_a_link_another_page_writes_is_checked_there_not_where_it_is_shown() -> None:
    """A blog's index shows each post's excerpt: the excerpt's links are the post's."""
    post = PageLinks("blog/post.md", scan_links("See [gone](../gone.md).\n"), PageHtml(frozenset(), ("../gone.md",)))
    index = PageLinks("blog/index.md", scan_links("# Blog\n"), PageHtml(frozenset(), ("../gone.md",)))
    site = index_paths(["blog/post.md", "blog/index.md", "index.md"])
    assert [render_diagnostic(d) for d in check_links([post, index], site)] == [
        "docs/blog/post.md:1:12: error[link]: '../gone.md' not found: no file 'gone.md' in the docs (did you mean '../index.md'?)"
    ]
    # The control: written by no page, the rendered link is the index page's own (an extension made it).
    assert [render_diagnostic(d) for d in check_links([index], site)] == [
        "docs/blog/index.md:1: error[link]: '../gone.md' not found: no page or file at 'gone.md' in the site"
    ]


def test_the_pages_file_says_where_each_page_was_published() -> None:
    from briefbook import read_pages_file, render_pages_file

    files = [
        SiteFile("index.md", "", True),
        SiteFile("blog/posts/first.md", "blog/2024/01/15/first-post/", True),
        SiteFile("img/map.png", "img/map.png", False),
        SiteFile("drafts/plan.md", "drafts/plan/", True, True),
    ]
    urls = read_pages_file(render_pages_file(files))
    assert urls == {"index.md": "", "blog/posts/first.md": "blog/2024/01/15/first-post/"}
    index = index_paths(["index.md", "blog/posts/first.md"], urls=urls)
    assert index.by_url["blog/2024/01/15/first-post/"].src == "blog/posts/first.md"
    assert read_pages_file("not json") == read_pages_file('{"version": 2, "pages": {}}') == {}


_WRITTEN = [
    "[own](#own)",
    "[missing](#missing)",
    "[other](other.md#custom-id)",
    "[other](other.md#nope)",
    "[self](index.md#own)",
    "[ext](https://example.org/)",
    "[mail](mailto:a@example.org)",
    '<a href="#own">own</a>',
    '<a href="C:/x">drive</a>',
    "[top](#)",
]
_RENDERED = [
    "#own",
    "#missing",
    "#",
    "#%6Fwn",
    "other/#custom-id",
    "other/#nope",
    "other.md#custom-id",
    "./#own",
    "https://example.org/",
    "//example.org/x",
    "mailto:a@example.org",
    "file:///etc/passwd",
    "FILE:x",
    "C:/x",
    "gone/",
]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(_WRITTEN), max_size=8),
    st.lists(st.sampled_from(_RENDERED), max_size=12),
    st.sets(st.sampled_from(["own", "other", "missing-not"]), max_size=3),
)
def test_links_that_cannot_fail_are_not_kept(written: list[str], rendered: list[str], ids: set[str]) -> None:
    """A page less its links that cannot fail is checked as the page whole."""
    text = "\n\n".join(written) + "\n"
    html = PageHtml(frozenset(ids), tuple(rendered))
    kept = without_settled_links(html)
    assert set(kept.links) <= set(rendered)

    def diagnostics(page: PageHtml) -> list[str]:
        pages = [
            PageLinks("index.md", scan_links(text), page),
            PageLinks("other.md", [], PageHtml(frozenset({"custom-id"}), ())),
        ]
        return [render_diagnostic(d) for d in check_links(pages, INDEX)]

    assert diagnostics(kept) == diagnostics(html)


def test_the_links_kept_are_those_that_may_fail() -> None:
    html = PageHtml(
        frozenset({"own"}), ("#own", "#", "#missing", "https://example.org/", "//cdn", "file:///x", "../other/#a")
    )
    assert without_settled_links(html).links == ("#missing", "file:///x", "../other/#a")
