"""The PDF edition, made as `make pdf` makes it and read back with pypdf."""

from __future__ import annotations

import re
import sys

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

from conftest import MKDOCS, ROOT, run

pytestmark = pytest.mark.browser

# The book's sections, as the nav orders them; each is a bookmark of the PDF, in this order.
SECTIONS = [
    "Background", "Root causes", "Demands", "Security landscape", "Armed groups", "Regional ramifications",
    "Timeline", "Other actors", "Glossary", "Claims register", "Sources", "About",
]  # fmt: skip


@pytest.fixture(scope="module")
def pdf(browser: object, tmp_path_factory: pytest.TempPathFactory) -> PdfReader:
    """The PDF edition of the book (``browser`` first: without Chromium this is skipped, or fails in CI)."""
    folder = tmp_path_factory.mktemp("pdf")
    built = run(
        [*MKDOCS, "build", "--strict", "-q", "-d", str(folder / "site")], cwd=ROOT, env={"BRIEFBOOK_PDF": "true"}
    )
    assert built.code == 0, built.stderr
    printed = run([sys.executable, "tools/print_pdf.py", str(folder / "site"), str(folder / "book.pdf")], cwd=ROOT)
    assert printed.code == 0, printed.stderr
    assert printed.stdout.startswith(f"{folder / 'book.pdf'}: ")
    return PdfReader(folder / "book.pdf")


def _titles(outline: list[object], depth: int = 0) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for item in outline:
        if isinstance(item, list):
            found += _titles(item, depth + 1)
        else:
            found.append((depth, str(item.title)))  # type: ignore[attr-defined]
    return found


def _latest_review() -> str:
    dates = re.findall(r"^reviewed: (\d{4}-\d{2}-\d{2})$", "\n".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md")
    ), re.MULTILINE)  # fmt: skip
    return max(dates)


def test_the_cover_has_the_title_and_the_latest_review_date(pdf: PdfReader) -> None:
    cover = pdf.pages[0].extract_text()
    assert "Balochistan briefing book" in cover
    assert f"PDF edition, latest review: {_latest_review()}" in cover
    assert "127.0.0.1" not in cover  # the local address is no address for a reader
    assert "Contents" in pdf.pages[1].extract_text()


def test_every_page_is_there_in_nav_order_with_a_bookmark_for_each_section(pdf: PdfReader) -> None:
    assert len(pdf.pages) > 150
    titles = _titles(pdf.outline)
    top = [title for depth, title in titles if depth == 0]  # each page's own title
    positions = [top.index(section) for section in SECTIONS]
    assert positions == sorted(positions)
    for page_title in ("Balochistan Liberation Army (BLA)", "The Jaffar Express hijacking", "Corrections log"):
        assert page_title in [title for _, title in titles]


def test_page_numbers_headings_and_references_are_in_the_text(pdf: PdfReader) -> None:
    text = {i: page.extract_text() for i, page in enumerate(pdf.pages)}
    total = len(pdf.pages)
    numbered = [i for i in range(2, total) if re.search(rf"(^|\D){i + 1} / {total}(\D|$)", text[i])]
    assert len(numbered) > total * 0.9, "the foot of each page after the contents says 'n / total'"
    bla = next(i for i, t in text.items() if "Balochistan Liberation Army (BLA)" in t and "Fact box" in t)
    after = " ".join(text[i] for i in range(bla, min(bla + 40, len(pdf.pages))))
    assert "Leadership" in after and "References" in after
    assert "Source entry" in after  # a reference, as the site prints it
    assert "globalnews.ca" in after


def test_links_inside_the_book_land_on_their_pages_and_sources_are_clickable(pdf: PdfReader) -> None:
    internal, external = [], []
    for page in pdf.pages:
        for annotation in page.get("/Annots") or []:
            link = annotation.get_object()
            action = link.get("/A")
            if isinstance(action, DictionaryObject) and action.get("/S") == "/URI":
                external.append(str(action["/URI"]))
            elif "/Dest" in link or (isinstance(action, DictionaryObject) and action.get("/S") == "/GoTo"):
                internal.append(link.get("/Dest", action.get("/D") if isinstance(action, DictionaryObject) else None))
    assert any(url.startswith("https://www.dawn.com/") for url in external)
    assert len(internal) > 500
    destinations = pdf.named_destinations
    contents = pdf.pages[1]
    landed = []
    for annotation in contents.get("/Annots") or []:
        link = annotation.get_object()
        target = link.get("/Dest")
        if isinstance(target, ArrayObject):
            landed.append(pdf.get_page_number(target[0].get_object()))
        elif target is not None and str(target) in destinations:
            landed.append(pdf.get_destination_page_number(destinations[str(target)]))
    assert landed, "the table of contents links to the pages"
    assert all(number > 1 for number in landed) and landed == sorted(landed)
    first = pdf.pages[landed[0]].extract_text()
    assert "Balochistan briefing book" in first or "Overview" in first
