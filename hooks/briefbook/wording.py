"""The wording check: terms the editorial policy keeps for attributed speech.

The terms are data, ``docs/data/wording.yaml`` (schema ``schemas/wording.schema.json``):
a list of entries, each with the word forms it covers, why the policy keeps them for
attribution, a severity and the official names that contain them:

    - words: [terrorist, terrorists]          # matched whole, case-insensitively
      severity: error                          # or warning
      reason: A label that designating governments apply; attribute it.
      except: [Foreign Terrorist Organization] # names of official designations

A form is found where it stands as a word: not inside another word, and not joined to
one by a hyphen ("counter-terrorist"). It does not count, because it is not the book's
own voice, inside quotation marks (``"…"``, ``“…”``, ``‘…’``, ``'…'``), inside
``<q>…</q>``, in a block quote, in code, in an HTML comment, in a citation marker, a
link's address, an HTML tag or an attribute list, or within one of the entry's
``except`` names. A unit (paragraph, list item, table row or heading) after a line
``<!-- wording: reason -->`` is a reviewed exemption, listed in the build summary.
Text fields of data files (claims, registry notes) are checked the same way, at their
field, by [check_wording_value][briefbook.wording.check_wording_value].
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .citations import OptOut
from .diagnostics import Code, Diagnostic, Severity
from .markdown_scan import mask_markdown, split_units
from .textio import line_index
from .yamldata import load_entries

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .citations import Marker

# Each pattern stops at its own opening mark too, so that a run of unclosed marks is read in linear time.
_QUOTED = re.compile(
    r'"[^"]*"'  # straight double quotes
    r"|“[^“”]*”"  # curly double quotes
    r"|(?<!\w)‘[^‘]*?’(?!\w)"  # curly single quotes (an apostrophe inside a word does not close)
    r"|(?<![\w'])'[^'\n]+'(?!\w)",  # straight single quotes, not an apostrophe
    re.DOTALL,
)
_Q_ELEMENT = re.compile(r"<q\b[^<>]*>(?:(?!<q\b).)*?</q\s*>", re.DOTALL | re.IGNORECASE)
_NOT_OWN_VOICE = re.compile(
    r"\]\([^)\]\n]*\)"  # link destinations
    r"|<[^<>\n]*>"  # HTML tags
    r"|\{[^{}\n]*\}"  # attribute lists and heading ids
    r"|\[\^[^\[\]\n]*\]:?"  # footnote labels
    r"|^[ \t]*>.*$",  # block quotes
    re.MULTILINE,
)
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]")
_OPT_OUT = re.compile(r"^[ \t]*<!--[ \t]*wording:(?P<reason>.*?)-->[ \t]*\r?$")


@dataclass(frozen=True, slots=True)
class Term:
    """One entry of the wording list."""

    words: tuple[str, ...]
    """The forms it covers, as written in the list."""
    reason: str
    """Why the editorial policy keeps them for attributed speech."""
    severity: Severity
    """Whether a use in the book's own voice fails the build."""
    exceptions: tuple[str, ...]
    """Names of official designations that contain a form and are not the book's voice."""


@dataclass(frozen=True, slots=True)
class Wording:
    """The wording list, loaded and validated."""

    terms: tuple[Term, ...]
    """The entries, in file order."""
    path: str
    """The list's path, named in messages."""

    def pattern(self) -> re.Pattern[str] | None:
        """One pattern for every form, longest first, each in a group named by its term's index."""
        groups = []
        for index, term in enumerate(self.terms):
            groups.append(f"(?P<t{index}>{_alternation(term.words)})")
        if not groups:
            return None
        return re.compile(rf"(?<![\w-])(?:{'|'.join(groups)})(?![\w-])", re.IGNORECASE)


