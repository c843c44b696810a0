"""The internal link and anchor check.

Links are taken from the rendered page when there is one (the ground truth of what a
reader can click), each placed at the line and column where the source writes it; a
rendered link that the source does not write (an extension made it) is reported at the
page's first line with the target quoted. Without a rendered page, the links scanned from
the source are checked for their files only.

Two ways of reading a target, as MkDocs and browsers do:

* *source* semantics, for Markdown links that MkDocs left as written: a path relative
  to the Markdown file, naming a file in the docs folder (``../groups/bla.md#leaders``);
* *URL* semantics, for everything in the rendered HTML and for raw HTML in the source:
  a URL relative to the page's URL, naming a page or file of the built site.

Anchors are the ids of the rendered target page; they are never derived by slugifying
headings again.
"""

from __future__ import annotations

import difflib
import json
import posixpath
import re
import unicodedata
from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote

from .diagnostics import Code, Diagnostic
from .html_scan import PageHtml
from .markdown_scan import LinkKind, SourceLink

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Mapping, Sequence

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+:")
_WINDOWS_PATH = re.compile(r"[A-Za-z]:[\\/]")
_PAGE_SUFFIXES = (".md", ".markdown")


@dataclass(frozen=True, slots=True)
class SiteFile:
    """A file of the site: a page made from Markdown, or a static file copied as is."""

    src: str
    """POSIX path relative to the docs folder, as on disk (``groups/bla.md``)."""
    url: str
    """URL relative to the site root (``groups/bla/``; ``""`` for the home page)."""
    is_page: bool
    """True for a page rendered from Markdown."""
    excluded: bool = False
    """Left out of the site (``exclude_docs``, a draft): known, so that a link to it says why it breaks."""


@dataclass(frozen=True, slots=True)
class PageLinks:
    """What the check needs to know about one page."""

    src: str
    """POSIX path relative to the docs folder."""
    links: Sequence[SourceLink]
    """The links written in the page's Markdown source."""
    html: PageHtml | None = None
    """The rendered page, or None to check the source links alone."""


@dataclass(frozen=True, slots=True)
class _Target:
    """Where a link leads."""

    file: SiteFile
    """The file it names."""
    fragment: str | None
    """The anchor it names, URL-decoded, or None."""


@dataclass(slots=True)
class SiteIndex:
    """Every file of the site, found by exact path or URL and by case-folded path or URL."""

    files: Iterable[SiteFile]
    """The files; read once into the maps below."""
    by_src: dict[str, SiteFile] = field(init=False)
    """Files by exact source path."""
    by_url: dict[str, SiteFile] = field(init=False)
    """Files by exact URL (a page also by its ``index.html`` form)."""
    _src_folded: dict[str, SiteFile] = field(init=False)
    _url_folded: dict[str, SiteFile] = field(init=False)

    def __post_init__(self) -> None:
        # MkDocs gives the home page the URL "./"; the index keys it as "".
        files = [SiteFile(f.src, "", f.is_page, f.excluded) if f.url in ("./", ".") else f for f in self.files]
        files.sort(key=lambda f: f.excluded)  # a published file wins a URL over one left out
        self.files = files
        self.by_src = {f.src: f for f in files}
        self.by_url = {}
        for f in files:
            self.by_url.setdefault(f.url, f)
            if f.is_page and (f.url == "" or f.url.endswith("/")):
                self.by_url.setdefault(f.url + "index.html", f)
        self._src_folded = {}
        for f in files:
            self._src_folded.setdefault(f.src.casefold(), f)
        self._url_folded = {}
        for url, f in self.by_url.items():
            self._url_folded.setdefault(unquote(url).casefold(), f)

    def folded_src(self, src: str) -> SiteFile | None:
        """Return the file whose path equals ``src`` but for case."""
        return self._src_folded.get(src.casefold())

    def folded_url(self, url: str) -> SiteFile | None:
        """Return the file whose URL equals ``url`` but for case."""
        return self._url_folded.get(unquote(url).casefold())


