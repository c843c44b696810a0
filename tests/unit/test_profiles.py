"""Fact boxes, events and the profile template, as pure functions."""

from __future__ import annotations

import pytest

from briefbook import (
    SECTIONS,
    Edge,
    check_profile_page,
    load_events,
    load_group,
    map_edges,
    render_attacks,
    render_diagnostic,
    render_event_date,
)

GROUP = """\
id: alpha
name: Alpha Front
short: AF
aliases: []
founded: {year: 2007, citations: ["@a"]}
leaders:
  - {name: A. Leader, role: leader, from: 2018, until: present, citations: ["@a"]}
ideology: unknown
goals: unknown
areas: unknown
strength: unknown
designations:
  - {by: Pakistan, list: proscribed organisations, date: 2008-08-25, citations: ["@b"]}
relationships:
  - {kind: splinter-of, group: beta, since: 2014, until: present, citations: ["@a"]}
reviewed: 2026-11-24
"""
PATH = "docs/data/groups/alpha.yaml"


def _messages(problems: list) -> list[str]:  # type: ignore[type-arg]
    return [render_diagnostic(d) for d in problems]


def test_a_valid_fact_box_loads_with_unknowns_and_positions() -> None:
    group, problems = load_group(PATH, GROUP)
    assert problems == []
    assert group is not None
    assert group.facts["ideology"] is None
    assert group.current_leader is not None and group.current_leader.text("name") == "A. Leader"
    assert group.current_leader.line == 7
    assert [item.key for item in group.all_citations] == ["@a"[1:], "a", "b", "a"]
    assert group.values("designations")[0].text("date") == "2008-08-25"  # kept as written, not a date object


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "strength: unknown\n",
            "",
            "docs/data/groups/alpha.yaml:1:1: error[profile]: group lacks the required field 'strength'"
            " (write strength: unknown if no source gives it)",
        ),
        (
            'until: present, citations: ["@a"]}\nideology',
            "until: present}\nideology",
            "docs/data/groups/alpha.yaml:7:5: error[profile]: leaders item 1 ('A. Leader') has no citation"
            " (add citations: ['@key'], or write the value as unknown)",
        ),
        (
            " date: 2008-08-25,",
            "",
            "docs/data/groups/alpha.yaml:13:5: error[profile]: designations item 1 (Pakistan: proscribed organisations)"
            " has no date (add date: YYYY-MM-DD (or YYYY-MM, YYYY) as the designating body gives it)",
        ),
        (
            "date: 2008-08-25",
            "date: 2008-8-25",
            "docs/data/groups/alpha.yaml:13:58: error[profile]: invalid designations.0.date '2008-8-25'"
            " (write YYYY, YYYY-MM or YYYY-MM-DD)",
        ),
        (
            "kind: splinter-of",
            "kind: splinter",
            "docs/data/groups/alpha.yaml:15:12: error[profile]: unknown relationships.0.kind 'splinter'"
            " (did you mean 'splinter-of'?)",
        ),
        (
            "id: alpha\n",
            "id: alfa\n",
            "docs/data/groups/alpha.yaml:1:5: error[profile]: group id 'alfa' differs from the file name 'alpha.yaml'",
        ),
    ],
)
def test_fact_box_problems_are_reported_at_their_yaml_lines(old: str, new: str, message: str) -> None:
    assert old in GROUP
    _, problems = load_group(PATH, GROUP.replace(old, new))
    assert _messages(problems) == [message]


def test_a_fact_box_that_is_not_a_mapping_is_reported() -> None:
    group, problems = load_group(PATH, "- id: alpha\n")
    assert group is None
    assert _messages(problems) == [
        "docs/data/groups/alpha.yaml:1:1: error[profile]: the fact box must be a mapping of fields"
    ]


PAGE = "---\ntitle: A\n---\n\n# A\n\n" + "".join(
    f"## {title} {{#{anchor}}}\n\n" + ("<!-- data: attacks alpha -->\n\n" if anchor == "major-attacks" else "")
    for title, anchor in SECTIONS
)


