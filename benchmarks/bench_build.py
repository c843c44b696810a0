"""Benchmark: generate a synthetic book and time the checks and a full build.

Targets (on the project's 2-core CI machine): the library checks a 1,000-page book in
under 10 s with under 500 MiB peak memory, and a full strict build stays linear in
pages. Run with ``make bench`` (or ``.venv/bin/python benchmarks/bench_build.py --pages N``).
This is not a test: timings vary with the machine, so CI does not assert them.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from briefbook.cli import main as briefbook_main

ROOT = Path(__file__).resolve().parent.parent
PAGE = """---
title: Page {n}
description: Synthetic page {n}.
reviewed: 2026-11-24
---

# Page {n}

## Section {{#section}}

A paragraph that links to [the next page](page-{next}.md#section) and cites a source [@source-{s}].
See also [the first page](page-0.md) and the [home page](../index.md).

| Source | Figure |
| --- | --- |
| Official | 26 [@source-{s}, p. 3] |

- A list item with a figure from 2025 [see @source-{s}].
"""


def generate(folder: Path, pages: int) -> None:
    """Write a synthetic book with ``pages`` pages into ``folder``."""
    docs = folder / "docs"
    (docs / "pages").mkdir(parents=True)
    (docs / "sources").mkdir()
    sources = max(1, pages // 10)
    for n in range(pages):
        (docs / "pages" / f"page-{n}.md").write_text(
            PAGE.format(n=n, next=(n + 1) % pages, s=n % sources), encoding="utf-8"
        )
    (docs / "index.md").write_text("---\ntitle: Home\ndescription: Home.\nreviewed: 2026-11-24\n---\n\n# Home\n")
    (docs / "sources" / "index.md").write_text(
        "---\ntitle: Sources\ndescription: All.\nreviewed: 2026-11-24\n---\n\n# Sources\n\n<!-- data: sources -->\n"
    )
    entries = [
        f"- id: source-{k}\n  type: webpage\n  title: Source {k}\n  publisher: Publisher\n"
        f"  issued: {{date-parts: [[2025, 1, 1]]}}\n  URL: https://example.org/{k}\n"
        f"  accessed: {{date-parts: [[2026, 11, 24]]}}\n  kind: analysis\n  note: Synthetic.\n"
        for k in range(sources)
    ]
    (docs / "sources.yaml").write_text("".join(entries), encoding="utf-8")
    nav = "\n".join(f"      - pages/page-{n}.md" for n in range(pages))
    (folder / "mkdocs.yml").write_text(
        f"site_name: Bench\nsite_url: http://127.0.0.1:8000/\ntheme: {{name: material, font: false}}\n"
        f"exclude_docs: |\n  /sources.yaml\n"
        f"hooks: [{ROOT / 'hooks' / 'briefbook_hooks.py'}]\n"
        f"validation: {{links: {{not_found: info, anchors: info}}, nav: {{omitted_files: info, not_found: info}}}}\n"
        f"markdown_extensions: [footnotes, attr_list, md_in_html, tables, toc]\n"
        f"nav:\n  - index.md\n  - sources/index.md\n  - Pages:\n{nav}\n",
        encoding="utf-8",
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--build", action="store_true", help="also time a full strict MkDocs build")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        generate(folder, args.pages)
        tracemalloc.start()
        started = time.perf_counter()
        status = briefbook_main(["check", "--config", str(folder / "mkdocs.yml")])
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        print(f"check: {args.pages} pages in {seconds:.2f} s, peak {peak:.0f} MiB, exit {status}", file=sys.stderr)
        if args.build:
            started = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=folder, check=False)
            print(
                f"build: {args.pages} pages in {time.perf_counter() - started:.2f} s, exit {done.returncode}",
                file=sys.stderr,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
