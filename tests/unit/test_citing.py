"""The book's citation files, each page's suggested citation, its correction link, and the hosting files."""

from __future__ import annotations

import json

from briefbook import (
    BookCitation,
    correction_url,
    load_citation,
    page_citation,
    render_bibtex,
    render_book_csl,
    render_diagnostic,
    robots_txt,
    site_path,
    styled_404,
)

CFF = """\
cff-version: 1.2.0
message: Cite it as below.
title: The book
authors:
  - name: Its contributors
  - given-names: Ada
    family-names: Lovelace
license: CC-BY-4.0
"""
BOOK = BookCitation("The book", ("Its contributors", "Ada Lovelace"), ("CC-BY-4.0",))


def test_citation_cff_is_read() -> None:
    assert load_citation("CITATION.cff", CFF) == (BOOK, [])


def test_citation_cff_problems_are_at_their_lines() -> None:
    text = CFF.replace("title: The book\n", "").replace("  - name: Its contributors\n", "  - nom: x\n")
    book, problems = load_citation("CITATION.cff", text)
    assert book is None
    assert [render_diagnostic(p) for p in problems] == [
        "CITATION.cff:1:1: error[citation]: citation lacks the required field 'title'",
        "CITATION.cff:4:5: error[citation]: invalid authors.0 {'nom': 'x'} "
        "(give each author a 'name' (a person or an organisation), or 'family-names')",
    ]


def test_citation_cff_that_is_not_yaml() -> None:
    book, problems = load_citation("CITATION.cff", "title: [unclosed\n")
    assert book is None
    assert [p.code.value for p in problems] == ["yaml"]


def test_bibtex_of_the_book() -> None:
    assert render_bibtex(BOOK, "https://example.org/book/", "2026-12-01") == (
        "@misc{balochistan-briefing-book,\n"
        "  title = {{The book}},\n"
        "  author = {{Its contributors} and {Ada Lovelace}},\n"
        "  year = {2026},\n"
        "  date = {2026-12-01},\n"
        "  note = {Last reviewed 2026-12-01},\n"
        "  url = {https://example.org/book/},\n"
        "  howpublished = {\\url{https://example.org/book/}}\n"
        "}\n"
    )


def test_bibtex_escapes_what_bibtex_reads_as_markup() -> None:
    book = BookCitation("50% of {A} & B_c \\ ^~", ("X",), ("MIT",))
    assert "title = {{50\\% of \\{A\\} \\& B\\_c \\textbackslash{} \\^{}\\~{}}}" in render_bibtex(book, "u", None)


def test_csl_json_of_the_book() -> None:
    assert json.loads(render_book_csl(BOOK, "https://example.org/book/", "2026-12-01")) == [
        {
            "id": "balochistan-briefing-book",
            "type": "book",
            "title": "The book",
            "author": [{"literal": "Its contributors"}, {"literal": "Ada Lovelace"}],
            "URL": "https://example.org/book/",
            "issued": {"date-parts": [[2026, 12, 1]]},
            "note": "Last reviewed 2026-12-01",
        }
    ]


def test_page_citation_without_a_review_date() -> None:
    assert (
        page_citation("Sources", "The book", None, "https://e.org/s.html")
        == "“Sources”, in The book, https://e.org/s.html."
    )


def test_correction_url_quotes_the_title_and_address() -> None:
    assert correction_url("https://github.com/o/r/", title="A & B?", page_url="https://e.org/a.html#x") == (
        "https://github.com/o/r/issues/new?template=correction.yml"
        "&title=Correction%3A%20A%20%26%20B%3F&page=A%20%26%20B%3F%20%E2%80%94%20https%3A%2F%2Fe.org%2Fa.html%23x"
    )


def test_robots_txt_names_the_sitemap_at_the_sites_address() -> None:
    assert robots_txt("https://example.org/book/") == (
        "User-agent: *\nAllow: /\nSitemap: https://example.org/book/sitemap.xml\n"
    )
    assert robots_txt(None) == "User-agent: *\nAllow: /\n"


def test_site_path() -> None:
    assert [site_path(u) for u in ("https://e.org/book", "https://e.org/", "https://e.org", None)] == [
        "/book/",
        "/",
        "/",
        "/",
    ]


def test_404_style_sheets_get_a_twin_relative_to_the_page() -> None:
    html = (
        '<link rel="stylesheet" href="/book/assets/main.css">'
        '<link rel="stylesheet" href="/other/x.css">'
        '<link rel="icon" href="/book/assets/favicon.png">'
    )
    assert styled_404(html, "/book/") == (
        '<link rel="stylesheet" href="assets/main.css"><link rel="stylesheet" href="/book/assets/main.css">'
        '<link rel="stylesheet" href="/other/x.css">'
        '<link rel="icon" href="/book/assets/favicon.png">'
    )
