"""Finding links in Markdown source, with the line and column where each is written.

The scanner works on a *masked* copy of the page: everything that cannot hold a link is
blanked with spaces (newlines kept), so offsets in the masked text are offsets in the
source. Masked are: YAML front matter, fenced code blocks (closed ones: Python-Markdown
renders a fence that is never closed as text), inline code spans, HTML comments and
backslash escapes.

Grammar of what is then recognised (a practical subset of Python-Markdown's):

    inline    := "!"? "[" TEXT "]" "(" WS* DEST (WS+ TITLE)? WS* ")"
    DEST      := "<" [^>\\n]* ">" | NON-SPACE with balanced parentheses
    TEXT      := any text with balanced brackets, not starting with "^" (footnotes)
    reference := LINE-START WS* "[" LABEL "]:" WS* DEST   (LABEL not starting with "^")
    html      := "<" ("a" | "img" | "source") ... ("href" | "src") "=" VALUE ... ">"

Reference-style uses (``[text][label]``) need no entry: the definition carries the
target. Indented code blocks are not masked; a check that has the rendered page only
considers links that really are links in it, which rules them out.
"""

from __future__ import annotations

import bisect
import enum
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .diagnostics import Code, Diagnostic
from .textio import line_index

if TYPE_CHECKING:
    from collections.abc import Callable

