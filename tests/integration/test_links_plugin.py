"""The ``briefbook-links`` plugin on a project that is not the book, with either theme; and its wheel."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import FIXTURES, MKDOCS, run

EXPECTED = [
    "docs/guide.md:9:48: error[anchor]: '#configure' is not an anchor of this page",
    "docs/index.md:4:23: error[anchor]: '#instal' is not an anchor of guide.md (did you mean '#install'?)",
    "docs/index.md:6:23: error[link]: 'setup.md' not found: no file 'setup.md' in the docs (did you mean 'extra.md'?)",
    "docs/index.md:6:44: error[link]: 'drafts/plan.md' is not published: exclude_docs leaves 'drafts/plan.md' out "
    "of the site (link to a published page, or publish this one)",
]
"""Not reported: the link in code, the ignored reference, the excluded draft's own broken link."""


def project(tmp_path: Path, theme: str, options: str = '      ignore: ["api/*"]\n') -> Path:
    """Copy the fixture project with the given theme and plugin options."""
    site = tmp_path / "project"
    shutil.copytree(FIXTURES / "plugin-project", site)
    config = (site / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace('      ignore: ["api/*"]\n', options)
    (site / "mkdocs.yml").write_text(config + f"theme:\n  name: {theme}\n", encoding="utf-8")
    return site


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_the_plugin_reports_each_broken_link_at_its_place_and_fails(tmp_path: Path, theme: str) -> None:
    site = project(tmp_path, theme)
    result = run([*MKDOCS, "build"], cwd=site)
    assert result.lines() == EXPECTED
    assert "briefbook-links: 4 errors" in result.stderr
    assert result.code == 1


def test_the_plugin_passes_a_clean_project(tmp_path: Path) -> None:
    site = project(tmp_path, "mkdocs")
    (site / "docs" / "index.md").write_text("# Widgets\n\nRead the [guide](guide.md#install).\n", encoding="utf-8")
    (site / "docs" / "guide.md").write_text(
        "# Guide\n\n## Install\n\n## Usage\n\nSee [more](extra.md).\n", encoding="utf-8"
    )
    result = run([*MKDOCS, "build", "--strict"], cwd=site)
    assert result.lines() == []
    assert result.code == 0, result.stderr


def test_as_warnings_only_a_strict_build_fails(tmp_path: Path) -> None:
    site = project(tmp_path, "mkdocs", '      severity: warning\n      ignore: ["api/*"]\n')
    relaxed = run([*MKDOCS, "build"], cwd=site)
    assert relaxed.code == 0, relaxed.stderr
    warned = [line.split("WARNING -  ", 1)[1] for line in relaxed.stderr.splitlines() if "WARNING -  docs/" in line]
    assert warned == [line.replace(": error[", ": warning[") for line in EXPECTED]
    assert run([*MKDOCS, "build", "--strict"], cwd=site).code == 1


def test_without_ignores_the_ignored_target_is_reported(tmp_path: Path) -> None:
    """The control for ``ignore``: the reference link is broken, only the option keeps it quiet."""
    site = project(tmp_path, "mkdocs", "      severity: error\n")
    result = run([*MKDOCS, "build"], cwd=site)
    assert (
        "docs/index.md:6:80: error[link]: 'api/index.md' not found: no file 'api/index.md' in the docs "
        "(did you mean 'index.md'?)"
    ) in result.lines()


def test_a_bad_option_is_a_configuration_error(tmp_path: Path) -> None:
    site = project(tmp_path, "mkdocs", "      severity: fatal\n")
    result = run([*MKDOCS, "build"], cwd=site)
    assert result.code == 1
    assert "Plugin 'briefbook-links' option 'severity'" in result.stderr + result.stdout


def test_python_m_build_makes_a_wheel_with_the_plugin(repo: Path, tmp_path: Path) -> None:
    """The wheel carries the library, its schemas, the plugin module and the entry point MkDocs looks up."""
    out = tmp_path / "dist"
    done = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(repo)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    (wheel,) = out.glob("briefbook-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        (entry_points,) = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
        entries = archive.read(entry_points).decode()
    assert {
        "briefbook_mkdocs.py",
        "briefbook/links.py",
        "briefbook/schemas/sources.schema.json",
        "briefbook/schemas/events.schema.json",
    } <= names
    assert "[mkdocs.plugins]\nbriefbook-links = briefbook_mkdocs:LinksPlugin\n" in entries
    assert "[console_scripts]\nbriefbook = briefbook.cli:main\n" in entries


def test_the_standalone_check_reads_mkdocs_yml_and_agrees_with_the_plugin(tmp_path: Path) -> None:
    """``briefbook links`` learns docs_dir, exclude_docs and the URL layout from mkdocs.yml; the built site gives anchors."""
    site = project(tmp_path, "material", "      severity: warning\n")
    (site / "mkdocs.yml").write_text(
        (site / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .replace("site_url:", "docs_dir: docs\nuse_directory_urls: false\nsite_url:"),
        encoding="utf-8",
    )
    built = run([*MKDOCS, "build"], cwd=site)
    assert built.code == 0, built.stderr
    plugin = [line.split("WARNING -  ", 1)[1] for line in built.stderr.splitlines() if "WARNING -  docs/" in line]
    flat = "docs/index.md:11:10: warning[link]: 'guide/#usage' not found: no page or file at 'guide/' in the site (did you mean 'guide.html#usage'?)"
    assert flat in plugin  # pages are guide.html now: the raw HTML link breaks
    briefbook = [sys.executable, "-m", "briefbook.cli", "links"]
    standalone = run([*briefbook, "--site", "site"], cwd=site)
    assert sorted(standalone.lines()) == sorted(line.replace(": warning[", ": error[") for line in plugin)
    assert len(plugin) == 6
    assert standalone.code == 1
    # The control: given the docs folder alone, nothing says the draft is left out, so it is checked as a page.
    folder = run([*briefbook, "docs", "--site", "site"], cwd=site)
    assert [line for line in folder.lines() if "drafts/" in line] == [
        "docs/drafts/plan.md:3:53: error[link]: 'nothing.md' not found: no file 'drafts/nothing.md' in the docs "
        "(did you mean 'plan.md'?)"
    ]


def test_a_link_from_an_included_file_is_reported_at_the_include_line(tmp_path: Path) -> None:
    """pymdownx.snippets puts a file's text into the page: its broken link is shown where the page names the file."""
    site = project(tmp_path, "material")
    config = (site / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - toc:\n", "  - pymdownx.snippets:\n      base_path: [snippets]\n  - toc:\n")
    (site / "mkdocs.yml").write_text(config, encoding="utf-8")
    (site / "snippets").mkdir()
    (site / "snippets" / "note.md").write_text("Shared note.\n\nSee the [old page](old.md).\n", encoding="utf-8")
    guide = site / "docs" / "guide.md"
    guide.write_text(guide.read_text(encoding="utf-8") + '\n--8<-- "note.md"\n', encoding="utf-8")
    expected = "docs/guide.md:11:9: error[link]: 'old.md' not found: no file 'old.md' in the docs"
    built = run([*MKDOCS, "build"], cwd=site)
    assert expected in built.lines()
    assert not [line for line in built.lines() if line.startswith("docs/guide.md:1:")]
    standalone = run([sys.executable, "-m", "briefbook.cli", "links"], cwd=site)
    assert expected in standalone.lines()


BLOG = [
    "docs/blog/posts/first.md:7:33: error[link]: '../../setup.md' not found: no file 'setup.md' in the docs",
    "docs/blog/posts/first.md:11:37: error[link]: '../../gone.md#x' not found: no file 'gone.md' in the docs "
    "(did you mean '../../index.md#x'?)",
]
"""Once each, at the post: not again where the blog's index and archive show the excerpt."""


def test_pages_a_plugin_moves_are_checked_on_their_html_where_they_were_published(tmp_path: Path) -> None:
    """Material's blog publishes posts under their dates: the build says where, in the site's pages file."""
    site = tmp_path / "blog"
    shutil.copytree(FIXTURES / "blog-project", site)
    built = run([*MKDOCS, "build"], cwd=site)
    assert built.code == 0, built.stderr
    warned = [line.split("WARNING -  ", 1)[1] for line in built.stderr.splitlines() if "WARNING -  docs/" in line]
    assert warned == [line.replace(": error[", ": warning[") for line in BLOG]
    assert (site / "site" / "blog" / "2024" / "01" / "15" / "first-post" / "index.html").is_file()
    standalone = run([sys.executable, "-m", "briefbook.cli", "links", "--site", "site"], cwd=site)
    assert standalone.lines() == BLOG
    # The control: without the pages file the post's HTML is not found, and its source is read instead,
    # where an unused reference definition counts as a link.
    (site / "site" / "briefbook-pages.json").unlink()
    blind = run([sys.executable, "-m", "briefbook.cli", "links", "--site", "site"], cwd=site)
    assert blind.lines() == [
        *BLOG,
        "docs/blog/posts/first.md:17:11: error[link]: '../../nowhere-either.md' not found: no file "
        "'nowhere-either.md' in the docs",
    ]