def _alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first, any run of white space matching a space."""
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(re.escape(phrase).replace(r"\ ", r"\s+") for phrase in ordered)


def load_wording(path: str, text: str) -> tuple[Wording, list[Diagnostic]]:
    """Parse and validate the wording list.

    Args:
        path: The list's path, for diagnostics.
        text: Its decoded text.

    Returns:
        The valid entries and the problems found, each at its line.
    """
    entries, diagnostics = load_entries(
        path, text, schema="wording.schema.json", code=Code.WORDING, name="the wording list", what="term"
    )
    terms = []
    for entry in entries or []:
        diagnostics += entry.problems
        if entry.problems or not isinstance(entry.data, dict):
            continue
        data = entry.data
        terms.append(
            Term(
                tuple(data["words"]),
                " ".join(data["reason"].split()),
                Severity(data.get("severity", "warning")),
                tuple(data.get("except", ())),
            )
        )
    return Wording(tuple(terms), path), diagnostics


@dataclass(frozen=True, slots=True)
class _Compiled:
    wording: Wording
    pattern: re.Pattern[str]
    exceptions: re.Pattern[str] | None


@functools.lru_cache(maxsize=8)
def _compile(wording: Wording) -> _Compiled | None:
    """Compile a wording list once, however many pages and fields are checked against it."""
    pattern = wording.pattern()
    if pattern is None:
        return None
    names = {name for term in wording.terms for name in term.exceptions}
    exceptions = re.compile(rf"(?<![\w-])(?:{_alternation(names)})(?![\w-])", re.IGNORECASE) if names else None
    return _Compiled(wording, pattern, exceptions)


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda m: re.sub(r"[^\r\n]", " ", m.group()), text)


def _findings(compiled: _Compiled, text: str) -> list[tuple[int, str, Term]]:
    """Offsets, words and terms of every use in the book's voice in a prose text."""
    text = _blank(_blank(_blank(text, _Q_ELEMENT), _NOT_OWN_VOICE), _QUOTED)
    if compiled.exceptions is not None:
        text = _blank(text, compiled.exceptions)
    found = []
    for match in compiled.pattern.finditer(text):
        group = next(name for name, value in match.groupdict().items() if value is not None)
        found.append((match.start(), " ".join(match.group().split()), compiled.wording.terms[int(group[1:])]))
    return found


def _diagnostic(path: str, line: int, col: int | None, word: str, term: Term, where: str = "") -> Diagnostic:
    return Diagnostic(
        path,
        line,
        col,
        Code.WORDING,
        f"'{word}'{where} in the book's own voice: {term.reason}",
        "quote and attribute it, reword it, or add <!-- wording: reason --> on the line before",
        term.severity,
    )


def check_wording(
    path: str, text: str, wording: Wording, markers: Iterable[Marker]
) -> tuple[list[Diagnostic], list[OptOut]]:
    """Report the list's terms where a page uses them in its own voice.

    Args:
        path: The page's path, for diagnostics.
        text: The page's decoded source.
        wording: The wording list.
        markers: The page's citation markers, whose keys are not prose.

    Returns:
        One ``wording`` diagnostic per use, at its line and column (with the term's
        severity), and the reviewed opt-outs that exempted a unit.
    """
    compiled = _compile(wording)
    if compiled is None:
        return [], []
    chars = list(mask_markdown(text))
    for marker in markers:
        chars[marker.start : marker.end] = " " * (marker.end - marker.start)
    masked = "".join(chars)
    lines = masked.split("\n")
    original = text.split("\n")
    units = split_units(lines) + [(i, i) for i, line in enumerate(lines) if _HEADING.match(line)]
    units.sort()
    index = line_index(text)
    starts = [0]
    for text_line in lines[:-1]:
        starts.append(starts[-1] + len(text_line) + 1)
    diagnostics: list[Diagnostic] = []
    opt_outs: list[OptOut] = []
    for first, last in units:
        body = masked[starts[first] : starts[last] + len(lines[last])]
        found = _findings(compiled, body)
        if not found:
            continue
        opt_out = _OPT_OUT.match(original[first - 1]) if first > 0 else None
        if opt_out and opt_out.group("reason").strip():
            opt_outs.append(OptOut(path, first, opt_out.group("reason").strip(), Code.WORDING))
            continue
        for offset, word, term in found:
            at, col = index.position(starts[first] + offset)
            diagnostics.append(_diagnostic(path, at, col, word, term))
    return diagnostics, opt_outs


def check_wording_value(
    path: str, line: int, col: int | None, field: str, value: str, wording: Wording
) -> list[Diagnostic]:
    """Report the list's terms in a text field of a data file, at the field's position.

    Args:
        path: The data file's path.
        line: 1-based line of the field's value (or of its entry).
        col: 1-based column of the field's value, or None when only the line is known.
        field: The field's name, quoted in the message.
        value: The field's text (Markdown).
        wording: The wording list.

    Returns:
        One ``wording`` diagnostic per use in the book's own voice.
    """
    compiled = _compile(wording)
    if compiled is None:
        return []
    masked = mask_markdown(value)
    return [_diagnostic(path, line, col, word, term, f" in '{field}'") for _, word, term in _findings(compiled, masked)]
