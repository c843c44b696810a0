"""MkDocs hooks: glue between MkDocs' build events and the ``briefbook`` checks.

Named in mkdocs.yml under ``hooks:``. Each hook only turns MkDocs objects into plain
values, calls the library, and keeps the results for the next event; all logic lives
in ``briefbook``. At the end of the build every diagnostic is printed, sorted, and the
build fails if any is an error, whatever the log level. Under ``mkdocs serve`` the
diagnostics are printed and the server keeps serving.
"""

from __future__ import annotations

import os
import posixpath
import re
import sys
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from briefbook import (
    BIBTEX_FILE,
    CSL_FILE,
    CSS_FILE,
    CSV_FILE,
    JSON_FILE,
    PAGES_FILE,
    ROBOTS_FILE,
    BookCitation,
    BookData,
    BookScan,
    Diagnostic,
    Marker,
    PageHtml,
    PageLinks,
    Registry,
    SiteFile,
    SiteIndex,
    SourceLink,
    SourceText,
    add_script_hashes,
    check_html,
    check_links,
    check_nav,
    check_pages_in_nav,
    clean_html,
    correction_url,
    decode_source,
    escaping_paths,
    expand_placeholders,
    has_errors,
    load_book_data,
    page_citation,
    page_links,
    page_url,
    parse_config,
    parse_markers,
    read_built_page,
    read_citation,
    render_bibtex,
    render_book_csl,
    render_citations,
    render_csl_json,
    render_diagnostic,
    render_opt_outs,
    render_pages_file,
    render_summary,
    render_timeline_css,
    render_timeline_csv,
    render_timeline_json,
    robots_txt,
    scan_book,
    scan_html,
    site_path,
    snippet_reader,
    sort_diagnostics,
    styled_404,
    timeline_rows,
    undecodable_names,
    unrendered_citations,
    without_settled_links,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

SOURCES_PAGE = "sources/index.md"
"""The page whose ``<!-- data: sources -->`` placeholder lists every source."""

UNRENDERED = "This page nests too deeply to be rendered; the build's errors say where.\n"
"""What a page too deep for Markdown shows instead (under ``mkdocs serve``; a build fails)."""

# MkDocs loads this module anew for every (re)build under `mkdocs serve`, but calls
# on_startup only once: the command is kept in the environment, which outlives modules.
_COMMAND = "BRIEFBOOK_MKDOCS_COMMAND"


@dataclass
class _Build:
    """What one build has collected so far."""

    config_path: str = "mkdocs.yml"
    docs_path: str = "docs"
    index: SiteIndex | None = None
    data: BookData = field(default_factory=lambda: BookData(Registry("docs/sources.yaml", {}), [], "", []))
    book: BookScan = field(default_factory=BookScan)
    sources: dict[str, str] = field(default_factory=dict)
    pages: dict[str, PageLinks] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    site_path: str = "site"
    written: list[Diagnostic] = field(default_factory=list)
    """Problems found in the pages as written (after the first report)."""
    citation: BookCitation | None = None
    """What CITATION.cff says of the book, when the project has one."""
    read_snippet: Callable[[str], str | None] | None = None
    """How pymdownx.snippets finds the files a page includes, when the site uses it."""
    released: set[str] = field(default_factory=set)
    """Pages checked, whose text, markers and links the build no longer holds."""
    expanded: dict[str, tuple[str, str]] = field(default_factory=dict)
    """The page being rendered: its Markdown as given to the citation rendering, and the label prefix."""


_build = _Build()


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this process serves (print only) or builds (print and fail)."""
    os.environ[_COMMAND] = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Start a new build: load the registry, the data files and CITATION.cff."""
    global _build
    root = Path(config.config_file_path or "mkdocs.yml").parent
    config_path = Path(config.config_file_path or "mkdocs.yml").name
    docs_path = posixpath.normpath(os.path.relpath(config.docs_dir, root).replace(os.sep, "/"))
    site_path = posixpath.normpath(os.path.relpath(config.site_dir, root).replace(os.sep, "/"))
    _build = _Build(config_path=config_path, docs_path=docs_path, site_path=site_path)
    extensions = {name: config.mdx_configs.get(name, {}) for name in config.markdown_extensions}
    _build.read_snippet = snippet_reader(extensions, Path.cwd())  # base_path is read from where MkDocs runs
    _, names = undecodable_names(Path(config.docs_dir), docs_path=docs_path)
    if names:
        _report(names, fatal=True)  # MkDocs itself would stop with a traceback on these names
    _build.data = load_book_data(Path(config.docs_dir), docs_path=docs_path)
    _build.diagnostics += _build.data.diagnostics
    _build.citation, problems = read_citation(root)
    _build.diagnostics += problems
    if not config.repo_url and config.edit_uri and "://" not in config.edit_uri:
        config.edit_uri = None  # relative to a repository the build was not given: no edit links
    if CSS_FILE not in config.extra_css:
        config.extra_css.append(CSS_FILE)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add sources.json; drop files outside the docs folder; scan every page; add the generated files; index them."""
    files.append(File.generated(config, "sources.json", content=render_csl_json(_build.data.registry)))
    listed = [f.src_uri for f in files if f.abs_src_path is not None and not f.generated_by]
    outside, found = escaping_paths(Path(config.docs_dir), listed, docs_path=_build.docs_path)
    for file in [f for f in files if f.src_uri in outside]:
        files.remove(file)  # never copied into the site
    _build.diagnostics += found
    problems: list[Diagnostic] = []
    for file in files.documentation_pages():
        if file.abs_src_path is None:
            continue
        text, found = decode_source(f"{_build.docs_path}/{file.src_uri}", Path(file.abs_src_path).read_bytes())
        problems += found
        if text is not None:
            _build.sources[file.src_uri] = text
    slugify = _heading_slugify(config)
    _build.book = scan_book(
        _build.sources, _build.data, slugify, docs_path=_build.docs_path, read_snippet=_build.read_snippet
    )
    _build.diagnostics += _build.book.diagnostics
    config.extra["last_reviewed"] = _build.book.last_reviewed  # for the PDF edition's cover
    events = _build.data.events
    timeline = _build.book.timeline
    url = page_url(timeline, use_directory_urls=config.use_directory_urls) if timeline else ""
    rows = timeline_rows(events, _build.data.registry, url)
    files.append(File.generated(config, CSV_FILE, content=render_timeline_csv(rows)))
    files.append(File.generated(config, JSON_FILE, content=render_timeline_json(rows)))
    files.append(File.generated(config, CSS_FILE, content=render_timeline_css(events)))
    if files.get_file_from_path(ROBOTS_FILE) is None:
        files.append(File.generated(config, ROBOTS_FILE, content=robots_txt(config.site_url)))
    if _build.citation is not None:
        url, reviewed = config.site_url or "", _build.book.last_reviewed
        files.append(File.generated(config, BIBTEX_FILE, content=render_bibtex(_build.citation, url, reviewed)))
        files.append(File.generated(config, CSL_FILE, content=render_book_csl(_build.citation, url, reviewed)))
    _build.index = SiteIndex(
        SiteFile(f.src_uri, f.url, f.is_documentation_page(), not f.inclusion.is_included()) for f in files
    )
    if problems:
        # MkDocs itself would stop with a traceback on these files: stop here, clearly.
        _report(problems + _build.diagnostics, fatal=True)
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Check the nav's entries against the files, at their lines in mkdocs.yml."""
    assert _build.index is not None
    config_file = Path(config.config_file_path or "mkdocs.yml")
    text, problems = decode_source(_build.config_path, config_file.read_bytes())
    _build.diagnostics += problems
    if text is not None:
        settings, problems = parse_config(_build.config_path, text)
        _build.diagnostics += problems
        if settings.nav is not None:
            _build.diagnostics += check_nav(_build.config_path, settings.nav, _build.index)
            unlisted = {f.src_uri for f in files if f.inclusion.is_not_in_nav()}
            _build.diagnostics += check_pages_in_nav(
                settings.nav, _build.index, docs_path=_build.docs_path, not_in_nav=unlisted
            )
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Expand the data placeholders; turn citation markers into footnotes."""
    src = page.file.src_uri
    if src in _build.book.unrenderable:
        return UNRENDERED
    markdown = expand_placeholders(markdown, src, _build.data, _build.book, sources_src=SOURCES_PAGE)
    # Joined into one page for the PDF edition, every page's footnotes need ids of their own.
    joined = _print_site_enabled(config)
    prefix = re.sub(r"[^a-z0-9]+", "-", src.removesuffix(".md").lower()) + "-" if joined else ""
    _build.expanded = {src: (markdown, prefix)}  # only the page being rendered, until its content is checked
    return render_citations(
        markdown,
        _build.data.registry,
        src,
        sources_src=SOURCES_PAGE,
        label_prefix=prefix,
        markers=_known(src, markdown),
    )


def _known(src: str, markdown: str) -> list[Marker] | None:
    """The page's markers as the book scan found them, moved to this Markdown (MkDocs takes the front matter off).

    None when the Markdown is not the page's own text after its front matter (a placeholder was expanded).
    """
    source = _build.sources.get(src, "")
    offset = len(source) - len(markdown)
    markers = _build.book.markers.get(src)
    if markers is None or offset < 0 or not source.endswith(markdown) or any(m.start < offset for m in markers):
        return None
    return [Marker(m.start - offset, m.end - offset, m.items) for m in markers]


def _print_site_enabled(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("print-site")
    return plugin is not None and bool(plugin.config.get("enabled"))


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Check the rendered content against the HTML allowlist; keep its anchors and links."""
    src = page.file.src_uri
    if src in _build.book.unrenderable:
        return html  # its links are checked on the source alone, as the standalone check does
    source = _page_source(page)
    path = f"{_build.docs_path}/{src}"
    page_html = scan_html(html)
    if src in _build.expanded:
        markdown, prefix = _build.expanded.pop(src)
        markers = _build.book.markers.get(src)
        if markers is None:  # released after an earlier rendering of the page
            markers, _ = parse_markers(path, source)
        found, missing = unrendered_citations(
            path, html, markdown, _build.data.registry, markers, source, label_prefix=prefix
        )
        _build.diagnostics += found
        if missing:  # said above, at the citation: not again as a missing back-reference anchor
            links = tuple(link for link in page_html.links if link.removeprefix("#") not in missing)
            page_html = PageHtml(page_html.ids, links)
    if not page.file.inclusion.is_excluded():
        page_html = without_settled_links(page_html)  # kept to the end for the links of other pages
    _build.pages[src] = PageLinks(src, _source_links(src, source), page_html)
    sources = [SourceText(path, source), *_build.data.files]
    unsafe = check_html(html, sources)
    _build.diagnostics += unsafe
    _release(src)
    return clean_html(html) if unsafe else html  # under `mkdocs serve`, nothing refused runs


def _page_source(page: Page) -> str:
    """The page's decoded source: as read in on_files, or read again if it was released."""
    src = page.file.src_uri
    if src in _build.released and page.file.abs_src_path is not None:
        text, _ = decode_source(f"{_build.docs_path}/{src}", Path(page.file.abs_src_path).read_bytes())
        return text or ""
    return _build.sources.get(src, "")


def _release(src: str) -> None:
    """The page is checked: let go of its text, markers and links, which only its own events read.

    Its links stay in its PageLinks for the link check; the text is dropped so that the build
    does not hold every page's text to the end (MkDocs keeps its own copy in the page).
    """
    if src in _build.sources:
        _build.sources[src] = ""
        _build.released.add(src)
    _build.book.markers.pop(src, None)
    _build.book.links.pop(src, None)


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    """Give the page template the page's citation, its correction link and the book's citation files."""
    title = page.title or ""
    url = page.canonical_url or page.abs_url or ""
    source = page.meta.get("edit-source")
    if isinstance(source, str) and page.edit_url:
        # A page that shows another file whole (the Contributing page, CONTRIBUTING.md) is edited there.
        page.edit_url = urllib.parse.urljoin(page.edit_url, source)
    reviewed = _build.book.reviewed.get(page.file.src_uri)
    context["briefbook"] = {
        "reviewed": reviewed,
        "citation": page_citation(title, config.site_name, reviewed, url),
        "correction_url": correction_url(config.repo_url, title=title, page_url=url) if config.repo_url else None,
        "cite_files": {"BibTeX": BIBTEX_FILE, "CSL-JSON": CSL_FILE} if _build.citation else {},
    }
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Fill the page's Content-Security-Policy with its inline scripts' hashes; check what it loads."""
    built = read_built_page(f"{_build.site_path}/{page.file.dest_uri}", output, page.content)
    _build.written += built.problems
    return add_script_hashes(output, built.scripts, content=page.content)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Do the same for the pages made from templates alone (404.html, styled from disk too)."""
    if template_name == "404.html":
        output_content = styled_404(output_content, site_path(config.site_url))
    built = read_built_page(f"{_build.site_path}/{template_name}", output_content)
    _build.written += built.problems
    return add_script_hashes(output_content, built.scripts)


def on_post_build(config: MkDocsConfig) -> None:
    """Report what the written pages would load from another host; fail on it.

    The print-site plugin writes its one page for the PDF edition after every other page, without
    the page events: its inline scripts get their hashes here.
    """
    printed = Path(config.site_dir) / "print_page.html"
    if _print_site_enabled(config) and printed.is_file():
        html = printed.read_text(encoding="utf-8")
        built = read_built_page(f"{_build.site_path}/print_page.html", html)
        _build.written += built.problems
        printed.write_text(add_script_hashes(html, built.scripts), encoding="utf-8")
    if _build.written:
        _report(_build.written, fatal=False, opt_outs=False)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Check every link once all pages are rendered; report; fail on errors."""
    assert _build.index is not None
    published = [SiteFile(f.src_uri, f.url, f.is_documentation_page(), not f.inclusion.is_included()) for f in files]
    files.append(File.generated(config, PAGES_FILE, content=render_pages_file(published)))  # for briefbook links
    pages = [_build.pages.get(src) or PageLinks(src, _source_links(src, text)) for src, text in _build.sources.items()]
    _build.diagnostics += check_links(pages, _build.index, docs_path=_build.docs_path)
    _report(_build.diagnostics, fatal=False)
    _forget_checked()
    return env


def _forget_checked() -> None:
    """The checks of the pages as written are done: let go of what only they read.

    What remains of the build (the theme renders every page, the written pages are checked,
    the search index is made) needs only the pages' review dates: a large book no longer
    holds every page's links and anchors, the site's index and the data files meanwhile.
    """
    _build.sources.clear()
    _build.pages.clear()
    _build.diagnostics.clear()  # reported just now
    _build.index = None
    _build.data = BookData(Registry(_build.data.registry.path, {}), [], "", [])
    _build.book = BookScan(reviewed=_build.book.reviewed)


def _source_links(src: str, text: str) -> list[SourceLink]:
    """The page's links as written, as the book scan read them (with its mask) or anew."""
    links = _build.book.links.get(src)
    return links if links is not None else page_links(text, _build.read_snippet)


def _heading_slugify(config: MkDocsConfig) -> Callable[[str], str]:
    """Return the site's heading slugify (the toc extension's), as a one-argument function."""
    toc = config.mdx_configs.get("toc", {})
    function = toc.get("slugify")
    separator = toc.get("separator", "-")
    if function is None:
        from markdown.extensions.toc import slugify as function
    return lambda text: str(function(text, separator))


def _report(diagnostics: list[Diagnostic], *, fatal: bool, opt_outs: bool = True) -> None:
    """Print every diagnostic (and the opt-outs); raise to fail the build unless serving (or if fatal)."""
    diagnostics = sort_diagnostics(diagnostics)
    for diagnostic in diagnostics:
        print(render_diagnostic(diagnostic), file=sys.stderr)
    for line in render_opt_outs(_build.book.opt_outs) if opt_outs else []:
        print(line, file=sys.stderr)
    if not diagnostics:
        return
    summary = f"briefbook: {render_summary(diagnostics)}"
    print(summary, file=sys.stderr, flush=True)
    if has_errors(diagnostics) and (fatal or os.environ.get(_COMMAND) != "serve"):
        raise PluginError(f"{summary}; the build fails (see the lines above)")
