"""Third-party resources: nothing the built site loads may come from another host.

The site works offline and tells no third party that someone is reading it, so every
resource a browser fetches for a page must be one of the site's own files. The check
reads each built page (and each style sheet) and reports, with ``error[external]``:

    HTML    src, srcset, poster and data of any element; href of <link> that loads
            something (stylesheet, icon, preload, prefetch, preconnect, manifest...);
            url() and @import in style attributes and <style>; <meta http-equiv=refresh>
    CSS     url() and @import
    theme   a <pre class="mermaid">, which makes Material fetch Mermaid from a CDN

A reference is external when it has a scheme other than ``data:`` and ``blob:``, or
starts with ``//`` (the page's own scheme, another host). Links readers click
(``<a href>``, ``rel="canonical"``) are not requests and are not checked.

The same reading by Lexbor gives the page's inline scripts, whose hashes the page's
Content-Security-Policy lists (:mod:`briefbook.csp`): each built page is parsed once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from .csp import runs_inline
from .diagnostics import Code, Diagnostic
from .html_safety import is_external
from .html_scan import PART_CHARS, UNTERMINATED_LIMIT, closed_parts, lexbor_tree, unterminated_tags
from .textio import LineIndex

_LOADING_RELS = frozenset(
    "stylesheet icon shortcut apple-touch-icon mask-icon manifest preload modulepreload prefetch preconnect "
    "dns-prefetch prerender".split()
)
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')""", re.I)
_REFRESH = re.compile(r"url\s*=\s*['\"]?([^'\";]+)", re.IGNORECASE)
_HINT = "the site loads only its own files: copy the file into docs/ or drop the reference"


class _Page(HTMLParser):
    def __init__(self, path: str) -> None:
        super().__init__(convert_charrefs=True)
        self.path = path
        self.found: list[Diagnostic] = []
        self._style: tuple[int, int] | None = None

    def _report(self, what: str, url: str, line: int | None = None, col: int | None = None) -> None:
        at_line, at_col = self.getpos()
        message = f"{what} loads {url!r} from another host"
        self.found.append(Diagnostic(self.path, line or at_line, col or at_col + 1, Code.EXTERNAL, message, _HINT))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values: dict[str, str] = {}
        for name, value in attrs:
            values.setdefault(name, value or "")  # a browser keeps the first of repeated attributes
        for what, url in _attribute_loads(tag, values):
            self._report(what, url)
        if tag == "style":
            line, col = self.getpos()
            self._style = (line, col + len(self.get_starttag_text() or ""))

    def handle_data(self, data: str) -> None:
        if self._style is None:
            return
        line, col = self._style
        index = LineIndex(data)
        for offset, url in _css_urls(data):
            if is_external(url):
                at_line, at_col = index.position(offset)
                self._report("<style>", url, line + at_line - 1, at_col if at_line > 1 else col + at_col)

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._style = None


def css_references(css: str) -> list[str]:
    """Return every ``url()`` and ``@import`` target of a style sheet or style attribute, in order."""
    return [url for _, url in _css_urls(css)]


def _css_urls(css: str) -> list[tuple[int, str]]:
    """Each ``url()`` and ``@import`` target of a style sheet, with its offset."""
    return [(m.start(), next(g for g in m.groups() if g is not None)) for m in _CSS_URL.finditer(css)]


@dataclass(frozen=True)
class BuiltPage:
    """What one reading of a built page found."""

    problems: list[Diagnostic]
    """Each resource the page would fetch from another host, at its line and column."""
    scripts: list[str] | None
    """The texts of the inline scripts a browser would run, each once; None when the page was not read by Lexbor."""


def read_built_page(path: str, html: str, content: str | None = None) -> BuiltPage:
    """Read a built page once: what it would fetch from another host, and its inline scripts.

    Lexbor (through selectolax), a browser's HTML5 parser written in C, reads the page first and
    picks out the elements that can load something, and the scripts; only a page where an element
    loads something from another host is read again by the standard library's parser, which gives
    each reference its line and column.

    Args:
        path: The built page's path, for diagnostics (``site/groups/bla.html``).
        html: The whole page, as written to the site.
        content: The page's content as the theme put it in, if known: a long one is read in parts.
    """
    read = _external(html, content)
    external, scripts = read if read is not None else (None, None)
    return BuiltPage(_problems(path, html, external), scripts)


def check_page_resources(path: str, html: str, content: str | None = None) -> list[Diagnostic]:
    """Report every resource a built page would fetch from another host (see :func:`read_built_page`)."""
    return read_built_page(path, html, content).problems


