"""The timeline: every event of the dataset in date order, and its CSV and JSON exports.

The Timeline page shows ``<!-- data: timeline -->`` as decades and years of events, each
event with its anchor (its ``id``), its date at the precision the sources give, its
figures side by side and a link to the part of the book that covers it. Readers narrow it
to one group or one event type with radio buttons and the generated stylesheet
([render_timeline_css][briefbook.timeline.render_timeline_css]): plain CSS, no script.
Every build also publishes ``timeline.csv`` and ``timeline.json``, one row per event,
with the columns in [COLUMNS][briefbook.timeline.COLUMNS].
"""

from __future__ import annotations

import csv
import io
import json
import posixpath
from typing import TYPE_CHECKING

from .citations import render_marker
from .events import TYPES, render_event_date

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from .events import Event
    from .registry import Registry

_SINGULAR = {
    "attack": "Attack",
    "operation": "Operation",
    "political": "Political event",
    "designation": "Ban or designation",
    "regional": "Regional event",
    "rights": "Human rights",
}

CSV_FILE = "timeline.csv"
"""The CSV export, relative to the site root."""
JSON_FILE = "timeline.json"
"""The JSON export, relative to the site root."""
CSS_FILE = "assets/stylesheets/timeline.css"
"""The generated stylesheet of the timeline's filters, relative to the site root."""

COLUMNS = {
    "id": "the event's stable id, also its anchor on the Timeline page",
    "date": "YYYY, YYYY-MM or YYYY-MM-DD, at the precision the sources give",
    "precision": "year, month or day",
    "title": "a short neutral title",
    "description": "one or two sentences in the book's words, attributed where a claim is reported",
    "type": "attack, operation, political, designation, regional or rights",
    "places": "where it happened, most precise first, separated by '; '",
    "groups": "the ids of the groups involved, separated by '; '",
    "claimed_by": "the ids of the groups that claimed it, 'unknown', or empty when no claim applies",
    "figures": "each reported figure as 'what: value (by whom)', separated by '; '",
    "source_ids": "the registry ids of every source cited for the event, separated by '; '",
    "source_urls": "the addresses of those sources, in the same order, separated by '; '",
    "page": "the address of the Timeline entry, relative to the site root",
}
"""The columns of ``timeline.csv`` (and the fields of each ``timeline.json`` row), with their meaning."""


def precision(date: str) -> str:
    """How precise a date is: ``year``, ``month`` or ``day``."""
    return ("year", "month", "day")[date.count("-")]


def in_order(events: Iterable[Event]) -> list[Event]:
    """The events oldest first; a less precise date sorts before the dates inside it, ties in file order."""
    return sorted(events, key=lambda event: event.date)


def render_timeline(
    events: Sequence[Event], names: Mapping[str, str], profiles: Mapping[str, str], page_src: str
) -> str:
    """Render every event as Markdown, by decade and year, with the filters above.

    Args:
        events: The whole dataset.
        names: Display names of every group, by id.
        profiles: Each profiled group's page, by id.
        page_src: The page the timeline goes on.

    Returns:
        The filters and the events, or a sentence saying the dataset is empty.
    """
    if not events:
        return "*The events dataset has no event yet.*"
    ordered = in_order(events)
    out = [_filters(ordered, names)]
    decade = year = None
    for event in ordered:
        this_year = event.date[:4]
        if this_year[:3] != decade:
            if decade is not None:
                out.append("</section>\n</section>\n")
            decade, year = this_year[:3], None
            out.append(f'<section class="bb-tl-decade" markdown>\n\n## {decade}0s {{#decade-{decade}0s}}\n')
        if this_year != year:
            if year is not None:
                out.append("</section>\n")
            year = this_year
            out.append(f'<section class="bb-tl-year" markdown>\n\n### {year} {{#year-{year}}}\n')
        out.append(_event(event, names, profiles, page_src))
    out.append("</section>\n</section>\n")
    return "\n".join(out)


def _filters(events: Sequence[Event], names: Mapping[str, str]) -> str:
    groups = sorted({g for event in events for g in event.groups}, key=lambda g: names.get(g, g).casefold())
    types = [t for t in TYPES if any(event.type == t for event in events)]
    out = ['<div class="bb-tl-filters" role="group" aria-label="Narrow the timeline">']
    out.append(_choices("group", "Group", [("all", "All groups")] + [(g, names.get(g, g)) for g in groups]))
    out.append(_choices("type", "Type", [("all", "All types")] + [(t, TYPES[t]) for t in types]))
    out.append("</div>\n")
    return "\n".join(out)


def _choices(name: str, legend: str, options: Sequence[tuple[str, str]]) -> str:
    out = [f"<fieldset><legend>{legend}</legend>"]
    for value, label in options:
        checked = " checked" if value == "all" else ""
        out.append(
            f'<label><input type="radio" name="bb-tl-{name}" id="bb-tl-{name}-{value}" value="{value}"{checked}> '
            f"{_html(label)}</label>"
        )
    out.append("</fieldset>")
    return "\n".join(out)