_FRONT_MATTER = re.compile(r"---[ \t]*\r?\n(?:.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)", re.DOTALL)
_ESCAPABLE = frozenset("\\`*_{}[]()#+-.!<>|\"'~:=$&%/@;,^")
_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")
_REFERENCE = re.compile(r"^[ \t]*\[(?!\^)([^\]\n]+)\]:[ \t]*(<[^>\n]*>|\S+)", re.MULTILINE)
_HTML_TAG = re.compile(r"""<(a|img|source)\b(?:[^<>"']|"[^"<]*"|'[^'<]*')*>""", re.IGNORECASE)
"""A raw tag; it stops at the next ``<``, so a run of unclosed tags is read in linear time."""
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\[\s]+)\](?!:)")
_HTML_ATTR = re.compile(r"""\s([\w:.-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")


class LinkKind(enum.Enum):
    """How a link is written in the source."""

    INLINE = "inline"
    """``[text](target)``."""
    IMAGE = "image"
    """``![alt](target)``."""
    DEFINITION = "definition"
    """``[label]: target``, used by reference-style links and images."""
    HTML = "html"
    """A raw HTML ``<a href>``, ``<img src>`` or ``<source src>``."""
    FOOTNOTE = "footnote"
    """``[^label]``, a footnote reference: it links to its note, ``#fn:label``."""


@dataclass(frozen=True, slots=True)
class SourceLink:
    """A link target as written in a Markdown source."""

    target: str
    """The destination, backslash escapes removed, angle brackets stripped."""
    line: int
    """1-based line of the destination's first character."""
    col: int
    """1-based column of the destination's first character."""
    kind: LinkKind
    """How the link is written."""
    code_line: str | None = None
    """The line, stripped, when it is indented enough to be code (a rendered page says whether it is)."""


_INDENTS = ("    ", "\t", " \t", "  \t", "   \t")
"""How a line that may be an indented code block starts."""


@functools.lru_cache(maxsize=4)  # the checks of a page read it one after another: its mask is made once
def mask_markdown(text: str) -> str:
    """Blank out everything that cannot contain a link, keeping every offset.

    Args:
        text: A Markdown page as decoded.

    Returns:
        A string of the same length with front matter, fenced code, code spans, HTML
        comments, snippet include lines (``--8<-- "file.md"``) and backslash escapes replaced
        by spaces (line breaks are kept).

    The text is searched for the next character that can start one of those, so the
    time is linear in the text's length.
    """
    pieces: list[str] = []
    front = _FRONT_MATTER.match(text)
    i = front.end() if front else 0
    pieces.append(_blank(text[:i]))
    done = i  # text[:done] is in pieces
    n = len(text)
    paragraph_end = paragraph_ends(text)
    runs = _BacktickRuns(text)

    def blank(start: int, end: int) -> None:
        nonlocal done
        pieces.append(text[done:start])
        pieces.append(_blank(text[start:end]))
        done = end

    while i < n:
        match = _SPECIAL.search(text, i)
        if match is None:
            break
        i = match.start()
        fence = match.group("fence")
        end = _fence_end(text, match.end(), fence) if fence else None
        if end is not None:
            blank(i, end)
            i = end
        elif fence and fence[0] == "~":  # never closed: Python-Markdown renders it as text, and so it is read here
            i = match.end()
        elif match.group("snippet"):  # pymdownx.snippets' include line: a file name, not prose
            blank(i, match.end())
            i = match.end()
        elif match.group() == "<!--":
            close = text.find("-->", i + 4)
            end = n if close < 0 else close + 3
            blank(i, end)
            i = end
        elif fence or match.group("ticks"):  # a fence never closed may still open a code span
            i = match.start("fence") if fence else i
            run = len(fence or match.group("ticks"))
            span_end = runs.closing(i + run, run, paragraph_end(i))
            if span_end is None:
                i += run
            else:
                blank(i, span_end)
                i = span_end
        elif i + 1 < n and text[i + 1] in _ESCAPABLE:
            blank(i, i + 2)
            i += 2
        else:
            i += 1
    pieces.append(text[done:])
    return "".join(pieces)


_SPECIAL = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})|(?P<snippet>^[ \t]*-+8<-+[ \t]*(?:\"[^\"\n]*\"|'[^'\n]*')?[ \t]*$)"
    r"|<!--|(?P<ticks>`+)|\\",
    re.MULTILINE,
)
_NOT_LINE_BREAK = re.compile(r"[^\r\n]")


def _blank(piece: str) -> str:
    return _NOT_LINE_BREAK.sub(" ", piece)


class _BacktickRuns:
    """Every run of backticks in a text, by length, to find the run that closes a code span quickly."""

    def __init__(self, text: str) -> None:
        self._starts: dict[int, list[int]] = {}
        for match in re.finditer("`+", text):
            self._starts.setdefault(len(match.group()), []).append(match.start())

    def closing(self, start: int, run: int, limit: int) -> int | None:
        """Return the offset past the first run of exactly ``run`` backticks in ``[start, limit)``."""
        starts = self._starts.get(run, [])
        k = bisect.bisect_left(starts, start)
        if k < len(starts) and starts[k] + run <= limit:
            return starts[k] + run
        return None


def is_reference_definition(text: str, index: int) -> bool:
    """Whether the ``[`` at ``index`` opens a reference definition (``[label]: target``) at the start of its line."""
    line_start = text.rfind("\n", 0, index) + 1
    match = _REFERENCE.match(text, line_start)
    return match is not None and match.start(1) == index + 1


def paragraph_ends(text: str) -> Callable[[int], int]:
    """Return a function giving, for an offset, where its paragraph ends (the next blank line).

    Blank lines are found once, so that asking for many offsets stays linear.
    """
    ends = [match.start() for match in _BLANK_LINE.finditer(text)]
    size = len(text)

    def end_of(offset: int) -> int:
        k = bisect.bisect_left(ends, offset)
        return ends[k] if k < len(ends) else size

    return end_of


def _fence_end(text: str, start: int, fence: str) -> int | None:
    """Return the offset just past the closing fence line, or None when the fence is never closed."""
    closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*\r?$", re.MULTILINE)
    line_end = text.find("\n", start)
    if line_end < 0:
        return None
    match = closing.search(text, line_end + 1)
    return match.end() if match else None


def scan_links(text: str) -> list[SourceLink]:
    """Find every link target written in a Markdown page, in source order.

    Args:
        text: A Markdown page as decoded.

    Returns:
        The links, each with its 1-based line and column.
    """
    masked = mask_markdown(text)
    found: list[tuple[int, str, LinkKind]] = []
    found.extend(_scan_inline(text, masked))
    for match in _REFERENCE.finditer(masked):
        end = _escaped_end(text, masked, match.start(2), match.end(2))
        found.append((match.start(2), _clean_target(text, match.start(2), end), LinkKind.DEFINITION))
    found.extend(
        (match.start(), f"#fn:{match.group(1)}", LinkKind.FOOTNOTE) for match in _FOOTNOTE_REF.finditer(masked)
    )
    for tag in _HTML_TAG.finditer(masked):
        for attr in _HTML_ATTR.finditer(masked, tag.start() + 1 + len(tag.group(1)), tag.end()):
            if attr.group(1).lower() not in ("href", "src"):
                continue
            group = next((g for g in (2, 3, 4) if attr.group(g) is not None), None)
            if group is None:
                continue
            start = attr.start(group)
            found.append((start, text[start : attr.end(group)], LinkKind.HTML))
    found.sort(key=lambda item: item[0])
    links = []
    lines = line_index(text)
    for offset, target, kind in found:
        line, col = lines.position(offset)
        start = offset - col + 1
        # Indented four columns or more, the line may be an indented code block: the rendered page decides.
        code = None
        if text.startswith(_INDENTS, start):
            end = text.find("\n", start)
            code = text[start : len(text) if end < 0 else end].strip()
        links.append(SourceLink(target, line, col, kind, code))
    return links


def _scan_inline(text: str, masked: str) -> list[tuple[int, str, LinkKind]]:
    found = []
    n = len(masked)
    closing = _matching_brackets(masked)
    start = masked.find("[")
    while start >= 0:
        if not masked.startswith("[^", start):
            close = closing.get(start)
            if close is not None and close + 1 < n and masked[close + 1] == "(":
                dest = _destination(text, masked, close + 2)
                if dest is not None:
                    kind = LinkKind.IMAGE if start > 0 and masked[start - 1] == "!" else LinkKind.INLINE
                    found.append((dest[0], _clean_target(text, dest[0], dest[1]), kind))
        start = masked.find("[", start + 1)
    return found


def _matching_brackets(masked: str) -> dict[int, int]:
    """Pair each ``[`` with the ``]`` that closes it in the same paragraph, in one pass."""
    pairs: dict[int, int] = {}
    open_at: list[int] = []
    for match in _BRACKET_OR_BREAK.finditer(masked):
        if match.group() == "[":
            open_at.append(match.start())
        elif match.group() == "]":
            if open_at:
                pairs[open_at.pop()] = match.start()
        else:  # a blank line ends the paragraph: what is open stays unclosed
            open_at.clear()
    return pairs


_BRACKET_OR_BREAK = re.compile(r"\[|\]|\n[ \t]*\r?\n")


def _escaped_end(text: str, masked: str, start: int, end: int) -> int:
    """Extend a destination that stops at a masked escape (``a\\_b.md``) to its real end."""
    while end + 1 < len(text) and text[end] == "\\" and masked[end] == " " and not text[end + 1].isspace():
        end += 2
        while end < len(text) and not masked[end].isspace():
            end += 1
    return end


def _destination(text: str, masked: str, start: int) -> tuple[int, int] | None:
    """Return the span of a link destination starting after ``(``, if well formed."""
    n = len(masked)
    i = start
    while i < n and masked[i] in " \t":
        i += 1
    if i < n and masked[i] == "<":
        close = masked.find(">", i)
        newline = masked.find("\n", i)
        if close < 0 or (0 <= newline < close):
            return None
        return i, close + 1
    begin = i
    depth = 0
    while i < n and (not masked[i].isspace() or masked[i] != text[i]):
        if masked[i] == "[":  # no destination holds one; stopping here keeps "[x](" * n linear
            return None
        if masked[i] == "(":
            depth += 1
        elif masked[i] == ")":
            if depth == 0:
                break
            depth -= 1
        i += 1
    if i >= n or (masked[i] != ")" and not masked[i].isspace()):
        return None
    return begin, i


def _clean_target(text: str, start: int, end: int) -> str:
    """Return the destination as Markdown reads it: brackets stripped, escapes removed."""
    raw = text[start:end]
    if raw.startswith("<") and raw.endswith(">"):
        raw = raw[1:-1]
    return re.sub(r"\\(.)", lambda m: m.group(1) if m.group(1) in _ESCAPABLE else m.group(), raw)


_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_TABLE_ROW = re.compile(r"^\s*\|")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_STRUCTURE = re.compile(r"^\s*(#{1,6}\s|!!!|\?\?\?|===|\[(?!\^)[^\]]+\]:\s)")


def split_units(lines: list[str]) -> list[tuple[int, int]]:
    """Split masked lines into units: paragraphs, list items, table rows (0-based, inclusive).

    Headings, admonition lines, reference definitions and table header rows are no unit.
    """
    units: list[tuple[int, int]] = []
    current: list[int] = []

    def flush() -> None:
        if current:
            units.append((current[0], current[-1]))
            current.clear()

    for index, line in enumerate(lines):
        if not line.strip():
            flush()
        elif _TABLE_ROW.match(line):
            flush()
            header = index + 1 < len(lines) and _TABLE_RULE.match(lines[index + 1])
            if not header and not _TABLE_RULE.match(line):
                units.append((index, index))
        elif _STRUCTURE.match(line):
            flush()
        elif _LIST_ITEM.match(line) or line.lstrip().startswith("[^"):
            flush()
            current.append(index)
        else:
            current.append(index)
    flush()
    return units


MAX_INDENT = 100
"""The widest indentation a line may have, in columns (tabs count 4): 25 levels of list."""
MAX_QUOTES = 50
"""The most block quotes a line may open."""
MAX_HTML_DEPTH = 50
"""The deepest HTML blocks may nest."""
MAX_EMPHASIS_RUN = 100
"""The longest run of ``*`` or ``_`` a line of text may hold."""

_QUOTES = re.compile(r"[ \t]*(?:>[ \t]*)+")
_BLOCK_TAG = re.compile(
    r"<(/?)(?:div|section|article|aside|details|blockquote|figure|ul|ol|li|dl|table|tr|td|th|p)\b([^<>]*)>", re.I
)
_EMPHASIS = re.compile(rf"[*_]{{{MAX_EMPHASIS_RUN + 1},}}")
_DEEP_INDENT = re.compile(rf"^[ \t]{{{MAX_INDENT // 4 + 1},}}\S", re.MULTILINE)
"""A line that may be indented more than MAX_INDENT columns (a tab counts at most four)."""
_DEEP_QUOTES = re.compile(rf"^[ \t]*(?:>[ \t]*){{{MAX_QUOTES + 1}}}", re.MULTILINE)


def _may_nest_too_deep(masked: str) -> bool:
    """Whether any line could break a limit: most pages are ruled out by three searches in C."""
    return bool(
        _DEEP_INDENT.search(masked)
        or _DEEP_QUOTES.search(masked)
        or masked.count("<") > MAX_HTML_DEPTH
        or _EMPHASIS.search(masked)
    )


def check_nesting(path: str, text: str) -> list[Diagnostic]:
    """Report the first line of a page that nests deeper than Markdown can render.

    Python-Markdown renders nested lists, quotes and ``markdown`` HTML blocks recursively:
    past a few hundred levels it takes minutes, then fails with no file named. No page needs
    a tenth of that, so deeper nesting is an error here, before the page is rendered.

    Args:
        path: The page's path, for diagnostics.
        text: The page's decoded source.

    Returns:
        One ``markdown`` diagnostic at the first line too deep, or none.
    """
    masked = mask_markdown(text)
    if not _may_nest_too_deep(masked):
        return []
    depth = 0
    for number, line in enumerate(masked.split("\n"), start=1):
        indent = len(line) - len(line.lstrip(" \t"))
        width = len(line[:indent].expandtabs(4))
        if width > MAX_INDENT and line.strip():
            message = f"line indented {width} columns; Markdown cannot render nesting that deep"
            return [Diagnostic(path, number, 1, Code.MARKDOWN, message, f"indent at most {MAX_INDENT} columns")]
        quotes = _QUOTES.match(line)
        if quotes and quotes.group().count(">") > MAX_QUOTES:
            message = f"{quotes.group().count('>')} nested quotes; Markdown cannot render nesting that deep"
            return [Diagnostic(path, number, 1, Code.MARKDOWN, message, f"nest at most {MAX_QUOTES} quotes")]
        for tag in _BLOCK_TAG.finditer(line):
            depth += -1 if tag.group(1) else 0 if tag.group(2).endswith("/") else 1
            if depth > MAX_HTML_DEPTH:
                message = f"HTML blocks nested {depth} deep; Markdown cannot render nesting that deep"
                hint = f"nest at most {MAX_HTML_DEPTH} blocks"
                return [Diagnostic(path, number, tag.start() + 1, Code.MARKDOWN, message, hint)]
        run = _EMPHASIS.search(line)
        if run and line.strip(" \t*_"):
            message = f"a run of {len(run.group())} '{run.group()[0]}'; Markdown's emphasis cannot render it"
            hint = f"write at most {MAX_EMPHASIS_RUN} in a row, or put them in code"
            return [Diagnostic(path, number, run.start() + 1, Code.MARKDOWN, message, hint)]
    return []


# pymdownx.snippets' include lines, as its preprocessor reads them: `--8<-- "file"` on a line of
# its own, or a block of file names between two `--8<--` lines; a leading `;` escapes either.
_SNIPPET = re.compile(
    r"""^[ \t]*(?P<escape>;*)
    (?:-+8<-+[ \t]+(?P<q>["'])(?P<name>(?:\\(?P=q)|(?!(?P=q))[^\n\r])+?)(?P=q)|(?P<block>-+8<-+))
    [ \t]*\r?$""",
    re.VERBOSE,
)
_SNIPPET_SUFFIX = re.compile(r"(?i)(?::-?[0-9]*){1,2}(?:,-?[0-9]*(?::-?[0-9]*)?)*$|:[a-z][-_0-9a-z]*$")
"""The line ranges (``:1:5``) or the section (``:name``) after a snippet's file name."""
SNIPPET_DEPTH = 8
"""How deep includes within includes are followed."""


def snippet_includes(text: str) -> list[tuple[str, int, int]]:
    """List the files a page includes through pymdownx.snippets, each with where it is named.

    Args:
        text: A Markdown page (or snippet) as decoded.

    Returns:
        ``(file, line, column)`` for each include, in order: the file name as written,
        without line ranges or section, and the 1-based position of the name.
    """
    found = []
    block = False
    for number, line in enumerate(text.split("\n"), start=1):
        if "8<" not in line and not block:
            continue
        match = _SNIPPET.match(line)
        if match is not None and match.group("escape"):
            continue
        if match is not None and match.group("block"):
            block = not block
            continue
        if match is not None and not block:
            name, col = match.group("name").strip(), match.start("name") + 1
        elif block and line.strip() and not line.strip().startswith(";"):
            name, col = line.strip(), len(line) - len(line.lstrip()) + 1
        else:
            continue
        name = _SNIPPET_SUFFIX.sub("", name)
        if name and not name.lower().startswith(("http://", "https://")):
            found.append((name, number, col))
    return found


def included_links(text: str, read: Callable[[str], str | None]) -> list[SourceLink]:
    """Find the links of the files a page includes (``--8<--``), each placed where the page names the file.

    The included text is rendered as part of the page, so its links are the page's: a
    problem in one is reported at the include line, where the page's author can see it.

    Args:
        text: A Markdown page as decoded.
        read: Returns the text of an included file by its name as written, or None.

    Returns:
        The included files' links (includes within includes too, to :data:`SNIPPET_DEPTH`).
    """
    found: list[SourceLink] = []

    def walk(body: str, at: tuple[int, int] | None, seen: frozenset[str]) -> None:
        for name, line, col in snippet_includes(body):
            content = read(name) if name not in seen and len(seen) < SNIPPET_DEPTH else None
            if content is None:
                continue
            where = at or (line, col)
            found.extend(SourceLink(link.target, *where, link.kind, link.code_line) for link in scan_links(content))
            walk(content, where, seen | {name})

    walk(text, None, frozenset())
    return found


def page_links(text: str, read: Callable[[str], str | None] | None = None) -> list[SourceLink]:
    """Find the links a page writes and, given how to read them, those of the files it includes; in page order."""
    links = scan_links(text)
    if read is None or "8<" not in text:
        return links
    return sorted([*links, *included_links(text, read)], key=lambda link: (link.line, link.col))
