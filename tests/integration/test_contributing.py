"""CONTRIBUTING.md's own example, followed from a fresh copy: add a source, cite it, see the check pass or fail."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT, run

BRIEFBOOK = str(ROOT / ".venv" / "bin" / "briefbook")
GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def _example_entry() -> str:
    """The registry entry CONTRIBUTING.md shows, exactly as a contributor would copy it."""
    section = GUIDE[GUIDE.index("## Adding and citing a source") :]
    match = re.search(r"```yaml\n(- id: .*?)```", section, re.DOTALL)
    assert match
    return match.group(1)


def test_adding_and_citing_the_guides_example_source_passes(repo: Path) -> None:
    registry = repo / "docs" / "sources.yaml"
    registry.write_text(registry.read_text(encoding="utf-8") + _example_entry(), encoding="utf-8")
    page = repo / "docs" / "background" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA sentence with its source [@dawn-2025-example-slug].\n")
    result = run([BRIEFBOOK, "check"], cwd=repo)
    assert (result.code, result.lines()) == (0, [])


def test_a_mistyped_key_fails_with_the_line_and_a_suggestion(repo: Path) -> None:
    registry = repo / "docs" / "sources.yaml"
    registry.write_text(registry.read_text(encoding="utf-8") + _example_entry(), encoding="utf-8")
    page = repo / "docs" / "background" / "index.md"
    text = page.read_text(encoding="utf-8") + "\nA sentence with its source [@dawn-2025-exmple-slug].\n"
    page.write_text(text, encoding="utf-8")
    line = len(text.splitlines())
    entry = registry.read_text(encoding="utf-8").splitlines().index("- id: dawn-2025-example-slug") + 1
    result = run([BRIEFBOOK, "check"], cwd=repo)
    assert result.code == 1
    assert result.lines() == [
        f"docs/background/index.md:{line}:29: error[cite]: unknown source '@dawn-2025-exmple-slug': not in "
        "docs/sources.yaml (did you mean '@dawn-2025-example-slug'?)",
        f"docs/sources.yaml:{entry}: error[unused-source]: source 'dawn-2025-example-slug' is cited by no page "
        "(cite it where it supports the text, or remove it)",
    ]
