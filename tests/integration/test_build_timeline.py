"""Real builds of the timeline: the page, its filters, the CSV and JSON exports, and the dataset's defects."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import TYPE_CHECKING

import yaml

from conftest import MKDOCS, make_site, run

if TYPE_CHECKING:
    from pathlib import Path

TIMELINE_DEFECTS = [
    "docs/data/events.yaml:42:9: error[profile]: date '2025-02-30' does not exist"
    " (write YYYY, YYYY-MM or YYYY-MM-DD with a real month and day, or only as much as the sources give)",
    "docs/data/events.yaml:54:9: error[profile]: unknown type 'raid'"
    " (expected one of: attack, operation, political, designation, regional, rights)",
    "docs/data/events.yaml:59:3: error[profile]: event lacks the required field 'claimed-by'"
    " (an attack says who claimed it: groups with citations, or unknown)",
    "docs/timeline/index.md:9:1: error[data]: the timeline is already on docs/index.md",
]


def _built(tmp_path: Path) -> Path:
    site = make_site("timeline", tmp_path)
    result = run([*MKDOCS, "build", "--strict"], cwd=site)
    assert (result.code, result.lines()) == (0, [])
    return site


def test_timeline_page_groups_events_by_decade_and_year_with_anchors_and_links(tmp_path: Path) -> None:
    site = _built(tmp_path)
    page = (site / "site" / "timeline" / "index.html").read_text(encoding="utf-8")
    headings = re.findall(r'<h[23] id="([^"]+)"', page)
    assert headings[:6] == ["decade-1940s", "year-1948", "decade-2010s", "year-2011", "decade-2020s", "year-2021"]
    events = re.findall(r'<article class="bb-tl-event" data-groups="([^"]*)" data-type="(\w+)" id="([^"]+)"', page)
    assert events == [
        ("", "political", "1948-accession"),
        ("alpha", "designation", "2011-07-alpha-listed"),
        ("beta gamma", "attack", "2021-05-market-bombing"),
    ]
    assert "<strong>1948: An accession</strong>" in page
    assert "<strong>May 2021: Market bombing</strong>" in page
    assert '<a href="../groups/alpha/#state-response-and-designations">Covered here</a>' in page
    assert '<a href="../groups/beta/#major-attacks">BB</a>' in page
    assert re.search(
        r"Reported figures: killed: 12 \(the police\) <sup[^>]*>.*?; killed: at least 15 \(A Paper\)", page
    )
    assert "Claimed by: BB <sup" in page
    assert page.count('type="radio" name="bb-tl-group"') == 4  # all, alpha, beta, gamma
    assert page.count('type="radio" name="bb-tl-type"') == 4  # all and the three types present
    assert '<link rel="stylesheet" href="../assets/stylesheets/timeline.css">' in page
    css = (site / "site" / "assets" / "stylesheets" / "timeline.css").read_text(encoding="utf-8")
    assert (
        "body:has(#bb-tl-group-beta:checked):has(#bb-tl-type-attack:checked) .bb-tl-year:not(:has(.bb-tl-event"
        '[data-groups~="beta"][data-type="attack"]))' in css
    )
    sources = (site / "site" / "sources" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../timeline/#2011-07-alpha-listed">Timeline › The UN lists the Alpha Front</a>' in sources


def test_csv_and_json_have_every_event_and_open_with_the_standard_modules(tmp_path: Path) -> None:
    site = _built(tmp_path)
    dataset = yaml.safe_load((site / "docs" / "data" / "events.yaml").read_text(encoding="utf-8"))
    ids = sorted(event["id"] for event in dataset)
    text = (site / "site" / "timeline.csv").read_bytes().decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert sorted(row["id"] for row in rows) == ids
    assert [row["date"] for row in rows] == ["1948", "2011-07-29", "2021-05"]
    bombing = rows[2]
    assert bombing["precision"] == "month"
    assert bombing["groups"] == "beta; gamma"
    assert bombing["claimed_by"] == "beta"
    assert bombing["figures"] == "killed: 12 (the police); killed: at least 15 (A Paper)"
    assert bombing["source_urls"] == "https://example.com/news/beta"
    assert bombing["page"] == "timeline/#2021-05-market-bombing"
    assert rows[0]["claimed_by"] == ""  # no claim applies to a political event
    document = json.loads((site / "site" / "timeline.json").read_text(encoding="utf-8"))
    assert sorted(event["id"] for event in document["events"]) == ids
    assert list(document["columns"]) == list(rows[0])
    page = (site / "site" / "timeline" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../timeline.csv">CSV</a>' in page
    assert "<td><code>source_urls</code></td>" in page


def test_timeline_defects_are_reported_at_their_lines(tmp_path: Path) -> None:
    site = make_site("timeline-defects", tmp_path)
    result = run([*MKDOCS, "build", "--strict"], cwd=site)
    assert result.code == 1
    assert [line for line in result.lines() if ": error[" in line] == TIMELINE_DEFECTS
