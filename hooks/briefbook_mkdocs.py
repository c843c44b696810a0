"""The ``briefbook-links`` MkDocs plugin: the book's link and anchor check, for any MkDocs project.

Install the ``briefbook`` package and name the plugin in ``mkdocs.yml``::

    plugins:
      - search
      - briefbook-links:
          severity: error        # or warning (then only `mkdocs build --strict` fails)
          ignore: ["api/*"]      # link targets, as written, not to check (shell-style patterns)

Every internal link and anchor of every page is checked on the page's rendered content
(what a reader can click) and reported at the line and column where the source writes
it, in the same compiler-style lines as the book's own build. None of the book's own
rules (citations, front matter, the HTML allowlist) apply. Like the book's hooks, this
module only turns MkDocs objects into plain values and calls the ``briefbook`` library.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import logging
import os
import posixpath
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File

from briefbook import (
    PAGES_FILE,
    Diagnostic,
    PageHtml,
    PageLinks,
    SiteFile,
    SiteIndex,
    check_links,
    decode_source,
    has_errors,
    page_links,
    render_diagnostic,
    render_pages_file,
    render_summary,
    scan_html,
    snippet_reader,
    sort_diagnostics,
)
from briefbook.diagnostics import Severity

if TYPE_CHECKING:
    from collections.abc import Callable

    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

_log = logging.getLogger("mkdocs.plugins.briefbook-links")


class LinksConfig(base.Config):
    """The plugin's options."""

    severity = c.Choice(("error", "warning"), default="error")
    """``error`` fails the build (not ``mkdocs serve``); ``warning`` logs, so that ``--strict`` fails."""
    ignore = c.ListOfItems(c.Type(str), default=[])
    """Shell-style patterns (``fnmatch``) of link targets, as written, that are not checked."""


class LinksPlugin(BasePlugin[LinksConfig]):
    """Check every internal link and anchor once all pages are rendered."""

    def __init__(self) -> None:
        super().__init__()
        self._serving = False
        self._docs_path = "docs"
        self._pages: dict[str, PageLinks] = {}
        self._problems: list[Diagnostic] = []
        self._read_snippet: Callable[[str], str | None] | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether this process serves (report only) or builds (report and fail)."""
        self._serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Start a new build."""
        root = Path(config.config_file_path or "mkdocs.yml").parent
        self._docs_path = posixpath.normpath(os.path.relpath(config.docs_dir, root).replace(os.sep, "/"))
        self._pages, self._problems = {}, []
        extensions = {name: config.mdx_configs.get(name, {}) for name in config.markdown_extensions}
        self._read_snippet = snippet_reader(extensions, Path.cwd())  # base_path is read from where MkDocs runs
        return config

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Keep the rendered content's anchors and links, and the links its source writes."""
        src = page.file.src_uri
        if page.file.abs_src_path is not None and Path(page.file.abs_src_path).is_file():
            source, problems = decode_source(f"{self._docs_path}/{src}", Path(page.file.abs_src_path).read_bytes())
            self._problems += problems
        else:
            source = page.file.content_string  # a page a plugin generated
        rendered = scan_html(html)
        links = tuple(link for link in page_links(source or "", self._read_snippet) if not self._ignored(link.target))
        kept = PageHtml(rendered.ids, tuple(href for href in rendered.links if not self._ignored(href)))
        self._pages[src] = PageLinks(src, links, kept)
        return html

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        """Check every link of every page; report; fail on errors."""
        published = [
            SiteFile(f.src_uri, f.url, f.is_documentation_page(), not f.inclusion.is_included()) for f in files
        ]
        index = SiteIndex(published)
        files.append(File.generated(config, PAGES_FILE, content=render_pages_file(published)))  # for briefbook links
        found = self._problems + check_links(self._pages.values(), index, docs_path=self._docs_path)
        if self.config.severity == "warning":
            found = [dataclasses.replace(d, severity=Severity.WARNING) for d in found]
        self._report(sort_diagnostics(found))
        return env

    def _ignored(self, target: str) -> bool:
        return any(fnmatch.fnmatchcase(target, pattern) for pattern in self.config.ignore)

    def _report(self, diagnostics: list[Diagnostic]) -> None:
        if not diagnostics:
            return
        if not has_errors(diagnostics):
            for diagnostic in diagnostics:
                _log.warning(render_diagnostic(diagnostic))  # counted by --strict
            return
        for diagnostic in diagnostics:
            print(render_diagnostic(diagnostic), file=sys.stderr)
        summary = f"briefbook-links: {render_summary(diagnostics)}"
        print(summary, file=sys.stderr, flush=True)
        if not self._serving:
            raise PluginError(f"{summary}; the build fails (see the lines above)")
