"""The ``briefbook`` command: the book's checks outside MkDocs.

``briefbook check`` runs every check of the book on a project (the folder of its
mkdocs.yml): file encodings, front matter, the nav, internal links, and each page's
HTML against the allowlist (rendered here with the site's Markdown extensions); with
``--site`` it also reads the built pages, for anchors, for links that extensions make
and for anything the pages or style sheets would load from another host.

``briefbook links [PATH]`` runs the link and anchor check alone on any MkDocs project:
PATH is its mkdocs.yml (the default; ``docs_dir``, ``exclude_docs``, ``draft_docs`` and
``use_directory_urls`` are read from it) or its docs folder; ``--site`` for the built
site. None of the book's own rules apply there.

``briefbook codes`` prints the table of diagnostic codes that CONTRIBUTING.md holds.

``--format github`` prints each problem as a GitHub Actions workflow command, so that a
CI job shows it on the changed line of a pull request.

Exit status: 0 when clean, 1 when problems were found, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import os
import posixpath
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .book import GENERATED, BookData, BookScan, expand_placeholders, load_book_data, scan_book
from .citations import render_citations, render_opt_outs, unrendered_citations
from .citing import BIBTEX_FILE, CSL_FILE, read_citation
from .diagnostics import (
    Diagnostic,
    has_errors,
    render_code_table,
    render_diagnostic,
    render_github,
    render_json,
    render_summary,
    sort_diagnostics,
)
from .files import escaping_paths, matching_paths, snippet_reader, undecodable_names
from .html_safety import SourceText, check_html, render_markdown
from .html_scan import PageHtml, scan_html
from .links import PAGES_FILE, PageLinks, SiteFile, SiteIndex, check_links, index_paths, read_pages_file
from .markdown_scan import page_links
from .nav import SiteConfig, check_nav, check_pages_in_nav, parse_config
from .resources import check_css_resources, check_page_resources
from .textio import decode_source

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from .markdown_scan import SourceLink


class _UsageError(Exception):
    """A path given on the command line cannot be used."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command and return its exit status.

    Args:
        argv: The arguments, without the program name (default: ``sys.argv[1:]``).

    Returns:
        0 when clean, 1 when problems were found, 2 for a usage error.
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        return 0 if stop.code == 0 else 2
    if args.command == "codes":
        print(render_code_table(), end="")
        return 0
    notes: list[str] = []
    try:
        if args.command == "check":
            diagnostics = _check_book(Path(args.config), Path(args.site) if args.site else None, notes)
        else:
            site = Path(args.site) if args.site else None
            diagnostics = _check_links_only(Path(args.path), site, flat=args.no_directory_urls)
    except _UsageError as error:
        print(f"briefbook: error: {error}", file=sys.stderr)
        return 2
    render = {"json": render_json, "github": render_github}.get(args.format, render_diagnostic)
    diagnostics = sort_diagnostics(diagnostics)
    for diagnostic in diagnostics:
        print(render(diagnostic))
    if args.format != "json":
        for note in notes:
            print(note, file=sys.stderr)
    if args.format != "json" and diagnostics:
        print(f"briefbook: {render_summary(diagnostics)}", file=sys.stderr)
    return 1 if has_errors(diagnostics) else 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefbook", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="run every check of the book")
    check.add_argument("--config", default="mkdocs.yml", help="the project's mkdocs.yml (default: %(default)s)")
    check.add_argument("--site", help="the built site, to check anchors and generated links")
    commands.add_parser("codes", help="print the table of diagnostic codes (Markdown), as CONTRIBUTING.md holds it")
    links = commands.add_parser("links", help="check internal links and anchors of any MkDocs project")
    links.add_argument(
        "path",
        nargs="?",
        default="mkdocs.yml",
        help="the project's mkdocs.yml, or its docs folder (default: %(default)s)",
    )
    links.add_argument("--site", help="the built site, to check anchors and generated links")
    links.add_argument(
        "--no-directory-urls", action="store_true", help="the site was built with use_directory_urls: false"
    )
    for sub in (check, links):
        sub.add_argument(
            "--format",
            choices=("text", "json", "github"),
            default="text",
            help="compiler-style lines, JSON lines, or GitHub Actions annotations (default: %(default)s)",
        )
    return parser


def _slugify(text: str) -> str:
    """Slugify headings as the book's toc does (pymdownx.slugs, lower case)."""
    from pymdownx.slugs import slugify

    return str(slugify(case="lower")(text, "-"))


