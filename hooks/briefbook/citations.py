"""Citation markers: parsing, checking against the registry, and rendering as footnotes.

Marker grammar (Pandoc's bracketed citations), read on the masked page so that code,
HTML comments and escaped brackets hold no markers:

    marker  := "[" item (";" item)* "]"      not followed by "(", "[" or ":" (links)
    item    := prefix? "-"? "@" key ("," locator)?
    prefix  := text without "@", ending in white space ("see ")
    key     := [A-Za-z0-9_] ([A-Za-z0-9_.:-]* [A-Za-z0-9_])?
    locator := non-empty text ("p. 12", "pp. 3-5", "para. 3")

A bracket is a marker when an ``@`` opens its text or follows white space or ``;``
inside it; so ``[mail a@b.org]`` is not one, and neither is a bare ``@word`` outside
brackets. A marker that starts like one (``[@``) but breaks the grammar is reported.
Each marker becomes Python-Markdown footnote references labelled ``cite-N``, one per
source and locator, so Material's numbering, back-links and hover tooltips apply.
"""

from __future__ import annotations

import bisect
import difflib
import posixpath
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import yaml

from .diagnostics import Code, Diagnostic
from .markdown_scan import is_reference_definition, mask_markdown, paragraph_ends, split_units
from .registry import KINDS, language_name, render_date
from .textio import LineIndex, line_col, line_index

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from .registry import Registry, Source

_KEY = r"[A-Za-z0-9_](?:[A-Za-z0-9_.:-]*[A-Za-z0-9_])?"
_ITEM = re.compile(rf"(?P<prefix>[^@]*?)(?P<dash>-?)@(?P<key>{_KEY})(?P<rest>.*)", re.DOTALL)
_LOOKS_LIKE = re.compile(r"(?:^|[\s;])-?@")
_OPENS_MARKER = re.compile(r"\[\s*-?@")
_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{1,8})*")  # as the registry's schema has it
_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*\r?$", re.MULTILINE)
_HEADING_ID = re.compile(r"\s*\{[^}]*#([^\s}]+)[^}]*\}\s*$")
_PLACEHOLDER = re.compile(
    r"^[ \t]*<!--[ \t]*data:[ \t]*(?P<name>[\w-]*(?:[ \t]+[\w.-]+)?)[ \t]*-->[ \t]*\r?$", re.MULTILINE
)
_OPT_OUT = re.compile(r"^[ \t]*<!--[ \t]*uncited:(?P<reason>.*?)-->[ \t]*\r?$")
_REF_SEPARATOR = '<sup class="bb-ref-sep">,</sup>'
"""Between the numbers of one marker's references, so that 2 and 3 do not read as 23."""
_FOOTNOTES_MARKER = "///Footnotes Go Here///"
"""Where Python-Markdown's footnotes extension places the footnotes (its default).

Private, so that the Hooks reference does not print it: wherever the text stands, that page's
own footnotes would be placed (and lost inside the printed value)."""


@dataclass(frozen=True, slots=True)
class CiteItem:
    """One source cited by a marker."""

    key: str
    """The registry id after ``@``."""
    locator: str | None
    """The locator after the comma (``p. 12``), or None."""
    prefix: str | None
    """Text before the key (``see``), or None."""
    line: int
    """1-based line of the ``@``."""
    col: int
    """1-based column of the ``@``."""


@dataclass(frozen=True, slots=True)
class Marker:
    """A citation marker as written."""

    start: int
    """Offset of ``[`` in the page."""
    end: int
    """Offset just past ``]``."""
    items: tuple[CiteItem, ...]
    """The sources it cites, in order."""


@dataclass(frozen=True, slots=True)
class CiteSite:
    """A place that cites a source: a page and the section the marker stands in."""

    src: str
    """The page's path relative to the docs folder."""
    title: str
    """The page's title."""
    section: str | None
    """The heading the marker stands under, as text, or None before any heading."""
    anchor: str | None
    """That heading's id, or None."""


@dataclass(frozen=True, slots=True)
class OptOut:
    """A reviewed exemption from a rule: ``<!-- uncited: reason -->`` or ``<!-- wording: reason -->``."""

    path: str
    """The page's path, for display."""
    line: int
    """1-based line of the comment."""
    reason: str
    """The reason given."""
    code: Code = Code.UNCITED
    """The rule it exempts from."""


