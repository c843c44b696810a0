"""The wording check: terms kept for attribution, flagged only in the book's own voice."""

from __future__ import annotations

import pytest

from briefbook import parse_markers, render_diagnostic
from briefbook.wording import check_wording, check_wording_value, load_wording

W = "docs/data/wording.yaml"
P = "docs/x.md"
LIST = """\
- words: [terrorist, terrorists]
  severity: error
  reason: a designators' label
  except: [Foreign Terrorist Organization]
- words: [crackdown]
  reason: one side's word
- words: [freedom fighter]
  severity: error
  reason: a partisan word
"""
HINT = "(quote and attribute it, reword it, or add <!-- wording: reason --> on the line before)"


def check(page: str) -> tuple[list[str], list[tuple[int, str]]]:
    wording, problems = load_wording(W, LIST)
    assert problems == []
    markers, _ = parse_markers(P, page)
    found, opt_outs = check_wording(P, page, wording, markers)
    return [render_diagnostic(d) for d in found], [(o.line, o.reason) for o in opt_outs]


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        pytest.param(
            "The terrorists fled.\n",
            [f"docs/x.md:1:5: error[wording]: 'terrorists' in the book's own voice: a designators' label {HINT}"],
            id="own-voice",
        ),
        pytest.param(
            "A heading\n\n## The crackdown of 2025\n",
            [f"docs/x.md:3:8: warning[wording]: 'crackdown' in the book's own voice: one side's word {HINT}"],
            id="heading-warning",
        ),
        pytest.param(
            "He called him a freedom\nfighter.\n",
            [f"docs/x.md:1:17: error[wording]: 'freedom fighter' in the book's own voice: a partisan word {HINT}"],
            id="multiword-across-lines",
        ),
        pytest.param('ISPR said it killed 33 "terrorists".\n', [], id="straight-quotes"),
        pytest.param("ISPR said it killed 33 “terrorists”.\n", [], id="curly-quotes"),
        pytest.param("ISPR spoke of ‘terrorists’ in Pakistan’s west.\n", [], id="curly-single-quotes"),
        pytest.param("The army's word was 'terrorists'.\n", [], id="straight-single-quotes"),
        pytest.param("It named <q>terrorists</q> there.\n", [], id="q-element"),
        pytest.param("> The terrorists fled, the statement said.\n", [], id="block-quote"),
        pytest.param("Use `terrorist` here.\n\n```\nterrorist\n```\n", [], id="code"),
        pytest.param("Text <!-- terrorist --> here.\n", [], id="comment"),
        pytest.param("A ban [@dawn-2006-terrorist-ban].\n", [], id="marker-key"),
        pytest.param("See [the ban](https://e.org/terrorist-ban).\n", [], id="link-address"),
        pytest.param("It became a Foreign Terrorist Organization in 2025.\n", [], id="designation-name"),
        pytest.param("A counter-terrorist unit and terrorists-only lists.\n", [], id="hyphenated"),
        pytest.param("The terroristic and crackdowns.\n", [], id="other-words"),
        pytest.param(
            'Quoted "terrorists" but then terrorists.\n',
            [f"docs/x.md:1:30: error[wording]: 'terrorists' in the book's own voice: a designators' label {HINT}"],
            id="quote-then-own-voice",
        ),
        pytest.param(
            "| Who | Said |\n| --- | --- |\n| ISPR | 33 terrorists killed |\n",
            [f"docs/x.md:3:13: error[wording]: 'terrorists' in the book's own voice: a designators' label {HINT}"],
            id="table-row",
        ),
    ],
)
def test_terms_are_flagged_only_in_the_books_voice(page: str, expected: list[str]) -> None:
    assert check(page) == (expected, [])


def test_a_reviewed_opt_out_exempts_its_unit_and_is_listed() -> None:
    page = (
        "First.\n\n<!-- wording: the court's own finding, quoted in full below -->\nThe terrorists and the crackdown.\n"
    )
    assert check(page) == ([], [(3, "the court's own finding, quoted in full below")])


def test_an_empty_opt_out_does_not_exempt() -> None:
    found, opt_outs = check("<!-- wording: -->\nThe terrorists.\n")
    assert len(found) == 1
    assert opt_outs == []


def test_data_values_are_checked_at_their_field() -> None:
    wording, _ = load_wording(W, LIST)
    found = check_wording_value("docs/data/claims.yaml", 7, 15, "assessment", 'A "terrorist" and a crackdown.', wording)
    assert [render_diagnostic(d) for d in found] == [
        "docs/data/claims.yaml:7:15: warning[wording]: 'crackdown' in 'assessment' in the book's own voice: "
        f"one side's word {HINT}"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "- words: []\n  reason: x\n",
            ["docs/data/wording.yaml:1:10: error[wording]: invalid words: [] should be non-empty"],
            id="no-words",
        ),
        pytest.param(
            "- words: [x]\n",
            ["docs/data/wording.yaml:1:3: error[wording]: term lacks the required field 'reason'"],
            id="no-reason",
        ),
        pytest.param(
            "- words: [x]\n  reason: y\n  severity: fatal\n",
            ["docs/data/wording.yaml:3:13: error[wording]: unknown severity 'fatal' (expected one of: warning, error)"],
            id="bad-severity",
        ),
        pytest.param(
            "- words: [x\n",
            [
                "docs/data/wording.yaml:2:1: error[yaml]: the wording list is not valid YAML: expected ',' or ']', but got '<stream end>'"
            ],
            id="yaml-syntax",
        ),
    ],
)
def test_list_problems_are_reported_at_their_line(text: str, expected: list[str]) -> None:
    _, problems = load_wording(W, text)
    assert [render_diagnostic(d) for d in problems] == expected


def test_an_empty_list_checks_nothing() -> None:
    wording, problems = load_wording(W, "[]\n")
    assert problems == []
    assert check_wording(P, "The terrorists.\n", wording, []) == ([], [])
