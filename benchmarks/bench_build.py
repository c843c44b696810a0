"""Benchmark: what the book's hooks add to a MkDocs build, against MkDocs alone and htmlproofer.

For each size it writes the synthetic book (``synthetic.py``) in its three forms, then builds,
each build a whole ``mkdocs build --strict`` process, in interleaved rounds (A B C D E, A B C D E,
...) after one warm-up round:

- ``native``: the plain form, MkDocs alone;
- ``hooks``: the plain form with the book's hooks, which then only check;
- ``proofer``: the plain form with mkdocs-htmlproofer-plugin (external URLs off);
- ``written``: the written form (footnotes already in the Markdown), MkDocs alone;
- ``cited``: the cited form with the hooks, which check, render the citations and list the sources.

It prints, per size and build, the median and minimum wall time, CPU time (user and system) and
the peak resident memory of the build process (from ``wait4``, not the Python heap), then the
ratios of each round (hooks/native, proofer/native, cited/written) with their medians, and the
exponent of a power law fitted to the median times over the sizes: of each build, and of what
the hooks add (hooks less native, cited less written), which is the cost the linearity target
is about (MkDocs' own build is not linear: Material's navigation grows with the book). It fails
if any build fails.

``make bench`` runs it. It is not a test: times depend on the machine, so CI does not assert
them; the targets and the published table are on the About › Performance page.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic  # noqa: E402
from synthetic import write_cited, write_plain, write_written  # noqa: E402

BUILDS = {
    "native": ("plain", "native.yml"),
    "hooks": ("plain", "hooks.yml"),
    "proofer": ("plain", "proofer.yml"),
    "written": ("written", "native.yml"),
    "cited": ("cited", "mkdocs.yml"),
}
RATIOS = (("hooks", "native"), ("proofer", "native"), ("cited", "written"))
TARGET = 1.10
"""At most 10% more time and memory than the build compared against."""
EXPONENT = 1.05
"""At most this exponent of time over pages (linear growth)."""


@dataclass(frozen=True)
class Run:
    """One build: wall and CPU seconds, and the process's peak resident memory in MiB."""

    wall: float
    cpu: float
    rss: float


