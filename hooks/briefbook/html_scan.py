"""Reading a rendered page: the ids it defines and the links it contains.

The rendered HTML is the ground truth of what readers click: every ``id`` (and ``name``
on ``<a>``) is an anchor, whatever made it (headings, ``{#custom}`` attributes, raw HTML,
footnotes). Links are the ``href`` of ``<a>``/``<area>`` and the ``src`` of
``<img>``/``<source>``. For a whole themed page, links are taken from the main content
only, found as the first of: Material's ``md-content__inner``, ``role="main"``,
``<main>``, ``<article>``; the theme's own navigation is not the author's to fix.
"""

from __future__ import annotations

import functools
import re
import secrets
from dataclasses import dataclass
from html.parser import HTMLParser
from sys import intern
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator

UNTERMINATED_LIMIT = 100
"""How many unterminated tags or comments a page may hold before it is not parsed at all.

The standard library's parser (before Python 3.11.13, CVE-2025-6069) reads each one to the
end of the page, so a run of them takes time that grows with the square of its length."""

_TAG_OPEN = re.compile(r"<(?=[A-Za-z/!?])|>")


@functools.lru_cache(maxsize=8)  # the allowlist check and the scan read the same content
def unterminated_tags(html: str) -> int:
    """Count the tags that no ``>`` closes before the next tag opens, and comments never closed (linear time).

    Each tag opening is followed by a ``>`` (it is closed), by another opening or by the end:
    so the unclosed ones are the openings less the openings a ``>`` follows.
    """
    tokens = "".join(_TAG_OPEN.findall(html))  # "<" and ">" as they come, in C
    last_close = html.rfind("-->")
    return tokens.count("<") - tokens.count("<>") + html.count("<!--", max(last_close, 0))


_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_LINK_ATTRS = {"a": "href", "area": "href", "img": "src", "source": "src"}
_ROOTS = ("md-content", "role-main", "main", "article")


@dataclass(frozen=True, slots=True)
class PageHtml:
    """What the checks need from one rendered page."""

    ids: frozenset[str]
    """Every anchor the page defines."""
    links: tuple[str, ...]
    """Every link target in the page's content, in document order."""
    code_lines: frozenset[str] = frozenset()
    """The stripped lines of the page's ``<pre>`` blocks that hold link-like text: code, not links."""


_LINK_LIKE = ("](", "]:", "href", "src")


def _code_lines(texts: list[str]) -> frozenset[str]:
    """The stripped lines of code blocks' texts that look like a link written in Markdown or HTML."""
    return frozenset(
        stripped
        for text in texts
        for line in text.splitlines()
        if any(mark in (stripped := line.strip()) for mark in _LINK_LIKE)
    )


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, frozenset[str]]] = []
        self.stack: list[tuple[str, str | None]] = []
        self.roots: set[str] = set()
        self.code: list[str] = []
        """The text of each <pre> block."""

    def handle_data(self, data: str) -> None:
        if any(tag == "pre" for tag, _ in self.stack):
            self.code[-1] += data

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values: dict[str, str] = {}
        for name, value in attrs:
            if value is not None:
                values.setdefault(name, value)  # a browser keeps the first of repeated attributes
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        attr = _LINK_ATTRS.get(tag)
        if attr and attr in values:
            inside = frozenset(root for _, root in self.stack if root)
            self.links.append((values[attr], inside))
        root = _root_kind(tag, values)
        if root:
            self.roots.add(root)
        if tag == "pre" and not any(open_tag == "pre" for open_tag, _ in self.stack):
            self.code.append("")
        if tag not in _VOID:
            self.stack.append((tag, root))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return


def _root_kind(tag: str, attrs: dict[str, str]) -> str | None:
    if "md-content__inner" in attrs.get("class", "").split():
        return "md-content"
    if attrs.get("role") == "main":
        return "role-main"
    if tag in ("main", "article"):
        return tag
    return None


def scan_html(html: str) -> PageHtml:
    """Collect the anchors and the content links of a rendered page or page fragment.

    Args:
        html: The page's HTML, a whole document or the content fragment alone.

    Returns:
        The ids and the links of the page.
    """
    if unterminated_tags(html) > UNTERMINATED_LIMIT:
        return PageHtml(frozenset(), ())  # the allowlist check refuses such a page
    parts = closed_parts(html)
    if parts is not None:
        scanned = _scan_parts(parts)
        if scanned is not None:
            return scanned
    fast = _scan_by_lexbor(html)
    if fast is not None:
        return fast
    collector = _Collector()
    collector.feed(html)
    collector.close()
    root = next((kind for kind in _ROOTS if kind in collector.roots), None)
    links = tuple(href for href, inside in collector.links if root is None or root in inside)
    return PageHtml(frozenset(collector.ids), links, _code_lines(collector.code))


PART_CHARS = 1 << 16
"""Content longer than this is read in parts of about this size, when each is shown to parse alone as it
parses within the whole (:func:`closed_parts`): a browser's tree takes about 13 times the text's size."""

_END_ID = f"briefbook-end-{secrets.token_hex(8)}"
_END = f'<abbr id="{_END_ID}"></abbr>'
"""Appended to each part: where it lands in the part's tree tells whether the part ended closed.

Its id is new in each process, so that no page can write it beforehand."""