def page_url(src: str, *, use_directory_urls: bool = True) -> str:
    """Return the URL MkDocs gives a Markdown page (``groups/bla.md`` -> ``groups/bla/``)."""
    stem, _ = posixpath.splitext(src)
    folder, name = posixpath.split(stem)
    if name.lower() in ("index", "readme"):
        dest = posixpath.join(folder, "index.html")
    elif use_directory_urls:
        dest = posixpath.join(stem, "index.html")
    else:
        dest = stem + ".html"
    if use_directory_urls and dest.endswith("index.html"):
        return quote(dest[: -len("index.html")])
    return quote(dest)


PAGES_FILE = "briefbook-pages.json"
"""What a build with the hooks or the plugin writes into the site: where each page was published."""


def render_pages_file(files: Iterable[SiteFile]) -> str:
    """Return the pages file: each published page's source path and URL, as JSON."""
    pages = {f.src: f.url for f in files if f.is_page and not f.excluded}
    return json.dumps({"version": 1, "pages": pages}, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def read_pages_file(text: str) -> dict[str, str]:
    """Read a pages file back: URL by source path; empty for anything but a file :func:`render_pages_file` wrote."""
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    pages = data.get("pages") if isinstance(data, dict) and data.get("version") == 1 else None
    if not isinstance(pages, dict):
        return {}
    return {src: url for src, url in pages.items() if isinstance(src, str) and isinstance(url, str)}


def index_paths(
    paths: Iterable[str],
    *,
    use_directory_urls: bool = True,
    excluded: Collection[str] = frozenset(),
    urls: Mapping[str, str] | None = None,
) -> SiteIndex:
    """Build a site index from the docs folder's file paths, as MkDocs lays them out.

    A folder's ``index.md`` wins over its ``README.md``, as in MkDocs. The paths in
    ``excluded`` are known but left out of the site. ``urls`` gives the URL where a build
    published a page (a plugin may move it, as Material's blog does its posts).
    """
    urls = urls or {}
    paths = sorted(set(paths))
    present = set(paths)
    files = []
    for src in paths:
        if src.lower().endswith(_PAGE_SUFFIXES):
            folder, name = posixpath.split(src)
            if name.lower().startswith("readme.") and posixpath.join(folder, "index.md") in present:
                continue
            url = urls.get(src, page_url(src, use_directory_urls=use_directory_urls))
            files.append(SiteFile(src, url, True, src in excluded))
        else:
            files.append(SiteFile(src, quote(src), False, src in excluded))
    return SiteIndex(files)


def without_settled_links(html: PageHtml) -> PageHtml:
    """The rendered page less the links that cannot fail: to anchors of its own that it has, and to other hosts.

    They are most of a cited page's links. Leaving them out pairs the page's other links with its
    source as before, so the check says the same; a build that keeps every page's links to the
    end keeps less. (Keep a page left out of the site whole: its links to itself lead nowhere published.)
    """
    links = tuple(link for link in html.links if not _settled(link, html.ids))
    return html if len(links) == len(html.links) else PageHtml(html.ids, links, html.code_lines)


def _settled(href: str, ids: frozenset[str]) -> bool:
    """Whether a link of a page with these anchors resolves whatever the other pages hold (see ``_resolve``)."""
    if href[:1] == "#":
        return href == "#" or unquote(href[1:]) in ids
    return _other_host(href)


def _other_host(href: str) -> bool:
    """Whether a link leads to another host (``//host``, or a scheme other than a drive letter or ``file:``)."""
    if href.startswith("//"):
        return True
    return bool(_SCHEME.match(href)) and not _WINDOWS_PATH.match(href) and not href.lower().startswith("file:")


def check_links(pages: Iterable[PageLinks], index: SiteIndex, *, docs_path: str = "docs") -> list[Diagnostic]:
    """Check every internal link of every page.

    Args:
        pages: The pages, each with its source links and, where built, its rendered HTML.
        index: Every file of the site.
        docs_path: The docs folder's path relative to the project root, for diagnostics.

    Returns:
        One diagnostic for each broken link, in page order.
    """
    pages = list(pages)
    anchors = {p.src: p.html.ids for p in pages if p.html is not None}
    writers: dict[str, str | None] = {}  # each target as written, by the one page that writes it (None: several)
    for page in pages:
        for link in page.links:
            if writers.setdefault(link.target, page.src) != page.src:
                writers[link.target] = None
    diagnostics: list[Diagnostic] = []
    for page in pages:
        checker = _PageChecker(page, index, anchors, posixpath.join(docs_path, page.src), writers)
        diagnostics.extend(checker.run())
    return diagnostics


class _Problem(Exception):
    """A link that does not resolve; carries the diagnostic's code, message and hint."""

    def __init__(self, code: Code, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint


class _PageChecker:
    def __init__(
        self,
        page: PageLinks,
        index: SiteIndex,
        anchors: Mapping[str, frozenset[str]],
        path: str,
        writers: Mapping[str, str | None] | None = None,
    ) -> None:
        self.page = page
        self.index = index
        self.anchors = anchors
        self.path = path
        self.writers = writers or {}
        self.file = index.by_src.get(page.src) or SiteFile(page.src, page_url(page.src), True)

    def run(self) -> list[Diagnostic]:
        occurrences: list[tuple[str, SourceLink | None, str]]
        if self.page.html is None:
            occurrences = [(link.target, link, self._natural_mode(link)) for link in self.page.links]
        else:
            occurrences = self._match(self.page.html.links)
        diagnostics = []
        for href, link, mode in occurrences:
            if link is None and self.writers.get(href, self.page.src) != self.page.src:
                continue  # another page's text shown here (a blog's excerpt): checked where it is written
            try:
                target = self._resolve(href, mode)
                if target is not None and target.file.excluded:
                    raise _Problem(
                        Code.LINK,
                        f"'{link.target if link else href}' is not published: "
                        f"exclude_docs leaves '{target.file.src}' out of the site",
                        "link to a published page, or publish this one",
                    )
                if target is not None:
                    self._check_anchor(href, target)
                    if link is not None and link.kind is LinkKind.HTML and mode != "url":
                        url = _relative_url(self.file.url, target.file.url)
                        raise _Problem(
                            Code.LINK,
                            f"'{href}' links to a Markdown source, which MkDocs does not rewrite in raw HTML",
                            f"link to the page's URL '{url}' instead",
                        )
            except _Problem as problem:
                if link is not None and link.kind is LinkKind.FOOTNOTE and problem.code is Code.ANCHOR:
                    label = href.partition("#fn:")[2]
                    problem = _Problem(
                        Code.ANCHOR,
                        f"footnote '[^{label}]' has no note on the rendered page",
                        f"the note '[^{label}]: …' is missing, or the page lost its notes "
                        "(they go wherever the footnotes extension's marker text is printed)",
                    )
                line, col = (link.line, link.col) if link else (1, None)
                diagnostics.append(Diagnostic(self.path, line, col, problem.code, problem.message, problem.hint))
        return diagnostics

    def _natural_mode(self, link: SourceLink) -> str:
        """Read raw HTML as a URL; Markdown links as paths, or as URLs where that works."""
        if link.kind is LinkKind.HTML:
            return "source" if _is_markdown_path(link.target) else "url"
        return "as-written"

    def _match(self, hrefs: Sequence[str]) -> list[tuple[str, SourceLink | None, str]]:
        """Pair each rendered link with the source link that wrote it, in order."""
        used: set[int] = set()
        by_target, by_key = _Pairing(used), _Pairing(used)
        code = self.page.html.code_lines if self.page.html is not None else frozenset()
        for index, link in enumerate(self.page.links):
            if link.code_line is not None and link.code_line in code:
                continue  # an indented code block: shown, not linked
            by_target.add(link.target, index, link)
            try:
                target = self._resolve(link.target, self._natural_mode(link))
            except _Problem:
                continue
            if target is not None:
                by_key.add((target.file.src, target.fragment), index, link)
        result: list[tuple[str, SourceLink | None, str]] = []
        for href in hrefs:
            found = by_target.take(href)
            if found is not None:
                # MkDocs left it as written: a path it could not resolve, or a URL.
                mode = "url" if found.kind is LinkKind.HTML and not _is_markdown_path(href) else "as-written"
                result.append((href, found, mode))
                continue
            try:
                target = self._resolve(href, "url")
            except _Problem:
                target = None
            found = by_key.take((target.file.src, target.fragment)) if target else None
            result.append((href, found, "url"))
        return result

    def _resolve(self, href: str, mode: str) -> _Target | None:
        """Return where ``href`` leads; None for an external link; raise _Problem if nowhere."""
        if href.startswith("#"):  # most links of a cited page: its footnotes and back-references
            return _Target(self.file, unquote(href[1:]))
        if _other_host(href):
            return None
        if _WINDOWS_PATH.match(href) or href.lower().startswith("file:"):
            raise _Problem(Code.ESCAPE, f"'{href}' is an absolute filesystem path", "link relative to this page")
        path, hash_, fragment = href.partition("#")
        path = path.partition("?")[0]
        frag = unquote(fragment) if hash_ else None
        if not path:
            return _Target(self.file, frag)
        if path.startswith("/"):
            hint = None
            target = self.index.by_src.get(unquote(path).lstrip("/"))
            if target is not None:
                hint = f"did you mean '{_relative_path(self.page.src, target.src)}{hash_}{fragment}'?"
            raise _Problem(Code.ESCAPE, f"'{href}' is an absolute path; links must be relative", hint)
        if mode == "as-written":
            # Report as the author wrote it (a docs path), unless it works as a URL; a path
            # that leaves the docs folder was meant as a URL, so the URL's problem is reported.
            try:
                return _Target(self._resolve_source(href, unquote(path), hash_ + fragment), frag)
            except _Problem as as_path:
                if _is_markdown_path(href):
                    raise
                try:
                    return _Target(self._resolve_url(href, path, hash_ + fragment), frag)
                except _Problem as as_url:
                    better = as_path.code is Code.ESCAPE and as_url.code is not Code.ESCAPE
                    raise (as_url if better else as_path) from None
        if mode == "source":
            return _Target(self._resolve_source(href, unquote(path), hash_ + fragment), frag)
        return _Target(self._resolve_url(href, path, hash_ + fragment), frag)

    def _resolve_source(self, href: str, path: str, suffix: str) -> SiteFile:
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(self.page.src), path))
        if joined == ".." or joined.startswith("../"):
            raise _Problem(Code.ESCAPE, f"'{href}' leads outside the docs folder")
        found = self.index.by_src.get(joined)
        if found is not None:
            return found
        folded = self.index.folded_src(joined)
        if folded is not None:
            fixed = _relative_path(self.page.src, folded.src) + suffix
            raise _Problem(
                Code.CASE,
                f"'{href}' differs in case from the file '{folded.src}'",
                f"did you mean '{fixed}'?",
            )
        published = [src for src, f in self.index.by_src.items() if not f.excluded]
        close = difflib.get_close_matches(joined, published, n=1, cutoff=0.6)
        hint = f"did you mean '{_relative_path(self.page.src, close[0])}{suffix}'?" if close else None
        raise _Problem(Code.LINK, f"'{href}' not found: no file '{joined}' in the docs", hint)

    def _resolve_url(self, href: str, path: str, suffix: str) -> SiteFile:
        joined = posixpath.normpath(posixpath.join(_folder(self.file.url), path))
        if joined == ".." or joined.startswith("../"):
            raise _Problem(Code.ESCAPE, f"'{href}' leads outside the site")
        joined = "" if joined == "." else joined
        if joined and (path.endswith("/") or path.endswith("/.") or path in (".", "..")):
            joined += "/"
        found = self.index.by_url.get(joined) or self.index.by_url.get(quote(unquote(joined)))
        if found is not None:
            return found
        folded = self.index.folded_url(joined)
        if folded is not None and folded.url != joined:
            fixed = _relative_url(self.file.url, folded.url) + suffix
            code = Code.CASE if unquote(folded.url).casefold() == unquote(joined).casefold() else Code.LINK
            if code is Code.CASE:
                raise _Problem(code, f"'{href}' differs in case from '{folded.url}'", f"did you mean '{fixed}'?")
        slashed = self.index.by_url.get(joined + "/")
        if slashed is not None:
            fixed = _relative_url(self.file.url, slashed.url) + suffix
            raise _Problem(
                Code.LINK,
                f"'{href}' lacks the trailing slash of the page's URL (it breaks when opened from disk)",
                f"did you mean '{fixed}'?",
            )
        close = difflib.get_close_matches(
            joined,
            [u for u, f in self.index.by_url.items() if not u.endswith("index.html") and not f.excluded],
            n=1,
            cutoff=0.6,
        )
        hint = f"did you mean '{_relative_url(self.file.url, close[0])}{suffix}'?" if close else None
        raise _Problem(Code.LINK, f"'{href}' not found: no page or file at '{joined or '/'}' in the site", hint)

    def _check_anchor(self, href: str, target: _Target) -> None:
        if not target.fragment or not target.file.is_page:
            return
        ids = self.anchors.get(target.file.src)
        if ids is None or target.fragment in ids:
            return
        where = "this page" if target.file.src == self.page.src else target.file.src
        hint = None
        # A theme's own ids (Material's "__drawer", "__config") are never what a writer meant.
        own = sorted(i for i in ids if not i.startswith("__") or target.fragment.startswith("__"))
        alike = [i for i in own if _fold_anchor(i) == _fold_anchor(target.fragment)]
        close = alike or difflib.get_close_matches(target.fragment, own, n=1, cutoff=0.6)
        if close:
            hint = f"did you mean '#{close[0]}'?"
        raise _Problem(Code.ANCHOR, f"'#{target.fragment}' is not an anchor of {where}", hint)


