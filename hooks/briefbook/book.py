"""The book's own rules over all its pages at once: front matter, citations, placeholders.

The link check (``links``) applies to any MkDocs project; these rules are the book's.
Both the MkDocs hooks and the ``briefbook check`` command call
[scan_book][briefbook.book.scan_book] once per build, before any page is rendered, so
that the Sources page knows every place that cites each source.
"""

from __future__ import annotations

import difflib
import posixpath
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

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
    render_sources_page,
    replace_placeholders,
    section_at,
)
from .claims import Claim, in_commentary_order, load_claims, render_claims
from .diagnostics import Code, Diagnostic, render_code_table
from .events import Event, events_of, load_events, render_attacks
from .frontmatter import page_reviewed, read_front_matter
from .glossary import ABBREVIATIONS, Term, check_acronyms, load_terms, render_glossary
from .html_safety import SourceText
from .markdown_scan import SourceLink, check_nesting, page_links
from .profiles import (
    FACT_BOX_ID,
    Group,
    check_event_groups,
    check_profile_page,
    check_references,
    group_names,
    load_group,
    prose_fields,
    render_comparison,
    render_fact_box,
    render_relationships,
)
from .registry import Registry, load_registry, render_source_kinds
from .textio import decode_source
from .timeline import CSS_FILE, CSV_FILE, JSON_FILE, render_columns, render_timeline
from .wording import Wording, check_wording, check_wording_value, load_wording

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping
    from pathlib import Path

GENERATED = ("sources.json", CSV_FILE, JSON_FILE, CSS_FILE)
"""Files the build adds to the site (paths relative to the site root)."""

PLACEHOLDERS = {
    "sources": "the list of every source, on the Sources page",
    "claims": "the claims register, from docs/data/claims.yaml",
    "source-kinds": "the table of source kinds with their counts, from docs/sources.yaml",
    "group ID": "a group's fact box, from docs/data/groups/ID.yaml; makes the page that group's profile",
    "attacks ID": "the table of a group's major attacks, from docs/data/events.yaml",
    "groups-comparison": "the comparison table of every profiled group, from the fact boxes",
    "groups-map": "the relationships map and table, from the fact boxes",
    "timeline": "every event by decade and year, with filters by group and type, from docs/data/events.yaml",
    "timeline-columns": "the table of the columns of timeline.csv and timeline.json",
    "glossary": "every term of includes/abbreviations.md, sorted, with links to the profiles",
    "codes": "the table of diagnostic codes, what each means and how to fix it, from the library",
}
"""The data placeholders the build expands (``<!-- data: NAME [ID] -->``), and what each becomes."""


REGISTRY = "sources.yaml"
"""The sources registry, relative to the docs folder."""
CLAIMS = "data/claims.yaml"
"""The claims register, relative to the docs folder."""
WORDING = "data/wording.yaml"
"""The wording list, relative to the docs folder."""
EVENTS = "data/events.yaml"
"""The events dataset, relative to the docs folder."""
GROUPS = "data/groups"
"""The folder of the groups' fact boxes, relative to the docs folder."""


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
    groups: list[Group] = field(default_factory=list)
    """The groups' fact boxes, in file-name order."""
    events: list[Event] = field(default_factory=list)
    """The events dataset."""
    events_path: str = EVENTS
    """The events file's path, for diagnostics."""
    group_files: frozenset[str] = frozenset()
    """The id of every fact box file, loaded or not (so a broken file is not also reported as missing)."""
    terms: list[Term] | None = None
    """The glossary, or None when the project has no abbreviations file (then acronyms are not checked)."""
    files: tuple[SourceText, ...] = ()
    """The data files as read, to locate markup that came from them."""


def load_book_data(docs: Path, *, docs_path: str = "docs") -> BookData:
    """Read and validate the registry and the data files of a docs folder (absent ones are empty).

    Args:
        docs: The docs folder on disk.
        docs_path: The docs folder's path relative to the project root, for diagnostics.

    Returns:
        The loaded data and every problem found, each at its line.
    """
    diagnostics: list[Diagnostic] = []
    registry = Registry(f"{docs_path}/{REGISTRY}", {}, present=False)
    claims: list[Claim] = []
    wording = Wording((), f"{docs_path}/{WORDING}")
    events: list[Event] = []
    groups: list[Group] = []
    folder = docs / GROUPS
    group_files = sorted(f"{GROUPS}/{p.name}" for p in folder.glob("*.yaml")) if folder.is_dir() else []
    files: list[SourceText] = []
    for name in (REGISTRY, CLAIMS, WORDING, EVENTS, *group_files):
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
            if name == REGISTRY:
                registry = Registry(path, {}, readable=False)  # reported; its keys cannot be checked
            continue
        files.append(SourceText(path, text, markdown=False))
        if name == REGISTRY:
            registry, problems = load_registry(path, text)
        elif name == CLAIMS:
            claims, problems = load_claims(path, text)
        elif name == WORDING:
            wording, problems = load_wording(path, text)
        elif name == EVENTS:
            events, problems = load_events(path, text)
        else:
            group, problems = load_group(path, text)
            groups += [group] if group is not None else []
        diagnostics += problems
    ids = frozenset(posixpath.splitext(posixpath.basename(name))[0] for name in group_files)
    diagnostics += check_references(groups, events, ids)
    diagnostics += check_event_groups(f"{docs_path}/{EVENTS}", events, ids)
    events_path = f"{docs_path}/{EVENTS}"
    terms, problems = _load_terms(docs, docs_path)
    diagnostics += problems
    return BookData(
        registry, claims, f"{docs_path}/{CLAIMS}", diagnostics, wording, groups, events, events_path, ids, terms,
        tuple(files),
    )  # fmt: skip