def parse_markers(path: str, text: str) -> tuple[list[Marker], list[Diagnostic]]:
    """Find every citation marker in a page, and every malformed one.

    Args:
        path: The page's path, for diagnostics.
        text: The page's decoded source.

    Returns:
        The well-formed markers in order, and a ``cite-syntax`` diagnostic per malformed one.
    """
    masked = mask_markdown(text)
    markers: list[Marker] = []
    diagnostics: list[Diagnostic] = []
    paragraph_end = paragraph_ends(masked)
    lines = line_index(text)
    next_close = -1  # the first ']' after the current '[', kept so that a run of '[' is read once
    start = masked.find("[")
    while start >= 0:
        nxt = start + 1
        if not masked.startswith("[^", start):
            limit = paragraph_end(start)
            if next_close <= start:
                next_close = masked.find("]", start + 1)
                if next_close < 0:
                    next_close = len(masked)
            close = next_close if next_close < limit else -1
            opening = masked.find("[", start + 1, limit)
            if close < 0 or (0 <= opening < close):
                if _OPENS_MARKER.match(masked, start):
                    line, col = lines.position(start)
                    diagnostics.append(
                        Diagnostic(path, line, col, Code.CITE_SYNTAX, "unclosed citation marker", "close it with ']'")
                    )
            else:
                content = masked[start + 1 : close]
                after = masked[close + 1 : close + 2]
                label = start > 0 and masked[start - 1] == "]"  # [text][label]: a reference link
                definition = after == ":" and is_reference_definition(masked, start)  # [label]: url
                if _LOOKS_LIKE.search(content) and after not in ("(", "[") and not label and not definition:
                    marker, problem = _parse_marker(path, text, lines, start, close)
                    if marker is not None:
                        markers.append(marker)
                    if problem is not None:
                        diagnostics.append(problem)
                    nxt = close + 1
        start = masked.find("[", nxt)
    return markers, diagnostics


def _parse_marker(
    path: str, text: str, lines: LineIndex, start: int, close: int
) -> tuple[Marker | None, Diagnostic | None]:
    items = []
    offset = start + 1
    for part in text[start + 1 : close].split(";"):
        part_start = offset
        offset += len(part) + 1
        line, col = lines.position(part_start + len(part) - len(part.lstrip()))
        raw = text[start : close + 1]
        if not part.strip():
            return None, Diagnostic(
                path, line, col, Code.CITE_SYNTAX, f"empty item in citation marker '{raw}'", "remove the extra ';'"
            )
        match = _ITEM.fullmatch(part)
        at = part.find("@")
        if match is None or (match.group("prefix") and not match.group("prefix")[-1].isspace()):
            if at < 0:
                return None, Diagnostic(
                    path, line, col, Code.CITE_SYNTAX, f"item '{part.strip()}' of '{raw}' cites no @key"
                )
            line, col = lines.position(part_start + at)
            follows = part[at + 1 : at + 2]
            if not follows or follows in " \t\r\n,;":
                return None, Diagnostic(
                    path,
                    line,
                    col,
                    Code.CITE_SYNTAX,
                    f"no key after '@' in '{raw}'",
                    "write the key right after '@', as in [@dawn-2025-slug]",
                )
            return None, Diagnostic(
                path,
                line,
                col,
                Code.CITE_SYNTAX,
                f"invalid key in '{raw}'",
                "keys use letters, digits and _ . : - only",
            )
        rest = match.group("rest")
        key_line, key_col = lines.position(part_start + match.start("dash") if match.group("dash") else part_start + at)
        locator = None
        if rest.strip():
            if not rest.lstrip().startswith(","):
                return None, Diagnostic(
                    path,
                    key_line,
                    key_col,
                    Code.CITE_SYNTAX,
                    f"unexpected '{rest.strip()}' after the key in '{raw}'",
                    "separate a locator with a comma, as in [@key, p. 12]",
                )
            locator = rest.lstrip()[1:].strip()
            if not locator:
                return None, Diagnostic(
                    path,
                    key_line,
                    key_col,
                    Code.CITE_SYNTAX,
                    f"empty locator in '{raw}'",
                    "write the locator after the comma, or drop the comma",
                )
        prefix = match.group("prefix").strip() or None
        items.append(CiteItem(match.group("key"), locator, prefix, key_line, key_col))
    return Marker(start, close + 1, tuple(items)), None


_DATA_ITEM = re.compile(rf"(?P<dash>-?)@(?P<key>{_KEY})(?:, (?P<locator>.+))?")


