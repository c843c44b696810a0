"""The timeline's rendering and exports, on small datasets."""

from __future__ import annotations

import csv
import io
import json

import pytest

from briefbook import COLUMNS, Registry, load_events, render_timeline, render_timeline_css, timeline_rows
from briefbook.events import TYPES
from briefbook.timeline import _SINGULAR, precision, render_columns, render_timeline_csv, render_timeline_json

EVENTS = """\
- id: late
  date: 2020-06-01
  title: A ban
  places: [Capital]
  type: designation
  description: The government banned Alpha.
  groups: [alpha]
  citations: ["@a"]
- id: early
  date: 1973
  title: An operation
  places: [Province, "A place & 5 > 4"]
  type: operation
  description: Troops moved in, "the army said".
  groups: []
  citations: ["@a"]
- id: mid
  date: 2020-06
  title: An attack, "quoted"
  places: [Town]
  type: attack
  description: Gunmen attacked a post.
  groups: [alpha]
  claimed-by: unknown
  figures:
    - {what: killed, value: 3, by: police, citations: ["@a"]}
  citations: ["@a"]
"""


def _events():  # type: ignore[no-untyped-def]
    events, problems = load_events("docs/data/events.yaml", EVENTS)
    assert problems == []
    return events


@pytest.mark.parametrize(("date", "shown"), [("1973", "year"), ("2020-06", "month"), ("2020-06-01", "day")])
def test_precision(date: str, shown: str) -> None:
    assert precision(date) == shown


def test_every_type_has_a_singular_label() -> None:
    assert set(_SINGULAR) == set(TYPES)


def test_events_are_shown_oldest_first_with_a_less_precise_date_before_the_dates_inside_it() -> None:
    page = render_timeline(_events(), {"alpha": "AF"}, {"alpha": "groups/alpha.md"}, "timeline/index.md")
    assert [line.split('id="')[1].split('"')[0] for line in page.splitlines() if line.startswith("<article")] == [
        "early",
        "mid",
        "late",
    ]
    assert "## 1970s {#decade-1970s}" in page
    assert "### 2020 {#year-2020}" in page
    assert "**1973: An operation** (Province, A place &amp; 5 &gt; 4)" in page
    assert "Claimed by: unknown." in page
    assert "*Attack* · [AF](../groups/alpha.md#major-attacks)" in page
    assert "*Ban or designation* · [AF](../groups/alpha.md)" in page
    assert "*Operation*\n" in page


def test_an_empty_dataset_says_so() -> None:
    assert render_timeline([], {}, {}, "timeline/index.md") == "*The events dataset has no event yet.*"


def test_the_stylesheet_hides_what_each_filter_leaves_out() -> None:
    css = render_timeline_css(_events())
    assert 'body:has(#bb-tl-type-operation:checked) .bb-tl-event:not([data-type="operation"])' in css
    assert 'body:has(#bb-tl-group-alpha:checked) .bb-tl-decade:not(:has(.bb-tl-event[data-groups~="alpha"]))' in css
    assert "#bb-tl-type-rights" not in css  # no event of that type, so no filter for it


def test_exports_quote_what_needs_quoting_and_keep_the_columns() -> None:
    registry = Registry("docs/sources.yaml", {})
    rows = timeline_rows(_events(), registry, "timeline/")
    text = render_timeline_csv(rows)
    parsed = list(csv.DictReader(io.StringIO(text, newline="")))
    assert list(parsed[0]) == list(COLUMNS)
    assert [row["id"] for row in parsed] == ["early", "mid", "late"]
    assert parsed[1]["title"] == 'An attack, "quoted"'
    assert parsed[1]["claimed_by"] == "unknown"
    assert parsed[0]["claimed_by"] == ""
    assert parsed[1]["figures"] == "killed: 3 (police)"
    assert parsed[0]["places"] == "Province; A place & 5 > 4"
    assert json.loads(render_timeline_json(rows))["events"][2]["page"] == "timeline/#late"


def test_the_columns_table_lists_every_column() -> None:
    table = render_columns()
    assert table.count("\n| `") == len(COLUMNS)
