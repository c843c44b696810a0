"""The glossary: one file of abbreviations, shown as tooltips everywhere and listed on one page.

``includes/abbreviations.md`` holds one line per term, ``*[TTP]: Tehreek-e-Taliban Pakistan``,
the syntax of Python-Markdown's ``abbr`` extension; the site appends it to every page, so
each term shows its meaning on hover. The Glossary page lists the same file where it says
``<!-- data: glossary -->``, each group's term linking to its profile. A content page that
uses an all-capitals acronym the file does not define fails the build (``glossary``).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .diagnostics import Code, Diagnostic
from .markdown_scan import mask_markdown
from .textio import line_col

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

ABBREVIATIONS = "includes/abbreviations.md"
"""The abbreviations file, relative to the project root."""

_TERM = re.compile(r"^\*\[([^\]\n]+)\]:[ \t]*(.*)$")
_ACRONYM = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*(?![\w-])")
# What cannot hold an acronym of the text: link targets, citation markers, attribute lists, tags, addresses.
_NOT_TEXT = re.compile(r"\]\([^)\]\n]*\)|\[@[^\[\]\n]*\]|\{[:#.][^{}\n]*\}|<[^<>\n]*>|https?://\S+")
"""Link targets, markers, attribute lists, tags and URLs; each stops at its own opener, for linear time."""


@dataclass(frozen=True, slots=True)
class Term:
    """One glossary entry."""

    term: str
    """The abbreviation or term as written in the text ("TTP", "CoIED")."""
    meaning: str
    """What it stands for, with common variants."""
    line: int
    """1-based line in the abbreviations file."""


def load_terms(path: str, text: str) -> tuple[list[Term], list[Diagnostic]]:
    """Read the abbreviations file.

    Args:
        path: The file's path, for diagnostics.
        text: Its decoded text.

    Returns:
        The terms in file order, and the problems (a line that is not a definition, an
        empty meaning, a term defined twice).
    """
    terms: list[Term] = []
    problems: list[Diagnostic] = []
    first: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), start=1):  # lines end at \n only, as everywhere
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        match = _TERM.match(line)
        if match is None:
            problems.append(
                Diagnostic(path, number, 1, Code.GLOSSARY, "line is not a definition", "write '*[TERM]: what it means'")
            )
            continue
        term, meaning = match.group(1).strip(), match.group(2).strip()
        if not meaning:
            message = f"'{term}' has no meaning"
            problems.append(Diagnostic(path, number, 1, Code.GLOSSARY, message, "write what it stands for"))
            continue
        if term in first:
            message = f"'{term}' is defined twice"
            problems.append(Diagnostic(path, number, 1, Code.GLOSSARY, message, f"first at line {first[term]}"))
            continue
        first[term] = number
        terms.append(Term(term, meaning, number))
    return terms, problems


def check_acronyms(path: str, text: str, terms: Sequence[Term]) -> list[Diagnostic]:
    """Report each all-capitals acronym of a page that the glossary does not define, once per page.

    Code, link targets, citation markers, attribute lists, HTML tags and web addresses are skipped.
    """
    defined = {term.term for term in terms}
    masked = _NOT_TEXT.sub(lambda m: " " * len(m.group(0)), mask_markdown(text))
    seen: set[str] = set()
    problems = []
    for match in _ACRONYM.finditer(masked):
        acronym = match.group(0)
        if acronym in defined or acronym in seen:
            continue
        seen.add(acronym)
        line, col = line_col(text, match.start())
        problems.append(
            Diagnostic(
                path,
                line,
                col,
                Code.GLOSSARY,
                f"'{acronym}' is not in the glossary",
                f"add '*[{acronym}]: what it stands for' to {ABBREVIATIONS}",
            )  # fmt: skip
        )
    return problems


def render_glossary(
    terms: Sequence[Term], profiles: Mapping[str, str], shorts: Mapping[str, str], page_src: str
) -> str:
    """Render the terms as a table, sorted, each profiled group's term linking to its profile.

    Args:
        terms: The glossary.
        profiles: Each profiled group's page, by group id.
        shorts: Each profiled group's id, by the short name its fact box gives ("BLA").
        page_src: The page the table goes on.
    """
    if not terms:
        return "*The glossary has no term yet.*"
    folder = posixpath.dirname(page_src) or "."
    rows = ["| Term | What it means |", "| --- | --- |"]
    for term in sorted(terms, key=lambda t: (t.term.casefold(), t.term)):
        meaning = _cell(term.meaning)
        group = shorts.get(term.term)
        if group is not None and group in profiles:
            meaning += f" ([profile]({posixpath.relpath(profiles[group], folder)}))"
        rows.append(f"| {_cell(term.term)} | {meaning} |")
    return "\n".join(rows)


def _cell(text: str) -> str:
    return " ".join(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|").split())
