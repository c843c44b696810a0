"""Content safety in real builds: every vector refused at its line by the build and the check alike."""

from __future__ import annotations

from typing import TYPE_CHECKING

from conftest import MKDOCS, ROOT, make_site, run
from xss_vectors import MARKDOWN, NEUTRALISED_BY_MARKDOWN, OWASP

if TYPE_CHECKING:
    from pathlib import Path

BRIEFBOOK = str(ROOT / ".venv" / "bin" / "briefbook")
FRONT = "---\ntitle: Vector\ndescription: One vector.\nreviewed: 2026-12-01\n---\n\n# Vector\n\n"
LINE = FRONT.count("\n") + 1
"""The line each vector page's vector starts on."""


def _unsafe(result_lines: list[str]) -> list[str]:
    return [line for line in result_lines if "error[unsafe-html]" in line]


def test_every_vector_fails_the_build_and_the_check_at_its_line_and_none_is_published(tmp_path: Path) -> None:
    vectors = OWASP + MARKDOWN
    site = make_site("clean", tmp_path)
    (site / "docs" / "v").mkdir()
    for number, vector in enumerate(vectors):
        (site / "docs" / "v" / f"{number:03}.md").write_text(f"{FRONT}{vector}\n\nAfter.\n", encoding="utf-8")
    built = run([*MKDOCS, "build", "--strict"], cwd=site)
    checked = run([BRIEFBOOK, "check"], cwd=site)
    assert (built.code, checked.code) == (1, 1)
    assert "Traceback" not in built.stderr + checked.stderr
    found = _unsafe(built.lines())
    assert found == _unsafe(checked.lines())
    for number, vector in enumerate(vectors):
        lines = {int(line.split(":")[1]) for line in found if line.startswith(f"docs/v/{number:03}.md:")}
        if vector in NEUTRALISED_BY_MARKDOWN:
            assert lines == set(), vector
        else:
            assert lines and lines <= set(range(LINE, LINE + vector.count("\n") + 1)), (vector, lines)
    assert not (site / "site").exists()