def _load_terms(docs: Path, docs_path: str) -> tuple[list[Term] | None, list[Diagnostic]]:
    """The glossary, from the abbreviations file beside the docs folder, or None when there is none."""
    root = docs
    for _ in docs_path.split("/"):
        root = root.parent
    try:
        raw = (root / ABBREVIATIONS).read_bytes()
    except FileNotFoundError:
        return None, []
    text, problems = decode_source(ABBREVIATIONS, raw)
    if text is None:
        return None, problems
    terms, found = load_terms(ABBREVIATIONS, text)
    return terms, problems + found


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
    profiles: dict[str, str] = field(default_factory=dict)
    """Each profiled group's page, by group id."""
    timeline: str | None = None
    """The page that shows the timeline, if any."""
    unrenderable: set[str] = field(default_factory=set)
    """Pages nested too deeply to render; the build shows a notice in their place."""
    reviewed: dict[str, str] = field(default_factory=dict)
    """Each page's review date (``YYYY-MM-DD``), where its front matter gives a valid one."""
    links: dict[str, list[SourceLink]] = field(default_factory=dict)
    """Each page's links as written (with those of the files it includes), read with its mask."""

    @property
    def last_reviewed(self) -> str | None:
        """The latest review date of any page: the date of this edition of the book."""
        return max(self.reviewed.values(), default=None)


def scan_book(
    pages: Mapping[str, str],
    data: BookData,
    slugify: Callable[[str], str],
    *,
    docs_path: str = "docs",
    read_snippet: Callable[[str], str | None] | None = None,
) -> BookScan:
    """Check every page against the book's rules, and index where each source is cited.

    Args:
        pages: Each page's decoded source, by path relative to the docs folder.
        data: The sources registry and the data files.
        slugify: Turns a heading's text into its id, as the site's ``toc`` extension does.
        docs_path: The docs folder's path relative to the project root, for diagnostics.
        read_snippet: How pymdownx.snippets finds the files a page includes, if the site uses it.

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
    for group in data.groups:
        scan.diagnostics += check_keys(group.path, group.all_citations, registry)
        for name, value, line, col in prose_fields(group):
            scan.diagnostics += check_wording_value(group.path, line, col, name, value, data.wording)
    for event in data.events:
        scan.diagnostics += check_keys(data.events_path, event.all_citations, registry)
        for name, value, line, col in event.text_at:
            scan.diagnostics += check_wording_value(data.events_path, line, col, name, value, data.wording)
    groups = {group.id: group for group in data.groups}
    for src, text in pages.items():
        path = f"{docs_path}/{src}"
        front, problems = read_front_matter(path, text)
        scan.diagnostics += problems
        if reviewed := page_reviewed(front):
            scan.reviewed[src] = reviewed
        nesting = check_nesting(path, text)
        scan.links[src] = page_links(text, read_snippet)
        if nesting:  # it will not be rendered: nothing else of it is checked
            scan.diagnostics += nesting
            scan.unrenderable.add(src)
            continue
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
            if data.terms is not None:
                scan.diagnostics += check_acronyms(path, text, data.terms)
        title = front.get("title") or src
        for name, line, col in find_placeholders(text):
            scan.diagnostics += _placeholder(
                scan, data, groups, src, path, title, text, name, line, col, slugify, docs_path
            )
        for key, sites in cite_sites(src, title, text, markers, slugify).items():
            found = scan.sites.setdefault(key, [])
            found.extend(site for site in sites if site not in found)
    for group in data.groups:
        if group.id not in scan.profiles:
            scan.diagnostics.append(
                Diagnostic(
                    group.path,
                    group.line,
                    None,
                    Code.PROFILE,
                    f"group '{group.id}' has no profile page",
                    f"add a page with the line '<!-- data: group {group.id} -->'",
                )  # fmt: skip
            )
    scan.diagnostics += check_unused(registry, scan.sites)
    if not registry.sources and registry.readable:
        scan.diagnostics = _one_for_no_registry(registry, scan.diagnostics)
    return scan


def _one_for_no_registry(registry: Registry, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Replace the unknown-source errors of a book whose registry is missing or empty by one message."""
    unknown = [d for d in diagnostics if d.code is Code.CITE and d.message.startswith("unknown source")]
    if not unknown:
        return diagnostics
    first = min(unknown, key=lambda d: d.sort_key)
    where = f"{first.path}:{first.line}" + (f":{first.col}" if first.col else "")
    count = f"{len(unknown)} citation{'s' * (len(unknown) != 1)}"
    state = "is missing" if not registry.present else "has no usable source"
    message = f"the sources registry {state}, but {count} name a source (the first at {where})"
    hint = "add them to docs/sources.yaml, a YAML list of entries; CONTRIBUTING.md gives the fields"
    kept = [d for d in diagnostics if d not in unknown]
    return [*kept, Diagnostic(registry.path, 1, None, Code.CITE, message, hint)]