def build(folder: Path, config: str, site: Path) -> Run:
    """Build once in a new process; raise SystemExit with its output if it fails."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if synthetic.HOOKS.parent != synthetic.OWN_HOOKS.parent:  # --hooks: that checkout's library too
        env["PYTHONPATH"] = str(synthetic.HOOKS.parent)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", config, "-d", str(site)]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.stderr.write(output.decode("utf-8", "replace"))
        raise SystemExit(f"bench: the build of {folder.name}/{config} failed (exit {process.returncode})")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)  # ru_maxrss is in KiB on Linux


def bench_size(pages: int, rounds: int, folder: Path, names: list[str]) -> dict[str, list[Run]]:
    """Write the book of ``pages`` pages and build each named variant: a warm-up round, then ``rounds`` rounds."""
    cited = folder / "cited"
    write_cited(cited, pages)
    write_written(cited, folder / "written")
    write_plain(cited, folder / "plain")
    runs: dict[str, list[Run]] = {name: [] for name in names}
    for number in range(rounds + 1):
        for name in names:
            form, config = BUILDS[name]
            run = build(folder / form, config, folder / "site" / name)
            if number:  # round 0 warms the caches
                runs[name].append(run)
            print(f"  {pages} pages, round {number or 'warm-up'}: {name} {run.wall:.2f} s", file=sys.stderr)
    return runs


def fit_exponent(sizes: list[int], times: list[float]) -> float:
    """The exponent b of time = a * pages**b, by least squares on the logarithms."""
    xs = [math.log(size) for size in sizes]
    ys = [math.log(value) for value in times]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def added_exponent(results: dict[int, dict[str, list[Run]]], a: str, b: str) -> float | None:
    """The exponent of the time ``a`` adds to ``b`` (their median wall times' difference) over the sizes.

    None when a size lacks either build, or when ``a`` took no longer than ``b`` at some size
    (noise at a small size): a power law cannot be fitted to such a difference.
    """
    sizes, added = [], []
    for size, runs in results.items():
        if a not in runs or b not in runs:
            return None
        difference = statistics.median(r.wall for r in runs[a]) - statistics.median(r.wall for r in runs[b])
        if difference <= 0:
            return None
        sizes.append(size)
        added.append(difference)
    return fit_exponent(sizes, added) if len(sizes) >= 2 else None


ADDED = (("hooks", "native"), ("cited", "written"))
"""The builds whose added time the linearity target is about: the checks, and checks with citations."""


def report(results: dict[int, dict[str, list[Run]]]) -> str:
    """The Markdown tables: every build, the ratios, the exponents and the targets."""
    lines = [
        "| Pages | Build | Wall, median (s) | Wall, min (s) | CPU, median (s) | Peak memory, median (MiB) |",
        "| ---: | --- | ---: | ---: | ---: | ---: |",
    ]
    for pages, runs in results.items():
        for name, found in runs.items():
            wall = [r.wall for r in found]
            lines.append(
                f"| {pages:,} | {name} | {statistics.median(wall):.2f} | {min(wall):.2f} "
                f"| {statistics.median(r.cpu for r in found):.2f} | {statistics.median(r.rss for r in found):.0f} |"
            )
    lines += ["", "| Pages | Ratio | Time, per round | Time, median | Memory, median |"]
    lines += ["| ---: | --- | --- | ---: | ---: |"]
    for pages, runs in results.items():
        for a, b in RATIOS:
            if a not in runs or b not in runs:
                continue
            times = [x.wall / y.wall for x, y in zip(runs[a], runs[b], strict=True)]
            memory = statistics.median(x.rss / y.rss for x, y in zip(runs[a], runs[b], strict=True))
            rounds = " ".join(f"{t:.3f}" for t in times)
            lines.append(f"| {pages:,} | {a}/{b} | {rounds} | {statistics.median(times):.3f} | {memory:.3f} |")
    sizes = list(results)
    if len(sizes) >= 2:
        lines += ["", "| Build | Exponent of time over pages |", "| --- | ---: |"]
        for name in results[sizes[0]]:
            times = [statistics.median(r.wall for r in results[size][name]) for size in sizes]
            lines.append(f"| {name} | {fit_exponent(sizes, times):.3f} |")
        lines += ["", "| Added time | Exponent over pages |", "| --- | ---: |"]
        for a, b in ADDED:
            exponent = added_exponent(results, a, b)
            if exponent is not None:
                lines.append(f"| {a} less {b} | {exponent:.3f} |")
            elif a in results[sizes[0]] and b in results[sizes[0]]:
                lines.append(f"| {a} less {b} | none: at some size it added nothing |")
    return "\n".join(lines)


def verdict(results: dict[int, dict[str, list[Run]]]) -> list[str]:
    """The targets this run missed, at the largest size."""
    largest = max(results)
    runs = results[largest]
    missed = []
    for a, b in (("hooks", "native"), ("cited", "written")):
        if a not in runs or b not in runs:
            continue
        time_ratio = statistics.median(x.wall / y.wall for x, y in zip(runs[a], runs[b], strict=True))
        memory_ratio = statistics.median(x.rss / y.rss for x, y in zip(runs[a], runs[b], strict=True))
        if time_ratio > TARGET:
            missed.append(f"{a}/{b} time at {largest:,} pages: {time_ratio:.3f} (target at most {TARGET})")
        if memory_ratio > TARGET:
            missed.append(f"{a}/{b} peak memory at {largest:,} pages: {memory_ratio:.3f} (target at most {TARGET})")
    if len(results) >= 2:
        for a, b in ADDED:
            exponent = added_exponent(results, a, b)
            if exponent is not None and exponent > EXPONENT:
                missed.append(f"time {a} adds to {b}: exponent {exponent:.3f} (target at most {EXPONENT})")
    return missed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[100, 500, 2000], help="book sizes")
    parser.add_argument("--rounds", type=int, default=3, help="measured rounds after the warm-up")
    parser.add_argument("--output", type=Path, help="also write the tables to this Markdown file")
    parser.add_argument("--builds", nargs="+", choices=list(BUILDS), default=list(BUILDS), help="which builds")
    parser.add_argument("--hooks", type=Path, help="the hooks/ folder of another checkout, to measure that version")
    args = parser.parse_args()
    if args.hooks:
        synthetic.HOOKS = args.hooks.resolve() / "briefbook_hooks.py"
    results: dict[int, dict[str, list[Run]]] = {}
    for pages in args.pages:
        with tempfile.TemporaryDirectory(prefix=f"bench-{pages}-") as tmp:
            results[pages] = bench_size(pages, args.rounds, Path(tmp), args.builds)
    table = report(results)
    print(table)
    if args.output:
        args.output.write_text(table + "\n", encoding="utf-8")
    missed = verdict(results)
    for line in missed:
        print(f"bench: target missed: {line}", file=sys.stderr)
    return 0  # a missed target is reported, not a failure: only a failed build fails


if __name__ == "__main__":
    sys.exit(main())
