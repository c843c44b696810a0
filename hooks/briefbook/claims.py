"""The claims register: checkable claims of a commentary, each with a verdict and sources.

``docs/data/claims.yaml`` is a list of claims (schema: ``schemas/claims.schema.json``):
``id`` (the claim's anchor), ``claim`` (a neutral paraphrase), ``where`` (the paragraph
of the commentary), ``verdict`` (one of [VERDICTS][briefbook.claims.VERDICTS]),
``assessment`` (one paragraph) and ``citations`` (marker items such as ``@key`` or
``@key, p. 3``). The register page places ``<!-- data: claims -->`` where the build
renders them; their citations become references like any other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .citations import CiteItem, data_citations, render_marker
from .diagnostics import Code, Diagnostic
from .yamldata import duplicate_ids, load_entries, node_at

if TYPE_CHECKING:
    import yaml

VERDICTS = ("supported", "partly supported", "disputed", "unsupported", "incorrect")
"""The verdict scale, from best to worst supported."""


@dataclass(frozen=True, slots=True)
class Claim:
    """One claim of the register."""

    id: str
    """Stable anchor of the claim on the register page."""
    claim: str
    """The claim, paraphrased neutrally."""
    where: int
    """The paragraph of the commentary that makes it."""
    verdict: str
    """The verdict, one of VERDICTS."""
    assessment: str
    """What the evidence shows, attributed, in one paragraph."""
    citations: tuple[CiteItem, ...]
    """The sources behind the verdict, each placed at its line in the data file."""
    line: int
    """1-based line of the claim in the data file."""
    text_at: tuple[tuple[str, int, int], ...] = ()
    """Each prose field (``claim``, ``assessment``) with the 1-based line and column of its value."""


def load_claims(path: str, text: str) -> tuple[list[Claim], list[Diagnostic]]:
    """Parse and validate the claims register.

    Args:
        path: The data file's path, for diagnostics.
        text: Its decoded text.

    Returns:
        The valid claims in file order, and the problems found.
    """
    hints = {"id": "use lower-case letters, digits and hyphens", "citations": "write '@key' or '@key, p. 12'"}
    entries, diagnostics = load_entries(
        path,
        text,
        schema="claims.schema.json",
        code=Code.CLAIMS,
        name="the claims register",
        what="claim",
        hints=hints,
    )
    claims: list[Claim] = []
    repeated = duplicate_ids(
        path, entries or [], Code.CLAIMS, "duplicate claim id '{key}'", "first used at line {line}"
    )
    for index, entry in enumerate(entries or []):
        problems = list(entry.problems)
        data = entry.data if isinstance(entry.data, dict) else {}
        if index in repeated:
            problems.append(repeated[index])
        diagnostics += problems
        if problems:
            continue
        items = data_citations(node_at(entry.node, ["citations"]), data["citations"])
        claims.append(
            Claim(
                data["id"],
                data["claim"].strip(),
                data["where"],
                data["verdict"],
                " ".join(data["assessment"].split()),
                items,
                entry.line,
                tuple(_position(entry.node, field) for field in ("claim", "assessment")),
            )
        )
    return claims, diagnostics


def _position(node: yaml.Node, field: str) -> tuple[str, int, int]:
    at = node_at(node, [field])
    return field, at.start_mark.line + 1, at.start_mark.column + 1


def in_commentary_order(claims: list[Claim]) -> list[Claim]:
    """The claims in the order of the commentary (by ``where``), ties kept in file order."""
    return sorted(claims, key=lambda claim: claim.where)


def render_claims(claims: list[Claim]) -> str:
    """Render the register as Markdown: a verdict summary linking each claim, then one section per claim.

    Claims are numbered in the order of the commentary (by ``where``), whatever their order in the file.
    """
    numbered = list(enumerate(in_commentary_order(claims), start=1))
    out = ["| Verdict | Claims | Which |", "| --- | --- | --- |"]
    for verdict in VERDICTS:
        which = [f"[{number}](#{claim.id})" for number, claim in numbered if claim.verdict == verdict]
        out.append(f"| {verdict.capitalize()} | {len(which)} | {', '.join(which) or '-'} |")
    out.append("")
    for number, claim in numbered:
        marker = render_marker(claim.citations)
        out += [
            f"### Claim {number}: {claim.claim} {{#{claim.id}}}",
            "",
            f'<p class="bb-verdict bb-verdict--{claim.verdict.replace(" ", "-")}"><strong>Verdict: {claim.verdict}'
            f"</strong> · commentary paragraph {claim.where}</p>",
            "",
            f"{claim.assessment} {marker}",
            "",
        ]
    return "\n".join(out)