def _check_book(config: Path, site: Path | None, opt_outs: list[str]) -> list[Diagnostic]:
    root = config.parent
    settings, diagnostics = _read_config(config, config.name)
    if settings is None:
        return diagnostics
    docs = root / settings.docs_dir
    docs_path = _display(docs, root)
    listed, problems = _listed_files(docs, docs_path)
    diagnostics += problems
    excluded = matching_paths(listed, settings.exclude_docs, settings.draft_docs)
    texts, problems = _read_pages(docs, docs_path, [src for src in listed if src not in excluded])
    diagnostics += problems
    citation, problems = read_citation(root)
    diagnostics += problems
    cite_files = [BIBTEX_FILE, CSL_FILE] if citation else []
    directory_urls = _built_with_directory_urls(site, texts, default=settings.use_directory_urls)
    index = index_paths(
        [*listed, *GENERATED, *cite_files, *_site_assets(site)],
        use_directory_urls=directory_urls,
        excluded=excluded,
        urls=_published_urls(site),
    )
    data = load_book_data(docs, docs_path=docs_path)
    diagnostics += data.diagnostics
    read = snippet_reader(dict(settings.markdown_extensions), root)
    book = scan_book(texts, data, _slugify, docs_path=docs_path, read_snippet=read)
    diagnostics += book.diagnostics
    diagnostics += _check_rendered(texts, data, book, settings, root, docs_path)
    opt_outs.extend(render_opt_outs(book.opt_outs))
    if settings.nav is not None:
        diagnostics += check_nav(config.name, settings.nav, index)
        unlisted = matching_paths(listed, settings.not_in_nav)
        diagnostics += check_pages_in_nav(settings.nav, index, docs_path=docs_path, not_in_nav=unlisted)
    index, built = _add_built_pages(index, site, use_directory_urls=directory_urls)
    diagnostics += check_links([*_pages(texts, book.links, index, site), *built], index, docs_path=docs_path)
    if site is not None:
        diagnostics += _site_resources(site, _display(site, root))
    return diagnostics


def _site_resources(site: Path, shown: str) -> list[Diagnostic]:
    """Report what the built site's pages and style sheets would load from another host."""
    diagnostics = []
    for path in _walk_docs(site):
        if path.endswith(".html"):
            text = (site / path).read_text(encoding="utf-8", errors="replace")
            diagnostics += check_page_resources(f"{shown}/{path}", text)
        elif path.endswith(".css"):
            text = (site / path).read_text(encoding="utf-8", errors="replace")
            diagnostics += check_css_resources(f"{shown}/{path}", text)
    return diagnostics


def _check_rendered(
    texts: dict[str, str], data: BookData, book: BookScan, settings: SiteConfig, root: Path, docs_path: str
) -> list[Diagnostic]:
    """Render each page as the build does and check its HTML against the allowlist."""
    diagnostics = []
    for src, text in texts.items():
        if src in book.unrenderable:
            continue
        expanded = expand_placeholders(text, src, data, book)
        markdown = render_citations(expanded, data.registry, src)
        html = render_markdown(markdown, settings.markdown_extensions, root=str(root))
        if html is not None:
            path = f"{docs_path}/{src}"
            diagnostics += check_html(html, [SourceText(path, text), *data.files])
            markers = book.markers.get(src, [])
            diagnostics += unrendered_citations(path, html, expanded, data.registry, markers, text)[0]
    return diagnostics


def _check_links_only(path: Path, site: Path | None, *, flat: bool) -> list[Diagnostic]:
    if not path.exists():
        raise _UsageError(f"no mkdocs.yml or docs folder at {path}")
    settings, diagnostics, docs = SiteConfig("docs", "site", True, None), list[Diagnostic](), path
    if not path.is_dir():
        read, diagnostics = _read_config(path, _display(path, Path.cwd()))
        if read is None:
            return diagnostics
        settings, docs = read, path.parent / read.docs_dir
    docs_path = _display(docs, Path.cwd())
    listed, problems = _listed_files(docs, docs_path)
    diagnostics += problems
    excluded = matching_paths(listed, settings.exclude_docs, settings.draft_docs)
    texts, problems = _read_pages(docs, docs_path, [src for src in listed if src not in excluded])
    diagnostics += problems
    directory_urls = _built_with_directory_urls(site, texts, default=settings.use_directory_urls and not flat)
    index = index_paths(
        [*listed, *_site_assets(site)], use_directory_urls=directory_urls, excluded=excluded, urls=_published_urls(site)
    )
    index, built = _add_built_pages(index, site, use_directory_urls=directory_urls)
    reader = snippet_reader(dict(settings.markdown_extensions), path.parent) if not path.is_dir() else None
    links = {src: page_links(text, reader) for src, text in texts.items()}
    return diagnostics + check_links([*_pages(texts, links, index, site), *built], index, docs_path=docs_path)


def _read_config(config: Path, shown: str) -> tuple[SiteConfig | None, list[Diagnostic]]:
    """Read mkdocs.yml's settings (MkDocs' defaults where it is not YAML); None when it is not text."""
    try:
        text, diagnostics = decode_source(shown, config.read_bytes())
    except OSError as error:
        raise _UsageError(f"cannot read {config}: {error.strerror}") from error
    if text is None:
        return None, diagnostics
    settings, problems = parse_config(shown, text)
    return settings, diagnostics + problems


