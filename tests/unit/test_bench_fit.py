"""The benchmark's fits: the linearity target is read on the time the hooks add, fitted as a power law."""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_build import Run, added_exponent, verdict  # noqa: E402

SIZES = (100, 500, 2000)


def _results(native: list[float], hooks: list[float]) -> dict[int, dict[str, list[Run]]]:
    return {
        size: {"native": [Run(n, n, 100)], "hooks": [Run(h, h, 100)]}
        for size, n, h in zip(SIZES, native, hooks, strict=True)
    }


def test_an_added_time_that_grows_with_the_pages_has_exponent_one_whatever_the_native_build_does() -> None:
    native = [0.001 * size**1.2 for size in SIZES]  # MkDocs' own build, not linear
    results = _results(native, [n + 0.0001 * size for n, size in zip(native, SIZES, strict=True)])
    assert added_exponent(results, "hooks", "native") == pytest.approx(1.0)
    assert verdict(results) == []


def test_an_added_time_that_grows_with_the_square_of_the_pages_misses_the_target() -> None:
    native = [0.01 * size for size in SIZES]
    results = _results(native, [n + 2.5e-7 * size**2 for n, size in zip(native, SIZES, strict=True)])
    assert added_exponent(results, "hooks", "native") == pytest.approx(2.0)
    assert verdict(results) == ["time hooks adds to native: exponent 2.000 (target at most 1.05)"]


def test_no_exponent_when_the_hooks_added_nothing_at_some_size() -> None:
    results = _results([1.0, 5.0, 20.0], [0.9, 5.5, 22.0])
    assert added_exponent(results, "hooks", "native") is None
    assert added_exponent(results, "cited", "written") is None  # neither build was run
