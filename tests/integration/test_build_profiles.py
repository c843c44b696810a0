"""Real builds with group profiles: fact boxes, attacks tables, the comparison table, the map, every defect."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from conftest import MKDOCS, ROOT, make_site, run

if TYPE_CHECKING:
    from pathlib import Path

ORDER = (
    "the sections are, in order: Overview, Origins and evolution, Leadership, Ideology and goals, "
    "Structure and strength, Areas and operations, Tactics and targets, Major attacks, Relationships, "
    "State response and designations, Sources"
)
PROFILE_DEFECTS = [
    "docs/data/events.yaml:30:7: error[profile]: figure 'injured: 3' (by A Paper) has no source"
    " (add citations: ['@key'] naming where it was reported)",
    "docs/data/groups/alpha.yaml:13:5: error[profile]: leaders item 1 ('A. Leader') has no citation"
    " (add citations: ['@key'], or write the value as unknown)",
    "docs/data/groups/alpha.yaml:36:5: error[profile]: designations item 1"
    " (United Nations Security Council: 1267 sanctions list) has no date"
    " (add date: YYYY-MM-DD (or YYYY-MM, YYYY) as the designating body gives it)",
    "docs/data/groups/beta.yaml:23:5: error[profile]: relationship names group 'gama', which has no profile"
    " and no event (did you mean 'gamma'?)",
    "docs/data/groups/delta.yaml:1:1: error[profile]: group lacks the required field 'strength'"
    " (write strength: unknown if no source gives it)",
    "docs/groups/alpha.md:23:1: error[profile]: section 'Leadership' is out of order:"
    f" it must come before 'Ideology and goals' ({ORDER})",
    "docs/groups/beta.md:11:1: error[profile]: section 'Overview' has no explicit id (write '## Overview {#overview}')",
    "docs/groups/beta.md:35:1: error[profile]: profile lacks the section 'Tactics and targets'"
    " (add '## Tactics and targets {#tactics-and-targets}', before 'Major attacks')",
    "docs/groups/beta.md:35:1: error[profile]: the Major attacks section does not show the events table"
    " (add the line '<!-- data: attacks beta -->' under it)",
    "docs/groups/index.md:19:1: error[profile]: no fact box for group 'zeta' (did you mean 'beta'?)",
]


def _html(site: Path, page: str) -> str:
    return (site / "site" / page).read_text(encoding="utf-8")


def test_profiles_render_fact_boxes_attacks_comparison_and_map(tmp_path: Path) -> None:
    site = make_site("profiles", tmp_path)
    result = run([*MKDOCS, "build", "--strict"], cwd=site)
    assert (result.code, result.lines()) == (0, [])
    alpha = _html(site, "groups/alpha/index.html")
    assert '<div class="admonition abstract bb-factbox" id="fact-box">' in alpha
    assert re.search(r"<dd>3,000 \(UN Monitoring Team, 2019\) <sup id=\"fnref[^\"]*\"><a class=\"footnote-ref\"", alpha)
    assert "<dd>5,000 (A Think Tank, 2020) <sup" in alpha
    assert "<dd>United Nations Security Council: 1267 sanctions list, 29 July 2011 <sup" in alpha
    assert '<dd>Parent of <a href="../beta/">BB</a> (2021–present) <sup' in alpha
    beta = _html(site, "groups/beta/index.html")
    assert "<dt>Leaders</dt>\n<dd>unknown</dd>" in beta
    assert "<td>May 2021</td>" in beta
    assert re.search(r"killed: 12 \(the police\) <sup[^>]*>.*?<br>killed: at least 15 \(A Paper\) <sup", beta)
    index = _html(site, "groups/index.html")
    assert '<td><a href="alpha/#leadership">A. Leader</a></td>' in index
    assert '<td><a href="alpha/#structure-and-strength">5,000 (A Think Tank, 2020)</a></td>' in index
    assert (
        '<td><a href="alpha/#state-response-and-designations">United Nations Security Council (2011)</a></td>' in index
    )
    assert '<td><a href="beta/#origins-and-evolution">2021</a></td>' in index
    assert "<svg" in index and "<script" not in index.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert "<title>BB split from AF (2021)</title>" in index
    assert ">Gamma Group</text>" in index
    assert '<td><a href="beta/">BB</a></td>\n<td>ally of</td>\n<td>Gamma Group</td>\n<td>years unknown</td>' in index
    sources = _html(site, "sources/index.html")
    assert '<a href="../groups/alpha/#fact-box">Alpha Front › Fact box</a>' in sources
    assert '<a href="../groups/beta/#major-attacks">Beta Brigade › Major attacks</a>' in sources
    for page in (site / "site").rglob("*.html"):
        assert "<!-- data:" not in page.read_text(encoding="utf-8"), page


def test_changing_a_fact_box_changes_the_comparison_table_and_the_map(tmp_path: Path) -> None:
    site = make_site("profiles", tmp_path)
    facts = site / "docs" / "data" / "groups" / "alpha.yaml"
    text = facts.read_text(encoding="utf-8")
    text = text.replace("  - name: A. Leader\n", "  - name: B. Leader\n")
    text = text.replace(
        "reviewed: 2026-11-24",
        "  - kind: rival\n    group: gamma\n    since: 2023\n    until: present\n"
        '    citations: ["@paper-2021-beta"]\nreviewed: 2026-11-24',
    )
    facts.write_text(text, encoding="utf-8")
    result = run([*MKDOCS, "build", "--strict"], cwd=site)
    assert (result.code, result.lines()) == (0, [])
    index = _html(site, "groups/index.html")
    assert '<td><a href="alpha/#leadership">B. Leader</a></td>' in index
    assert "A. Leader" not in index
    assert "<title>AF and Gamma Group: rivals (2023)</title>" in index
    assert '<td><a href="alpha/">AF</a></td>\n<td>rival of</td>\n<td>Gamma Group</td>\n<td>2023–present</td>' in index


def test_every_profile_defect_fails_the_build(build) -> None:
    result = build("profile-defects", "--strict", "-q")
    assert result.lines() == PROFILE_DEFECTS
    assert "briefbook: 10 errors, 0 warnings" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.code == 1


def test_standalone_check_reports_the_same_profile_defects(tmp_path: Path) -> None:
    site = make_site("profile-defects", tmp_path)
    result = run([str(ROOT / ".venv" / "bin" / "briefbook"), "check"], cwd=site)
    assert result.stdout.splitlines() == PROFILE_DEFECTS
    assert result.code == 1


def test_a_malformed_fact_box_is_reported_at_its_line(tmp_path: Path) -> None:
    site = make_site("profiles", tmp_path)
    (site / "docs" / "data" / "groups" / "beta.yaml").write_text("id: beta\nname: [unclosed\n", encoding="utf-8")
    result = run([*MKDOCS, "build", "--strict"], cwd=site)
    assert result.lines() == [
        "docs/data/groups/beta.yaml:3:1: error[yaml]: the fact box is not valid YAML:"
        " expected ',' or ']', but got '<stream end>'"
    ]
    assert "Traceback" not in result.stderr
    assert result.code == 1
