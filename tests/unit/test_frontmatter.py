"""Front matter: every page declares title, description and an ISO review date."""

from __future__ import annotations

import pytest

from briefbook import check_front_matter, render_diagnostic
from briefbook.frontmatter import front_matter_texts, read_front_matter

GOOD = {
    "plain": "---\ntitle: T\ndescription: D\nreviewed: 2026-11-24\n---\n\n# T\n",
    "quoted-date": "---\ntitle: T\ndescription: D\nreviewed: '2026-11-24'\n---\n",
    "closed-with-dots": "---\ntitle: T\ndescription: D\nreviewed: 2026-11-24\n...\n",
    "crlf": "---\r\ntitle: T\r\ndescription: D\r\nreviewed: 2026-02-28\r\n---\r\n",
    "leap-day": "---\ntitle: T\ndescription: D\nreviewed: 2024-02-29\n---\n",
    "extra-keys-and-trailing-spaces": "---  \ntitle: T\ntags: [a, b]\ndescription: >\n  Folded.\nreviewed: 2026-11-24\n---\t\n",
    "no-newline-after-closing": "---\ntitle: T\ndescription: D\nreviewed: 2026-11-24\n---",
}


@pytest.mark.parametrize("text", GOOD.values(), ids=GOOD.keys())
def test_complete_front_matter_passes(text: str) -> None:
    assert check_front_matter("docs/p.md", text) == []


NO_FRONT_MATTER = "docs/p.md:1:1: error[frontmatter]: page has no front matter (start the page with a '---' block setting title, description, reviewed)"


def lacks(key: str) -> str:
    return (
        f"docs/p.md:1:1: error[frontmatter]: front matter lacks '{key}' (every page needs title, description, reviewed)"
    )


BAD = {
    "no-front-matter": ("# Title\n", [NO_FRONT_MATTER]),
    "empty-page": ("", [NO_FRONT_MATTER]),
    "never-closed": ("---\ntitle: T\n", [NO_FRONT_MATTER]),
    "not-on-first-line": ("\n---\ntitle: T\n---\n", [NO_FRONT_MATTER]),
    "lacks-one-key": ("---\ntitle: T\ndescription: D\n---\n", [lacks("reviewed")]),
    "lacks-every-key": ("---\nother: x\n---\n", [lacks("title"), lacks("description"), lacks("reviewed")]),
    "empty-block-is-not-a-mapping": (
        "---\n---\n",
        ["docs/p.md:2:1: error[frontmatter]: front matter must be a mapping of keys to values"],
    ),
    "list-is-not-a-mapping": (
        "---\n- a\n- b\n---\n",
        ["docs/p.md:2:1: error[frontmatter]: front matter must be a mapping of keys to values"],
    ),
    "text-is-not-a-mapping": (
        "---\njust text\n---\n",
        ["docs/p.md:2:1: error[frontmatter]: front matter must be a mapping of keys to values"],
    ),
    "yaml-unclosed-flow-sequence": (
        "---\ntitle: [unclosed\ndescription: x\n---\n\n# FM\n",
        ["docs/p.md:3:12: error[frontmatter]: front matter is not valid YAML: expected ',' or ']', but got ':'"],
    ),
    "yaml-tab-indent": (
        "---\ntitle: T\n\tdescription: D\n---\n",
        [
            "docs/p.md:3:1: error[frontmatter]: front matter is not valid YAML: found character '\\t' that cannot start any token"
        ],
    ),
    "yaml-alias": (
        "---\ntitle: T\ndescription: *d\n---\n",
        [
            "docs/p.md:3:14: error[frontmatter]: front matter is not valid YAML: alias '*d' is not allowed; write the value out in full"
        ],
    ),
    "markup-in-title": (
        '---\ntitle: "</title><script>alert(1)</script>"\ndescription: D\nreviewed: 2026-11-24\n---\n',
        [
            "docs/p.md:2:9: error[frontmatter]: 'title' holds '<', which the theme would print as markup"
            ' (write it without <, > or "; for quotation marks use “ ”)'
        ],
    ),
    "quote-in-description": (
        '---\ntitle: T\ndescription: x" onmouseover="alert(1)\nreviewed: 2026-11-24\n---\n',
        [
            "docs/p.md:3:15: error[frontmatter]: 'description' holds '\"', which the theme would print as markup"
            ' (write it without <, > or "; for quotation marks use “ ”)'
        ],
    ),
    "duplicate-key": (
        "---\ntitle: T\ndescription: D\ntitle: U\nreviewed: 2026-11-24\n---\n",
        [
            "docs/p.md:4:1: error[frontmatter]: duplicate key 'title' (first at line 2)"
            " (YAML keeps only the last value; remove or rename one of them)"
        ],
    ),
    "yaml-error-crlf": (
        "---\r\ntitle: T\r\ndescription: [x\r\nreviewed: 2026-11-24\r\n---\r\n",
        ["docs/p.md:4:9: error[frontmatter]: front matter is not valid YAML: expected ',' or ']', but got ':'"],
    ),
    "empty-values": (
        "---\ntitle: ''\ndescription: '  '\nreviewed:\n---\n",
        [
            "docs/p.md:2:8: error[frontmatter]: 'title' must be non-empty text",
            "docs/p.md:3:14: error[frontmatter]: 'description' must be non-empty text",
            "docs/p.md:4:10: error[frontmatter]: 'reviewed' must be non-empty text",
        ],
    ),
    "collections-are-not-text": (
        "---\ntitle: [a, b]\ndescription:\n  k: v\nreviewed: {a: 1}\n---\n",
        [
            "docs/p.md:2:8: error[frontmatter]: 'title' must be non-empty text",
            "docs/p.md:4:3: error[frontmatter]: 'description' must be non-empty text",
            "docs/p.md:5:11: error[frontmatter]: 'reviewed' must be non-empty text",
        ],
    ),
    "date-day-first": (
        "---\ntitle: T\ndescription: x\nreviewed: 24/11/2026\n---\n",
        ["docs/p.md:4:11: error[frontmatter]: 'reviewed' is '24/11/2026', not an ISO date (write it as YYYY-MM-DD)"],
    ),
    "date-not-zero-padded": (
        "---\ntitle: T\ndescription: x\nreviewed: 2026-1-5\n---\n",
        ["docs/p.md:4:11: error[frontmatter]: 'reviewed' is '2026-1-5', not an ISO date (write it as YYYY-MM-DD)"],
    ),
    "date-february-30": (
        "---\ntitle: T\ndescription: x\nreviewed: 2026-02-30\n---\n",
        ["docs/p.md:4:11: error[frontmatter]: 'reviewed' is '2026-02-30', not an ISO date (write it as YYYY-MM-DD)"],
    ),
    "date-not-a-leap-year": (
        "---\ntitle: T\ndescription: x\nreviewed: 2026-02-29\n---\n",
        ["docs/p.md:4:11: error[frontmatter]: 'reviewed' is '2026-02-29', not an ISO date (write it as YYYY-MM-DD)"],
    ),
    "date-month-13-crlf": (
        "---\r\ntitle: T\r\ndescription: x\r\nreviewed: 2026-13-01\r\n---\r\n",
        ["docs/p.md:4:11: error[frontmatter]: 'reviewed' is '2026-13-01', not an ISO date (write it as YYYY-MM-DD)"],
    ),
    "date-with-time": (
        "---\ntitle: T\ndescription: x\nreviewed: 2026-11-24T10:00\n---\n",
        [
            "docs/p.md:4:11: error[frontmatter]: 'reviewed' is '2026-11-24T10:00', not an ISO date (write it as YYYY-MM-DD)"
        ],
    ),
    "date-quoted-position-is-the-quote": (
        '---\ntitle: T\ndescription: x\nreviewed:   "next week"\n---\n',
        ["docs/p.md:4:13: error[frontmatter]: 'reviewed' is 'next week', not an ISO date (write it as YYYY-MM-DD)"],
    ),
    "problems-in-key-order": (
        "---\nreviewed: soon\ntitle: ''\n---\n",
        [
            "docs/p.md:3:8: error[frontmatter]: 'title' must be non-empty text",
            lacks("description"),
            "docs/p.md:2:11: error[frontmatter]: 'reviewed' is 'soon', not an ISO date (write it as YYYY-MM-DD)",
        ],
    ),
}


