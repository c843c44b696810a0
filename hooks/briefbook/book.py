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
from .claims import Claim, in_commentary_order, load_claims
from .diagnostics import Code, Diagnostic
from .frontmatter import check_front_matter, page_title
from .registry import Registry, load_registry
from .textio import decode_source
from .wording import Wording, check_wording, check_wording_value, load_wording

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from pathlib import Path

GENERATED = ("sources.json",)
"""Files the build adds to the site (paths relative to the site root)."""

PLACEHOLDERS = {
    "sources": "the list of every source, on the Sources page",
    "claims": "the claims register, from docs/data/claims.yaml",
    "source-kinds": "the table of source kinds with their counts, from docs/sources.yaml",
}
"""The data placeholders (``<!-- data: NAME -->``) the build expands, and what each becomes."""


@dataclass(frozen=True, slots=True)
class BookData:
    """The book's data files, loaded."""

    registry: Registry
    """The sources registry."""
    claims: list[Claim]
    """The claims register."""
    claims_path: str
    """The claims file's path, for diagnostics."""
    diagnostics: list[Diagnostic]
    """Problems found while loading them."""
    wording: Wording = field(default_factory=lambda: Wording((), WORDING))
    """The terms kept for attributed speech."""


REGISTRY = "sources.yaml"
"""The sources registry, relative to the docs folder."""
CLAIMS = "data/claims.yaml"
"""The claims register, relative to the docs folder."""
WORDING = "data/wording.yaml"
"""The wording list, relative to the docs folder."""


def load_book_data(docs: Path, *, docs_path: str = "docs") -> BookData:
    """Read and validate the registry and the data files of a docs folder (absent ones are empty).

    Args:
        docs: The docs folder on disk.
        docs_path: The docs folder's path relative to the project root, for diagnostics.

    Returns:
        The loaded data and every problem found, each at its line.
    """
    diagnostics: list[Diagnostic] = []
    registry = Registry(f"{docs_path}/{REGISTRY}", {})
    claims: list[Claim] = []
    wording = Wording((), f"{docs_path}/{WORDING}")
    for name in (REGISTRY, CLAIMS, WORDING):
        path = f"{docs_path}/{name}"
        try:
            raw = (docs / name).read_bytes()
        except FileNotFoundError:
            continue
        except OSError as error:
            diagnostics.append(Diagnostic(path, 1, None, Code.YAML, f"cannot read the file: {error.strerror}"))
            continue
        text, problems = decode_source(path, raw)
        diagnostics += problems
        if text is None:
            continue
        if name == REGISTRY:
            registry, problems = load_registry(path, text)
        elif name == CLAIMS:
            claims, problems = load_claims(path, text)
        else:
            wording, problems = load_wording(path, text)
        diagnostics += problems
    return BookData(registry, claims, f"{docs_path}/{CLAIMS}", diagnostics, wording)


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
    """The reviewed exemptions from the uncited-figure rule and the wording check."""


def scan_book(
    pages: Mapping[str, str],
    data: BookData,
    slugify: Callable[[str], str],
    *,
    docs_path: str = "docs",
) -> BookScan:
    """Check every page against the book's rules, and index where each source is cited.

    Args:
        pages: Each page's decoded source, by path relative to the docs folder.
        data: The sources registry and the data files.
        slugify: Turns a heading's text into its id, as the site's ``toc`` extension does.
        docs_path: The docs folder's path relative to the project root, for diagnostics.

    Returns:
        The diagnostics (front matter, citation syntax, unknown keys, uncited figures,
        wording, unknown placeholders, unused sources), the markers, the citing sites and
        the opt-outs.
    """
    registry = data.registry
    scan = BookScan()
    scan.diagnostics += check_keys(data.claims_path, (item for c in data.claims for item in c.citations), registry)
    for source in registry.sources.values():
        scan.diagnostics += check_wording_value(registry.path, source.line, None, "note", source.note, data.wording)
    for claim in data.claims:
        for name, line, col in claim.text_at:
            value = claim.claim if name == "claim" else claim.assessment
            scan.diagnostics += check_wording_value(data.claims_path, line, col, name, value, data.wording)
    for src, text in pages.items():
        path = f"{docs_path}/{src}"
        scan.diagnostics += check_front_matter(path, text)
        markers, problems = parse_markers(path, text)
        scan.diagnostics += problems
        scan.diagnostics += check_keys(path, (item for marker in markers for item in marker.items), registry)
        scan.markers[src] = markers
        wording, opt_outs = check_wording(path, text, data.wording, markers)
        scan.diagnostics += wording
        scan.opt_outs += opt_outs
        if is_content_page(src):
            uncited, opt_outs = check_uncited(path, text, markers)
            scan.diagnostics += uncited
            scan.opt_outs += opt_outs
        title = page_title(text) or src
        for name, line, col in find_placeholders(text):
            if name == "claims":
                for number, claim in enumerate(in_commentary_order(data.claims), start=1):
                    site = CiteSite(src, title, f"Claim {number}", claim.id)
                    for item in claim.citations:
                        found = scan.sites.setdefault(item.key, [])
                        if site not in found:
                            found.append(site)
            elif name not in PLACEHOLDERS:
                known = ", ".join(PLACEHOLDERS)
                scan.diagnostics.append(
                    Diagnostic(path, line, col, Code.DATA, f"unknown data placeholder '{name}'", f"known: {known}")
                )
        for key, sites in cite_sites(src, title, text, markers, slugify).items():
            found = scan.sites.setdefault(key, [])
            found.extend(site for site in sites if site not in found)
    scan.diagnostics += check_unused(registry, scan.sites)
    return scan
