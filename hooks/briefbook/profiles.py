"""Armed-group profiles: the fact boxes as data, the page template, and what is built from them.

Each group has a fact box, ``docs/data/groups/<id>.yaml`` (schema:
``schemas/groups.schema.json``): its names and aliases, when and by whom it was founded,
its leaders with their years, its stated ideology and goals, its areas, every strength
estimate with who made it and when, its designations with the designating body, the list
and the date, its relationships to other groups with their years, and the date the fact
box was last reviewed. Every value carries its own citations; a value no source gives is
written as ``unknown``.

A profile page places ``<!-- data: group ID -->`` where the fact box goes and
``<!-- data: attacks ID -->`` in its Major attacks section, and has the sections of
[SECTIONS][briefbook.profiles.SECTIONS] in that order, each with its explicit id. The
groups index places ``<!-- data: groups-comparison -->`` and ``<!-- data: groups-map -->``
for the comparison table and the relationships map, both built from the fact boxes.
"""

from __future__ import annotations

import difflib
import html
import posixpath
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .citations import CiteItem, data_citations, render_marker
from .diagnostics import Code, Diagnostic
from .events import render_event_date
from .markdown_scan import mask_markdown
from .textio import LineIndex, line_index
from .yamldata import diagnostic_at, load_document, node_at, path_text

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence, Set

    import yaml

    from .events import Event

SECTIONS = (
    ("Overview", "overview"),
    ("Origins and evolution", "origins-and-evolution"),
    ("Leadership", "leadership"),
    ("Ideology and goals", "ideology-and-goals"),
    ("Structure and strength", "structure-and-strength"),
    ("Areas and operations", "areas-and-operations"),
    ("Tactics and targets", "tactics-and-targets"),
    ("Major attacks", "major-attacks"),
    ("Relationships", "relationships"),
    ("State response and designations", "state-response-and-designations"),
    ("Sources", "sources"),
)
"""The sections every profile page has, in this order: heading and explicit id."""

RELATIONSHIPS = {
    "ally": "ally of",
    "rival": "rival of",
    "splinter-of": "splinter of",
    "parent-of": "parent of",
    "merged-into": "merged into",
    "umbrella-member": "member of the umbrella",
    "umbrella-of": "umbrella of",
}
"""The kinds of relationship, and how the fact box words each."""

FACT_BOX_ID = "fact-box"
"""The id of the fact box on a profile page."""

_H2 = re.compile(r"^ {0,3}##[ \t]+(?P<text>.*?)[ \t]*#*[ \t]*\r?$", re.MULTILINE)
_ID = re.compile(r"\s*\{[^}]*#(?P<id>[^\s}]+)[^}]*\}\s*$")


@dataclass(frozen=True, slots=True)
class Fact:
    """One value of a fact box, with its citations and its place in the file."""

    fields: Mapping[str, object]
    """The value's fields as written, without ``citations`` (``name``, ``from``, ``until``...)."""
    citations: tuple[CiteItem, ...]
    """Where the value comes from."""
    line: int
    """1-based line of the value in the data file."""
    col: int
    """1-based column of the value."""

    def text(self, name: str) -> str:
        """A field as text ("" when absent)."""
        value = self.fields.get(name)
        return "" if value is None else " ".join(str(value).split())


@dataclass(frozen=True, slots=True)
class Group:
    """One group's fact box."""

    id: str
    """The group's id, the data file's name."""
    name: str
    """The name in its most common English spelling."""
    short: str
    """The abbreviation in use."""
    path: str
    """The data file's path, for diagnostics."""
    facts: Mapping[str, tuple[Fact, ...] | None]
    """Each field's values (one for ``founded``), or None where the file says unknown."""
    reviewed: str
    """When the fact box was last reviewed (YYYY-MM-DD)."""
    line: int
    """1-based line of the ``id`` field."""

    def values(self, field: str) -> tuple[Fact, ...]:
        """The values of a field (none when unknown)."""
        return self.facts.get(field) or ()

    @property
    def all_citations(self) -> tuple[CiteItem, ...]:
        """Every citation of the fact box."""
        return tuple(item for facts in self.facts.values() for fact in facts or () for item in fact.citations)

    @property
    def current_leader(self) -> Fact | None:
        """The first leader still in post (``until: present``), if any."""
        return next((f for f in self.values("leaders") if f.fields.get("until") == "present"), None)

    @property
    def latest_estimate(self) -> Fact | None:
        """The strength estimate of the latest year (the first of them in file order)."""
        dated = [f for f in self.values("strength") if isinstance(f.fields.get("year"), int)]
        return max(dated, key=lambda f: f.fields["year"], default=None)  # type: ignore[arg-type,return-value]