@pytest.mark.parametrize(("text", "expected"), BAD.values(), ids=BAD.keys())
def test_front_matter_problems_are_reported_where_they_are(text: str, expected: list[str]) -> None:
    assert [render_diagnostic(d) for d in check_front_matter("docs/p.md", text)] == expected


@pytest.mark.parametrize("value", ["~", "null", "Null"], ids=["tilde", "null", "capitalised-null"])
def test_null_title_is_not_text(value: str) -> None:
    text = f"---\ntitle: {value}\ndescription: D\nreviewed: 2026-11-24\n---\n"
    assert [render_diagnostic(d) for d in check_front_matter("docs/p.md", text)] == [
        "docs/p.md:2:8: error[frontmatter]: 'title' must be non-empty text"
    ]


def test_control_character_is_reported_on_one_line_at_its_position() -> None:
    text = "---\ntitle: a\x07b\ndescription: D\nreviewed: 2026-11-24\n---\n"
    [diagnostic] = check_front_matter("docs/p.md", text)
    assert (diagnostic.line, diagnostic.col) == (2, 9)
    assert "\n" not in render_diagnostic(diagnostic)


def test_deeply_nested_yaml_is_a_diagnostic_not_a_traceback() -> None:
    text = "---\ntitle: " + "[" * 5000 + "\n---\n"
    [diagnostic] = check_front_matter("docs/p.md", text)
    assert diagnostic.line == 2


TEXTS = {
    "plain": (GOOD["plain"], {"title": "T", "description": "D", "reviewed": "2026-11-24"}),
    "lists-and-nulls-are-not-text": ("---\ntitle: ~\ntags: [a]\ndescription: D\n---\n", {"description": "D"}),
    "the-first-of-a-repeated-key": ("---\ntitle: A\ntitle: B\n---\n", {"title": "A"}),
    "not-a-mapping": ("---\n- a\n---\n", {}),
    "not-yaml": ("---\ntitle: [a\n---\n", {}),
    "none": ("# T\n", {}),
}


@pytest.mark.parametrize(("text", "expected"), TEXTS.values(), ids=TEXTS.keys())
def test_one_reading_gives_the_texts_and_the_problems(text: str, expected: dict[str, str]) -> None:
    texts, problems = read_front_matter("docs/p.md", text)
    assert (texts, problems) == (expected, check_front_matter("docs/p.md", text))
    assert front_matter_texts(text) == expected
