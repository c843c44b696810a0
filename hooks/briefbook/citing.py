"""How to cite the book and its pages, and where each page's source and correction form are.

The book's own citation lives in one file, ``CITATION.cff`` (Citation File Format 1.2.0)
beside ``mkdocs.yml``. Each build turns it into a BibTeX entry and a CSL-JSON item for the
whole book, dated by the latest review date of any page and addressed at the site's URL.
Each page shows a suggested citation of itself, an "Edit this page" link to its source and
a "Report a correction" link that opens the repository's correction form with the page's
title and address already filled in (issue forms take field values as query parameters).
"""

from __future__ import annotations

import json
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from . import yamldata
from .diagnostics import Code, Diagnostic
from .textio import decode_source

CITATION_FILE = "CITATION.cff"
"""The book's citation, beside the site configuration."""

BIBTEX_FILE = "cite/briefing-book.bib"
CSL_FILE = "cite/briefing-book.json"
"""Where every build publishes the book's citation, relative to the site's root."""

CORRECTION_FORM = "correction.yml"
"""The issue form (under ``.github/ISSUE_TEMPLATE/``) for reporting a factual error."""

_KEY = "balochistan-briefing-book"
"""The citation key of the book in BibTeX and CSL-JSON."""


@dataclass(frozen=True, slots=True)
class BookCitation:
    """What ``CITATION.cff`` says of the book."""

    title: str
    authors: tuple[str, ...]
    """Each author as one name (an organisation's name, or "Given Family")."""
    licenses: tuple[str, ...]
    """SPDX identifiers."""


def load_citation(path: str, text: str) -> tuple[BookCitation | None, list[Diagnostic]]:
    """Read ``CITATION.cff``, checking the fields the book's citation files use.

    Args:
        path: The file's path, for diagnostics.
        text: Its decoded text.

    Returns:
        The citation (None when the file lacks what it needs) and every problem found, at its line.
    """
    entry, problems = yamldata.load_document(
        path,
        text,
        schema="citation.schema.json",
        code=Code.CITATION,
        name=CITATION_FILE,
        what="citation",
        hints={"authors": "give each author a 'name' (a person or an organisation), or 'family-names'"},
    )
    if entry is None:
        return None, problems
    problems += entry.problems
    if problems:
        return None, problems
    data = entry.data
    assert isinstance(data, dict)
    authors = tuple(_name(author) for author in data["authors"])
    licenses = data["license"]
    return BookCitation(data["title"], authors, (licenses,) if isinstance(licenses, str) else tuple(licenses)), []


def _name(author: dict[str, str]) -> str:
    if "name" in author:
        return author["name"]
    return " ".join(part for part in (author.get("given-names"), author["family-names"]) if part)


def render_bibtex(book: BookCitation, url: str, reviewed: str | None) -> str:
    """Return the book as one BibTeX ``@misc`` entry (biblatex and natbib read its ``url``).

    Args:
        book: What ``CITATION.cff`` says.
        url: The book's address (the site's URL).
        reviewed: The latest review date of any page (``YYYY-MM-DD``), if known.
    """
    fields = [
        ("title", f"{{{_bibtex(book.title)}}}"),
        ("author", " and ".join(f"{{{_bibtex(name)}}}" for name in book.authors)),
    ]
    if reviewed:
        fields += [("year", reviewed[:4]), ("date", reviewed), ("note", f"Last reviewed {reviewed}")]
    fields += [("url", url), ("howpublished", f"\\url{{{url}}}")]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{_KEY},\n{body}\n}}\n"


def _bibtex(text: str) -> str:
    """Escape the characters BibTeX gives a meaning to."""
    escapes = {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}
    return "".join(escapes.get(char) or (f"\\{char}" if char in "{}&%$#_" else char) for char in text)


def render_book_csl(book: BookCitation, url: str, reviewed: str | None) -> str:
    """Return the book as a CSL-JSON array of one item (the format Zotero and Pandoc import)."""
    item: dict[str, object] = {
        "id": _KEY,
        "type": "book",
        "title": book.title,
        "author": [{"literal": name} for name in book.authors],
        "URL": url,
    }
    if reviewed:
        year, month, day = (int(part) for part in reviewed.split("-"))
        item["issued"] = {"date-parts": [[year, month, day]]}
        item["note"] = f"Last reviewed {reviewed}"
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


def page_citation(title: str, book_title: str, reviewed: str | None, url: str) -> str:
    """Return the suggested citation of one page, as plain text.

    >>> page_citation("Timeline", "Balochistan briefing book", "2026-12-01", "https://example.org/timeline/")
    '“Timeline”, in Balochistan briefing book, last reviewed 2026-12-01, https://example.org/timeline/.'
    """
    date = f", last reviewed {reviewed}" if reviewed else ""
    return f"“{title}”, in {book_title}{date}, {url}."


def correction_url(repo_url: str, *, title: str, page_url: str) -> str:
    """Return the address of the correction form, prefilled with the page's title and address.

    Args:
        repo_url: The repository's address on GitHub (``https://github.com/OWNER/NAME``).
        title: The page's title.
        page_url: The page's published address.
    """
    query = urllib.parse.urlencode(
        {"template": CORRECTION_FORM, "title": f"Correction: {title}", "page": f"{title} — {page_url}"},
        quote_via=urllib.parse.quote,
    )
    return f"{repo_url.rstrip('/')}/issues/new?{query}"


def read_citation(root: Path) -> tuple[BookCitation | None, list[Diagnostic]]:
    """Read ``CITATION.cff`` from the project's root folder; a project without one has no book citation."""
    try:
        raw = (root / CITATION_FILE).read_bytes()
    except FileNotFoundError:
        return None, []
    except OSError as error:
        return None, [Diagnostic(CITATION_FILE, 1, None, Code.CITATION, f"cannot read the file: {error.strerror}")]
    text, problems = decode_source(CITATION_FILE, raw)
    if text is None:
        return None, problems
    return load_citation(CITATION_FILE, text)
