"""The sources registry: schema and rules, each problem at its line."""

from __future__ import annotations

import json

import pytest

from briefbook import load_registry, render_csl_json, render_date, render_diagnostic, render_source_kinds

R = "docs/sources.yaml"
GOOD = """\
# yaml-language-server: $schema=../hooks/briefbook/schemas/sources.schema.json
- id: dawn-2025-a
  type: article-newspaper
  title: "A title"
  container-title: Dawn
  author: [{family: Khan, given: Ali}]
  issued: {date-parts: [[2025, 3, 12]]}
  URL: https://www.dawn.com/news/1
  archive: https://web.archive.org/web/2025/https://www.dawn.com/news/1
  accessed: {date-parts: [[2026, 11, 24]]}
  kind: news
  note: Supports a test.
"""


def test_a_good_entry_loads() -> None:
    registry, problems = load_registry(R, GOOD)
    assert problems == []
    source = registry.sources["dawn-2025-a"]
    assert (source.line, source.authors, source.container, source.issued, source.archive) == (
        2,
        ("Ali Khan",),
        "Dawn",
        (2025, 3, 12),
        "https://web.archive.org/web/2025/https://www.dawn.com/news/1",
    )


def test_an_undated_page_loads_and_renders_as_no_date() -> None:
    registry, problems = load_registry(R, _entry(issued=None))
    assert problems == []
    assert registry.sources["k"].issued == ()
    assert render_date(registry.sources["k"].issued) == "n.d."


def _entry(**changes: str | None) -> str:
    fields = {
        "id": "k",
        "type": "report",
        "title": "T",
        "publisher": "P",
        "issued": "{date-parts: [[2025, 3, 12]]}",
        "URL": "https://example.org/page",
        "accessed": "{date-parts: [[2026, 11, 24]]}",
        "kind": "analysis",
        "note": "N.",
    }
    fields.update(changes)
    lines = [f"  {key}: {value}" for key, value in fields.items() if value is not None]
    return "-" + "\n".join(lines)[1:] + "\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            _entry(URL='"https://example.org/x)<svg/onload=alert(1)>"'),
            [
                "docs/sources.yaml:6:31: error[unsafe-html]: raw HTML in a data file ('<svg/onload=alert(1)>') (data files hold plain text and Markdown links and emphasis; write the text without markup)",
                "docs/sources.yaml:6:8: error[registry]: invalid URL 'https://example.org/x)<svg/onload=alert(1)>'"
                " (write a full http(s):// address; percent-encode spaces, quotes, <, > and what else a URL may not hold)",
            ],
        ),
        (
            _entry(note='"See <svg onload=alert(1)>."'),
            [
                "docs/sources.yaml:9:14: error[unsafe-html]: raw HTML in a data file ('<svg onload=alert(1)>.') (data files hold plain text and Markdown links and emphasis; write the text without markup)"
            ],
        ),
        (
            _entry(note='|\n    A note.\n    {: onclick="alert(1)" }'),
            [
                "docs/sources.yaml:11:5: error[unsafe-html]: an attribute list in a data file"
                " ('{: onclick=\"alert(1)\" }') (data files hold plain text and Markdown links and emphasis; write the text without markup)"
            ],
        ),
        (_entry(note=None), ["docs/sources.yaml:1:3: error[registry]: source lacks the required field 'note'"]),
        (
            _entry(type="reportt"),
            ["docs/sources.yaml:2:9: error[registry]: unknown type 'reportt' (did you mean 'report'?)"],
        ),
        (
            _entry(kind="blog"),
            [
                "docs/sources.yaml:8:9: error[registry]: unknown kind 'blog' (expected one of: official, intergovernmental, rights-group, news, analysis, academic, reference, advocacy, group-statement)"
            ],
        ),
        (
            _entry(issued="{date-parts: [[2025, 2, 30]]}"),
            [
                "docs/sources.yaml:5:11: error[registry]: invalid date in 'issued': 2025-2-30 (date-parts are [[year, month, day]])"
            ],
        ),
        (
            _entry(accessed="{date-parts: [[2026, 13]]}"),
            [
                "docs/sources.yaml:7:13: error[registry]: invalid date in 'accessed': 2026-13 (date-parts are [[year, month, day]])"
            ],
        ),
        (
            _entry(issued="2025-03-12"),
            ["docs/sources.yaml:5:11: error[registry]: invalid issued: '2025-03-12' is not of type 'object'"],
        ),
        (
            _entry(URL="www.example.org"),
            [
                "docs/sources.yaml:6:8: error[registry]: invalid URL 'www.example.org' (write a full http(s):// address; percent-encode spaces, quotes, <, > and what else a URL may not hold)"
            ],
        ),
        (
            _entry(URL="https://localhost"),
            [
                "docs/sources.yaml:6:8: error[registry]: invalid URL 'https://localhost' (write a full http(s):// address; percent-encode spaces, quotes, <, > and what else a URL may not hold)"
            ],
        ),
        (
            _entry(id="'bad key'"),
            [
                "docs/sources.yaml:1:7: error[registry]: invalid id 'bad key' (use letters, digits and _ . : - (recommended: publisher-year-slug))"
            ],
        ),
        (
            _entry(publisher=None),
            [
                "docs/sources.yaml:1:3: error[registry]: source names none of: author, publisher, container-title (add one of 'author', 'publisher', 'container-title')"
            ],
        ),
        (
            _entry(extra="1"),
            [
                "docs/sources.yaml:1:3: error[registry]: unknown field 'extra' (expected one of: id, type, title, container-title, publisher, publisher-place, author, issued, accessed, URL, archive, page, volume, issue, DOI, language, title-translated, kind, title-supplied, note)"
            ],
        ),
        (
            _entry(title="امریکا نے"),
            [
                "docs/sources.yaml:3:10: error[registry]: title is not in English (add its language"
                " ('language: ur', a BCP 47 tag) and 'title-translated:', the title in English)"
            ],
        ),
        (
            _entry(language="it", title="Pakistan, protezione"),
            [
                "docs/sources.yaml:10:13: error[registry]: title in 'it' has no English translation"
                " (add 'title-translated:', the title in English; readers see it in brackets after the original)"
            ],
        ),
        (
            _entry(language="Urdu"),
            [
                "docs/sources.yaml:10:13: error[registry]: invalid language 'Urdu'"
                " (write the language's BCP 47 tag: ur for Urdu, fa for Persian, it for Italian)"
            ],
        ),
        (
            _entry() + _entry(title="Other"),
            ["docs/sources.yaml:10:7: error[registry]: duplicate id 'k' (first defined at line 1)"],
        ),
        (
            "- id: a\n  title: [unclosed\n",
            [
                "docs/sources.yaml:3:1: error[yaml]: the registry is not valid YAML: expected ',' or ']', but got '<stream end>'"
            ],
        ),
        ("id: a\n", ["docs/sources.yaml:1:1: error[registry]: the registry must be a list of sources"]),
        (
            _entry(note="&n N.") + _entry(id="k2", note="*n"),
            [
                "docs/sources.yaml:18:9: error[yaml]: the registry is not valid YAML:"
                " alias '*n' is not allowed; write the value out in full"
            ],
        ),
        (
            _entry() + "  title: Again\n",
            [
                "docs/sources.yaml:10:3: error[yaml]: duplicate key 'title' (first at line 3)"
                " (YAML keeps only the last value; remove or rename one of them)"
            ],
        ),
    ],
    ids=[
        "url-with-markup",
        "note-with-html",
        "note-with-attribute-list",
        "missing-field",
        "unknown-type",
        "unknown-kind",
        "invalid-day",
        "invalid-month",
        "date-not-csl",
        "url-no-scheme",
        "url-no-domain",
        "bad-id",
        "no-author",
        "unknown-field",
        "title-not-english",
        "title-untranslated",
        "language-not-a-tag",
        "duplicate-id",
        "yaml-syntax",
        "not-a-list",
        "alias",
        "duplicate-key",
    ],
)
def test_registry_problems_are_reported_at_their_line(text: str, expected: list[str]) -> None:
    _, problems = load_registry(R, text)
    assert [render_diagnostic(d) for d in problems] == expected