def data_citations(node: yaml.Node | None, values: object) -> tuple[CiteItem, ...]:
    """Read a data file's ``citations`` list (``'@key'``, ``'@key, p. 3'``), each item at its line.

    Items the schema would reject are skipped: the schema check reports them.

    Args:
        node: The list's YAML node, for positions.
        values: The list as loaded.

    Returns:
        The items, in order.
    """
    if not isinstance(values, list) or not isinstance(node, yaml.SequenceNode):
        return ()
    items = []
    for raw, at in zip(values, node.value, strict=False):
        match = _DATA_ITEM.fullmatch(raw) if isinstance(raw, str) else None
        if match is None:
            continue
        line, col = at.start_mark.line + 1, at.start_mark.column + 1
        items.append(CiteItem(match.group("key"), match.group("locator"), None, line, col))
    return tuple(items)


def render_marker(items: Iterable[CiteItem]) -> str:
    """Write citation items back as one marker, ``[@a; @b, p. 3]``; empty when there are none."""
    parts = [f"@{item.key}" + (f", {item.locator}" if item.locator else "") for item in items]
    return f"[{'; '.join(parts)}]" if parts else ""


def check_keys(path: str, items: Iterable[CiteItem], registry: Registry) -> list[Diagnostic]:
    """Report every cited key that the registry does not have, with the closest key."""
    if not registry.readable:
        return []
    diagnostics = []
    for item in items:
        if item.key not in registry.sources:
            close = difflib.get_close_matches(item.key, list(registry.sources), n=1, cutoff=0.6)
            diagnostics.append(
                Diagnostic(
                    path,
                    item.line,
                    item.col,
                    Code.CITE,
                    f"unknown source '@{item.key}': not in {registry.path}",
                    f"did you mean '@{close[0]}'?" if close else None,
                )
            )
    return diagnostics


def check_unused(registry: Registry, cited: Iterable[str]) -> list[Diagnostic]:
    """Report every source of the registry that no page cites, at its line."""
    used = set(cited)
    return [
        Diagnostic(
            registry.path,
            source.line,
            None,
            Code.UNUSED_SOURCE,
            f"source '{source.id}' is cited by no page",
            "cite it where it supports the text, or remove it",
        )
        for source in registry.sources.values()
        if source.id not in used
    ]


def is_content_page(src: str) -> bool:
    """Tell whether the uncited-figure rule applies: every section but About and Sources."""
    return not src.startswith(("about/", "sources/"))


_RULES = {Code.UNCITED: "the uncited-figure rule", Code.WORDING: "the wording check"}


def render_opt_outs(opt_outs: Iterable[OptOut]) -> list[str]:
    """Render the opt-outs for the build summary: one line each, then a count per rule."""
    items = sorted(opt_outs, key=lambda o: (o.path, o.line, o.code.value))
    lines = [f"{o.path}:{o.line}: note[{o.code.value}]: reviewed opt-out: {o.reason}" for o in items]
    for code, rule in _RULES.items():
        count = sum(o.code is code for o in items)
        if count:
            lines.append(f"briefbook: {count} reviewed opt-out{'s' * (count != 1)} from {rule}")
    return lines


def check_uncited(path: str, text: str, markers: Iterable[Marker]) -> tuple[list[Diagnostic], list[OptOut]]:
    """Report paragraphs, list items and table rows that state a figure without a citation.

    A unit is exempt when the line before it is ``<!-- uncited: reason -->``. Headings,
    table header rows, link targets, HTML tags and attribute lists are not read for digits.

    Args:
        path: The page's path, for diagnostics.
        text: The page's decoded source.
        markers: The page's citation markers (from [parse_markers][briefbook.citations.parse_markers]).

    Returns:
        The ``uncited`` diagnostics and the opt-outs that exempted a unit.
    """
    masked = mask_markdown(text)
    index = line_index(text)
    cited_lines = sorted({index.position(m.start)[0] for m in markers})
    lines = masked.split("\n")
    original = text.split("\n")
    units = split_units(lines)
    diagnostics: list[Diagnostic] = []
    opt_outs: list[OptOut] = []
    for first, last in units:
        body = "\n".join(lines[first : last + 1])
        figure = _first_figure(body)
        cited = bisect.bisect_left(cited_lines, first + 1) < bisect.bisect_right(cited_lines, last + 1)
        if figure is None or cited:
            continue
        opt_out = _OPT_OUT.match(original[first - 1]) if first > 0 else None
        if opt_out and opt_out.group("reason").strip():
            opt_outs.append(OptOut(path, first, opt_out.group("reason").strip()))
            continue
        offset, number = figure
        before = body[:offset]
        line = first + 1 + before.count("\n")
        col = offset - (before.rfind("\n") + 1) + 1
        diagnostics.append(
            Diagnostic(
                path,
                line,
                col,
                Code.UNCITED,
                f"figure '{number}' has no citation",
                "cite a source, e.g. [@key], or mark a reviewed exception with "
                "<!-- uncited: reason --> on the line before",
            )
        )
    return diagnostics, opt_outs


