"""The claims register: loading, validation and rendering."""

from __future__ import annotations

import pytest

from briefbook import VERDICTS, CiteItem, load_claims, render_claims, render_diagnostic

C = "docs/data/claims.yaml"
GOOD = """\
- id: bla-claimed
  claim: The BLA claimed the attack.
  where: 1
  verdict: supported
  assessment: >-
    Several agencies
    report the claim.
  citations: ["@reuters-2025-a", "@dawn-2025-b, para. 3"]
"""


def test_a_good_claim_loads_with_positions() -> None:
    [claim], problems = load_claims(C, GOOD)
    assert problems == []
    assert (claim.id, claim.where, claim.verdict, claim.assessment, claim.line) == (
        "bla-claimed",
        1,
        "supported",
        "Several agencies report the claim.",
        1,
    )
    assert claim.citations == (
        CiteItem("reuters-2025-a", None, None, 8, 15),
        CiteItem("dawn-2025-b", "para. 3", None, 8, 34),
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("verdict: supported", "verdict: maybe"),
            "docs/data/claims.yaml:4:12: error[claims]: unknown verdict 'maybe' (expected one of: supported, partly supported, disputed, unsupported, incorrect)",
        ),
        (
            ("verdict: supported", "verdict: suported"),
            "docs/data/claims.yaml:4:12: error[claims]: unknown verdict 'suported' (did you mean 'supported'?)",
        ),
        (("  where: 1\n", ""), "docs/data/claims.yaml:1:3: error[claims]: claim lacks the required field 'where'"),
        (
            ("id: bla-claimed", "id: BLA Claimed"),
            "docs/data/claims.yaml:1:7: error[claims]: invalid id 'BLA Claimed' (use lower-case letters, digits and hyphens)",
        ),
        (
            ('citations: ["@reuters-2025-a", "@dawn-2025-b, para. 3"]', "citations: []"),
            "docs/data/claims.yaml:8:14: error[claims]: invalid citations: [] should be non-empty",
        ),
        (
            ("where: 1", "where: one"),
            "docs/data/claims.yaml:3:10: error[claims]: invalid where: 'one' is not of type 'integer'",
        ),
    ],
    ids=["unknown-verdict", "misspelt-verdict", "missing-field", "bad-id", "no-citations", "where-not-a-number"],
)
def test_claim_problems_are_reported_at_their_line(change: tuple[str, str], expected: str) -> None:
    claims, problems = load_claims(C, GOOD.replace(*change))
    assert claims == []
    assert [render_diagnostic(d) for d in problems] == [expected]


def test_a_malformed_file_is_reported_not_raised() -> None:
    assert [render_diagnostic(d) for d in load_claims(C, "- id: [x\n")[1]] == [
        "docs/data/claims.yaml:2:1: error[yaml]: the claims register is not valid YAML: expected ',' or ']', but got '<stream end>'"
    ]


def test_rendering_summarises_verdicts_and_cites_each_claim() -> None:
    claims, _ = load_claims(C, GOOD)
    page = render_claims(claims)
    assert page.splitlines()[:4] == [
        "| Verdict | Claims | Which |",
        "| --- | --- | --- |",
        "| Supported | 1 | [1](#bla-claimed) |",
        "| Partly supported | 0 | - |",
    ]
    assert len([line for line in page.splitlines() if line.startswith("| ") and line.endswith(" |")]) == 2 + len(
        VERDICTS
    )
    assert "### Claim 1: The BLA claimed the attack. {#bla-claimed}" in page
    assert "Several agencies report the claim. [@reuters-2025-a; @dawn-2025-b, para. 3]" in page


def test_claims_are_numbered_in_the_order_of_the_commentary() -> None:
    later = GOOD.replace("id: bla-claimed", "id: later-claim").replace("where: 1", "where: 9")
    claims, problems = load_claims(C, later + GOOD)
    assert (problems, [claim.id for claim in claims]) == ([], ["later-claim", "bla-claimed"])
    page = render_claims(claims)
    assert page.index("{#bla-claimed}") < page.index("{#later-claim}")
    assert "### Claim 1: The BLA claimed the attack. {#bla-claimed}" in page
