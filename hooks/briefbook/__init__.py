"""briefbook: the briefing book's checks, as a library that does not depend on MkDocs.

Every check is a pure function: text, paths and values in; values and
[`Diagnostic`][briefbook.diagnostics.Diagnostic]s out. The MkDocs hooks in
``hooks/briefbook_hooks.py`` and the ``briefbook`` command are thin layers over it.
"""

from __future__ import annotations

from .book import GENERATED, PLACEHOLDERS, BookData, BookScan, load_book_data, scan_book
from .citations import (
    CiteItem,
    CiteSite,
    Marker,
    OptOut,
    check_keys,
    check_uncited,
    check_unused,
    cite_sites,
    find_placeholders,
    is_content_page,
    parse_markers,
    render_citations,
    render_opt_outs,
    render_reference,
    render_sources_page,
)
from .claims import VERDICTS, Claim, in_commentary_order, load_claims, render_claims
from .diagnostics import (
    Code,
    Diagnostic,
    Severity,
    has_errors,
    render_diagnostic,
    render_json,
    render_summary,
    sort_diagnostics,
)
from .frontmatter import check_front_matter, page_title
from .html_scan import PageHtml, scan_html
from .links import PageLinks, SiteFile, SiteIndex, check_links, index_paths, page_url
from .markdown_scan import LinkKind, SourceLink, mask_markdown, scan_links
from .nav import NavEntry, SiteConfig, check_nav, check_pages_in_nav, parse_config
from .registry import (
    KIND_POLICY,
    KINDS,
    Registry,
    Source,
    load_registry,
    render_csl_json,
    render_date,
    render_source_kinds,
)
from .textio import decode_source, line_col

__all__ = [
    "VERDICTS",
    "BookData",
    "Claim",
    "load_book_data",
    "load_claims",
    "in_commentary_order",
    "render_claims",
    "GENERATED",
    "KINDS",
    "KIND_POLICY",
    "PLACEHOLDERS",
    "BookScan",
    "CiteItem",
    "CiteSite",
    "Marker",
    "OptOut",
    "Registry",
    "Source",
    "check_keys",
    "check_uncited",
    "check_unused",
    "cite_sites",
    "find_placeholders",
    "is_content_page",
    "load_registry",
    "page_title",
    "parse_markers",
    "render_citations",
    "render_csl_json",
    "render_date",
    "render_opt_outs",
    "render_reference",
    "render_sources_page",
    "render_source_kinds",
    "scan_book",
    "Code",
    "Diagnostic",
    "LinkKind",
    "NavEntry",
    "PageHtml",
    "PageLinks",
    "Severity",
    "SiteConfig",
    "SiteFile",
    "SiteIndex",
    "SourceLink",
    "check_front_matter",
    "check_links",
    "check_nav",
    "check_pages_in_nav",
    "decode_source",
    "has_errors",
    "index_paths",
    "line_col",
    "mask_markdown",
    "page_url",
    "parse_config",
    "render_diagnostic",
    "render_json",
    "render_summary",
    "scan_html",
    "scan_links",
    "sort_diagnostics",
]