# Each part stops at its own opening character too, so that a run of openers is read in linear time.
_NOT_PROSE = re.compile(
    r"\]\([^)\]\n]*\)"  # link destinations
    r"|<[^<>\n]*>"  # HTML tags
    r"|\{[^{}\n]*\}"  # attribute lists
    r"|\[\^[^\[\]\n]*\]:?"  # footnote labels
    r"|^\s*(?:[-*+]|\d+[.)])\s",  # list markers
    re.MULTILINE,
)


_DIGIT = re.compile(r"\d")
_FIGURE = re.compile(r"\d[\d,.:/-]*\d|\d")


def _first_figure(body: str) -> tuple[int, str] | None:
    if not _DIGIT.search(body):
        return None  # most units: no digit at all, nothing to blank
    blanked = _NOT_PROSE.sub(lambda m: " " * len(m.group()), body)
    match = _FIGURE.search(blanked)
    return (match.start(), match.group()) if match else None


def cite_sites(
    src: str, title: str, text: str, markers: Iterable[Marker], slugify: Callable[[str], str]
) -> dict[str, list[CiteSite]]:
    """Map each cited key to the page sections that cite it.

    Args:
        src: The page's path relative to the docs folder.
        title: The page's title.
        text: The page's decoded source.
        markers: The page's markers.
        slugify: Turns a heading's text into its id, as the site's ``toc`` does; an
            explicit ``{#id}`` wins. The link check verifies the result on the built page.

    Returns:
        Sites by key, each site once.
    """
    masked = mask_markdown(text)
    headings = [(m.start(), text[m.start(2) : m.end(2)]) for m in _HEADING.finditer(masked)]
    sites: dict[str, list[CiteSite]] = {}
    for marker in markers:
        site = CiteSite(src, title, *_section(headings, marker.start, slugify))
        for item in marker.items:
            found = sites.setdefault(item.key, [])
            if site not in found:
                found.append(site)
    return sites


def section_at(text: str, offset: int, slugify: Callable[[str], str]) -> tuple[str | None, str | None]:
    """The heading a place of a page stands under: its text and id (both None before any heading)."""
    masked = mask_markdown(text)
    headings = [(m.start(), text[m.start(2) : m.end(2)]) for m in _HEADING.finditer(masked)]
    return _section(headings, offset, slugify)


def _section(
    headings: list[tuple[int, str]], offset: int, slugify: Callable[[str], str]
) -> tuple[str | None, str | None]:
    heading = None
    for start, raw in headings:
        if start > offset:
            break
        heading = raw
    if heading is None:
        return None, None
    explicit = _HEADING_ID.search(heading)
    section = _plain(_HEADING_ID.sub("", heading))
    return section, explicit.group(1) if explicit else slugify(section)


def _plain(markdown: str) -> str:
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return re.sub(r"[`*_]", "", text).strip()


def render_citations(
    markdown: str,
    registry: Registry,
    page_src: str,
    *,
    sources_src: str = "sources/index.md",
    label_prefix: str = "",
    markers: Sequence[Marker] | None = None,
) -> str:
    """Replace the markers of a page's Markdown with footnotes, and append the references.

    Markers naming an unknown key are left as written (the check reports them).

    Args:
        markdown: The page's Markdown, as the build passes it.
        registry: The sources.
        page_src: The page's path relative to the docs folder.
        sources_src: The Sources page's path, which reference entries link to.
        label_prefix: Put before every label (``groups-bla-cite-1``), so that the labels of all
            pages stay distinct when the pages are joined into one (the PDF edition).
        markers: The markers of this very Markdown, when they are known already (from
            [parse_markers][briefbook.citations.parse_markers]); else they are parsed here.

    Returns:
        The Markdown with footnote references, a "References" heading and the definitions.
    """
    if markers is None:
        markers, _ = parse_markers(page_src, markdown)
    labelled = _labelled(markers, registry, label_prefix)
    labels = {(item.key, item.locator): label for _, refs in labelled for item, label in refs}
    pieces = []
    last = 0
    for marker, refs in labelled:
        pieces.append(markdown[last : marker.start])
        pieces.append(_REF_SEPARATOR.join(f"[^{label}]" for _, label in refs))
        last = marker.end
    if not labels:
        return markdown
    pieces.append(markdown[last:])
    link = posixpath.relpath(sources_src, posixpath.dirname(page_src) or ".")
    definitions = [
        f"[^{label}]: {render_reference(registry.sources[key], locator, f'{link}#{key}')}"
        for (key, locator), label in labels.items()
    ]
    body = "".join(pieces).rstrip("\n")
    return f"{body}\n\n## References {{#references}}\n\n{_FOOTNOTES_MARKER}\n\n" + "\n".join(definitions) + "\n"