def _problems(path: str, html: str, external: list[tuple[str, str]] | None) -> list[Diagnostic]:
    """Place what the fast read found (None: it could not read) with the standard library's parser."""
    if external == []:
        return []
    if unterminated_tags(html) > UNTERMINATED_LIMIT:
        return []  # refused by the allowlist check, and not read here (it would take quadratic time)
    page = _Page(path)
    page.feed(html)
    page.close()
    if not page.found and external:  # the browser's parser sees a request the standard one does not
        what, url = external[0]
        message = f"{what} loads {url!r} from another host"
        return [Diagnostic(path, 1, None, Code.EXTERNAL, message, _HINT)]
    return page.found


def _attribute_loads(tag: str, values: dict[str, str]) -> list[tuple[str, str]]:
    """What an element's attributes would fetch from another host, as (what, url): both readings use this."""
    found: list[tuple[str, str]] = []
    for name in ("src", "poster", "data"):
        if name in values and is_external(values[name]):
            found.append((f"<{tag} {name}>", values[name]))
    for candidate in values.get("srcset", "").split(","):
        url = candidate.strip().split(" ")[0]
        if url and is_external(url):
            found.append((f"<{tag} srcset>", url))
    rels = set(values.get("rel", "").lower().split())
    if tag == "link" and rels & _LOADING_RELS and is_external(values.get("href", "")):
        found.append((f'<link rel="{values.get("rel")}">', values["href"]))
    if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
        match = _REFRESH.search(values.get("content", ""))
        if match and is_external(match.group(1)):
            found.append(('<meta http-equiv="refresh">', match.group(1).strip()))
    styled = css_references(values.get("style", ""))
    found += [(f"a style attribute on <{tag}>", url) for url in styled if is_external(url)]
    if tag == "pre" and "mermaid" in values.get("class", "").split():
        found.append(('<pre class="mermaid"> (the theme then)', "https://unpkg.com/mermaid"))
    return found


_LOADERS = "[src], [srcset], [poster], [data], link[href], meta[http-equiv], [style], style, pre, script"

_Read = tuple[list[tuple[str, str]], list[str]]
"""What the fast read finds: what would be fetched from another host, as (what, url), and the inline scripts."""


def _external(html: str, content: str | None) -> _Read | None:
    """:func:`_external_by_lexbor` of the page; of a long content, read in parts after what comes before it.

    The page is then the theme around the content, read with the content left out, and the
    content in parts each read after what comes before it in the page (``closed_parts``).
    Each part is shown to end where the theme's next element begins as it would after the
    content, and the content to be followed by a tag or white space (not by text that would
    finish a ``<`` left at its end): so the theme around it reads as it does in the page.
    Each part is read after the theme before the content, so its scripts are read again with
    each part: the scripts are given each once, in the order first read.
    """
    at = html.find(content) if content is not None and len(content) > PART_CHARS else -1
    after = html[at + len(content) :] if content is not None and at >= 0 else ""
    if content is None or at < 0 or not (after[:1] in ("", "<") or after[:1].isspace()):
        return _external_by_lexbor(html)
    before = html[:at]
    found: list[tuple[str, str]] = []
    scripts: list[str] = []
    for part in closed_parts(content, before) or (None,):
        read = _external_by_lexbor(part) if part is not None else None
        if read is None:
            return _external_by_lexbor(html)  # no closed part: the whole is read at once
        found += read[0]
        scripts += read[1]
    theme = _external_by_lexbor(before + after)
    return None if theme is None else (found + theme[0], list(dict.fromkeys(scripts + theme[1])))


def _external_by_lexbor(html: str) -> _Read | None:
    """What a browser would fetch from another host, as (what, url), and the inline scripts; None without selectolax."""
    tree = lexbor_tree(html)
    if tree is None:
        return None
    found: list[tuple[str, str]] = []
    scripts: list[str] = []
    nodes = tree.css(_LOADERS)
    del tree
    lexbor_tree.cache_clear()  # the nodes hold the tree; it goes with them
    for node in nodes:
        tag = node.tag or ""
        values: dict[str, str] = {}
        for name, value in node.attributes.items():
            values.setdefault(name, value or "")
        found += _attribute_loads(tag, values)
        if tag == "style":
            found += [("<style>", url) for url in css_references(node.text(deep=True)) if is_external(url)]
        elif tag == "script" and runs_inline(values):
            scripts.append(node.text(deep=False))
    return found, list(dict.fromkeys(scripts))


def check_css_resources(path: str, css: str) -> list[Diagnostic]:
    """Report every ``url()`` and ``@import`` of a style sheet that leads to another host."""
    index = LineIndex(css)
    found = []
    for offset, url in _css_urls(css):
        if is_external(url):
            line, col = index.position(offset)
            found.append(
                Diagnostic(path, line, col, Code.EXTERNAL, f"a style sheet loads {url!r} from another host", _HINT)
            )
    return found