def _cite(scan: BookScan, site: CiteSite, items: Iterable[CiteItem]) -> None:
    """Record that a site cites each item's source."""
    for item in items:
        found = scan.sites.setdefault(item.key, [])
        if site not in found:
            found.append(site)


def _placeholder(
    scan: BookScan,
    data: BookData,
    groups: Mapping[str, Group],
    src: str,
    path: str,
    title: str,
    text: str,
    name: str,
    line: int,
    col: int,
    slugify: Callable[[str], str],
    docs_path: str,
) -> list[Diagnostic]:
    """Check one placeholder of a page, and record the sources it will cite there."""
    kind, _, arg = name.partition(" ")
    offset = len("".join(text.splitlines(keepends=True)[: line - 1]))
    site = CiteSite(src, title, *section_at(text, offset, slugify))
    if kind == "claims" and not arg:
        for number, claim in enumerate(in_commentary_order(data.claims), start=1):
            _cite(scan, CiteSite(src, title, f"Claim {number}", claim.id), claim.citations)
        return []
    if kind in ("group", "attacks") and arg:
        if arg not in data.group_files:
            close = difflib.get_close_matches(arg, sorted(data.group_files), n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"add docs/data/groups/{arg}.yaml"
            return [Diagnostic(path, line, col, Code.PROFILE, f"no fact box for group '{arg}'", hint)]
        if kind == "attacks":
            for event in events_of(data.events, arg):
                _cite(scan, site, event.all_citations)
            return []
        first = scan.profiles.setdefault(arg, src)
        if first != src:
            message = f"group '{arg}' already has a profile page, {docs_path}/{first}"
            return [Diagnostic(path, line, col, Code.PROFILE, message)]
        if arg in groups:  # else the fact box has problems of its own, reported at its lines
            _cite(scan, CiteSite(src, title, "Fact box", FACT_BOX_ID), groups[arg].all_citations)
        return check_profile_page(path, text, arg)
    if name == "timeline":
        if scan.timeline is not None and scan.timeline != src:
            return [Diagnostic(path, line, col, Code.DATA, f"the timeline is already on {docs_path}/{scan.timeline}")]
        scan.timeline = src
        for event in data.events:
            _cite(scan, CiteSite(src, title, event.title, event.id), event.all_citations)
        return []
    if kind == "groups-map" and not arg:
        for group in data.groups:
            _cite(scan, site, (item for fact in group.values("relationships") for item in fact.citations))
        return []
    if name in PLACEHOLDERS:
        return []
    known = ", ".join(PLACEHOLDERS)
    close = difflib.get_close_matches(name, list(PLACEHOLDERS), n=1)
    hint = (f"did you mean '{close[0]}'? " if close else "") + f"known: {known}"
    return [Diagnostic(path, line, col, Code.DATA, f"unknown data placeholder '{name}'", hint)]


def expand_placeholders(
    markdown: str, src: str, data: BookData, scan: BookScan, *, sources_src: str = "sources/index.md"
) -> str:
    """Replace a page's data placeholders with what they stand for.

    Args:
        markdown: The page's Markdown.
        src: The page's path relative to the docs folder.
        data: The book's data.
        scan: What scanning the book found (each group's profile page).
        sources_src: The Sources page: the only page where ``sources`` expands, and
            the page the source-kinds table links to.

    Returns:
        The Markdown with the list of sources, the claims register, the source-kinds table, fact boxes,
        attacks tables, the comparison table and the relationships map in place.
    """
    names = group_names(data.groups, data.events)
    groups = {group.id: group for group in data.groups}

    def render(name: str) -> str | None:
        kind, _, arg = name.partition(" ")
        if name == "sources" and src == sources_src:
            return render_sources_page(data.registry, scan.sites, src)
        if name == "claims":
            return render_claims(data.claims)
        if name == "source-kinds":
            return render_source_kinds(data.registry, src, sources_src=sources_src)
        if kind == "group" and arg in groups:
            return render_fact_box(groups[arg], names, scan.profiles, src)
        if kind == "attacks" and arg in groups:
            return render_attacks(data.events, arg, names)
        if name == "groups-comparison":
            return render_comparison(data.groups, scan.profiles, src)
        if name == "groups-map":
            return render_relationships(data.groups, names, scan.profiles, src)
        if name == "timeline":
            return render_timeline(data.events, names, scan.profiles, src)
        if name == "timeline-columns":
            return render_columns()
        if name == "codes":
            return render_code_table()
        if name == "glossary":
            shorts = {group.short: group.id for group in data.groups}
            return render_glossary(data.terms or [], scan.profiles, shorts, src)
        return None

    return replace_placeholders(markdown, render)
