"""Print the PDF edition: Chromium turns the print-site plugin's one page into a PDF.

Usage: ``python tools/print_pdf.py BUILT_SITE OUTPUT.pdf`` (``make pdf`` runs it). BUILT_SITE is a
site built with ``BRIEFBOOK_PDF=true``, which holds ``print_page.html``: a cover, a table of contents
and every page in nav order. Chromium prints it from disk, offline, to A4 pages (the book's print
style sheet numbers them at the foot), with the headings as the PDF's outline (bookmarks), links
inside the book as links inside the PDF and links to sources clickable. The browser is the one the
browser tests use (``CHROMIUM``, Debian's ``/usr/bin/chromium`` by default); nothing is downloaded.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Flags that keep Chromium from calling home: the print reads local files only.
ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-gpu",
    "--no-first-run",
    "--disable-quic",
    "--allow-file-access-from-files",
]


def print_pdf(site: Path, output: Path) -> int:
    """Print ``site/print_page.html`` to ``output``; return the exit status (0, or 1 with a message)."""
    page_file = site / "print_page.html"
    if not page_file.is_file():
        print(f"{page_file}: error: no print page; build the site with BRIEFBOOK_PDF=true first", file=sys.stderr)
        return 1
    if not Path(CHROMIUM).is_file():
        print(f"error: no Chromium at {CHROMIUM}: sudo apt-get install chromium (or set CHROMIUM)", file=sys.stderr)
        return 1
    output.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        outside: list[str] = []
        page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("file:", "data:")) else None)
        page.goto(page_file.as_uri())
        page.wait_for_load_state("load")
        page.evaluate("document.fonts.ready.then(() => true)")
        page.emulate_media(media="print", color_scheme="light")
        page.pdf(
            path=output,
            format="A4",
            margin={"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"},
            print_background=True,
            outline=True,
            tagged=True,
        )
        browser.close()
    if outside:
        print(f"error: the print page asked for {outside[0]}: the PDF must be made offline", file=sys.stderr)
        return 1
    print(f"{output}: {output.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        sys.exit(2)
    sys.exit(print_pdf(Path(sys.argv[1]), Path(sys.argv[2])))