_LISTS = ("aliases", "leaders", "ideology", "goals", "areas", "strength", "designations", "relationships")
_LABELS = {
    "aliases": "alias",
    "founded": "founded",
    "leaders": "leader",
    "ideology": "ideology",
    "goals": "goal",
    "areas": "area",
    "strength": "strength estimate",
    "designations": "designation",
    "relationships": "relationship",
}
_PROSE = {"aliases": ("note",), "founded": ("by",), "leaders": ("note",), "ideology": ("text",), "goals": ("text",),
          "areas": ("text",), "designations": ("note",), "relationships": ("note",)}  # fmt: skip


def load_group(path: str, text: str) -> tuple[Group | None, list[Diagnostic]]:
    """Parse and validate one fact box.

    Args:
        path: The data file's path (``docs/data/groups/<id>.yaml``), for diagnostics.
        text: Its decoded text.

    Returns:
        The group (None when the schema rejects the file or its id differs from the file
        name) and the problems, including each value without a citation and each
        designation without a date.
    """
    hints = {
        "id": "use lower-case letters, digits and hyphens",
        "reviewed": "write it as YYYY-MM-DD",
        "date": "write YYYY, YYYY-MM or YYYY-MM-DD",
        "citations": "write '@key' or '@key, p. 12'",
    }
    hints |= {f"required:{field}": f"write {field}: unknown if no source gives it" for field in _LABELS}
    entry, diagnostics = load_document(
        path, text, schema="groups.schema.json", code=Code.PROFILE, name="the fact box", what="group", hints=hints
    )
    if entry is None:
        return None, diagnostics
    problems = list(entry.problems)
    data = entry.data
    assert isinstance(data, dict)
    stem = posixpath.splitext(posixpath.basename(path))[0]
    if isinstance(data.get("id"), str) and data["id"] != stem:
        at = node_at(entry.node, ["id"])
        problems.append(
            diagnostic_at(path, at, Code.PROFILE, f"group id '{data['id']}' differs from the file name '{stem}.yaml'")
        )
    if entry.problems:
        return None, problems
    facts: dict[str, tuple[Fact, ...] | None] = {}
    for field in _LABELS:
        value = data[field]
        if value == "unknown":
            facts[field] = None
            continue
        items = value if field in _LISTS else [value]
        where: list[object] = [field] if field not in _LISTS else []
        found = []
        for index, item in enumerate(items):
            steps = [*where] if field not in _LISTS else [field, index]
            node = node_at(entry.node, steps)
            cites = data_citations(node_at(entry.node, [*steps, "citations"]), item.get("citations"))
            fact = Fact(
                {k: v for k, v in item.items() if k != "citations"},
                cites,
                node.start_mark.line + 1,
                node.start_mark.column + 1,
            )
            problems += _fact_problems(path, node, field, steps, fact)
            found.append(fact)
        facts[field] = tuple(found)
    # A value without a citation or a date is reported, but the group still renders and links.
    at = node_at(entry.node, ["id"])
    group = Group(data["id"], data["name"], data["short"], path, facts, data["reviewed"], at.start_mark.line + 1)
    return group, problems


