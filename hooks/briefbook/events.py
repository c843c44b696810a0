"""The events dataset: one list for the timeline and every profile's major-attacks table.

``docs/data/events.yaml`` (schema: ``schemas/events.schema.json``) lists events, each
with an ``id``, a ``date`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, shown at its
precision), a ``title``, its ``places``, a ``type``, a neutral ``description``, the
``groups`` involved (a profiled group's id, or ``{id, name}`` for another group), who
claimed it (``claimed-by``: groups with citations, or ``unknown``; required for an attack),
the ``figures`` as reported (``what``, ``value``, ``by`` whom, ``citations``; one row per
source where sources differ), the page that covers it (``see``, optional) and the event's
``citations``. The ``type`` is one of [TYPES][briefbook.events.TYPES]. A profile page shows
the attacks that name its group where it says ``<!-- data: attacks ID -->``; the timeline
shows every event.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .citations import CiteItem, data_citations, render_marker
from .diagnostics import Code, Diagnostic
from .yamldata import diagnostic_at, duplicate_ids, load_entries, node_at

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    import yaml

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # fmt: skip

TYPES = {
    "attack": "Attacks",
    "operation": "Military and police operations",
    "political": "Political events",
    "designation": "Bans and designations",
    "regional": "Regional events",
    "rights": "Human rights",
}
"""The event types, with the label the timeline's filter shows for each."""


@dataclass(frozen=True, slots=True)
class Figure:
    """One reported figure of an event: what was counted, the value, and who reported it."""

    what: str
    """What was counted ("killed", "injured", "attackers killed")."""
    value: str
    """The value as reported ("26", "at least 60")."""
    by: str
    """Who reported it ("ISPR", "the BLA", "Dawn")."""
    citations: tuple[CiteItem, ...]
    """Where it was reported."""


@dataclass(frozen=True, slots=True)
class Claim:
    """A claim of responsibility for an event."""

    group: str
    """The claiming group's id."""
    note: str | None
    """An attributed remark (a later denial, a disputed claim), or None."""
    citations: tuple[CiteItem, ...]
    """Where the claim is reported."""


@dataclass(frozen=True, slots=True)
class Event:
    """One event of the dataset."""

    id: str
    """Stable anchor of the event."""
    date: str
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    title: str
    """A short neutral title."""
    places: tuple[str, ...]
    """Where it happened, most precise first."""
    type: str
    """One of [TYPES][briefbook.events.TYPES]: "attack", "operation", "political"..."""
    description: str
    """One or two neutral sentences, attributed where claimed."""
    groups: tuple[str, ...]
    """The ids of the groups involved."""
    names: Mapping[str, str]
    """Display names given here for groups without a profile, by id."""
    claimed_by: tuple[Claim, ...] | None
    """Who claimed it, or None when that is unknown."""
    figures: tuple[Figure, ...]
    """The reported figures, one row per source."""
    citations: tuple[CiteItem, ...]
    """The sources for the event itself."""
    line: int
    """1-based line of the event in the data file."""
    group_at: Mapping[str, tuple[int, int]]
    """Line and column of each group id (in ``groups`` and ``claimed-by``), for diagnostics."""
    text_at: tuple[tuple[str, str, int, int], ...] = ()
    """Each prose field: name, value, line and column."""
    see: str | None = None
    """The page (and section) of the book that covers the event, relative to the docs folder."""

    @property
    def all_citations(self) -> tuple[CiteItem, ...]:
        """Every citation of the event, its figures and its claims."""
        items = list(self.citations)
        for figure in self.figures:
            items += figure.citations
        for claim in self.claimed_by or ():
            items += claim.citations
        return tuple(items)


def load_events(path: str, text: str) -> tuple[list[Event], list[Diagnostic]]:
    """Parse and validate the events dataset.

    Args:
        path: The data file's path, for diagnostics.
        text: Its decoded text.

    Returns:
        The valid events in file order, and the problems found (``profile`` diagnostics:
        schema problems, a duplicate id, a figure or claim without a source).
    """
    hints = {
        "id": "use lower-case letters, digits and hyphens",
        "date": "write YYYY, YYYY-MM or YYYY-MM-DD",
        "citations": "write '@key' or '@key, p. 12'",
        "required:claimed-by": "an attack says who claimed it: groups with citations, or unknown",
    }
    entries, diagnostics = load_entries(
        path, text, schema="events.schema.json", code=Code.PROFILE, name="the events dataset", what="event", hints=hints
    )
    events: list[Event] = []
    repeated = duplicate_ids(
        path, entries or [], Code.PROFILE, "duplicate event id '{key}'", "first used at line {line}"
    )
    for index, entry in enumerate(entries or []):
        problems = list(entry.problems)
        data = entry.data if isinstance(entry.data, dict) else {}
        if index in repeated:
            problems.append(repeated[index])
        if not entry.problems:
            problems += _impossible_date(path, entry.node, data)
        diagnostics += problems
        if not problems:
            # An unsourced figure is reported, but the event still shows where it belongs.
            diagnostics += _unsourced(path, entry.node, data)
            events.append(_event(entry.node, data, entry.line))
    return events, diagnostics


def _impossible_date(path: str, node: yaml.Node, data: dict[str, object]) -> list[Diagnostic]:
    """A date whose month or day does not exist (``2025-13``, ``2025-02-30``)."""
    parts = [int(part) for part in str(data["date"]).split("-")]
    year, month, day = (parts + [1, 1])[:3]
    try:
        datetime.date(year, month, day)
    except (ValueError, OverflowError):
        return [
            diagnostic_at(
                path,
                node_at(node, ["date"]),
                Code.PROFILE,
                f"date '{data['date']}' does not exist",
                "write YYYY, YYYY-MM or YYYY-MM-DD with a real month and day, or only as much as the sources give",
            )  # fmt: skip
        ]
    return []