def test_an_alias_bomb_is_refused_at_the_first_alias_without_expanding() -> None:
    bomb = "- &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"- &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(20)
    )
    registry, problems = load_registry(R, bomb)
    assert [render_diagnostic(d) for d in problems] == [
        "docs/sources.yaml:2:7: error[yaml]: the registry is not valid YAML: alias '*a' is not allowed; write the value out in full"
    ]
    assert not registry.readable


def test_entries_with_problems_are_left_out_but_others_load() -> None:
    registry, _ = load_registry(R, _entry(id="bad", kind="blog") + _entry(id="good"))
    assert list(registry.sources) == ["good"]
    assert registry.readable


def test_an_empty_registry_is_valid() -> None:
    registry, problems = load_registry(R, "# nothing yet\n[]\n")
    assert (dict(registry.sources), problems, registry.readable) == ({}, [], True)


def test_csl_json_export_keeps_csl_fields_only() -> None:
    registry, _ = load_registry(R, GOOD)
    exported = json.loads(render_csl_json(registry))
    assert exported == [
        {
            "id": "dawn-2025-a",
            "type": "article-newspaper",
            "title": "A title",
            "container-title": "Dawn",
            "author": [{"family": "Khan", "given": "Ali"}],
            "issued": {"date-parts": [[2025, 3, 12]]},
            "URL": "https://www.dawn.com/news/1",
            "accessed": {"date-parts": [[2026, 11, 24]]},
            "note": "Supports a test.",
        }
    ]