def _fact_problems(path: str, node: yaml.Node, field: str, steps: Sequence[object], fact: Fact) -> list[Diagnostic]:
    where = path_text(steps)
    shown = _shown(field, fact)
    problems = []
    if not fact.citations:
        problems.append(
            diagnostic_at(
                path,
                node,
                Code.PROFILE,
                f"{where} ({shown}) has no citation",
                "add citations: ['@key'], or write the value as unknown",
            )  # fmt: skip
        )
    if field == "designations" and "date" not in fact.fields:
        problems.append(
            diagnostic_at(
                path,
                node,
                Code.PROFILE,
                f"{where} ({shown}) has no date",
                "add date: YYYY-MM-DD (or YYYY-MM, YYYY) as the designating body gives it",
            )  # fmt: skip
        )
    return problems


def _shown(field: str, fact: Fact) -> str:
    """How a value is named in a message: its name, text or designating body and list."""
    if field == "designations":
        return f"{fact.text('by')}: {fact.text('list')}"
    if field == "relationships":
        return f"{fact.text('kind')} {fact.text('group')}"
    if field == "strength":
        return f"{fact.text('estimate')}, {fact.text('by')}"
    if field == "founded":
        return str(fact.fields.get("year"))
    value = fact.text("name") or fact.text("text")
    return f"'{value[:40]}…'" if len(value) > 40 else f"'{value}'"


def prose_fields(group: Group) -> list[tuple[str, str, int, int]]:
    """The fact box's prose values, for the wording check: field, text, line and column."""
    found = []
    for field, names in _PROSE.items():
        for fact in group.values(field):
            found += [(f"{field} {name}", fact.text(name), fact.line, fact.col) for name in names if fact.text(name)]
    return found


def group_names(groups: Iterable[Group], events: Iterable[Event]) -> dict[str, str]:
    """Every group's display name by id: profiles first, then names given in relationships and events."""
    names: dict[str, str] = {}
    for event in events:
        names.update(event.names)
    groups = list(groups)
    for group in groups:
        for fact in group.values("relationships"):
            if fact.text("name"):
                names.setdefault(fact.text("group"), fact.text("name"))
    names.update({group.id: group.short for group in groups})
    return names


def check_references(groups: Sequence[Group], events: Sequence[Event], profiled: Set[str]) -> list[Diagnostic]:
    """Report relationships that name a group the book does not know.

    A group is known when it has a fact box or an event names it, or when the relationship
    gives its name (a group the book mentions without profiling it, such as al-Qaeda). An
    id that matches none of these and comes without a name is a dangling reference.

    Args:
        groups: The fact boxes that loaded.
        events: The events.
        profiled: The id of every fact box file, including those that did not load.
    """
    in_events = {key for event in events for key in event.groups}
    named = set().union(*(event.names for event in events)) if events else set()
    diagnostics = []
    known = sorted(profiled | in_events)
    for group in groups:
        for fact in group.values("relationships"):
            target = fact.text("group")
            if target in profiled or (target not in in_events and fact.text("name")):
                continue  # a profiled group, or one the book names without profiling it
            if target not in in_events:
                close = difflib.get_close_matches(target, known, n=1)
                hint = (
                    f"did you mean '{close[0]}'?"
                    if close
                    else "add its fact box, an event that names it, or its name if the book does not profile it"
                )
                diagnostics.append(
                    Diagnostic(
                        group.path,
                        fact.line,
                        fact.col,
                        Code.PROFILE,
                        f"relationship names group '{target}', which has no profile and no event",
                        hint,
                    )  # fmt: skip
                )
            elif not fact.text("name") and target not in named:
                diagnostics.append(
                    Diagnostic(
                        group.path,
                        fact.line,
                        fact.col,
                        Code.PROFILE,
                        f"relationship names group '{target}', which has no profile, without its name",
                        "add name: the group's name",
                    )  # fmt: skip
                )
    return diagnostics


