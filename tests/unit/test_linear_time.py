"""Every scanner reads pathological input in linear time: four times the input, at most about four times the time.

A scanner that is quadratic takes sixteen times as long on four times the input; the bound of eight
leaves room for a busy machine. Each measure is the fastest of three runs of the process's CPU time,
with the garbage collector paused; a pair that looks slow is measured again before it counts, so one
collection or one busy moment on a shared runner cannot fail the test, while a quadratic scanner is
slow every time.
"""

from __future__ import annotations

import gc
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from briefbook import (
    SourceText,
    check_front_matter,
    check_html,
    check_nesting,
    check_page_resources,
    check_uncited,
    find_placeholders,
    load_book_data,
    mask_markdown,
    parse_markers,
    scan_html,
    scan_links,
    script_hashes,
)
from briefbook.glossary import check_acronyms
from briefbook.wording import check_wording

if TYPE_CHECKING:
    from collections.abc import Callable

DATA = load_book_data(Path(__file__).resolve().parents[2] / "docs")

SCANNERS: dict[str, Callable[[str], object]] = {
    "mask_markdown": mask_markdown,
    "scan_links": scan_links,
    "parse_markers": lambda text: parse_markers("p.md", text),
    "check_uncited": lambda text: check_uncited("p.md", text, []),
    "check_wording": lambda text: check_wording("p.md", text, DATA.wording, []),
    "check_acronyms": lambda text: check_acronyms("p.md", text, DATA.terms or []),
    "find_placeholders": find_placeholders,
    "check_front_matter": lambda text: check_front_matter("p.md", "---\ntitle: " + text + "\n---\n"),
    "check_nesting": lambda text: check_nesting("p.md", text),
    "scan_html": scan_html,
    "check_html": lambda text: check_html(text, [SourceText("p.md", text)]),
    "check_page_resources": lambda text: check_page_resources("p.html", text),
    "script_hashes": script_hashes,
}

UNITS = [
    "<a ", "[", "]", "(", "[x](", "[@", "[^", "`", "``x", "<", "<!--", "\\", "*a", "<div ", "{: ", "“a", " ‘a",
    "<q>a", '"a', "- a\n", "    - a\n", "| a |\n", "> ", "<script>a", "<!-- data: x",
]  # fmt: skip


def _cpu(function: Callable[[str], object], text: str, runs: int = 3) -> float:
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(runs):
            start = time.process_time()
            function(text)
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return best


def _too_slow(small: float, large: float) -> bool:
    return large > 0.02 and large > 8 * max(small, 0.0025)


def _slow_units(function: Callable[[str], object], size: int, units: list[str]) -> list[str]:
    slow = []
    for unit in units:
        n = max(1, size // len(unit))
        small = _cpu(function, unit * n)
        large = _cpu(function, unit * (4 * n))
        if _too_slow(small, large):
            small = _cpu(function, unit * n, runs=5)
            large = _cpu(function, unit * (4 * n), runs=5)
            if _too_slow(small, large):
                slow.append(f"{unit!r}: {small:.3f}s, then {large:.3f}s")
    return slow


@pytest.mark.parametrize("scanner", SCANNERS)
def test_four_times_the_input_takes_at_most_about_four_times_as_long(scanner: str) -> None:
    size = 600 if scanner == "check_front_matter" else 6_000  # PyYAML composes in pure Python
    assert _slow_units(SCANNERS[scanner], size, UNITS) == []


def test_a_quadratic_scanner_is_reported() -> None:
    def quadratic(text: str) -> int:  # copies every earlier line for each line
        lines = text.splitlines()
        return sum(1 for i, line in enumerate(lines) if line in lines[:i])

    slow = _slow_units(quadratic, 12_000, ["- a\n"])
    assert [entry.split(":")[0] for entry in slow] == ["'- a\\n'"]