def _labelled(
    markers: Iterable[Marker], registry: Registry, label_prefix: str
) -> list[tuple[Marker, list[tuple[CiteItem, str]]]]:
    """Each marker that becomes footnotes, with the label of each of its items (one per source and locator)."""
    labels: dict[tuple[str, str | None], str] = {}
    found = []
    for marker in markers:
        if any(item.key not in registry.sources for item in marker.items):
            continue  # left as written; the check reports the unknown key
        refs = [(item, labels.setdefault((item.key, item.locator), f"{label_prefix}cite-{len(labels) + 1}"))
                for item in marker.items]  # fmt: skip
        found.append((marker, refs))
    return found


def unrendered_citations(
    path: str,
    html: str,
    markdown: str,
    registry: Registry,
    source_markers: Sequence[Marker],
    source: str,
    *,
    label_prefix: str = "",
) -> tuple[list[Diagnostic], frozenset[str]]:
    """Find the citations that did not become footnote references in the rendered page.

    Markdown leaves some HTML as written, such as a ``<figcaption>`` without ``markdown`` inside a
    ``<figure markdown>`` block: a citation there shows its label (``[^cite-1]``) to readers.

    Args:
        path: The page's path, for diagnostics.
        html: The rendered content.
        markdown: The Markdown that :func:`render_citations` was given (placeholders expanded).
        registry: The sources.
        source_markers: The markers of the page as written, for their lines.
        source: The page as written.
        label_prefix: As given to :func:`render_citations`.

    Returns:
        An error at each such citation, and the footnote back-reference anchors (``fnref:LABEL``)
        that are missing because no reference to their footnote was rendered.
    """
    if "[^" not in html:
        return [], frozenset()
    labelled = _labelled(parse_markers(path, markdown)[0], registry, label_prefix)
    occurrences: dict[str, list[tuple[Marker, CiteItem]]] = {}
    for marker, refs in labelled:
        for item, label in refs:
            occurrences.setdefault(label, []).append((marker, item))
    pattern = re.compile(r'\[\^([^\]\s]+)\]|<sup id="fnref\d*:([^"]+)"')
    events: dict[str, list[bool]] = {}
    for match in pattern.finditer(html):
        label = match.group(1) or match.group(2)
        if label in occurrences:
            events.setdefault(label, []).append(match.group(1) is None)
    where = _source_positions([m for m, _ in labelled], source_markers, markdown, source)
    diagnostics, missing = [], set()
    for label, rendered in events.items():
        if not any(rendered):
            missing.add(f"fnref:{label}")
        for (marker, item), shown in zip(occurrences[label], rendered, strict=False):
            if shown:
                continue
            written = where.get(id(marker))  # the same text, so the same items in the same order
            at = written.items[marker.items.index(item)] if written is not None else None
            message = f"citation '@{item.key}' is inside HTML that Markdown leaves as written"
            message += f"; readers would see '[^{label}]'"
            hint = 'write markdown="span" on the element around it (<figcaption markdown="span">), or move the citation'
            diagnostics.append(Diagnostic(path, at.line if at else 1, at.col if at else None, Code.CITE, message, hint))
    return diagnostics, frozenset(missing)


def _source_positions(
    expanded: Sequence[Marker], written: Sequence[Marker], markdown: str, source: str
) -> dict[int, Marker]:
    """Match the markers of the expanded Markdown to the page's own, in order and by their text.

    Markers that placeholders brought in (from data files) have no match: the page's markers come
    in the same order in both, with the others between them.
    """
    matched: dict[int, Marker] = {}
    pending = iter(written)
    current = next(pending, None)
    for marker in expanded:
        if current is not None and markdown[marker.start : marker.end] == source[current.start : current.end]:
            matched[id(marker)] = current
            current = next(pending, None)
    return matched