def _built_with_directory_urls(site: Path | None, texts: dict[str, str], *, default: bool) -> bool:
    """Tell from the built site how pages were laid out (plugins such as offline change it)."""
    if site is None:
        return default
    for src in texts:
        stem, name = src.rsplit(".", 1)[0], src.rsplit("/", 1)[-1].lower()
        if name.startswith(("index.", "readme.")):
            continue
        if (site / stem / "index.html").is_file():
            return True
        if (site / f"{stem}.html").is_file():
            return False
    return default


def _display(path: Path, base: Path) -> str:
    try:
        shown = os.path.relpath(path, base)
    except ValueError:
        shown = str(path)
    return posixpath.normpath(shown.replace(os.sep, "/"))


def _add_built_pages(
    index: SiteIndex, site: Path | None, *, use_directory_urls: bool
) -> tuple[SiteIndex, list[PageLinks]]:
    """Add the site's pages that no Markdown file explains (made or moved by plugins).

    They are link targets with their own anchors; they have no source to check.
    """
    if site is None or not site.is_dir():
        return index, []
    extra: list[SiteFile] = []
    pages: list[PageLinks] = []
    for path in _walk_docs(site):
        if not path.endswith(".html"):
            continue
        url = path[: -len("index.html")] if use_directory_urls and path.endswith("index.html") else path
        if url in index.by_url or path in index.by_url:
            continue
        extra.append(SiteFile(path, url, True))
        html = scan_html((site / path).read_text(encoding="utf-8", errors="replace"))
        pages.append(PageLinks(path, (), PageHtml(html.ids, ())))
    return (SiteIndex([*index.files, *extra]), pages) if extra else (index, [])


def _published_urls(site: Path | None) -> dict[str, str]:
    """Where the build published each page, when it wrote the pages file (the hooks or the plugin do)."""
    if site is None or not (site / PAGES_FILE).is_file():
        return {}
    return read_pages_file((site / PAGES_FILE).read_text(encoding="utf-8", errors="replace"))


def _site_assets(site: Path | None) -> list[str]:
    """List the built site's files that are not pages (the theme's assets, generated files)."""
    if site is None or not site.is_dir():
        return []
    return [path for path in _walk_docs(site) if not path.endswith(".html")]


def _walk_docs(docs: Path, *, folders: bool = False) -> list[str]:
    """List the docs folder as MkDocs does: no dot files, no ``templates`` folder.

    Symlinked folders are not entered (their files would lie outside the folder); with
    ``folders`` the folders themselves are listed instead of the files.
    """
    found = []
    for folder, dirs, names in os.walk(docs):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        rel = Path(folder).relative_to(docs).as_posix()
        if rel == "templates" or rel.startswith("templates/"):
            continue
        for name in sorted(dirs if folders else names):
            if not name.startswith("."):
                found.append(name if rel == "." else f"{rel}/{name}")
    return found


def _listed_files(docs: Path, docs_path: str) -> tuple[list[str], list[Diagnostic]]:
    """List the docs folder's files that the site publishes, reporting symlinks that lead out of it."""
    if not docs.is_dir():
        raise _UsageError(f"no docs folder at {docs}")
    undecodable, diagnostics = undecodable_names(docs, docs_path=docs_path)
    files = [path for path in _walk_docs(docs) if not any(path.startswith(bad) for bad in undecodable)]
    linked_folders = [path for path in _walk_docs(docs, folders=True) if (docs / path).is_symlink()]
    outside, problems = escaping_paths(docs, [*files, *linked_folders], docs_path=docs_path)
    return [path for path in files if path not in outside], diagnostics + problems


def _read_pages(docs: Path, docs_path: str, listed: list[str]) -> tuple[dict[str, str], list[Diagnostic]]:
    texts: dict[str, str] = {}
    diagnostics: list[Diagnostic] = []
    for src in listed:
        if src.lower().endswith((".md", ".markdown")):
            text, problems = decode_source(f"{docs_path}/{src}", (docs / src).read_bytes())
            diagnostics += problems
            if text is not None:
                texts[src] = text
    return texts, diagnostics


def _pages(
    texts: dict[str, str], links: Mapping[str, list[SourceLink]], index: SiteIndex, site: Path | None
) -> list[PageLinks]:
    """Each page with its links as the book scan read them, and its built HTML when there is a site."""
    if site is not None and not site.is_dir():
        raise _UsageError(f"no built site at {site}; build it first (mkdocs build)")
    pages = []
    for src in texts:
        html = None
        file = index.by_src.get(src)
        if site is not None and file is not None:
            built = site / _dest(file.url)
            if built.is_file():
                html = scan_html(built.read_text(encoding="utf-8", errors="replace"))
        pages.append(PageLinks(src, links[src], html))
    return pages


def _dest(url: str) -> str:
    from urllib.parse import unquote

    path = unquote(url)
    return path + "index.html" if path == "" or path.endswith("/") else path


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
