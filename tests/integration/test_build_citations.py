"""Real builds with citations: rendering, the Sources page, CSL-JSON and every defect."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from conftest import MKDOCS, ROOT, make_site, run

if TYPE_CHECKING:
    from pathlib import Path

UNCITED_HINT = (
    "(cite a source, e.g. [@key], or mark a reviewed exception with <!-- uncited: reason --> on the line before)"
)
CITATION_DEFECTS = [
    "docs/index.md:9:39: error[cite]: unknown source '@dawn-2025-trian': not in docs/sources.yaml (did you mean '@dawn-2025-train'?)",
    "docs/index.md:10:13: error[cite-syntax]: no key after '@' in '[@]' (write the key right after '@', as in [@dawn-2025-slug])",
    "docs/index.md:10:18: error[cite-syntax]: no key after '@' in '[@ key]' (write the key right after '@', as in [@dawn-2025-slug])",
    "docs/index.md:10:44: error[cite-syntax]: empty item in citation marker '[@dawn-2025-train;]' (remove the extra ';')",
    "docs/index.md:10:51: error[cite-syntax]: unexpected 'p. 4' after the key in '[@dawn-2025-train p. 4]' (separate a locator with a comma, as in [@key, p. 12])",
    f"docs/index.md:13:20: error[uncited]: figure '2025' has no citation {UNCITED_HINT}",
    f"docs/index.md:17:14: error[uncited]: figure '26' has no citation {UNCITED_HINT}",
    "docs/index.md:19:1: error[data]: unknown data placeholder 'timelines'"
    " (did you mean 'timeline'? known: sources, claims, source-kinds, group ID, attacks ID, groups-comparison,"
    " groups-map, timeline, timeline-columns, glossary, codes)",
    "docs/index.md:21:10: error[cite-syntax]: unclosed citation marker (close it with ']')",
    f"docs/index.md:21:17: error[uncited]: figure '2025' has no citation {UNCITED_HINT}",
    "docs/sources.yaml:10: error[unused-source]: source 'unused-2024' is cited by no page (cite it where it supports the text, or remove it)",
    "docs/sources.yaml:19:7: error[registry]: duplicate id 'dawn-2025-train' (first defined at line 1)",
    "docs/sources.yaml:23:11: error[registry]: invalid date in 'issued': 2025-2-30 (date-parts are [[year, month, day]])",
    "docs/sources.yaml:26:9: error[registry]: unknown kind 'newspaper' (did you mean 'news'?)",
    "docs/sources.yaml:28:3: error[registry]: source lacks the required field 'URL'",
    "docs/sources.yaml:29:9: error[registry]: unknown type 'reportt' (did you mean 'report'?)",
]


def test_every_citation_defect_fails_the_build(build) -> None:
    result = build("citation-defects", "--strict", "-q")
    assert result.lines() == CITATION_DEFECTS
    assert "briefbook: 16 errors, 0 warnings" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.code == 1


def test_standalone_check_reports_the_same_citation_defects(tmp_path: Path) -> None:
    site = make_site("citation-defects", tmp_path)
    result = run([str(ROOT / ".venv" / "bin" / "briefbook"), "check"], cwd=site)
    assert result.stdout.splitlines() == CITATION_DEFECTS
    assert result.code == 1


def test_malformed_registry_yaml_is_reported_at_its_line(tmp_path: Path) -> None:
    site = make_site("citations", tmp_path)
    (site / "docs" / "sources.yaml").write_text("- id: a\n  title: [unclosed\n  kind: news\n", encoding="utf-8")
    result = run([*MKDOCS, "build", "--strict"], cwd=site)
    assert result.lines() == [
        "docs/sources.yaml:3:7: error[yaml]: the registry is not valid YAML: expected ',' or ']', but got ':'"
    ]
    assert "Traceback" not in result.stderr
    assert result.code == 1


def test_aliases_and_duplicate_keys_in_the_registry_fail_build_and_check_alike(tmp_path: Path) -> None:
    site = make_site("citations", tmp_path)
    registry = site / "docs" / "sources.yaml"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(text.replace('  title: "A train report"\n', '  title: "A train report"\n  title: Again\n', 1))
    expected = [
        "docs/sources.yaml:5:3: error[yaml]: duplicate key 'title' (first at line 4)"
        " (YAML keeps only the last value; remove or rename one of them)"
    ]
    built = run([*MKDOCS, "build", "--strict"], cwd=site)
    checked = run([str(ROOT / ".venv" / "bin" / "briefbook"), "check"], cwd=site)
    assert (built.lines(), built.code) == (expected, 1)
    assert (checked.stdout.splitlines(), checked.code) == (expected, 1)
    registry.write_text(
        text.replace("  kind: news\n", "  kind: &k news\n", 1).replace("  kind: rights-group\n", "  kind: *k\n", 1)
    )
    built = run([*MKDOCS, "build", "--strict"], cwd=site)
    assert built.lines() == [
        "docs/sources.yaml:20:9: error[yaml]: the registry is not valid YAML: alias '*k' is not allowed; write the value out in full"
    ]
    assert "Traceback" not in built.stderr
    assert built.code == 1


def test_markers_render_as_numbered_references_with_back_links(tmp_path: Path) -> None:
    site = make_site("citations", tmp_path)
    result = run([*MKDOCS, "build", "--strict"], cwd=site)
    assert result.code == 0, result.stderr
    assert "docs/index.md:19: note[uncited]: reviewed opt-out: a date used as a label, no claim" in result.stderr
    assert "briefbook: 1 reviewed opt-out from the uncited-figure rule" in result.stderr
    html = (site / "site" / "index.html").read_text(encoding="utf-8")
    # Same source and locator: one number, reused, with a back-link for each use.
    refs = re.findall(r'<a class="footnote-ref" href="#fn:(cite-\d+)">(\d+)</a>', html)
    assert refs == [
        ("cite-1", "1"),
        ("cite-2", "2"),
        ("cite-1", "1"),
        ("cite-2", "2"),
        ("cite-1", "1"),
        ("cite-1", "1"),
    ]
    assert html.count('href="#fnref') == 6
    assert '<h2 id="references">References' in html
    assert (
        '<li id="fn:cite-2">\n<p>Jane Doe, <em>A rights report</em>, Human Rights Watch, May 2024, '
        '<a href="https://www.hrw.org/report/1">hrw.org</a> '
        '(<a href="https://web.archive.org/web/2024/https://www.hrw.org/report/1">archived copy</a>), p. 12. '
        '<a href="sources/#hrw-2024-report">Source entry</a>'
    ) in html
    assert "[@not-a-key]" in html and "a@b.org" in html and "[@escaped]" in html


def test_sources_page_lists_every_source_with_cited_in_links(tmp_path: Path) -> None:
    site = make_site("citations", tmp_path)
    assert run([*MKDOCS, "build", "--strict"], cwd=site).code == 0
    html = (site / "site" / "sources" / "index.html").read_text(encoding="utf-8")
    assert html.index('id="kind-rights-group"') < html.index('id="kind-news"')
    assert '<div class="bb-source" id="dawn-2025-train">' in html
    assert (
        '<p>Cited in: <a href="../#train">Home › The train</a>, '
        '<a href="../#disappearances">Home › Disappearances</a>, '
        '<a href="../claims/#train-passengers">Claims register › Claim 1</a>, '
        '<a href="../claims/#cases-counted">Claims register › Claim 2</a>.</p>'
    ) in html
    exported = json.loads((site / "site" / "sources.json").read_text(encoding="utf-8"))
    assert [item["id"] for item in exported] == ["dawn-2025-train", "hrw-2024-report"]
    assert "kind" not in exported[0] and exported[0]["URL"] == "https://www.dawn.com/news/1"


def test_a_skipped_placeholder_is_noticed(tmp_path: Path) -> None:
    # If the hook did not run, the placeholder comment would reach the page unexpanded.
    site = make_site("citations", tmp_path)
    assert run([*MKDOCS, "build", "--strict"], cwd=site).code == 0
    for page in (site / "site").rglob("*.html"):
        assert "<!-- data:" not in page.read_text(encoding="utf-8"), page


def test_the_claims_register_renders_verdicts_and_references(tmp_path: Path) -> None:
    site = make_site("citations", tmp_path)
    assert run([*MKDOCS, "build", "--strict"], cwd=site).code == 0
    html = (site / "site" / "claims" / "index.html").read_text(encoding="utf-8")
    assert '<h3 id="train-passengers">Claim 1: The train carried about four hundred passengers.' in html
    assert "<strong>Verdict: disputed</strong> · commentary paragraph 3" in html
    assert "<td>Supported</td>\n<td>1</td>" in html
    assert 'para. 4. <a href="../sources/#dawn-2025-train">Source entry</a>' in html


def test_claims_problems_are_reported_in_the_data_file(tmp_path: Path) -> None:
    site = make_site("citations", tmp_path)
    claims = site / "docs" / "data" / "claims.yaml"
    text = claims.read_text(encoding="utf-8")
    text = text.replace("verdict: supported", "verdict: mostly true").replace(
        '"@dawn-2025-train"]', '"@dawn-2025-tran"]'
    )
    claims.write_text(
        text + "- id: train-passengers\n  claim: Again.\n  where: 0\n  verdict: supported\n"
        "  assessment: A.\n  citations: [dawn-2025-train]\n",
        encoding="utf-8",
    )
    result = run([*MKDOCS, "build", "--strict"], cwd=site)
    assert result.lines() == [
        "docs/data/claims.yaml:5:12: error[claims]: unknown verdict 'mostly true' (expected one of: supported, partly supported, disputed, unsupported, incorrect)",
        "docs/data/claims.yaml:14:35: error[cite]: unknown source '@dawn-2025-tran': not in docs/sources.yaml (did you mean '@dawn-2025-train'?)",
        "docs/data/claims.yaml:15:7: error[claims]: duplicate claim id 'train-passengers' (first used at line 2)",
        "docs/data/claims.yaml:17:10: error[claims]: invalid where: 0 is less than the minimum of 1",
        "docs/data/claims.yaml:20:15: error[claims]: invalid citations.0 'dawn-2025-train' (write '@key' or '@key, p. 12')",
    ]
    assert result.code == 1


WORDING_HINT = "(quote and attribute it, reword it, or add <!-- wording: reason --> on the line before)"
NOTE_HINT = (
    "(say in one sentence what the source is and what the book uses it for; "
    "mark a headline you could not see with 'title-supplied: true')"
)
EDITORIAL_DEFECTS = [
    "docs/index.md:11:5: error[wording]: 'terrorists' in the book's own voice: a designators' label; quote it "
    + WORDING_HINT,
    f"docs/index.md:13:8: warning[wording]: 'crackdown' in the book's own voice: one side's word {WORDING_HINT}",
    f"docs/sources.yaml:1: warning[wording]: 'crackdown' in 'note' in the book's own voice: one side's word {WORDING_HINT}",
    "docs/sources.yaml:6:8: error[url]: URL is not the canonical article address: AMP copy ('/amp/') "
    "(write 'https://www.dawn.com/news/1/')",
    "docs/sources.yaml:16:8: error[url]: URL is not the canonical article address: explicit default port ':443'; "
    "tracking parameters (utm_source); fragment ('#top') (write 'https://www.app.com.pk/national/x/')",
    "docs/sources.yaml:19:9: error[note]: note reads like a working note ('Headline as given'); readers see every "
    f"note {NOTE_HINT}",
    "docs/sources.yaml:25:8: error[url]: URL is not the canonical article address: another host's name in the "
    "path ('/i.dawn.com') (write 'https://www.state.gov/x')",
]
EDITORIAL_SUMMARY = [
    "docs/index.md:17: note[wording]: reviewed opt-out: the name of a Pakistani court, which the book uses as written",
    "briefbook: 1 reviewed opt-out from the wording check",
    "briefbook: 5 errors, 2 warnings",
]


def test_wording_urls_and_notes_are_checked_in_the_build(build) -> None:
    result = build("editorial-defects", "--strict", "-q")
    assert result.lines() == EDITORIAL_DEFECTS
    assert all(line in result.stderr.splitlines() for line in EDITORIAL_SUMMARY)
    assert "Traceback" not in result.stderr
    assert result.code == 1


def test_standalone_check_reports_the_same_editorial_defects(tmp_path: Path) -> None:
    site = make_site("editorial-defects", tmp_path)
    result = run([str(ROOT / ".venv" / "bin" / "briefbook"), "check"], cwd=site)
    assert result.stdout.splitlines() == EDITORIAL_DEFECTS
    assert result.stderr.splitlines() == EDITORIAL_SUMMARY
    assert result.code == 1


def test_warnings_alone_do_not_fail_the_build(tmp_path: Path) -> None:
    site = make_site("editorial-defects", tmp_path)
    docs = site / "docs"
    page = (docs / "index.md").read_text(encoding="utf-8").replace("The terrorists were", 'The "terrorists" were')
    (docs / "index.md").write_text(page, encoding="utf-8")
    registry = (docs / "sources.yaml").read_text(encoding="utf-8")
    registry = registry.replace("/news/1/amp/", "/news/1/").replace(
        ":443/national/x/?utm_source=rss#top", "/national/x/"
    )
    registry = registry.replace("/x/i.dawn.com", "/x").replace("Headline as given in the page address.", "A report.")
    (docs / "sources.yaml").write_text(registry, encoding="utf-8")
    result = run([*MKDOCS, "build", "--strict", "-q"], cwd=site)
    assert result.lines() == EDITORIAL_DEFECTS[1:3]
    assert result.code == 0
    html = (site / "site" / "index.html").read_text(encoding="utf-8")
    assert "[A report whose headline was not seen]" in html
    assert "<em>A report whose headline was not seen</em>" not in html


def test_a_citation_that_markdown_leaves_as_written_is_reported_where_it_is(tmp_path: Path) -> None:
    """In a <figure markdown>, a <figcaption> without markdown stays raw: its marker would show as '[^cite-N]'."""
    site = make_site("citations", tmp_path)
    page = site / "docs" / "index.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + "\n<figure markdown>\n![A map](map.png)\n<figcaption>The area the report covers [@hrw-2024-report, p. 3].</figcaption>\n</figure>\n"
        + '\n<figure markdown>\n![A map](map.png)\n<figcaption markdown="span">Rendered [@hrw-2024-report, p. 4].</figcaption>\n</figure>\n',
        encoding="utf-8",
    )
    (site / "docs" / "map.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = run([*MKDOCS, "build", "--strict", "-q"], cwd=site)
    line = (
        page.read_text(encoding="utf-8")
        .splitlines()
        .index("<figcaption>The area the report covers [@hrw-2024-report, p. 3].</figcaption>")
        + 1
    )
    assert result.lines() == [
        f"docs/index.md:{line}:41: error[cite]: citation '@hrw-2024-report' is inside HTML that Markdown leaves as written;"
        ' readers would see \'[^cite-3]\' (write markdown="span" on the element around it (<figcaption markdown="span">),'
        " or move the citation)"
    ]
    assert result.code == 1
    check = run([str(ROOT / ".venv" / "bin" / "briefbook"), "check"], cwd=site)
    assert (check.code, check.stdout.splitlines()) == (1, result.lines())  # the standalone check says the same