def check_event_groups(path: str, events: Sequence[Event], profiled: Set[str]) -> list[Diagnostic]:
    """Report events that name a group without a profile and without its name, or a claim by an uninvolved group.

    Args:
        path: The events file's path.
        events: The events.
        profiled: The id of every fact box file.
    """
    diagnostics = []
    for event in events:
        for key in event.groups:
            if key not in profiled and key not in event.names:
                line, col = event.group_at[key]
                close = difflib.get_close_matches(key, sorted(profiled), n=1)
                hint = f"did you mean '{close[0]}'?" if close else f"write it as {{id: {key}, name: ...}}"
                message = f"event names group '{key}', which has no profile, without its name"
                diagnostics.append(Diagnostic(path, line, col, Code.PROFILE, message, hint))
        for claim in event.claimed_by or ():
            if claim.group not in event.groups:
                line, col = event.group_at[claim.group]
                message = f"'{claim.group}' claimed event '{event.id}' but is not among its groups"
                diagnostics.append(Diagnostic(path, line, col, Code.PROFILE, message, f"add {claim.group} to groups"))
    return diagnostics


def check_profile_page(path: str, text: str, group: str) -> list[Diagnostic]:
    """Check that a profile page has the template's sections, in order, with their ids and the attacks table.

    Args:
        path: The page's path, for diagnostics.
        text: The page's decoded source.
        group: The id of the group the page profiles.

    Returns:
        One ``profile`` diagnostic per missing, misplaced, misspelt or id-less section, and
        one if the Major attacks section lacks ``<!-- data: attacks ID -->``.
    """
    masked = mask_markdown(text)
    lines = line_index(text)
    expected = {title.casefold(): (index, title, anchor) for index, (title, anchor) in enumerate(SECTIONS)}
    found: list[tuple[int, int, int]] = []  # (template index, line, col)
    diagnostics = []
    for match in _H2.finditer(masked):
        raw = text[match.start("text") : match.end("text")]
        explicit = _ID.search(raw)
        title = _ID.sub("", raw).strip()
        line, col = lines.position(match.start())
        if title.casefold() not in expected:
            continue
        index, want, anchor = expected[title.casefold()]
        if title != want:
            diagnostics.append(Diagnostic(path, line, col, Code.PROFILE, f"section '{title}' must be written '{want}'"))
        if explicit is None or explicit.group("id") != anchor:
            got = f"has the id '#{explicit.group('id')}'" if explicit else "has no explicit id"
            diagnostics.append(
                Diagnostic(
                    path, line, col, Code.PROFILE, f"section '{want}' {got}", f"write '## {want} {{#{anchor}}}'"
                )  # fmt: skip
            )
        if any(seen == index for seen, _, _ in found):
            diagnostics.append(Diagnostic(path, line, col, Code.PROFILE, f"section '{want}' appears twice"))
            continue
        later = [seen for seen, _, _ in found if seen > index]
        if later:
            after = SECTIONS[min(later)][0]
            diagnostics.append(
                Diagnostic(
                    path,
                    line,
                    col,
                    Code.PROFILE,
                    f"section '{want}' is out of order: it must come before '{after}'",
                    f"the sections are, in order: {', '.join(t for t, _ in SECTIONS)}",
                )  # fmt: skip
            )
        found.append((index, line, col))
    present = {index for index, _, _ in found}
    end = lines.position(len(text.rstrip("\n")))
    for index, (title, anchor) in enumerate(SECTIONS):
        if index in present:
            continue
        following = sorted((i, line, col) for i, line, col in found if i > index)
        line, col = (following[0][1], following[0][2]) if following else end
        before = f", before '{SECTIONS[following[0][0]][0]}'" if following else ""
        diagnostics.append(
            Diagnostic(
                path,
                line,
                col,
                Code.PROFILE,
                f"profile lacks the section '{title}'",
                f"add '## {title} {{#{anchor}}}'{before}",
            )  # fmt: skip
        )
    attacks = SECTIONS.index(("Major attacks", "major-attacks"))
    here = next(((line, col) for i, line, col in found if i == attacks), None)
    if here is not None and not _in_section(masked, text, lines, here[0], f"<!-- data: attacks {group} -->"):
        diagnostics.append(
            Diagnostic(
                path,
                here[0],
                here[1],
                Code.PROFILE,
                "the Major attacks section does not show the events table",
                f"add the line '<!-- data: attacks {group} -->' under it",
            )  # fmt: skip
        )
    return diagnostics


