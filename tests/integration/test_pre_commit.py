"""pre-commit runs the book's configuration from the lock, in an isolated home, with no network."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from conftest import ROOT, Result, run

PRE_COMMIT = ROOT / ".venv" / "bin" / "pre-commit"
HOOKS = [
    "trim trailing whitespace",
    "end files with one newline",
    "check YAML syntax",
    "check mkdocs.yml syntax (its !ENV and Python tags allowed)",
    "briefbook check (pages, links, citations; registry and data files against their JSON Schemas)",
]


def _pre_commit(repo: Path, *args: str) -> Result:
    home = repo.parent / "pre-commit-home"
    return run([str(PRE_COMMIT), "run", "--color", "never", *args], cwd=repo, env={"PRE_COMMIT_HOME": str(home)})


def _outcomes(result: Result) -> dict[str, str]:
    found = re.findall(r"^(.+?)\.{3,}(Passed|Failed|\(no files to check\)Skipped)$", result.stdout, re.MULTILINE)
    return dict(found)


def test_the_repository_passes_every_hook(repo: Path) -> None:
    result = _pre_commit(repo, "--all-files")
    assert result.code == 0, result.stdout + result.stderr
    assert _outcomes(result) == {hook: "Passed" for hook in HOOKS}


def test_the_hooks_catch_whitespace_bad_yaml_and_a_broken_link_in_the_changed_files(repo: Path) -> None:
    page = repo / "docs" / "about" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "See [the list](missing.md). \n", encoding="utf-8")
    data = repo / "docs" / "data" / "extra.yaml"
    data.write_text("- id: [unclosed\n", encoding="utf-8")
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    result = _pre_commit(repo, "--files", "docs/about/index.md", "docs/data/extra.yaml")
    assert result.code == 1
    outcomes = _outcomes(result)
    assert outcomes["trim trailing whitespace"] == "Failed"
    assert outcomes["check YAML syntax"] == "Failed"
    assert outcomes[HOOKS[-1]] == "Failed"
    lines = page.read_text(encoding="utf-8").splitlines()
    assert lines[-1] == "See [the list](missing.md)."  # the fixer trimmed it
    reported = [line for line in result.stdout.splitlines() if ": error[" in line]
    assert reported == [
        f"docs/about/index.md:{len(lines)}:16: error[link]: 'missing.md' not found: no file 'about/missing.md' in the "
        "docs (did you mean 'index.md'?)"
    ]