class _Pairing:
    """Source links by key, handed out in source order, each once (definitions any number of times)."""

    def __init__(self, used: set[int]) -> None:
        self.queues: dict[object, deque[tuple[int, SourceLink]]] = {}
        self.used = used
        """Indices of the links paired so far, shared with the other pairings of the page."""

    def add(self, key: object, index: int, link: SourceLink) -> None:
        self.queues.setdefault(key, deque()).append((index, link))

    def take(self, key: object) -> SourceLink | None:
        """Return the first link under ``key`` not yet paired."""
        queue = self.queues.get(key)
        while queue and queue[0][0] in self.used and queue[0][1].kind is not LinkKind.DEFINITION:
            queue.popleft()
        if not queue:
            return None
        index, link = queue[0]
        if link.kind is not LinkKind.DEFINITION:
            queue.popleft()
            self.used.add(index)
        return link


def _fold_anchor(anchor: str) -> str:
    """Fold case, accents and separators, to find an anchor that differs only in form."""
    decomposed = unicodedata.normalize("NFKD", anchor)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\s_\-]+", "-", bare.casefold()).strip("-")


def _is_markdown_path(href: str) -> bool:
    path = href.partition("#")[0].partition("?")[0]
    return path.lower().endswith(_PAGE_SUFFIXES) and not _SCHEME.match(href)


def _folder(url: str) -> str:
    """Return the folder a relative URL on the page at ``url`` starts from."""
    if not url or url.endswith("/"):
        return url
    folder = posixpath.dirname(url)
    return folder + "/" if folder else ""


def _relative_path(from_src: str, to_src: str) -> str:
    """Return the path of ``to_src`` relative to the folder of ``from_src``."""
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")


def _relative_url(from_url: str, to_url: str) -> str:
    """Return ``to_url`` relative to the page at ``from_url``, as MkDocs writes it."""
    rel = posixpath.relpath(to_url or ".", _folder(from_url) or ".")
    if (to_url.endswith("/") or not to_url) and not rel.endswith("/"):
        rel += "/"
    return "./" if rel == "./" or rel == "." else rel