def _in_section(masked: str, text: str, lines: LineIndex, line: int, wanted: str) -> bool:
    """Whether a line appears in the section that starts at a heading line (up to the next H2)."""
    rows = text.splitlines()
    for row in rows[line:]:
        if _H2.match(row):
            return False
        if " ".join(row.split()) == wanted:
            return True
    return False


def _link(pages: Mapping[str, str], group: str, page_src: str, anchor: str | None, label: str) -> str:
    """A Markdown link to a group's profile (and one of its sections), or the label alone."""
    target = pages.get(group)
    if target is None:
        return label
    href = posixpath.relpath(target, posixpath.dirname(page_src) or ".")
    return f"[{label}]({href}{'#' + anchor if anchor else ''})"


def _years(fact: Fact, start: str, end: str) -> str:
    first, last = fact.fields.get(start), fact.fields.get(end)
    if first == "unknown" and last == "unknown":
        return "years unknown"
    return f"{first}–{last}" if last != first else str(first)


def _text(value: str) -> str:
    """Data text safe in Markdown: raw HTML shown as text."""
    return " ".join(value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").split())


def _cited(text: str, fact: Fact) -> str:
    return f"{text} {render_marker(fact.citations)}"


def render_fact_box(group: Group, names: Mapping[str, str], pages: Mapping[str, str], page_src: str) -> str:
    """Render a group's fact box as a definition list in a box, every value with its citations.

    Args:
        group: The group.
        names: Display names of every group, by id.
        pages: Each profiled group's page, by id.
        page_src: The page the box goes on.

    Returns:
        Markdown (an admonition-styled block with a definition list).
    """

    def rows(field: str, render: Callable[[Fact], str]) -> list[str]:
        facts = group.facts.get(field)
        if facts is None:
            return [":   unknown"]
        return [f":   {render(fact)}" for fact in facts]

    def alias(fact: Fact) -> str:
        note = f" ({_text(fact.text('note'))})" if fact.text("note") else ""
        return _cited(f"{_text(fact.text('name'))}{note}", fact)

    def founded(fact: Fact) -> str:
        by = f"; {_text(fact.text('by'))}" if fact.text("by") else ""
        return _cited(f"{fact.fields.get('year')}{by}", fact)

    def leader(fact: Fact) -> str:
        note = f"; {_text(fact.text('note'))}" if fact.text("note") else ""
        years = _years(fact, "from", "until")
        return _cited(f"{_text(fact.text('name'))}, {_text(fact.text('role'))} ({years}){note}", fact)

    def statement(fact: Fact) -> str:
        return _cited(_text(fact.text("text")), fact)

    def estimate(fact: Fact) -> str:
        return _cited(f"{_text(fact.text('estimate'))} ({_text(fact.text('by'))}, {fact.fields.get('year')})", fact)

    def designation(fact: Fact) -> str:
        note = f"; {_text(fact.text('note'))}" if fact.text("note") else ""
        when = render_event_date(fact.text("date")) if fact.text("date") else "date not given"
        return _cited(f"{_text(fact.text('by'))}: {_text(fact.text('list'))}, {when}{note}", fact)

    def relationship(fact: Fact) -> str:
        other = fact.text("group")
        who = _link(pages, other, page_src, None, _text(names.get(other, other)))
        note = f"; {_text(fact.text('note'))}" if fact.text("note") else ""
        kind = RELATIONSHIPS[fact.text("kind")]
        return _cited(f"{kind.capitalize()} {who} ({_years(fact, 'since', 'until')}){note}", fact)

    out = [
        f'<div class="admonition abstract bb-factbox" id="{FACT_BOX_ID}" markdown>',
        f'<p class="admonition-title">Fact box: {_text(group.name)} ({_text(group.short)})</p>',
        "",
        "Names",
        f":   {_text(group.name)} ({_text(group.short)})",
        *rows("aliases", alias),
        "",
        "Founded",
        *rows("founded", founded),
        "",
        "Leaders",
        *rows("leaders", leader),
        "",
        "Ideology",
        *rows("ideology", statement),
        "",
        "Stated goals",
        *rows("goals", statement),
        "",
        "Areas of operation",
        *rows("areas", statement),
        "",
        "Strength (every estimate, with who made it and when)",
        *rows("strength", estimate),
        "",
        "Designations",
        *rows("designations", designation),
        "",
        "Relationships",
        *rows("relationships", relationship),
        "",
        "Fact box reviewed",
        f":   {render_event_date(group.reviewed)}",
        "",
        "</div>",
    ]
    return "\n".join(out)


def render_comparison(groups: Sequence[Group], pages: Mapping[str, str], page_src: str) -> str:
    """Render the comparison table of every profiled group, each cell linking to the section behind it.

    Args:
        groups: The fact boxes.
        pages: Each group's profile page, by id.
        page_src: The page the table goes on.

    Returns:
        A Markdown table, one row per group, in order of founding.
    """
    out = [
        "| Group | Founded | Leader | Stated goal | Main area | Latest strength estimate | Designations |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for group in sorted(groups, key=_founding_order):

        def cell(anchor: str, text: str, group: Group = group) -> str:
            return _link(pages, group.id, page_src, anchor, text) if text != "unknown" else "unknown"

        founded = group.values("founded")
        year = str(founded[0].fields.get("year")) if founded else "unknown"
        leader = group.current_leader
        goals, areas = group.values("goals"), group.values("areas")
        estimate = group.latest_estimate
        strength = (
            f"{estimate.text('estimate')} ({estimate.text('by')}, {estimate.fields['year']})" if estimate else "unknown"
        )
        designations = "; ".join(f"{by} ({', '.join(years)})" for by, years in _designations_by_body(group).items())
        row = [
            _link(pages, group.id, page_src, None, f"{_table(group.name)} ({_table(group.short)})"),
            cell("origins-and-evolution", year),
            cell("leadership", _table(leader.text("name")) if leader else "unknown"),
            cell("ideology-and-goals", _table(goals[0].text("text")) if goals else "unknown"),
            cell("areas-and-operations", _table(areas[0].text("text")) if areas else "unknown"),
            cell("structure-and-strength", _table(strength)),
            cell("state-response-and-designations", _table(designations) or "unknown"),
        ]
        out.append("| " + " | ".join(row) + " |")
    return "\n".join(out)


def _designations_by_body(group: Group) -> dict[str, list[str]]:
    """Each designating body with the years of its listings, in file order (``United States: [2010]``)."""
    found: dict[str, list[str]] = {}
    for fact in group.values("designations"):
        year = fact.text("date")[:4] or "date not given"
        years = found.setdefault(fact.text("by"), [])
        if year not in years:
            years.append(year)
    return found


def _founding_order(group: Group) -> tuple[int, str]:
    founded = group.values("founded")
    year = founded[0].fields.get("year") if founded else None
    return (year if isinstance(year, int) else 9999, group.name)


def _table(text: str) -> str:
    """Text safe in a table cell that is also a link label."""
    return _text(text).replace("|", "\\|").replace("[", "\\[").replace("]", "\\]")


@dataclass(frozen=True, slots=True)
class Edge:
    """One relationship drawn on the map, in a canonical direction."""

    kind: str
    """``splinter`` (parent to splinter), ``merger``, ``umbrella`` (member to umbrella), ``ally`` or ``rival``."""
    source: str
    """The id the line starts from."""
    target: str
    """The id it points to."""
    since: int | None
    """The year it began, when known."""


_CANONICAL = {
    "splinter-of": ("splinter", True),
    "parent-of": ("splinter", False),
    "merged-into": ("merger", False),
    "umbrella-member": ("umbrella", False),
    "umbrella-of": ("umbrella", True),
    "ally": ("ally", False),
    "rival": ("rival", False),
}


def map_edges(groups: Iterable[Group]) -> list[Edge]:
    """The relationships of every fact box as map edges, each pair drawn once (a splinter's
    "splinter of" and its parent's "parent of" are one edge)."""
    edges: dict[tuple[str, str, str], Edge] = {}
    for group in groups:
        for fact in group.values("relationships"):
            kind, flip = _CANONICAL[fact.text("kind")]
            source, target = (fact.text("group"), group.id) if flip else (group.id, fact.text("group"))
            if kind in ("ally", "rival"):
                source, target = sorted((source, target))
            since = fact.fields.get("since")
            year = since if isinstance(since, int) else None
            key = (kind, source, target)
            old = edges.get(key)
            if old is None or (year is not None and (old.since is None or year < old.since)):
                edges[key] = Edge(kind, source, target, year)
    return sorted(edges.values(), key=lambda e: (e.since or 0, e.kind, e.source, e.target))


_STYLE = {
    "splinter": ("#1f5fa8", "", "arrow", "splinter (arrow to the splinter)"),
    "merger": ("#6a3d9a", "", "arrow", "merged into (arrow to the group joined)"),
    "umbrella": ("#2e7d32", "7 3", "arrow", "member of an umbrella (arrow to the umbrella)"),
    "ally": ("#444444", "2 3", "", "allies"),
    "rival": ("#b71c1c", "9 3 2 3", "", "rivals"),
}


def render_map(groups: Sequence[Group], names: Mapping[str, str], *, year: int) -> str:
    """Draw the relationships as a static SVG genealogy map: one row per group, years across.

    Each group's line starts in its founding year (or its first relationship's); each
    relationship is a vertical connector in the year it began, styled by kind with both a
    colour and a dash pattern, so the map reads in greyscale print too. No script, no
    external resource.

    Args:
        groups: The fact boxes.
        names: Display names of every group, by id.
        year: The last year on the axis (the latest review).

    Returns:
        An ``<svg>`` element, on one line per element, with a title and a description.
    """
    edges = map_edges(groups)
    starts: dict[str, int | None] = {}
    for group in sorted(groups, key=_founding_order):
        founded = group.values("founded")
        value = founded[0].fields.get("year") if founded else None
        starts[group.id] = value if isinstance(value, int) else None
    for edge in edges:
        for key in (edge.source, edge.target):
            starts.setdefault(key, None)
    for key in starts:
        if starts[key] is None:
            years = [e.since for e in edges if key in (e.source, e.target) and e.since is not None]
            starts[key] = min(years) if years else None
    known = [y for y in starts.values() if y is not None] + [e.since for e in edges if e.since is not None]
    first = (min(known, default=year - 10) // 5) * 5
    last = max(year, max(known, default=year))
    rows = list(starts)
    left, width, top, step = 200, 560, 34, 30
    span = max(last - first, 1)

    def x(value: int) -> float:
        return round(left + (value - first) / span * width, 1)

    def y(key: str) -> int:
        return top + rows.index(key) * step + step // 2

    height = top + len(rows) * step + 30 + 22 * ((len(_STYLE) + 1) // 2)
    total = left + width + 20
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bb-map" viewBox="0 0 {total} {height}" '
        f'role="img" aria-labelledby="bb-map-title bb-map-desc">',
        '<title id="bb-map-title">Relationships between the armed groups, by year</title>',
        '<desc id="bb-map-desc">One row per group, from the year it was founded; each vertical connector is a '
        "relationship in the year it began. The table below gives the same information.</desc>",
        "<defs>",
        *(
            f'<marker id="bb-arrow-{kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
            f'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>'
            for kind, (colour, _, head, _) in _STYLE.items()
            if head
        ),
        "</defs>",
        '<g class="bb-map-axis" font-size="11" fill="#555">',
    ]
    for tick in range(first, last + 1, 5):
        out.append(
            f'<line x1="{x(tick)}" y1="{top - 6}" x2="{x(tick)}" y2="{top + len(rows) * step}" stroke="#ddd"/>'
            f'<text x="{x(tick)}" y="{top - 10}" text-anchor="middle">{tick}</text>'
        )
    out.append("</g>")
    out.append('<g class="bb-map-groups" font-size="12">')
    for key in rows:
        start = starts[key]
        label = html.escape(names.get(key, key))
        profiled = any(group.id == key for group in groups)
        dash = "" if profiled else ' stroke-dasharray="1 3"'
        out.append(
            f'<text x="{left - 8}" y="{y(key) + 4}" text-anchor="end" fill="#222">{label}</text>'
            f'<line x1="{x(start if start is not None else first)}" y1="{y(key)}" x2="{x(last)}" y2="{y(key)}" '
            f'stroke="#888" stroke-width="3"{dash}/>'
        )
    out.append("</g>")
    out.append('<g class="bb-map-edges" fill="none" stroke-width="2">')
    used: dict[float, int] = {}
    for edge in edges:
        when = edge.since or max(starts[edge.source] or first, starts[edge.target] or first)
        at = x(when)
        offset = used.get(at, 0)
        used[at] = offset + 1
        colour, dash_array, head, _ = _STYLE[edge.kind]
        dash = f' stroke-dasharray="{dash_array}"' if dash_array else ""
        marker = f' marker-end="url(#bb-arrow-{edge.kind})"' if head else ""
        y1, y2 = y(edge.source), y(edge.target)
        shift = 6 if y2 > y1 else -6
        out.append(
            f'<line x1="{at + offset * 5}" y1="{y1}" x2="{at + offset * 5}" y2="{y2 - shift}" stroke="{colour}"'
            f"{dash}{marker}><title>{html.escape(_edge_text(edge, names))}</title></line>"
        )
    out.append("</g>")
    legend_top = top + len(rows) * step + 24
    out.append('<g class="bb-map-legend" font-size="11" fill="#222">')
    for index, (kind, (colour, dash_array, head, label)) in enumerate(_STYLE.items()):
        lx = 20 + (index % 2) * 380
        ly = legend_top + (index // 2) * 22
        dash = f' stroke-dasharray="{dash_array}"' if dash_array else ""
        marker = f' marker-end="url(#bb-arrow-{kind})"' if head else ""
        out.append(
            f'<line x1="{lx}" y1="{ly}" x2="{lx + 40}" y2="{ly}" stroke="{colour}" stroke-width="2"{dash}{marker}/>'
            f'<text x="{lx + 50}" y="{ly + 4}">{html.escape(label)}</text>'
        )
    out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)


def _edge_text(edge: Edge, names: Mapping[str, str]) -> str:
    a, b = names.get(edge.source, edge.source), names.get(edge.target, edge.target)
    when = f" ({edge.since})" if edge.since else ""
    phrases = {
        "splinter": f"{b} split from {a}",
        "merger": f"{a} merged into {b}",
        "umbrella": f"{a} joined the umbrella {b}",
        "ally": f"{a} and {b}: allies",
        "rival": f"{a} and {b}: rivals",
    }
    return phrases[edge.kind] + when


def render_relationships(
    groups: Sequence[Group], names: Mapping[str, str], pages: Mapping[str, str], page_src: str
) -> str:
    """Render the map and, beside it, the same relationships as a table, each row linking to the profile's section.

    Args:
        groups: The fact boxes.
        names: Display names of every group, by id.
        pages: Each group's profile page, by id.
        page_src: The page the map goes on.

    Returns:
        Markdown: a figure with the SVG, then a table with one row per relationship as each fact box states it.
    """
    year = max((int(group.reviewed[:4]) for group in groups), default=2000)
    svg = render_map(groups, names, year=year)
    out = [
        '<figure class="bb-map-figure">',
        svg,
        "<figcaption>Relationships between the armed groups, drawn from the fact boxes. Hover a connector for its "
        "description; the table below lists the same relationships with their years and sources.</figcaption>",
        "</figure>",
        "",
        "| Group | Relationship | With | Years | Sources |",
        "| --- | --- | --- | --- | --- |",
    ]
    for group in sorted(groups, key=_founding_order):
        for fact in group.values("relationships"):
            other = fact.text("group")
            out.append(
                f"| {_link(pages, group.id, page_src, None, _table(group.short))} "
                f"| {RELATIONSHIPS[fact.text('kind')]} "
                f"| {_link(pages, other, page_src, None, _table(names.get(other, other)))} "
                f"| {_years(fact, 'since', 'until')} "
                f"| {render_marker(fact.citations)} |"
            )
    return "\n".join(out)
