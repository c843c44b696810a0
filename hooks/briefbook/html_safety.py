"""What HTML a page may contain: an allowlist checked on each page's rendered content.

Contributors write Markdown; what reaches the reader is the HTML that Markdown, its
extensions, attribute lists and the data placeholders make of it. That HTML is checked
against an explicit allowlist fitting this book, so that nothing a pull request writes
can run in a reader's browser or make it load anything from another host:

    elements     Markdown's own output, tables, footnotes, admonitions, <details>,
                 <abbr>, <time>, images, the fact boxes, the timeline's filters and the
                 relationships map's SVG (see ELEMENTS)
    attributes   per element, plus a few global ones (id, class, title, lang, dir,
                 role and aria-*); no event handler, no inline style (the site's content
                 security policy blocks it; tables align with align=), no data-* but
                 the timeline's
    URLs         href and cite: http, https, mailto or relative; src: relative to the
                 site only (an image from another host is a third-party request);
                 SVG paint references only to the page's own ids (url(#id))

URLs are judged as browsers read them: entities decoded (the standard library's
parser does that), ASCII tab and newline removed, leading and trailing C0 controls
and spaces stripped. The standard library's parser is not a browser's, so each page
that passes is also cleaned by Ammonia (``nh3``, an HTML5 parser) with the same
allowlist: if what it keeps differs from what was checked, a browser would read the
markup differently (mutation XSS) and the page is refused too.

Each problem is reported where it was written: the page's source, or the data file
whose field the markup came from.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

import nh3

from .diagnostics import Code, Diagnostic
from .html_scan import UNTERMINATED_LIMIT, closed_parts, lexbor_tree, unterminated_tags
from .markdown_scan import mask_markdown
from .textio import LineIndex

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

GLOBAL_ATTRIBUTES = frozenset(
    "id class title lang dir role aria-label aria-labelledby aria-describedby aria-hidden".split()
)
"""Attributes any allowed element may have."""

_SVG_PAINT = frozenset("fill stroke marker-start marker-mid marker-end font-size font-weight text-anchor".split())
_SVG_SHAPE = _SVG_PAINT | {"stroke-width", "stroke-dasharray", "opacity", "transform"}

ELEMENTS: dict[str, frozenset[str]] = {
    **{
        name: frozenset()
        for name in (
            "p br hr h1 h2 h3 h4 h5 h6 pre code em strong b i s u mark small sub sup kbd samp var cite dfn abbr "
            "span div section article aside header footer nav figure figcaption summary dl dt dd ul "
            "table caption thead tbody tfoot tr fieldset legend wbr"
        ).split()
    },
    "a": frozenset({"href", "name", "rel"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "blockquote": frozenset({"cite"}),
    "q": frozenset({"cite"}),
    "del": frozenset({"cite", "datetime"}),
    "ins": frozenset({"cite", "datetime"}),
    "time": frozenset({"datetime"}),
    "details": frozenset({"open"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "li": frozenset({"value"}),
    "th": frozenset({"colspan", "rowspan", "scope", "align"}),
    "td": frozenset({"colspan", "rowspan", "align"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "label": frozenset({"for"}),
    "input": frozenset({"type", "name", "value", "checked"}),
    # The timeline's events carry their group ids and type for the filters.
    "article": frozenset({"data-groups", "data-type"}),
    # The relationships map: a static SVG drawn by the build.
    "svg": frozenset({"xmlns", "viewbox", "width", "height", "preserveaspectratio", "focusable"}),
    "g": _SVG_SHAPE,
    "line": _SVG_SHAPE | {"x1", "y1", "x2", "y2"},
    "path": _SVG_SHAPE | {"d"},
    "rect": _SVG_SHAPE | {"x", "y", "width", "height", "rx", "ry"},
    "circle": _SVG_SHAPE | {"cx", "cy", "r"},
    "text": _SVG_SHAPE | {"x", "y", "dx", "dy", "dominant-baseline"},
    "tspan": _SVG_SHAPE | {"x", "y", "dx", "dy", "dominant-baseline"},
    "title": frozenset(),
    "desc": frozenset(),
    "defs": frozenset(),
    "marker": frozenset({"viewbox", "markerwidth", "markerheight", "markerunits", "orient", "refx", "refy"}),
    # mkdocstrings' cross-references, which mkdocs-autorefs turns into <a> after the check.
    "autoref": frozenset(
        "identifier optional hover domain origin filepath lineno slug backlink-type backlink-anchor".split()
    ),
}
"""Each allowed element with the attributes it may have besides the global ones."""

SCHEMES = frozenset({"http", "https", "mailto"})
"""URL schemes a link may use; a URL without a scheme is relative and allowed."""

_URL_ATTRIBUTES = frozenset({"href", "cite"})
_LOCAL_SCHEMES = frozenset({"data", "blob"})
_LOADS = frozenset({"src"})
_INPUT_TYPES = frozenset({"checkbox", "radio"})
_SVG_NAMESPACE = "http://www.w3.org/2000/svg"
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_CONTROL_EDGES = "".join(chr(c) for c in range(0x21))
_TAB_NEWLINE = re.compile("[\t\n\r]")
_LOCAL_PAINT = re.compile(r"url\(\s*#[^)]*\)", re.IGNORECASE)
_WHY = {
    "script": "it runs script",
    "style": "style sheets can load from other hosts and restyle the site",
    "iframe": "it embeds another document",
    "frame": "it embeds another document",
    "frameset": "it embeds another document",
    "object": "it embeds a plug-in or another document",
    "embed": "it embeds a plug-in or another document",
    "applet": "it embeds a plug-in",
    "form": "forms send what readers type elsewhere",
    "button": "forms send what readers type elsewhere",
    "textarea": "forms send what readers type elsewhere",
    "select": "forms send what readers type elsewhere",
    "link": "it loads a resource",
    "meta": "it changes how the page behaves",
    "base": "it changes where every link points",
    "math": "it is parsed as foreign content",
    "noscript": "browsers parse its content differently",
    "template": "browsers parse its content differently",
}
_HINT = "pages may use Markdown and the HTML the editorial policy lists; see the Contributing page"
_CELL_HINT = (
    "align a table's column in Markdown ('| ---: |'), "
    "which writes align= under mkdocs.yml's tables: use_align_attribute"
)

_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
"""Lower-case ASCII only, so that offsets stay offsets."""

# Ammonia matches SVG attributes by the names the HTML5 parser gives them.
_CAMEL = {
    name.lower(): name for name in "viewBox preserveAspectRatio markerWidth markerHeight markerUnits refX refY".split()
}


@dataclass(frozen=True, slots=True)
class _Finding:
    """One thing the allowlist refuses, with what to look for in the source."""

    message: str
    needles: tuple[str, ...]
    """Texts to find in the source, most specific first: the first one found is where the problem is."""
    hint: str = _HINT
    focus: str | None = None
    """Within what was found, the text the column points at (the attribute's name)."""


@dataclass(frozen=True, slots=True)
class _Tag:
    name: str
    attrs: tuple[tuple[str, str], ...]
    raw: str


class _Tags(HTMLParser):
    """Every start tag and markup declaration, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[_Tag] = []
        self.items: list[_Tag | str] = []
        """Start tags and markup declarations (as text), in document order."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        first: dict[str, str] = {}
        for name, value in attrs:
            first.setdefault(name, value or "")
        self.tags.append(_Tag(tag, tuple(first.items()), self.get_starttag_text() or f"<{tag}"))
        self.items.append(self.tags[-1])

    def handle_decl(self, decl: str) -> None:
        self.items.append(f"<!{decl}")

    def unknown_decl(self, data: str) -> None:
        self.items.append(f"<![{data}")

    def handle_pi(self, data: str) -> None:
        self.items.append(f"<?{data}")


def _tags(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser


def browser_url(value: str) -> str:
    """Return a URL as a browser reads it: tab and newline removed, C0 controls and spaces stripped.

    Entities are already decoded by the HTML parser.
    """
    return _TAB_NEWLINE.sub("", value).strip(_CONTROL_EDGES)


def is_external(url: str) -> bool:
    """Whether fetching a reference would ask another host (a scheme but data: or blob:, or ``//host``)."""
    scheme = url_scheme(url)
    if scheme is not None:
        return scheme not in _LOCAL_SCHEMES
    return browser_url(url).startswith(("//", "\\\\", "/\\", "\\/"))


def url_scheme(value: str) -> str | None:
    """Return the lower-cased scheme of a URL as a browser reads it, or None when it is relative."""
    url = browser_url(value)
    match = _SCHEME.match(url)
    return match.group(1).lower() if match else None


def _check_tag(tag: _Tag) -> list[_Finding]:
    allowed = ELEMENTS.get(tag.name)
    if allowed is None:
        why = _WHY.get(tag.name)
        message = f"element <{tag.name}> is not allowed in a page" + (f" ({why})" if why else "")
        return [_Finding(message, (tag.raw, f"<{tag.name}"))]
    found = []
    if "mermaid" in dict(tag.attrs).get("class", "").split():
        message = f"class 'mermaid' on <{tag.name}> makes the theme load Mermaid from a public CDN"
        found.append(_Finding(message, (tag.raw, "mermaid"), "draw the diagram as an image in docs/", "mermaid"))
    for name, value in tag.attrs:
        needles: tuple[str, ...] = (tag.raw, f"{name}=")
        focus = f"{name}="
        if name.startswith("on"):
            message = f"event-handler attribute '{name}' on <{tag.name}> runs script"
            found.append(_Finding(message, needles, focus=focus))
        elif name == "style":
            message = f"inline style on <{tag.name}> is not allowed; the site's content security policy blocks it"
            hint = _CELL_HINT if tag.name in ("th", "td") else _HINT
            found.append(_Finding(message, needles, hint, focus))
        elif name not in allowed and name not in GLOBAL_ATTRIBUTES:
            found.append(_Finding(f"attribute '{name}' on <{tag.name}> is not allowed", needles, focus=focus))
        elif problem := _check_value(tag.name, name, value):
            needles = (tag.raw, value, browser_url(value), f"{name}=")
            found.append(_Finding(problem, needles, _value_hint(name), focus=focus))
    return found


def _check_value(tag: str, name: str, value: str) -> str | None:
    shown = value if len(value) <= 60 else value[:57] + "..."
    if name in _URL_ATTRIBUTES:
        scheme = url_scheme(value)
        if scheme is not None and scheme not in SCHEMES:
            return f"URL scheme '{scheme}:' in <{tag} {name}> is not allowed ({shown!r})"
    elif name in _LOADS:
        scheme = url_scheme(value)
        if scheme is not None and scheme not in ("http", "https"):
            return f"URL scheme '{scheme}:' in <{tag} {name}> is not allowed ({shown!r})"
        if is_external(value):
            return f"<{tag} {name}> loads {shown!r} from another host; the site makes no third-party request"
    elif name == "type" and tag == "input" and value.lower() not in _INPUT_TYPES:
        return f"<input type={value!r}> is not allowed (only checkbox and radio)"
    elif name == "xmlns" and value != _SVG_NAMESPACE:
        return f"<svg xmlns={shown!r}> is not the SVG namespace"
    elif "url(" in _LOCAL_PAINT.sub("", value).lower():
        return f"attribute '{name}' on <{tag}> refers outside the page ({shown!r}); only url(#id) is allowed"
    return None


def _value_hint(name: str) -> str:
    if name in _URL_ATTRIBUTES:
        return "links may be http, https, mailto or relative"
    if name in _LOADS:
        return "copy the file into docs/ and link it relatively"
    return _HINT


def _findings(html: str) -> list[_Finding]:
    broken = unterminated_tags(html)
    if broken > UNTERMINATED_LIMIT:
        message = f"{broken} tags or comments are never closed; the page's HTML cannot be read safely"
        return [_Finding(message, ("<",), "write plain Markdown; escape a literal < as &lt;")]
    if _clean(html):
        return []
    parsed = _tags(html)
    found: list[_Finding] = []
    for item in parsed.items:
        if isinstance(item, str):
            found.append(_Finding("markup declaration is not allowed in a page", (item,)))
        else:
            found += _check_tag(item)
    if found:
        return found
    return _parse_differences(html, parsed.tags)


# What the fast read leaves to the standard parser: markup declarations and processing
# instructions, and the document's own elements, which an HTML5 parser merges into its own.
_NOT_FOR_LEXBOR = re.compile(r"<!(?!--)|<\?|<(?:html|head|body)[\s/>]", re.IGNORECASE)
_DOCUMENT = frozenset({"html", "head", "body"})
_START_TAG = re.compile(r"<([A-Za-z][^\s/>]*)")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_VALUE_READ = frozenset({"class", "type", "xmlns", "style"}) | _URL_ATTRIBUTES | _LOADS
"""The attributes whose values the allowlist reads (besides looking for url() in every value)."""
_URL_READ = _URL_ATTRIBUTES | _LOADS
"""The attributes whose value the allowlist reads as a URL (its scheme, its host)."""
_CHECKED_LIMIT = 4096
"""How many distinct elements the fast read remembers as allowed (a bound on its memory)."""
_ALLOWED: set[tuple[str, tuple[tuple[str, str], ...]]] = set()
"""Elements (name and the attribute values the allowlist reads) found allowed, on any page so far.

The verdict on an element depends on nothing else, so the footnote and link markup every page
repeats is checked once per build, not once per page."""


def _clean(html: str) -> bool:
    """Whether the content is certainly allowed: read in parts when it is long (see ``closed_parts``)."""
    parts = closed_parts(html)
    if parts is None:
        return _clean_by_lexbor(html)
    for part in parts:
        if part is None or not _clean_by_lexbor(part):
            return _clean_by_lexbor(html)  # the whole is read at once, to say the same as when it is short
    return True


def _clean_by_lexbor(html: str) -> bool:
    """Whether the page's content is certainly allowed, by Lexbor (selectolax), a browser's HTML5 parser in C.

    True when every element and attribute a browser would build passes the allowlist, and
    Ammonia's cleaning gives back exactly what Lexbor builds, serialized (both follow the
    HTML standard's serialization; comments aside, which Ammonia drops). Then the slower
    reading with the standard library's parser, which finds what to report and where, is not
    needed. False sends the page that way: something is refused, or the fast read cannot tell
    (or selectolax is missing).
    """
    if _NOT_FOR_LEXBOR.search(html):
        return False
    tree = lexbor_tree(html)
    if tree is None or tree.body is None:
        return False
    built: Counter[str] = Counter()
    for node in tree.body.traverse():
        name = node.tag or "-"
        if name[0] in "-_#" or name in _DOCUMENT:  # text, comments, the document's own elements
            continue
        name = name.lower()
        built[name] += 1
        attributes = node.attributes
        first: dict[str, str] = {}
        for attribute, value in attributes.items() if attributes else ():
            attribute = attribute.lower()
            if attribute not in first:
                value = value or ""
                # The check reads few values; others only for url(): ids and titles need not make elements distinct.
                keep = attribute in _VALUE_READ or "url(" in value.lower()
                if keep and attribute in _URL_READ and value.startswith(("#", ".")):
                    value = value[0]  # a fragment or a relative path: no scheme, no host, whatever follows
                first[attribute] = value if keep else ""
        key = (name, tuple(first.items()))
        if key not in _ALLOWED:  # the same element with the same attributes is checked once
            if _check_tag(_Tag(name, key[1], f"<{name}")):
                return False
            if len(_ALLOWED) < _CHECKED_LIMIT:
                _ALLOWED.add(key)
    written = Counter(name.lower() for name in _START_TAG.findall(html))
    if any(built[name] < count for name, count in written.items()):
        return False  # a tag the browser drops, reads as text or puts in <head>: the standard parser still sees it
    ours = _COMMENT.sub("", tree.body.html.removeprefix("<body>").removesuffix("</body>"))
    del tree
    lexbor_tree.cache_clear()  # the tree is read: let it go before Ammonia builds its own
    return ours.lstrip() == clean_html(html).lstrip()  # a document drops leading white space


def _nh3_attributes() -> dict[str, set[str]]:
    attributes = {tag: {_CAMEL.get(a, a) for a in names} | set(names) for tag, names in ELEMENTS.items()}
    attributes["*"] = set(GLOBAL_ATTRIBUTES)
    return attributes


_NH3_TAGS = set(ELEMENTS)
_NH3_ATTRIBUTES = _nh3_attributes()


def clean_html(html: str) -> str:
    """Return the HTML with everything the allowlist refuses removed (by Ammonia), for a page that failed the check.

    Under ``mkdocs serve`` a refused page is still shown: cleaned, so that nothing of it runs.
    """
    return _cleaner()(html)


@functools.cache
def _cleaner() -> Callable[[str], str]:
    """Ammonia set up with the allowlist once (nh3's ``Cleaner``; a call of ``nh3.clean`` sets it up anew each time)."""
    options: dict[str, Any] = {
        "tags": _NH3_TAGS,
        "attributes": _NH3_ATTRIBUTES,
        "url_schemes": set(SCHEMES),
        "link_rel": None,
        "strip_comments": True,
    }
    if hasattr(nh3, "Cleaner"):  # the pinned nh3 has it; older releases may not
        return nh3.Cleaner(**options).clean
    return functools.partial(nh3.clean, **options)


def _parse_differences(html: str, checked: Sequence[_Tag]) -> list[_Finding]:
    """Clean the HTML with Ammonia's HTML5 parser and report what it reads differently."""
    browser = _tags(clean_html(html)).tags
    ours = Counter((tag.name, tag.attrs) for tag in checked)
    theirs = Counter((tag.name, tag.attrs) for tag in browser)
    found = []
    for tag in checked:
        key = (tag.name, tag.attrs)
        if ours[key] > theirs[key] and not _harmless(tag):
            ours[key] -= 1
            message = f"markup a browser reads differently: {tag.raw[:60]!r} is not what it seems here"
            found.append(_Finding(message, (tag.raw, f"<{tag.name}"), "write plain Markdown or well-formed HTML"))
    for tag in browser:
        key = (tag.name, tag.attrs)
        if theirs[key] > ours[key] and not _harmless(tag):
            theirs[key] -= 1
            seen = "<" + " ".join([tag.name, *(f'{n}="{v}"' for n, v in tag.attrs)]) + ">"
            message = f"markup a browser reads differently: it would see {seen[:60]!r} here"
            needles = (f"<{tag.name}", *(v for _, v in tag.attrs if v))
            found.append(_Finding(message, needles, "write plain Markdown or well-formed HTML"))
    return found


def _harmless(tag: _Tag) -> bool:
    """Elements an HTML5 parser adds or drops on its own: empty paragraphs and table bodies."""
    return not tag.attrs and tag.name in ("p", "tbody")


@dataclass(frozen=True, slots=True)
class SourceText:
    """A file the page's markup may have come from, for locating problems."""

    path: str
    """The path shown in diagnostics."""
    text: str
    """Its decoded text."""
    markdown: bool = True
    """A Markdown page (searched with code, comments and escapes blanked) or a data file (searched as is)."""


class _Locator:
    """Finds where a piece of markup was written, in the order the page's markup comes.

    Each file keeps a cursor at the last place found: the next problem is looked for
    from there on (the earliest place any of its texts occurs), then from the start.
    A page is searched first with its code, comments and escapes blanked (markup there
    is shown, not rendered), then as written; then each data file as written.
    """

    def __init__(self, sources: Sequence[SourceText]) -> None:
        self._files: list[tuple[str, str, str]] = []
        for source in sources:
            if source.markdown:
                self._files.append((source.path, mask_markdown(source.text).translate(_LOWER), source.text))
            self._files.append((source.path, source.text.translate(_LOWER), source.text))
        self._indexes: dict[str, LineIndex] = {}
        self._cursor: dict[str, int] = {}
        self._used: set[tuple[str, int]] = set()

    def find(self, needles: Sequence[str], focus: str | None = None) -> tuple[str, int, int]:
        """Locate the first needle found (from the cursor, then from the start), pointing at ``focus`` inside it."""
        wanted = [needle.translate(_LOWER) for needle in needles if needle.strip()]
        for from_cursor in (True, False):
            for needle in wanted:
                for path, haystack, text in self._files:
                    at = self._next(path, haystack, needle, self._cursor.get(path, 0) if from_cursor else 0)
                    if at < 0:
                        continue
                    self._used.add((path, at))
                    self._cursor[path] = at
                    inner = haystack.find(focus.translate(_LOWER), at, at + len(needle)) if focus else -1
                    line, col = self._indexes.setdefault(path, LineIndex(text)).position(inner if inner >= 0 else at)
                    return path, line, col
        return (self._files[0][0] if self._files else "", 1, 1)

    def _next(self, path: str, haystack: str, needle: str, start: int) -> int:
        """The first place of a needle from ``start`` that no earlier problem took."""
        at = haystack.find(needle, start)
        while at >= 0 and (path, at) in self._used:
            at = haystack.find(needle, at + 1)
        return at


def check_html(html: str, sources: Sequence[SourceText]) -> list[Diagnostic]:
    """Check a page's rendered content against the allowlist.

    Args:
        html: The page's content as rendered (MkDocs' ``page.content``), without the theme.
        sources: The page's source first, then the data files its markup may come from.

    Returns:
        One ``unsafe-html`` error per refused element, attribute, URL or parser
        difference, at the place in the sources where it was written (line 1 of the
        first source when it cannot be found there).
    """
    findings = _findings(html)
    lexbor_tree.cache_clear()  # the allowlist check reads the content last: let its tree go
    if not findings:
        return []  # the sources are read only to place a problem (the data files are large)
    locator = _Locator(sources)
    diagnostics = []
    for finding in findings:
        path, line, col = locator.find(finding.needles, finding.focus)
        diagnostics.append(Diagnostic(path, line, col, Code.UNSAFE_HTML, finding.message, finding.hint))
    return diagnostics


MKDOCS_EXTENSIONS = ("toc", "tables", "fenced_code")
"""The extensions MkDocs adds to every site, whatever its configuration says."""


def render_markdown(text: str, extensions: Sequence[tuple[str, dict[str, object]]], *, root: str = ".") -> str | None:
    """Render a page's Markdown as MkDocs would, for the standalone check.

    Args:
        text: The page's Markdown, with its placeholders and citations expanded.
        extensions: The site's ``markdown_extensions`` with their plain options.
        root: The project folder (snippets are included relative to it).

    Returns:
        The page's HTML, or None when Python-Markdown cannot render it (then the build
        reports why).
    """
    import markdown

    configs: dict[str, dict[str, object]] = {name: {} for name in MKDOCS_EXTENSIONS}
    for name, options in extensions:
        configs[name] = dict(options)
    if "pymdownx.snippets" in configs:
        configs["pymdownx.snippets"].setdefault("base_path", [root])
    loaded: list[str] = []
    for name, options in configs.items():
        try:
            markdown.Markdown(extensions=[name], extension_configs={name: options})
        except Exception:  # an extension this environment cannot load: the build reports it
            continue
        loaded.append(name)
    try:
        return str(
            markdown.Markdown(extensions=loaded, extension_configs={n: configs[n] for n in loaded}).convert(text)
        )
    except Exception:  # the build reports what Python-Markdown cannot render, at the page
        return None