def test_a_page_with_every_section_in_order_passes() -> None:
    assert check_profile_page("docs/groups/alpha.md", PAGE, "alpha") == []


def test_sections_in_code_blocks_do_not_count() -> None:
    page = PAGE.replace("## Leadership {#leadership}", "```\n## Leadership {#leadership}\n```")
    assert _messages(check_profile_page("p.md", page, "alpha")) == [
        "p.md:15:1: error[profile]: profile lacks the section 'Leadership'"
        " (add '## Leadership {#leadership}', before 'Ideology and goals')"
    ]


def test_a_misspelt_section_and_a_wrong_id_are_reported() -> None:
    page = PAGE.replace("## Major attacks {#major-attacks}", "## Major Attacks {#attacks}")
    assert _messages(check_profile_page("p.md", page, "alpha")) == [
        "p.md:21:1: error[profile]: section 'Major Attacks' must be written 'Major attacks'",
        "p.md:21:1: error[profile]: section 'Major attacks' has the id '#attacks' (write '## Major attacks {#major-attacks}')",
    ]


def test_a_duplicated_section_is_reported() -> None:
    page = PAGE + "## Overview {#overview}\n"
    assert _messages(check_profile_page("p.md", page, "alpha")) == [
        "p.md:31:1: error[profile]: section 'Overview' appears twice"
    ]


EVENTS = """\
- id: e1
  date: 2025-03-11
  title: An attack
  places: [Town]
  type: attack
  description: Something happened.
  groups: [alpha, {id: gamma, name: Gamma}]
  claimed-by:
    - {group: alpha, note: later denied, citations: ["@a"]}
  figures:
    - {what: killed, value: 26, by: ISPR, citations: ["@b"]}
    - {what: killed, value: "over 60", by: the group, citations: ["@c"]}
  citations: ["@a"]
"""


def test_events_load_and_render_with_every_figure_side_by_side() -> None:
    events, problems = load_events("docs/data/events.yaml", EVENTS)
    assert problems == []
    assert [item.key for item in events[0].all_citations] == ["a", "b", "c", "a"]
    table = render_attacks(events, "alpha", {"alpha": "AF", "gamma": "Gamma"})
    assert table.splitlines()[2] == (
        "| 11 March 2025 | **An attack** (Town). Something happened. [@a] "
        "| killed: 26 (ISPR) [@b]<br>killed: over 60 (the group) [@c] | AF (later denied) [@a] |"
    )
    assert render_attacks(events, "beta", {}) == "*The events dataset has no event that names this group yet.*"


def test_an_event_without_a_source_is_reported() -> None:
    _, problems = load_events("docs/data/events.yaml", EVENTS.replace('  citations: ["@a"]\n', "  citations: []\n"))
    assert _messages(problems) == [
        "docs/data/events.yaml:13:14: error[profile]: event 'e1' has no source (add citations: ['@key'])"
    ]


def test_event_text_is_escaped_in_tables() -> None:
    events, _ = load_events("e.yaml", EVENTS.replace("Something happened.", "'<script>x</script> | y'"))
    assert "&lt;script&gt;x&lt;/script&gt; \\| y" in render_attacks(events, "alpha", {})


@pytest.mark.parametrize(
    ("date", "shown"), [("2025", "2025"), ("2025-03", "March 2025"), ("2025-03-01", "1 March 2025")]
)
def test_dates_are_shown_at_their_precision(date: str, shown: str) -> None:
    assert render_event_date(date) == shown


def test_a_relationship_stated_by_both_groups_is_one_edge() -> None:
    alpha, _ = load_group(PATH, GROUP)
    beta_text = (
        GROUP.replace("id: alpha", "id: beta")
        .replace("kind: splinter-of, group: beta", "kind: parent-of, group: alpha")
        .replace("since: 2014", "since: 2013")
    )
    beta, problems = load_group("docs/data/groups/beta.yaml", beta_text)
    assert problems == [] and alpha is not None and beta is not None
    assert map_edges([alpha, beta]) == [Edge("splinter", "beta", "alpha", 2013)]