def _escape(text: str) -> str:
    """Make a data file's text plain in Markdown: one line, HTML characters as entities, Markdown's escaped."""
    text = " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_\[\]{}#|!])", r"\\\1", text)


def _who(source: Source) -> str | None:
    if source.authors:
        return ", ".join(source.authors)
    return source.publisher or source.container


def _title(source: Source) -> str:
    """The title as citation styles print it: supplied in brackets; in another language, marked with
    its language and followed by its English translation in brackets."""
    if source.title_supplied:
        title = f"\\[{_escape(source.title)}\\]"
        return f"{title} (in {language_name(source.language)})" if source.language else title
    if source.language and source.title_translated and _LANGUAGE_TAG.fullmatch(source.language):
        original = f'<span lang="{source.language}" dir="auto">{_escape(source.title)}</span>'
        return f"*{original}* \\[{_escape(source.title_translated)}\\]"
    return f"*{_escape(source.title)}*"


def render_reference(source: Source, locator: str | None, entry_link: str) -> str:
    """Format one reference as Markdown: who, title, outlet, date, link, archive, locator.

    Example: ``Dawn, *Title*, 12 March 2025, [dawn.com](https://...), p. 12. [Source entry](...)``.
    """
    parts = []
    who = _who(source)
    if who:
        parts.append(_escape(who))
    parts.append(_title(source))
    outlet = source.container or source.publisher
    if outlet and outlet != who:
        parts.append(_escape(outlet))
    parts.append(render_date(source.issued))
    host = urlsplit(source.url).hostname or source.url
    link = f"[{_escape(host.removeprefix('www.'))}](<{source.url}>)"
    if source.archive:
        link += f" ([archived copy](<{source.archive}>))"
    parts.append(link)
    if locator:
        parts.append(_escape(locator))
    return ", ".join(parts) + f". [Source entry]({entry_link})"


def find_placeholders(text: str) -> list[tuple[str, int, int]]:
    """Return the data placeholders of a page (``<!-- data: NAME -->``, ``<!-- data: NAME ARG -->``).

    Each is returned as its name (with the argument after one space, ``group bla``), line and column.
    """
    found = []
    for match in _PLACEHOLDER.finditer(text):
        line, col = line_col(text, match.start())
        name = " ".join(match.group("name").split())
        found.append((name, line, col + len(match.group()) - len(match.group().lstrip())))
    return found


def replace_placeholders(text: str, render: Callable[[str], str | None]) -> str:
    """Replace each placeholder line with what ``render`` returns for its name (kept when it returns None)."""

    def replace(match: re.Match[str]) -> str:
        found = render(" ".join(match.group("name").split()))
        if found is None:
            return match.group()
        return found + ("\r\n" if match.group().endswith("\r\n") else "\n" if match.group().endswith("\n") else "")

    return _PLACEHOLDER.sub(replace, text)


def render_sources_page(registry: Registry, sites: Mapping[str, list[CiteSite]], page_src: str) -> str:
    """Render the registry as Markdown: grouped by kind, sorted, each entry with "Cited in".

    Each entry has the stable anchor ``#KEY`` that references link to.
    """
    out: list[str] = []
    folder = posixpath.dirname(page_src) or "."
    for kind, heading in KINDS.items():
        group = [s for s in registry.sources.values() if s.kind == kind]
        if not group:
            continue
        out.append(f"## {heading} {{#kind-{kind}}}\n")
        for source in sorted(group, key=lambda s: ((_who(s) or s.title).casefold(), s.issued, s.id)):
            out.append(f'<div class="bb-source" id="{source.id}" markdown>\n')
            out.append(render_reference(source, None, f"#{source.id}").rsplit(". [Source entry]", 1)[0] + ".\n")
            out.append(f"{_escape(source.note)} Accessed {render_date(source.accessed)}.\n")
            where = []
            for site in sites.get(source.id, []):
                target = posixpath.relpath(site.src, folder)
                label = _escape(site.title) + (f" › {_escape(site.section)}" if site.section else "")
                where.append(f"[{label}]({target}{'#' + site.anchor if site.anchor else ''})")
            out.append(f"Cited in: {', '.join(where) if where else 'no page'}.\n")
            out.append("</div>\n")
    return "\n".join(out)