def closed_parts(html: str, context: str = "") -> Iterator[str | None] | None:
    """The content in parts that each parse alone as within the whole, or None when it is short enough to read whole.

    Each part is the ``context`` (what comes before the content in a page, if anything), a piece
    of the content and the end mark, and is parsed (:func:`lexbor_tree` holds its tree); None in
    their stead says that no closed part could be found, and the whole must be read at once.

    A piece ends before a line's first tag. Read alone, a piece parses as it does within the whole
    if, after it, the parser is back where it began: reading text (not inside a tag, an
    attribute, a comment or raw text), with the same elements open and no formatting element to
    reopen. Then the end mark, an element that no content model moves, is the last child of the
    element it lands in after the context alone; else it lands inside what was left open, before
    a table that was, or in a tag, an attribute, a comment or text. The next piece begins with
    ``<``, which leaves every state the text could end in as it would leave it before the end
    mark. So the whole's tree is the pieces' trees one after the other. A piece that is not
    closed is tried longer, to the next places it may end.
    """
    if len(html) <= PART_CHARS:
        return None
    return _parts(html, context)


_PART_START = re.compile(r"\n<(?!/)")
"""Where a piece may end: before a line's first tag, not an end tag (which closes what the piece opened)."""
_PART_TRIES = 16
"""How many places a piece may end at are tried before the whole is read at once."""


def _parts(html: str, context: str) -> Iterator[str | None]:
    where = _end_place(lexbor_tree(context + _END))
    start = 0
    while start < len(html):
        part = _closed_part(html, start, context, where) if where is not None else None
        yield part
        if part is None:
            return
        start += len(part) - len(context) - len(_END)


def _closed_part(html: str, start: int, context: str, where: tuple[str, ...]) -> str | None:
    """The shortest closed part from ``start`` (a piece of at least PART_CHARS); None if none is found."""
    cut = start + PART_CHARS
    for _ in range(_PART_TRIES):
        found = _PART_START.search(html, cut)
        end = len(html) if found is None else found.start() + 1
        part = context + html[start:end] + _END
        if _end_place(lexbor_tree(part)) == where:
            return part
        if end == len(html):
            return None
        cut = end
    return None


def _end_place(tree: Any) -> tuple[str, ...] | None:
    """The names of the elements the end mark is in, when it is the last child of the innermost; else None."""
    found = tree.css_first(f"#{_END_ID}") if tree is not None else None
    if found is None or found.tag != "abbr" or found.next is not None:
        return None
    names = []
    parent = found.parent
    while parent is not None:
        names.append(parent.tag or "")
        parent = parent.parent
    return tuple(names)


@functools.lru_cache(maxsize=1)  # the scan and the allowlist check read the same content
def lexbor_tree(html: str) -> Any:
    """The page as Lexbor (selectolax), a browser's HTML5 parser in C, builds it; None without selectolax."""
    try:
        from selectolax.lexbor import LexborHTMLParser
    except ImportError:
        return None
    return LexborHTMLParser(html)


_LINKS = "a[href], area[href], img[src], source[src]"
_ROOT_SELECTORS = {
    "md-content": ".md-content__inner",
    "role-main": '[role="main"]',
    "main": "main",
    "article": "article",
}


def _scan_by_lexbor(html: str, *, part: bool = False) -> PageHtml | None:
    """:func:`scan_html` by Lexbor (selectolax), a browser's HTML5 parser in C; None without selectolax.

    A browser's parser also settles what the standard one reads its own way: of a repeated
    attribute the first counts, and misnested markup is placed as a browser places it. A
    ``part`` of the content (:func:`closed_parts`) gives None when it holds a main content
    root, which would make which links count depend on the other parts.
    """
    tree = lexbor_tree(html)
    if tree is None:
        return None
    ids: set[str] = set()
    for node in tree.css("[id], a[name]"):
        attributes = node.attributes
        if attributes.get("id") is not None:
            ids.add(intern(attributes["id"] or ""))  # the same on many pages (footnotes, sections): kept once
        if node.tag == "a" and attributes.get("name") is not None:
            ids.add(intern(attributes["name"] or ""))
    roots = next((found for kind in _ROOTS if (found := tree.css(_ROOT_SELECTORS[kind]))), None)
    if part and roots:
        return None
    inside = {root.mem_id for root in roots} if roots else None  # the node's address: selectolax wraps anew
    links = []
    for node in tree.css(_LINKS):
        value = node.attributes.get(_LINK_ATTRS[node.tag or ""])
        if value is not None and (inside is None or _within(node, inside)):
            links.append(value)
    code = [node.text(deep=True) for node in tree.css("pre") if not _within_pre(node)]
    return PageHtml(frozenset(ids), tuple(links), _code_lines(code))


def _scan_parts(parts: Iterator[str | None]) -> PageHtml | None:
    """:func:`scan_html` of content read in parts; None when a part is not closed or holds a main content root."""
    ids: set[str] = set()
    links: list[str] = []
    code: set[str] = set()
    for part in parts:
        scanned = _scan_by_lexbor(part, part=True) if part is not None else None
        if scanned is None:
            return None
        ids |= scanned.ids
        links += scanned.links
        code |= scanned.code_lines
    ids.discard(_END_ID)
    return PageHtml(frozenset(ids), tuple(links), frozenset(code))


def _within_pre(node: Any) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag == "pre":
            return True
        parent = parent.parent
    return False


def _within(node: Any, roots: set[int]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.mem_id in roots:
            return True
        parent = parent.parent
    return False