def _event(event: Event, names: Mapping[str, str], profiles: Mapping[str, str], page_src: str) -> str:
    groups = " ".join(event.groups)
    out = [
        f'<article class="bb-tl-event" id="{event.id}" data-groups="{groups}" data-type="{event.type}" markdown>\n',
        f"**{render_event_date(event.date)}: {_text(event.title)}** ({_text(', '.join(event.places))})"
        f' [¶](#{event.id}){{ .bb-tl-anchor title="Link to this event" }}\n',
        f"{_text(event.description)} {render_marker(event.citations)}\n",
    ]
    if event.figures:
        figures = "; ".join(
            f"{_text(f.what)}: {_text(f.value)} ({_text(f.by)}) {render_marker(f.citations)}".rstrip()
            for f in event.figures
        )
        out.append(f"Reported figures: {figures}.\n")
    if event.type == "attack":
        if event.claimed_by:
            claims = "; ".join(
                (_text(names.get(c.group, c.group)) + (f" ({_text(c.note)})" if c.note else "")
                 + f" {render_marker(c.citations)}").rstrip()
                for c in event.claimed_by
            )  # fmt: skip
        else:
            claims = "unknown"
        out.append(f"Claimed by: {claims}.\n")
    more = _see_also(event, names, profiles, page_src)
    out.append(f"*{_SINGULAR[event.type]}*" + (f" · {more}" if more else "") + "\n")
    out.append("</article>\n")
    return "\n".join(out)


def _see_also(event: Event, names: Mapping[str, str], profiles: Mapping[str, str], page_src: str) -> str:
    """Links to the page given in ``see`` and to the profile of each profiled group involved."""
    folder = posixpath.dirname(page_src) or "."
    links = []
    if event.see:
        target, _, anchor = event.see.partition("#")
        links.append(f"[Covered here]({posixpath.relpath(target, folder)}{'#' + anchor if anchor else ''})")
    for group in event.groups:
        if group in profiles:
            anchor = "#major-attacks" if event.type == "attack" else ""
            href = posixpath.relpath(profiles[group], folder) + anchor
            links.append(f"[{_text(names.get(group, group))}]({href})")
    return " · ".join(links)


def render_timeline_css(events: Iterable[Event]) -> str:
    """The stylesheet that hides the events, years and decades a chosen filter leaves out.

    One rule per group and per type and one per pair of them, so that a year or decade
    with no event left is hidden too. It is generated because the groups come from the data.
    """
    events = list(events)
    groups = sorted({g for event in events for g in event.groups})
    types = [t for t in TYPES if any(event.type == t for event in events)]
    pairs = [(g, t) for g in ["all", *groups] for t in ["all", *types] if (g, t) != ("all", "all")]
    rules = ["/* Generated by the build from docs/data/events.yaml: the timeline's filters. */"]
    for group, kind in pairs:
        chosen = (f":has(#bb-tl-group-{group}:checked)" if group != "all" else "") + (
            f":has(#bb-tl-type-{kind}:checked)" if kind != "all" else ""
        )
        match = (f'[data-groups~="{group}"]' if group != "all" else "") + (
            f'[data-type="{kind}"]' if kind != "all" else ""
        )
        on = f"body{chosen}"
        rules.append(
            f"{on} .bb-tl-event:not({match}), "
            f"{on} .bb-tl-year:not(:has(.bb-tl-event{match})), "
            f"{on} .bb-tl-decade:not(:has(.bb-tl-event{match})) {{ display: none; }}"
        )
    return "\n".join(rules) + "\n"


def timeline_rows(events: Iterable[Event], registry: Registry, page_url: str) -> list[dict[str, str]]:
    """One row per event, oldest first, with the fields of [COLUMNS][briefbook.timeline.COLUMNS].

    Args:
        events: The dataset.
        registry: The sources registry, for each cited source's address.
        page_url: The Timeline page's address relative to the site root (``timeline/``).
    """
    rows = []
    for event in in_order(events):
        keys = list(dict.fromkeys(item.key for item in event.all_citations))
        if event.type != "attack":
            claimed = ""
        elif event.claimed_by:
            claimed = "; ".join(dict.fromkeys(c.group for c in event.claimed_by))
        else:
            claimed = "unknown"
        rows.append(
            {
                "id": event.id,
                "date": event.date,
                "precision": precision(event.date),
                "title": event.title,
                "description": event.description,
                "type": event.type,
                "places": "; ".join(event.places),
                "groups": "; ".join(event.groups),
                "claimed_by": claimed,
                "figures": "; ".join(f"{f.what}: {f.value} ({f.by})" for f in event.figures),
                "source_ids": "; ".join(keys),
                "source_urls": "; ".join(registry.sources[k].url for k in keys if k in registry.sources),
                "page": f"{page_url}#{event.id}",
            }
        )
    return rows


def render_timeline_csv(rows: Iterable[Mapping[str, str]]) -> str:
    """The rows as CSV (RFC 4180 quoting, a header row of [COLUMNS][briefbook.timeline.COLUMNS])."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(COLUMNS), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def render_timeline_json(rows: Iterable[Mapping[str, str]]) -> str:
    """The rows as a JSON document: the column descriptions, then the events."""
    document = {"columns": COLUMNS, "events": list(rows)}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def render_columns() -> str:
    """The table of the exports' columns, for the Timeline page."""
    rows = ["| Column | What it holds |", "| --- | --- |"]
    rows += [f"| `{name}` | {meaning} |" for name, meaning in COLUMNS.items()]
    return "\n".join(rows)


def _text(text: str) -> str:
    """Data text safe in the page's Markdown: no raw HTML, one line."""
    return " ".join(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").split())


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
