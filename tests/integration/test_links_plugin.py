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
