"""The glossary file, the undefined-acronym check and the Glossary page table."""

from __future__ import annotations

from briefbook.glossary import check_acronyms, load_terms, render_glossary

TERMS = "*[TTP]: Tehreek-e-Taliban Pakistan\n\n*[BLA]: Balochistan Liberation Army\n*[CoIED]: Commission of Inquiry\n"


def test_terms_load_in_file_order() -> None:
    terms, problems = load_terms("includes/abbreviations.md", TERMS)
    assert problems == []
    assert [(t.term, t.line) for t in terms] == [("TTP", 1), ("BLA", 3), ("CoIED", 4)]


def test_malformed_empty_and_repeated_lines_are_reported() -> None:
    text = TERMS + "TTP means something\n*[XYZ]:   \n*[BLA]: again\n"
    _, problems = load_terms("includes/abbreviations.md", text)
    assert [(p.line, p.message, p.hint) for p in problems] == [
        (5, "line is not a definition", "write '*[TERM]: what it means'"),
        (6, "'XYZ' has no meaning", "write what it stands for"),
        (7, "'BLA' is defined twice", "first at line 3"),
    ]


def test_an_undefined_acronym_is_reported_once_per_page_at_its_first_use() -> None:
    terms, _ = load_terms("a", TERMS)
    page = (
        "---\ntitle: T\n---\n\nThe TTP and the BLA met the UN.\n"
        "The UN again, `PIPS` in code, a [link](https://x.org/ABC) and [@PIPS-2020] and {#ID-X}.\n"
        '<span class="CSS">NACTA said</span>\n'
    )
    problems = check_acronyms("docs/p.md", page, terms)
    assert [(p.line, p.col, p.message) for p in problems] == [
        (5, 29, "'UN' is not in the glossary"),
        (7, 19, "'NACTA' is not in the glossary"),
    ]
    assert problems[0].hint == "add '*[UN]: what it stands for' to includes/abbreviations.md"


def test_mixed_case_and_hyphenated_words_are_not_acronyms() -> None:
    terms, _ = load_terms("a", TERMS)
    assert check_acronyms("p.md", "CoIED and Jaish-e-Mohammed and A-level and I.\n", terms) == []
    assert [p.message for p in check_acronyms("p.md", "The BNP-M said.\n", terms)] == ["'BNP-M' is not in the glossary"]


def test_the_table_is_sorted_and_links_each_profiled_group() -> None:
    terms, _ = load_terms("a", TERMS)
    table = render_glossary(terms, {"bla": "groups/bla.md"}, {"BLA": "bla", "TTP": "ttp"}, "glossary/index.md")
    assert table.splitlines()[2:] == [
        "| BLA | Balochistan Liberation Army ([profile](../groups/bla.md)) |",
        "| CoIED | Commission of Inquiry |",
        "| TTP | Tehreek-e-Taliban Pakistan |",
    ]
    assert render_glossary([], {}, {}, "g.md") == "*The glossary has no term yet.*"
