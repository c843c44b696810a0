"""Malformed input in real builds: one clear diagnostic at file and line, exit 1 from the build and the check
alike, never a traceback."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest

from conftest import MKDOCS, ROOT, make_site, run

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

BRIEFBOOK = str(ROOT / ".venv" / "bin" / "briefbook")
ISSUED = "issued: {date-parts: [[2025, 3, 12]]}"
TITLE = 'title: "A train report"'
REMOVE = "(remove it)"
NOT_TEXT = "source files hold only text, tabs and line breaks"
CITES = "docs/data/claims.yaml:8:15"  # the first citation of the fixture, in file order

CASES: dict[str, tuple[str, Callable[[str], str] | None, list[str]]] = {
    "form-feed-in-yaml": (
        "docs/sources.yaml",
        lambda t: t.replace("note: Reports the official figures.", 'note: "Reports\f the figures."'),
        [f"docs/sources.yaml:10:17: error[encoding]: control character U+000C (form feed); {NOT_TEXT} {REMOVE}"],
    ),
    "impossible-date": (
        "docs/sources.yaml",
        lambda t: t.replace(ISSUED, "issued: {date-parts: [[2025, 2, 30]]}"),
        [
            "docs/sources.yaml:6:11: error[registry]: invalid date in 'issued': 2025-2-30 (date-parts are [[year, month, day]])"
        ],
    ),
    "twenty-digit-year": (
        "docs/sources.yaml",
        lambda t: t.replace(ISSUED, "issued: {date-parts: [[20250000000000000000, 3, 12]]}"),
        [
            "docs/sources.yaml:6:11: error[registry]: invalid date in 'issued': 20250000000000000000-3-12"
            " (date-parts are [[year, month, day]])"
        ],
    ),
    "explicit-tag": (
        "docs/sources.yaml",
        lambda t: t.replace(TITLE, "title: !!timestamp 2025-01-01"),
        [
            "docs/sources.yaml:4:10: error[yaml]: the registry is not valid YAML:"
            " explicit tag '!!timestamp' is not allowed; write the value plainly"
        ],
    ),
    "python-tag": (
        "docs/sources.yaml",
        lambda t: t.replace(TITLE, 'title: !!python/object/apply:os.system ["true"]'),
        [
            "docs/sources.yaml:4:10: error[yaml]: the registry is not valid YAML:"
            " explicit tag '!!python/object/apply:os.system' is not allowed; write the value plainly"
        ],
    ),
    "unclosed-quote": (
        "docs/sources.yaml",
        lambda t: t.replace(TITLE, 'title: "A train report'),
        [
            "docs/sources.yaml:4:10: error[yaml]: the registry is not valid YAML: the quoted text that starts here"
            " is not closed (expected <block end>, but found '<scalar>')"
        ],
    ),
    "empty-registry": (
        "docs/sources.yaml",
        lambda t: "",
        [
            "docs/sources.yaml:1: error[cite]: the sources registry has no usable source, but 9 citations name a"
            f" source (the first at {CITES}) (add them to docs/sources.yaml, a YAML list of entries;"
            " CONTRIBUTING.md gives the fields)"
        ],
    ),
    "missing-registry": (
        "docs/sources.yaml",
        None,
        [
            "docs/sources.yaml:1: error[cite]: the sources registry is missing, but 9 citations name a"
            f" source (the first at {CITES}) (add them to docs/sources.yaml, a YAML list of entries;"
            " CONTRIBUTING.md gives the fields)"
        ],
    ),
    "nul-in-page": (
        "docs/index.md",
        lambda t: t.replace("# ", "# A\x00B ", 1),
        [f"docs/index.md:7:4: error[encoding]: control character U+0000 (NUL); {NOT_TEXT} {REMOVE}"],
    ),
    "escape-in-page": (
        "docs/index.md",
        lambda t: t.replace("# ", "# A\x1bB ", 1),
        [f"docs/index.md:7:4: error[encoding]: control character U+001B (escape); {NOT_TEXT} {REMOVE}"],
    ),
    "1000-deep-list": (  # 2 MB; Python-Markdown fails on 400 levels, after minutes
        "docs/index.md",
        lambda t: t + "\n" + "".join("    " * i + "- x\n" for i in range(1000)),
        [
            "docs/index.md:54:1: error[markdown]: line indented 104 columns; Markdown cannot render nesting that deep"
            " (indent at most 100 columns)"
        ],
    ),
    "10000-deep-quote": (
        "docs/index.md",
        lambda t: t + "\n" + ">" * 10_000 + " x\n",
        [
            "docs/index.md:28:1: error[markdown]: 10000 nested quotes; Markdown cannot render nesting that deep"
            " (nest at most 50 quotes)"
        ],
    ),
    "10000-deep-html": (
        "docs/index.md",
        lambda t: t + "\n" + "<div markdown>\n" * 10_000 + "x\n" + "</div>\n" * 10_000,
        [
            "docs/index.md:78:1: error[markdown]: HTML blocks nested 51 deep; Markdown cannot render nesting that"
            " deep (nest at most 50 blocks)"
        ],
    ),
    "emphasis-run": (
        "docs/index.md",
        lambda t: t + "\n" + "*" * 5000 + "x" + "*" * 5000 + "\n",
        [
            "docs/index.md:28:1: error[markdown]: a run of 5000 '*'; Markdown's emphasis cannot render it"
            " (write at most 100 in a row, or put them in code)"
        ],
    ),
    "fence-never-closed": (
        "docs/index.md",
        lambda t: t + "\n```\ncode\n\n[broken](nowhere.md)\n",
        ["docs/index.md:31:10: error[link]: 'nowhere.md' not found: no file 'nowhere.md' in the docs"],
    ),
}


def _reported(lines: list[str]) -> list[str]:
    """The diagnostics, without the unknown-source errors that follow from a registry entry left out."""
    return [line for line in lines if ": error[cite]: unknown source" not in line]


@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_one_clear_diagnostic_from_the_build_and_the_check(tmp_path: Path, case: str) -> None:
    path, change, expected = CASES[case]
    site = make_site("citations", tmp_path)
    target = site / path
    if change is None:
        target.unlink()
    else:
        target.write_bytes(change(target.read_text(encoding="utf-8")).encode("utf-8"))
    built = run([*MKDOCS, "build", "--strict"], cwd=site)
    checked = run([BRIEFBOOK, "check"], cwd=site)
    assert _reported(built.lines()) == expected
    assert _reported(checked.lines()) == expected
    assert (built.code, checked.code) == (1, 1)
    assert "Traceback" not in built.stderr + checked.stderr + checked.stdout


def test_a_file_name_that_is_not_utf8_is_reported_not_a_traceback(tmp_path: Path) -> None:
    site = make_site("citations", tmp_path)
    with open(os.path.join(os.fsencode(site / "docs"), b"caf\xe9.md"), "wb") as page:
        page.write(b"---\ntitle: x\n---\n\n# x\n")
    built = run([*MKDOCS, "build", "--strict"], cwd=site)
    checked = run([BRIEFBOOK, "check"], cwd=site)
    expected = [
        "docs/caf\\xe9.md:1: error[encoding]: file name is not UTF-8 (byte 0xe9); a URL cannot be made of it"
        " (rename it in UTF-8)"
    ]
    assert built.lines() == expected
    assert checked.lines() == expected
    assert (built.code, checked.code) == (1, 1)
    assert "Traceback" not in built.stderr + checked.stderr
