"""The engine exit route: ProperDocs, the maintained fork of MkDocs 1.6, builds the same book and fails the same way.

MkDocs 1.x is no longer developed; ProperDocs reads the same mkdocs.yml, runs the same hooks,
plugins and theme. These builds take about a minute each.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from conftest import MKDOCS, REPO_URL, run

PROPERDOCS = [sys.executable, "-m", "properdocs"]
GENERATOR = re.compile(r'\n\s*<meta name="generator" content="[^"]*">')
"""The one line that names the engine."""


def files(site: Path) -> dict[str, bytes]:
    """Every file of a built site, the engine's name taken out of the pages (and the gzip copy of the sitemap)."""
    found = {}
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.is_file() and rel != "sitemap.xml.gz":
            data = path.read_bytes()
            found[rel] = GENERATOR.sub("", data.decode()).encode() if rel.endswith(".html") else data
    return found


def test_properdocs_builds_the_same_site(book: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    root = Path(__file__).resolve().parents[2]
    built = run(
        [*PROPERDOCS, "build", "-f", "mkdocs.yml", "--strict", "-d", str(out)], cwd=root, env={"REPO_URL": REPO_URL}
    )
    assert built.code == 0, built.stderr
    assert "ProperDocs" in (out / "index.html").read_text(encoding="utf-8")  # the control: it was the other engine
    theirs, ours = files(out), files(book)
    assert sorted(theirs) == sorted(ours)
    assert [name for name in ours if theirs[name] != ours[name]] == []


@pytest.fixture
def planted(repo: Path) -> Path:
    """The book with one broken anchor and one link to a missing page planted in a profile."""
    page = repo / "docs" / "groups" / "bla.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\nSee [the leaders](#leadr) and [the list](../gone.md).\n", encoding="utf-8")
    return repo


def test_properdocs_fails_on_a_planted_defect_as_mkdocs_does(planted: Path) -> None:
    line = len((planted / "docs" / "groups" / "bla.md").read_text(encoding="utf-8").splitlines())
    expected = [
        f"docs/groups/bla.md:{line}:19: error[anchor]: '#leadr' is not an anchor of this page (did you mean '#leadership'?)",
        f"docs/groups/bla.md:{line}:42: error[link]: '../gone.md' not found: no file 'gone.md' in the docs "
        "(did you mean '../index.md'?)",
    ]
    outcomes = []
    for engine in (MKDOCS, PROPERDOCS):
        result = run([*engine, "build", "-f", "mkdocs.yml", "--strict", "-q", "-d", str(planted / "out")], cwd=planted)
        outcomes.append((result.code, result.lines()))
    assert outcomes[0] == outcomes[1]
    code, lines = outcomes[0]
    assert code == 1
    assert [line for line in lines if "error[" in line] == expected


def test_the_plugin_runs_under_properdocs(tmp_path: Path) -> None:
    """With Material: ProperDocs ships no theme of its own (MkDocs' is a separate package there)."""
    from test_links_plugin import EXPECTED, project

    site = project(tmp_path, "material")
    result = run([*PROPERDOCS, "build", "-f", "mkdocs.yml"], cwd=site)
    assert result.lines() == EXPECTED
    assert result.code == 1
