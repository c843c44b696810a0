"""The book's own rules over all its pages at once: front matter, citations, placeholders.

The link check (``links``) applies to any MkDocs project; these rules are the book's.
Both the MkDocs hooks and the ``briefbook check`` command call
[scan_book][briefbook.book.scan_book] once per build, before any page is rendered, so
that the Sources page knows every place that cites each source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .citations import (
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
)
from .diagnostics import Code, Diagnostic
from .frontmatter import check_front_matter, page_title

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from .registry import Registry

GENERATED = ("sources.json",)
"""Files the build adds to the site (paths relative to the site root)."""

PLACEHOLDERS = {"sources": "the list of every source, on the Sources page"}
"""The data placeholders (``<!-- data: NAME -->``) the build expands, and what each becomes."""


@dataclass
class BookScan:
    """What scanning every page of the book found."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    """Every problem, in page order."""
    markers: dict[str, list[Marker]] = field(default_factory=dict)
    """Each page's well-formed citation markers."""
    sites: dict[str, list[CiteSite]] = field(default_factory=dict)
    """For each cited key, the page sections that cite it."""
    opt_outs: list[OptOut] = field(default_factory=list)
    """The reviewed exemptions from the uncited-figure rule."""


def scan_book(
    pages: Mapping[str, str], registry: Registry, slugify: Callable[[str], str], *, docs_path: str = "docs"
) -> BookScan:
    """Check every page against the book's rules, and index where each source is cited.

    Args:
        pages: Each page's decoded source, by path relative to the docs folder.
        registry: The sources registry.
        slugify: Turns a heading's text into its id, as the site's ``toc`` extension does.
        docs_path: The docs folder's path relative to the project root, for diagnostics.

    Returns:
        The diagnostics (front matter, citation syntax, unknown keys, uncited figures,
        unknown placeholders, unused sources), the markers, the citing sites and the opt-outs.
    """
    scan = BookScan()
    for src, text in pages.items():
        path = f"{docs_path}/{src}"
        scan.diagnostics += check_front_matter(path, text)
        markers, problems = parse_markers(path, text)
        scan.diagnostics += problems
        scan.diagnostics += check_keys(path, markers, registry)
        scan.markers[src] = markers
        if is_content_page(src):
            uncited, opt_outs = check_uncited(path, text, markers)
            scan.diagnostics += uncited
            scan.opt_outs += opt_outs
        for name, line, col in find_placeholders(text):
            if name not in PLACEHOLDERS:
                known = ", ".join(PLACEHOLDERS)
                scan.diagnostics.append(
                    Diagnostic(path, line, col, Code.DATA, f"unknown data placeholder '{name}'", f"known: {known}")
                )
        for key, sites in cite_sites(src, page_title(text) or src, text, markers, slugify).items():
            found = scan.sites.setdefault(key, [])
            found.extend(site for site in sites if site not in found)
    scan.diagnostics += check_unused(registry, scan.sites)
    return scan