def _good_with(**fields: str) -> str:
    lines = GOOD.splitlines()
    for key, value in fields.items():
        lines = [f"  {key}: {value}" if line.startswith(f"  {key}:") else line for line in lines]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        pytest.param(
            {"URL": "https://www.dawn.com/news/1/amp/?utm_source=rss"},
            [
                "docs/sources.yaml:8:8: error[url]: URL is not the canonical article address: AMP copy ('/amp/'); "
                "tracking parameters (utm_source) (write 'https://www.dawn.com/news/1/')"
            ],
            id="url",
        ),
        pytest.param(
            {"note": "Headline as given in the page address."},
            [
                "docs/sources.yaml:12:9: error[note]: note reads like a working note ('Headline as given'); readers see "
                "every note (say in one sentence what the source is and what the book uses it for; mark a headline "
                "you could not see with 'title-supplied: true')"
            ],
            id="working-note",
        ),
        pytest.param(
            {"note": "Date not shown in the stored copy."},
            [
                "docs/sources.yaml:12:9: error[note]: note reads like a working note ('not shown'); readers see "
                "every note (say in one sentence what the source is and what the book uses it for; mark a headline "
                "you could not see with 'title-supplied: true')"
            ],
            id="provenance-note",
        ),
        pytest.param(
            {"note": "A report; address exactly as stored."},
            [
                "docs/sources.yaml:12:9: error[note]: note reads like a working note ('as stored'); readers see "
                "every note (say in one sentence what the source is and what the book uses it for; mark a headline "
                "you could not see with 'title-supplied: true')"
            ],
            id="stored-note",
        ),
    ],
)
def test_editorial_problems_are_reported_but_the_source_still_resolves(
    fields: dict[str, str], expected: list[str]
) -> None:
    registry, problems = load_registry(R, _good_with(**fields))
    assert [render_diagnostic(d) for d in problems] == expected
    assert "dawn-2025-a" in registry.sources


@pytest.mark.parametrize("text", [GOOD, "[]\n"], ids=["entries", "empty"])
def test_csl_json_export_is_written_as_json_dumps_would_indent_it(text: str) -> None:
    exported = render_csl_json(load_registry(R, text)[0])
    assert exported == json.dumps(json.loads(exported), ensure_ascii=False, indent=2) + "\n"


def test_a_supplied_title_loads_and_exports_in_brackets() -> None:
    registry, problems = load_registry(
        R, GOOD.replace('  title: "A title"\n', "  title: A title\n  title-supplied: true\n")
    )
    assert problems == []
    assert registry.sources["dawn-2025-a"].title_supplied is True
    exported = json.loads(render_csl_json(registry))
    assert exported[0]["title"] == "[A title]"
    assert "title-supplied" not in exported[0]


@pytest.mark.parametrize(
    ("parts", "text"), [((2025, 3, 12), "12 March 2025"), ((2024, 5), "May 2024"), ((2023,), "2023"), ((), "n.d.")]
)
def test_dates_render_as_written_in_prose(parts: tuple[int, ...], text: str) -> None:
    assert render_date(parts) == text


def test_source_kinds_lists_only_the_kinds_present_with_counts() -> None:
    two = GOOD + GOOD.replace("dawn-2025-a", "dawn-2025-b").replace("# yaml-language-server", "# second")
    registry, problems = load_registry(R, two)
    assert problems == []
    table = render_source_kinds(registry, "about/editorial-policy.md").splitlines()
    assert table == [
        "| Kind | What it covers | How the book uses it | Sources |",
        "| --- | --- | --- | --- |",
        "| [News](../sources/index.md#kind-news) | Established newspapers, broadcasters and agencies, including state "
        "media, labelled as such | For reported events; single-source reports and official claims relayed by the "
        "press are attributed | 2 |",
        "| **All kinds** | | | **2** |",
    ]


def test_flow_nesting_past_the_limit_is_refused_before_parsing() -> None:
    _, problems = load_registry(R, "- id: a\n  title: " + "[" * 5000 + "\n")
    assert [render_diagnostic(d) for d in problems] == [
        "docs/sources.yaml:2:10: error[yaml]: the registry is not valid YAML:"
        " more than 100 brackets on one line; write the list or mapping as a block"
    ]


@pytest.mark.parametrize(
    ("text", "where", "name"),
    [
        ("- id: a\r  title: x\n", "1:8", "a carriage return without a line feed"),
        ("- id: a\n  title: 'x\u2028y'\n", "2:12", "a line separator (U+2028)"),
    ],
)
def test_a_line_break_that_only_yaml_counts_is_refused_where_it_is(text: str, where: str, name: str) -> None:
    """YAML breaks lines at a lone CR, NEL and U+2028/2029; the book's positions do not, so the file is refused."""
    _, found = load_registry("docs/sources.yaml", text)
    assert [render_diagnostic(d) for d in found] == [
        f"docs/sources.yaml:{where}: error[yaml]: the registry is not valid YAML: "
        f"{name} breaks the line for YAML only; write line breaks as LF (or CRLF)"
    ]
    assert load_registry("docs/sources.yaml", text.replace("\r", "\n").replace("\u2028", " "))[1] != found