def _unsourced(path: str, node: yaml.Node, data: dict[str, object]) -> list[Diagnostic]:
    """A figure, a claim or the event itself without a source."""
    problems = []
    figures = data.get("figures", [])
    assert isinstance(figures, list)
    for index, figure in enumerate(figures):
        if not figure.get("citations"):
            at = node_at(node, ["figures", index])
            value = figure["value"]
            problems.append(
                diagnostic_at(
                    path,
                    at,
                    Code.PROFILE,
                    f"figure '{figure['what']}: {value}' (by {figure['by']}) has no source",
                    "add citations: ['@key'] naming where it was reported",
                )  # fmt: skip
            )
    claims = data.get("claimed-by")
    for index, claim in enumerate(claims if isinstance(claims, list) else []):
        if not claim.get("citations"):
            at = node_at(node, ["claimed-by", index])
            problems.append(
                diagnostic_at(
                    path,
                    at,
                    Code.PROFILE,
                    f"the claim by '{claim['group']}' has no source",
                    "add citations: ['@key'] naming where the claim was reported",
                )  # fmt: skip
            )
    if not data["citations"]:
        problems.append(
            diagnostic_at(
                path,
                node_at(node, ["citations"]),
                Code.PROFILE,
                f"event '{data['id']}' has no source",
                "add citations: ['@key']",
            )  # fmt: skip
        )
    return problems


def _event(node: yaml.Node, data: dict[str, object], line: int) -> Event:
    def cites(*where: str | int) -> tuple[CiteItem, ...]:
        value: object = data
        for step in where:
            if isinstance(value, dict):
                value = value.get(step)
            elif isinstance(value, list) and isinstance(step, int):
                value = value[step]
        return data_citations(node_at(node, where), value)

    groups: list[str] = []
    names: dict[str, str] = {}
    group_at: dict[str, tuple[int, int]] = {}
    raw_groups = data["groups"]
    assert isinstance(raw_groups, list)
    for index, item in enumerate(raw_groups):
        key = item["id"] if isinstance(item, dict) else str(item)
        if isinstance(item, dict):
            names[key] = item["name"]
        groups.append(key)
        at = node_at(node, ["groups", index])
        group_at.setdefault(key, (at.start_mark.line + 1, at.start_mark.column + 1))
    claimed = data.get("claimed-by")
    claims = None
    if isinstance(claimed, list):
        claims = []
        for index, item in enumerate(claimed):
            at = node_at(node, ["claimed-by", index, "group"])
            group_at.setdefault(item["group"], (at.start_mark.line + 1, at.start_mark.column + 1))
            claims.append(Claim(item["group"], item.get("note"), cites("claimed-by", index, "citations")))
    raw_figures = data.get("figures", [])
    assert isinstance(raw_figures, list)
    figures = tuple(
        Figure(item["what"], str(item["value"]), item["by"], cites("figures", index, "citations"))
        for index, item in enumerate(raw_figures)
    )
    text_at = []
    for field in ("title", "description"):
        at = node_at(node, [field])
        text_at.append((field, str(data[field]), at.start_mark.line + 1, at.start_mark.column + 1))
    places = data["places"]
    assert isinstance(places, list)
    return Event(
        str(data["id"]),
        str(data["date"]),
        str(data["title"]),
        tuple(str(p) for p in places),
        str(data["type"]),
        " ".join(str(data["description"]).split()),
        tuple(groups),
        names,
        tuple(claims) if claims is not None else None,
        figures,
        cites("citations"),
        line,
        group_at,
        tuple(text_at),
        str(data["see"]) if "see" in data else None,
    )


def render_event_date(date: str) -> str:
    """Show a date at its precision: ``2025``, ``March 2025``, ``11 March 2025``."""
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = _MONTHS[parts[1] - 1] if 1 <= parts[1] <= 12 else str(parts[1])
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{parts[2]} {month} {parts[0]}"


def events_of(events: Iterable[Event], group: str) -> list[Event]:
    """The attacks that name a group, oldest first (ties in file order)."""
    return sorted((e for e in events if group in e.groups and e.type == "attack"), key=lambda e: e.date)


def render_attacks(events: Iterable[Event], group: str, names: Mapping[str, str]) -> str:
    """Render a group's major attacks as a Markdown table, one row per event, figures side by side.

    Args:
        events: The whole dataset.
        group: The profiled group's id.
        names: Display names of every group, by id.

    Returns:
        The table, or a sentence saying the dataset has no event naming the group.
    """
    chosen = events_of(events, group)
    if not chosen:
        return "*The events dataset has no event that names this group yet.*"
    out = ["| Date | Event | Reported figures | Claimed by |", "| --- | --- | --- | --- |"]
    for event in chosen:
        what = f"**{_cell(event.title)}** ({_cell(', '.join(event.places))}). {_cell(event.description)} "
        what += render_marker(event.citations)
        figures = "<br>".join(
            f"{_cell(f.what)}: {_cell(f.value)} ({_cell(f.by)}) {render_marker(f.citations)}" for f in event.figures
        )
        if event.claimed_by is None:
            claimed = "unknown"
        else:
            claimed = "<br>".join(
                _cell(names.get(c.group, c.group)) + (f" ({_cell(c.note)})" if c.note else "") + " "
                + render_marker(c.citations)
                for c in event.claimed_by
            )  # fmt: skip
        out.append(f"| {render_event_date(event.date)} | {what} | {figures or 'none reported'} | {claimed} |")
    return "\n".join(out)


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell: no raw HTML, no column break, one line."""
    return " ".join(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|").split())
