"""Benchmark: one ever larger page, to show that a build's time grows in proportion to a page's size.

Target: from 1 MB to 4 MB the build's seconds per megabyte grow by less than half (seen on the
project's 2-core machine: about 10 s per MB at 1, 2 and 4 MB, so a 5 MB page builds in under a
minute). Run with ``.venv/bin/python benchmarks/bench_big_page.py``. Not a test: timings vary
with the machine, so CI does not assert them; the scanners' own linear time is tested in
``tests/unit/test_linear_time.py``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARAGRAPH = "The province has seen protests and [a link](index.md) with `code`, *emphasis* and a note.\n\n"
CONFIG = """site_name: Big page
theme: {{name: material, font: false}}
hooks: [{hooks}]
markdown_extensions: [attr_list, md_in_html, footnotes, tables, toc]
nav: [index.md, big.md]
"""
FRONT = "---\ntitle: {title}\ndescription: A page.\nreviewed: 2026-12-01\n---\n\n# {title}\n\n"


def build(megabytes: int, folder: Path) -> float:
    """Build a site whose one content page holds about that many megabytes; return the seconds."""
    docs = folder / "docs"
    docs.mkdir(parents=True)
    (folder / "mkdocs.yml").write_text(CONFIG.format(hooks=ROOT / "hooks" / "briefbook_hooks.py"), encoding="utf-8")
    (docs / "index.md").write_text(FRONT.format(title="Home") + "Home.\n", encoding="utf-8")
    body = PARAGRAPH * (megabytes * 1_000_000 // len(PARAGRAPH))
    (docs / "big.md").write_text(FRONT.format(title="Big") + body, encoding="utf-8")
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
        cwd=folder,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"the {megabytes} MB build failed:\n{done.stderr}")
    return seconds


def main() -> int:
    root = Path(tempfile.mkdtemp(prefix="bench-big-"))
    try:
        rates = []
        for megabytes in (1, 2, 4):
            seconds = build(megabytes, root / str(megabytes))
            rates.append(seconds / megabytes)
            print(f"{megabytes} MB: {seconds:.1f} s ({seconds / megabytes:.1f} s per MB)")
        growth = rates[-1] / rates[0]
        print(f"seconds per MB grew {growth:.2f} times from 1 to 4 MB (target: under 1.5)")
        return 0 if growth < 1.5 else 1
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
