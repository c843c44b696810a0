"""Citation markers: parsing, key checks, the uncited-figure rule and rendering."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefbook import (
    CiteSite,
    Code,
    Diagnostic,
    Registry,
    Source,
    check_keys,
    check_uncited,
    check_unused,
    cite_sites,
    find_placeholders,
    parse_markers,
    render_citations,
    render_diagnostic,
    render_reference,
    render_sources_page,
)

P = "docs/p.md"


def _source(key: str, **fields: object) -> Source:
    values: dict[str, object] = {
        "id": key,
        "type": "article-newspaper",
        "title": f"Title of {key}",
        "url": f"https://www.example.org/{key}",
        "kind": "news",
        "note": "Supports a test.",
        "line": 1,
        "container": "Dawn",
        "issued": (2025, 3, 12),
        "accessed": (2026, 11, 24),
    }
    values.update(fields)
    return Source(**values)  # type: ignore[arg-type]


REGISTRY = Registry("docs/sources.yaml", {k: _source(k) for k in ("dawn-2025-a", "hrw-2024-b", "x.y:z_1")})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("See [@dawn-2025-a].", [("dawn-2025-a", None, None, 1, 6)]),
        ("[@dawn-2025-a, p. 12]", [("dawn-2025-a", "p. 12", None, 1, 2)]),
        ("[see @hrw-2024-b, pp. 3-5]", [("hrw-2024-b", "pp. 3-5", "see", 1, 6)]),
        (
            "[@dawn-2025-a; see @hrw-2024-b, para. 3]",
            [("dawn-2025-a", None, None, 1, 2), ("hrw-2024-b", "para. 3", "see", 1, 20)],
        ),
        ("[-@dawn-2025-a]", [("dawn-2025-a", None, None, 1, 2)]),
        ("Key with punctuation [@x.y:z_1].", [("x.y:z_1", None, None, 1, 23)]),
        ("line one\n  two [@hrw-2024-b]", [("hrw-2024-b", None, None, 2, 8)]),
        ("caf\u00e9 [@dawn-2025-a]", [("dawn-2025-a", None, None, 1, 7)]),
        ("crlf\r\n[@dawn-2025-a]", [("dawn-2025-a", None, None, 2, 2)]),
        ("A list follows [@dawn-2025-a]:", [("dawn-2025-a", None, None, 1, 17)]),
    ],
    ids=[
        "plain",
        "locator",
        "prefix",
        "several",
        "suppress-author",
        "punctuation",
        "second-line",
        "non-ascii",
        "crlf",
        "before-colon",
    ],
)
def test_markers_are_parsed_with_positions(text: str, expected: list[tuple[object, ...]]) -> None:
    markers, problems = parse_markers(P, text)
    items = [(i.key, i.locator, i.prefix, i.line, i.col) for m in markers for i in m.items]
    assert problems == []
    assert items == expected


@pytest.mark.parametrize(
    "text",
    [
        "`[@dawn-2025-a]`",
        "``[@dawn-2025-a]``",
        "```\n[@dawn-2025-a]\n```",
        "<!-- [@dawn-2025-a] -->",
        "\\[@dawn-2025-a]",
        "mail [editor@example.org] or a@b.org",
        "a handle @dawn-2025-a outside brackets",
        "[see @dawn-2025-a](https://example.org/@x)",
        "[text][@ref]",
        "[@ref]: https://example.org/",
        "   [@ref]: https://example.org/",
        "[^1] footnote",
        "---\ntitle: '[@dawn-2025-a]'\n---\n",
    ],
    ids=[
        "code",
        "double-code",
        "fenced",
        "comment",
        "escaped",
        "email",
        "bare-handle",
        "link-text",
        "reference-link",
        "reference-definition",
        "indented-reference-definition",
        "footnote",
        "front-matter",
    ],
)
def test_things_that_are_not_markers(text: str) -> None:
    assert parse_markers(P, text) == ([], [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "[@]",
            "docs/p.md:1:2: error[cite-syntax]: no key after '@' in '[@]' (write the key right after '@', as in [@dawn-2025-slug])",
        ),
        (
            "[@ key]",
            "docs/p.md:1:2: error[cite-syntax]: no key after '@' in '[@ key]' (write the key right after '@', as in [@dawn-2025-slug])",
        ),
        (
            "[@dawn-2025-a;]",
            "docs/p.md:1:15: error[cite-syntax]: empty item in citation marker '[@dawn-2025-a;]' (remove the extra ';')",
        ),
        ("[@a; plain]", "docs/p.md:1:6: error[cite-syntax]: item 'plain' of '[@a; plain]' cites no @key"),
        (
            "[@a p. 4]",
            "docs/p.md:1:2: error[cite-syntax]: unexpected 'p. 4' after the key in '[@a p. 4]' (separate a locator with a comma, as in [@key, p. 12])",
        ),
        (
            "[@a, ]",
            "docs/p.md:1:2: error[cite-syntax]: empty locator in '[@a, ]' (write the locator after the comma, or drop the comma)",
        ),
        ("text [@dawn-2025-a", "docs/p.md:1:6: error[cite-syntax]: unclosed citation marker (close it with ']')"),
        (
            "[@a!b]",
            "docs/p.md:1:2: error[cite-syntax]: unexpected '!b' after the key in '[@a!b]' (separate a locator with a comma, as in [@key, p. 12])",
        ),
        (
            "[@a.]",
            "docs/p.md:1:2: error[cite-syntax]: unexpected '.' after the key in '[@a.]' (separate a locator with a comma, as in [@key, p. 12])",
        ),
    ],
    ids=[
        "empty-key",
        "space-after-at",
        "empty-item",
        "item-without-key",
        "locator-without-comma",
        "empty-locator",
        "unclosed",
        "bad-key-char",
        "trailing-dot",
    ],
)
def test_malformed_markers_are_reported(text: str, expected: str) -> None:
    markers, problems = parse_markers(P, text)
    assert markers == []
    assert [render_diagnostic(d) for d in problems] == [expected]


def test_unknown_keys_are_reported_with_a_close_match() -> None:
    markers, _ = parse_markers(P, "[@dawn-2025-b; @dawn-2025-a; @zzz]")
    assert [render_diagnostic(d) for d in check_keys(P, [i for m in markers for i in m.items], REGISTRY)] == [
        "docs/p.md:1:2: error[cite]: unknown source '@dawn-2025-b': not in docs/sources.yaml (did you mean '@dawn-2025-a'?)",
        "docs/p.md:1:30: error[cite]: unknown source '@zzz': not in docs/sources.yaml",
    ]


def test_keys_are_not_checked_against_an_unreadable_registry() -> None:
    markers, _ = parse_markers(P, "[@anything]")
    assert check_keys(P, markers[0].items, Registry("docs/sources.yaml", {}, readable=False)) == []


def test_unused_sources_are_reported_at_their_line() -> None:
    registry = Registry("docs/sources.yaml", {"a": _source("a", line=4), "b": _source("b", line=14)})
    assert check_unused(registry, ["a"]) == [
        Diagnostic(
            "docs/sources.yaml",
            14,
            None,
            Code.UNUSED_SOURCE,
            "source 'b' is cited by no page",
            "cite it where it supports the text, or remove it",
        ),
    ]


def _uncited(text: str) -> tuple[list[tuple[int, int | None, str]], list[tuple[int, str]]]:
    markers, _ = parse_markers(P, text)
    problems, opt_outs = check_uncited(P, text, markers)
    return [(d.line, d.col, d.message) for d in problems], [(o.line, o.reason) for o in opt_outs]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The toll was 26.", [(1, 14, "figure '26' has no citation")]),
        ("The toll was 26 [@dawn-2025-a].", []),
        ("First line\nsecond line with 1,200 people.", [(2, 18, "figure '1,200' has no citation")]),
        ("- item one\n- item 2 here", [(2, 8, "figure '2' has no citation")]),
        ("1. numbered item\n2. another", []),
        ("| Head 2025 | B |\n| --- | --- |\n| row | 44% |", [(3, 9, "figure '44' has no citation")]),
        ("| A | B |\n| --- | --- |\n| row | 44 [@dawn-2025-a] |", []),
        ("## Heading 2025\n\nNo digits here.", []),
        ('A [link](page-2025.md) and <span id="x1">x</span>{#id2}.', []),
        ("`code 2025` and <!-- 2025 -->", []),
        ("Note[^1].\n\n[^1]: Footnote from 2025.", [(3, 21, "figure '2025' has no citation")]),
        ('!!! note "Since 2019"\n    Text without digits.', []),
    ],
    ids=[
        "paragraph",
        "cited",
        "continuation",
        "list-item",
        "list-numbers",
        "table-row",
        "table-cited",
        "heading",
        "markup",
        "code-and-comment",
        "footnote",
        "admonition-title",
    ],
)
def test_uncited_figures(text: str, expected: list[tuple[int, int | None, str]]) -> None:
    problems, opt_outs = _uncited(text)
    assert problems == expected
    assert opt_outs == []


def test_a_reviewed_opt_out_exempts_the_next_unit_only() -> None:
    text = "<!-- uncited: a label, not a claim -->\nSection 3 of the act.\n\nBut 4 more."
    assert _uncited(text) == ([(4, 5, "figure '4' has no citation")], [(1, "a label, not a claim")])


def test_an_opt_out_needs_a_reason() -> None:
    assert _uncited("<!-- uncited: -->\nSection 3.") == ([(2, 9, "figure '3' has no citation")], [])


def test_placeholders_are_found_with_positions() -> None:
    assert find_placeholders("# T\n\n<!-- data: sources -->\n  <!-- data:timeline -->\n") == [
        ("sources", 3, 1),
        ("timeline", 4, 3),
    ]


def test_cite_sites_name_the_section_and_its_id() -> None:
    text = "# Page\n\nIntro [@dawn-2025-a].\n\n## The `train` {#train}\n\nText [@dawn-2025-a; @hrw-2024-b].\n\n## Second part\n\n[@hrw-2024-b]"
    markers, _ = parse_markers(P, text)
    sites = cite_sites("groups/p.md", "P", text, markers, lambda s: s.lower().replace(" ", "-"))
    assert sites == {
        "dawn-2025-a": [
            CiteSite("groups/p.md", "P", "Page", "page"),
            CiteSite("groups/p.md", "P", "The train", "train"),
        ],
        "hrw-2024-b": [
            CiteSite("groups/p.md", "P", "The train", "train"),
            CiteSite("groups/p.md", "P", "Second part", "second-part"),
        ],
    }


def test_markers_become_footnotes_numbered_by_source_and_locator() -> None:
    text = "A [@dawn-2025-a]. B [see @hrw-2024-b, p. 2; @dawn-2025-a]. C [@hrw-2024-b, p. 3]. D [@unknown]."
    out = render_citations(text, REGISTRY, "groups/p.md")
    body, _, refs = out.partition("## References {#references}")
    assert (
        body.rstrip() == 'A [^cite-1]. B [^cite-2]<sup class="bb-ref-sep">,</sup>[^cite-1]. C [^cite-3]. D [@unknown].'
    )
    assert refs.splitlines()[2] == "///Footnotes Go Here///"
    assert refs.splitlines()[4].startswith("[^cite-1]: Dawn, *Title of dawn-2025-a*, 12 March 2025, ")
    assert refs.splitlines()[5].endswith(", p. 2. [Source entry](../sources/index.md#hrw-2024-b)")
    assert refs.splitlines()[6].endswith(", p. 3. [Source entry](../sources/index.md#hrw-2024-b)")


def test_a_page_without_markers_is_left_alone() -> None:
    assert render_citations("No citations, `[@dawn-2025-a]`.", REGISTRY, "p.md") == "No citations, `[@dawn-2025-a]`."


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, "Dawn, *Title of k*, 12 March 2025, [example.org](<https://www.example.org/k>). [Source entry](e)"),
        (
            {"authors": ("Jane Doe", "Ali Khan"), "issued": (2024, 5)},
            "Jane Doe, Ali Khan, *Title of k*, Dawn, May 2024, [example.org](<https://www.example.org/k>). [Source entry](e)",
        ),
        (
            {
                "container": None,
                "publisher": "Human Rights Watch",
                "issued": (2024,),
                "archive": "https://web.archive.org/x",
            },
            "Human Rights Watch, *Title of k*, 2024, [example.org](<https://www.example.org/k>) ([archived copy](<https://web.archive.org/x>)). [Source entry](e)",
        ),
        (
            {"title": "A *starred* [title]"},
            "Dawn, *A \\*starred\\* \\[title\\]*, 12 March 2025, [example.org](<https://www.example.org/k>). [Source entry](e)",
        ),
        (
            {"title": "Report on the ban", "title_supplied": True},
            "Dawn, \\[Report on the ban\\], 12 March 2025, [example.org](<https://www.example.org/k>). [Source entry](e)",
        ),
        (
            {"title": "Q&A: <svg onload=alert(1)>"},
            "Dawn, *Q&amp;A: &lt;svg onload=alert(1)&gt;*, 12 March 2025, [example.org](<https://www.example.org/k>)."
            " [Source entry](e)",
        ),
        (
            {"title": "Title\n{: onclick=alert(1) }"},
            "Dawn, *Title \\{: onclick=alert(1) \\}*, 12 March 2025, [example.org](<https://www.example.org/k>)."
            " [Source entry](e)",
        ),
        (
            {"title": "جعفر ایکسپریس", "language": "ur", "title_translated": "Jaffar Express"},
            '<span lang="ur" dir="auto">جعفر ایکسپریس</span>* \\[Jaffar Express\\], 12 March 2025,',
        ),
        (
            {"title": "Statement on the ban", "title_supplied": True, "language": "ur"},
            "Dawn, \\[Statement on the ban\\] (in Urdu), 12 March 2025,",
        ),
    ],
    ids=[
        "outlet",
        "authors",
        "publisher-archive",
        "escaped-title",
        "supplied-title",
        "html-title",
        "attribute-list",
        "translated-title",
        "supplied-title-in-urdu",
    ],
)
def test_reference_text(fields: dict[str, object], expected: str) -> None:
    rendered = render_reference(_source("k", **fields), None, "e")
    assert rendered == expected or (expected.endswith(",") and expected in rendered)


def test_sources_page_groups_by_kind_and_sorts() -> None:
    registry = Registry(
        "r",
        {
            "b": _source("b", container="Zeta"),
            "a": _source("a", container="Alpha"),
            "h": _source("h", kind="rights-group", container=None, publisher="HRW"),
        },
    )
    sites = {"a": [CiteSite("groups/bla.md", "BLA", "Origins", "origins")]}
    page = render_sources_page(registry, sites, "sources/index.md")
    assert page.index("## Rights groups {#kind-rights-group}") < page.index("## News {#kind-news}")
    assert page.index('id="a"') < page.index('id="b"')
    assert "Cited in: [BLA › Origins](../groups/bla.md#origins)." in page
    assert "Cited in: no page." in page


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("[]@;,-. pa1\n`<!->\\:^()x")), max_size=60))
def test_marker_parser_never_raises_and_points_at_the_marker(text: str) -> None:
    markers, problems = parse_markers(P, text)
    lines = text.split("\n")
    for marker in markers:
        assert text[marker.start] == "[" and text[marker.end - 1] == "]"
        for item in marker.items:
            assert lines[item.line - 1][item.col - 1] in "@-"
    for problem in problems:
        assert 1 <= problem.line <= len(lines)
        assert problem.col is not None and 1 <= problem.col <= len(lines[problem.line - 1]) + 1
    assert parse_markers(P, text) == (markers, problems)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_uncited_rule_and_rendering_never_raise(text: str) -> None:
    markers, _ = parse_markers(P, text)
    check_uncited(P, text, markers)
    render_citations(text, REGISTRY, "p.md")


def test_a_citation_left_raw_is_found_at_its_line_past_what_placeholders_brought_in() -> None:
    import markdown

    from briefbook import parse_markers, unrendered_citations

    source = (
        "# Page\n\n<!-- data: box -->\n\nText [@dawn-2025-a].\n\n<figure markdown>\n![x](x.png)\n"
        "<figcaption>Caption [@hrw-2024-b].</figcaption>\n</figure>\n"
    )
    expanded = source.replace("<!-- data: box -->", "A box\n\nwith two lines [@hrw-2024-b] [@dawn-2025-a].")
    rendered = render_citations(expanded, REGISTRY, "index.md")
    html = markdown.markdown(rendered, extensions=["md_in_html", "footnotes"])
    found, missing = unrendered_citations(
        "docs/index.md", html, expanded, REGISTRY, parse_markers("docs/index.md", source)[0], source
    )
    assert [(d.line, d.col, d.message) for d in found] == [
        (9, 22, "citation '@hrw-2024-b' is inside HTML that Markdown leaves as written; readers would see '[^cite-1]'")
    ]
    assert missing == frozenset()  # the box's citation of the same source rendered: its back-reference exists
    assert unrendered_citations("docs/index.md", markdown.markdown(render_citations(source, REGISTRY, "index.md"),
                                extensions=["md_in_html", "footnotes"]), source, REGISTRY,
                                parse_markers("docs/index.md", source)[0], source)[1] == {"fnref:cite-2"}  # fmt: skip
