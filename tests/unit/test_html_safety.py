"""The HTML allowlist: every vector refused at its line, benign HTML kept, URLs read as browsers do."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefbook import SourceText, browser_url, check_html, clean_html, render_diagnostic, render_markdown, url_scheme
from xss_vectors import MARKDOWN, NEUTRALISED_BY_MARKDOWN, OWASP

EXTENSIONS = [
    (name, {"use_align_attribute": True} if name == "tables" else {})
    for name in "abbr admonition attr_list def_list footnotes md_in_html tables toc pymdownx.details pymdownx.superfences".split()
]
"""The book's extensions: tables align with ``align=``, as mkdocs.yml sets."""


def check(markdown: str, *data: SourceText) -> list[str]:
    html = render_markdown(markdown, EXTENSIONS)
    assert html is not None
    return [render_diagnostic(d) for d in check_html(html, [SourceText("docs/page.md", markdown), *data])]


class _Live(HTMLParser):
    """Collects what would run: event handlers and script URLs, as a browser reads them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.live: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on") or (value and url_scheme(value) in ("javascript", "vbscript", "data")):
                self.live.append(f"{tag} {name}={value}")
        if tag in ("script", "iframe", "object", "embed"):
            self.live.append(tag)


@pytest.mark.parametrize("vector", [v for v in OWASP + MARKDOWN if v not in NEUTRALISED_BY_MARKDOWN])
def test_every_vector_is_refused_at_its_line(vector: str) -> None:
    found = check(f"# Page\n\n{vector}\n\nAfter.\n")
    assert found
    assert all(line.startswith("docs/page.md:") and "error[unsafe-html]" in line for line in found), found
    lines = {int(line.split(":")[1]) for line in found}
    assert lines <= set(range(3, 3 + vector.count("\n") + 1)), found


@pytest.mark.parametrize("vector", sorted(NEUTRALISED_BY_MARKDOWN))
def test_vectors_markdown_turns_into_text_leave_nothing_live(vector: str) -> None:
    markdown = f"# Page\n\n{vector}\n"
    html = render_markdown(markdown, EXTENSIONS)
    assert html is not None
    live = _Live()
    live.feed(html)
    assert live.live == []
    assert check(markdown) == []


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        (
            "Text.\n\n<script>alert(1)</script>\n",
            "docs/page.md:3:1: error[unsafe-html]: element <script> is not allowed in a page (it runs script) "
            "(pages may use Markdown and the HTML the editorial policy lists; see the Contributing page)",
        ),
        (
            'A paragraph.\n{: onclick="alert(1)" }\n',
            "docs/page.md:2:4: error[unsafe-html]: event-handler attribute 'onclick' on <p> runs script "
            "(pages may use Markdown and the HTML the editorial policy lists; see the Contributing page)",
        ),
        (
            "See [this](JaVaScRiPt:alert(1)).\n",
            "docs/page.md:1:12: error[unsafe-html]: URL scheme 'javascript:' in <a href> is not allowed "
            "('JaVaScRiPt:alert(1)') (links may be http, https, mailto or relative)",
        ),
        (
            '<a href="&#x20;&#x09;jav&#x0A;ascript:alert(1)">x</a>\n',
            "docs/page.md:1:4: error[unsafe-html]: URL scheme 'javascript:' in <a href> is not allowed "
            "(' \\tjav\\nascript:alert(1)') (links may be http, https, mailto or relative)",
        ),
        (
            "![pixel](https://example.org/pixel.png)\n",
            "docs/page.md:1:10: error[unsafe-html]: <img src> loads 'https://example.org/pixel.png' from another host; "
            "the site makes no third-party request (copy the file into docs/ and link it relatively)",
        ),
        (
            'A paragraph.\n{: style="color: red" }\n',
            "docs/page.md:2:4: error[unsafe-html]: inline style on <p> is not allowed; the site's content security "
            "policy blocks it (pages may use Markdown and the HTML the editorial policy lists; see the Contributing page)",
        ),
        (
            '<table><tr><td style="text-align: right">26</td></tr></table>\n',
            "docs/page.md:1:16: error[unsafe-html]: inline style on <td> is not allowed; the site's content security "
            "policy blocks it (align a table's column in Markdown ('| ---: |'), which writes align= under "
            "mkdocs.yml's tables: use_align_attribute)",
        ),
        (
            "<!--> <img src=x onerror=alert(1)> -->\n",
            "docs/page.md:1:7: error[unsafe-html]: markup a browser reads differently: it would see '<img src=\"x\">' "
            "here (write plain Markdown or well-formed HTML)",
        ),
    ],
)
def test_messages_name_what_was_refused_and_where(markdown: str, expected: str) -> None:
    assert check(markdown) == [expected]


def test_each_vector_of_a_page_is_reported_at_its_own_line() -> None:
    markdown = "<script>a()</script>\n\nText.\n\n<script>b()</script>\n"
    assert [line.split(": ")[0] for line in check(markdown)] == ["docs/page.md:1:1", "docs/page.md:5:1"]


def test_markup_from_a_data_file_is_reported_at_the_data_files_line() -> None:
    registry = SourceText("docs/sources.yaml", "- id: a\n  note: See [here](javascript:alert(1)).\n", markdown=False)
    markdown = "Cited.\n\nSee [here](javascript:alert(1)).\n"  # as the placeholder expands it
    page = SourceText("docs/page.md", "Cited.\n\n<!-- data: sources -->\n")
    html = render_markdown(markdown, EXTENSIONS)
    assert html is not None
    found = [render_diagnostic(d).split(": error")[0] for d in check_html(html, [page, registry])]
    assert found == ["docs/sources.yaml:2:20"]


def test_markup_shown_in_code_is_not_where_a_live_vector_is_reported() -> None:
    markdown = "Write `<script>` like this:\n\n<script>alert(1)</script>\n"
    assert [line.split(": ")[0] for line in check(markdown)] == ["docs/page.md:3:1"]


BENIGN = """\
# Page {#page}

A paragraph with **bold**, *emphasis*, `code`, a [link](other.md#part), an
[external link](https://example.org/a?b=c), [mail](mailto:desk@example.org) and a
footnote.[^1] The ISPR said so.

*[ISPR]: Inter-Services Public Relations

| Left | Centre | Right |
| :--- | :----: | ----: |
| a    | b      | c     |

!!! note "A note"
    Admonition text.

??? info "Details"
    Hidden text.

<details><summary>More</summary><p>Text</p></details>

Term
:   Definition.

![A map](img/map.png){ width="300" }

<span id="anchor">Anchored</span> <sup>1</sup> <abbr title="Frontier Corps">FC</abbr>
<time datetime="2025-03-11">11 March 2025</time> <q cite="https://example.org/">quoted</q>

<div class="bb-factbox" markdown>
<dl><dt>Founded</dt><dd>2000</dd></dl>
</div>

<fieldset><legend>Filter</legend><input type="checkbox" id="f1" name="f" value="a" checked>
<label for="f1">A</label></fieldset>

<article class="bb-tl-event" id="e1" data-groups="bla" data-type="attack"><p>Event.</p></article>

<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" role="img" aria-labelledby="t1"><title id="t1">Map</title>
<defs><marker id="arrow" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="6" markerHeight="6" orient="auto">
<path d="M0 0L10 5L0 10z" fill="currentColor"/></marker></defs>
<g class="edges" stroke-width="2"><line x1="0" y1="0" x2="5" y2="5" stroke="#333" marker-end="url(#arrow)"/></g>
<text x="1" y="1" text-anchor="middle">BLA</text></svg>

```html
<script>alert("shown, not run")</script>
```

[^1]: A reference.
"""


def test_benign_html_passes() -> None:
    assert check(BENIGN) == []


def test_tables_aligned_by_inline_style_are_refused() -> None:
    """Without ``use_align_attribute`` the tables extension writes ``style``, which the site's CSP blocks."""
    markdown = "| Figure |\n| ---: |\n| 26 |\n"
    html = render_markdown(markdown, [("tables", {})])
    assert html is not None and 'style="text-align: right;"' in html
    found = [d.message for d in check_html(html, [SourceText("docs/page.md", markdown)])]
    assert found == ["inline style on <th> is not allowed; the site's content security policy blocks it"] + [
        "inline style on <td> is not allowed; the site's content security policy blocks it"
    ]


def test_clean_html_removes_what_is_refused_and_keeps_the_rest() -> None:
    cleaned = clean_html('<p onclick="x()">Text <a href="javascript:x()">link</a><script>x()</script></p>')
    assert cleaned == "<p>Text <a>link</a></p>"


@pytest.mark.parametrize(
    ("value", "scheme"),
    [
        ("javascript:alert(1)", "javascript"),
        (" \t\njava\tscript:alert(1)", "javascript"),
        ("\x01\x1fJAVASCRIPT:x", "javascript"),
        ("https://example.org/", "https"),
        ("other.md#part", None),
        ("#anchor", None),
        ("//example.org/x", None),
        ("jav ascript:x", None),
    ],
)
def test_url_schemes_are_read_as_browsers_read_them(value: str, scheme: str | None) -> None:
    assert url_scheme(value) == scheme


def test_browser_url_strips_edges_and_removes_tab_and_newline_only() -> None:
    assert browser_url(" \x00a\tb\nc d\r ") == "abc d"


# The fast verdict (Lexbor) lets a page skip the standard parser's reading only when that
# reading would find nothing: never when it would refuse something.
_PIECES = [
    "<p>text</p>",
    '<a href="../p/">x</a>',
    '<a href="javascript:alert(1)">x</a>',
    '<img src="x.png" alt="">',
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "<table><tr><td>1</td></tr></table>",
    '<tr onclick="x()">',
    '<td style="text-align: right">',
    '<div style="color: red">',
    "<frameset>",
    '<svg viewBox="0 0 1 1"><path d="M0 0"/></svg>',
    "<math><mi>x</mi></math>",
    "<textarea><script>",
    "<!-- <script> -->",
    "<!doctype html>",
    "<?php ?>",
    '<b title="<script>">b</b>',
    "</div>",
    "<div>",
    "<details><summary>s</summary>d</details>",
    '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>',
    '<iframe src="https://example.org"></iframe>',
    '<form action="x">',
    '<input type="checkbox" disabled>',
    '<span class="mermaid">',
    '<a href="&#106;avascript:x">',
    '<IMG SRC="https://example.org/x.png">',
    "&lt;b&gt;",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<select><option>x</option></select>",
    "\n",
]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=8))
def test_the_fast_verdict_never_passes_what_the_standard_reading_refuses(pieces: list[str]) -> None:
    from briefbook.html_safety import _clean_by_lexbor

    html = "".join(pieces)
    if _clean_by_lexbor(html):
        assert check_html(html, [SourceText("docs/p.md", html)]) == [], html


def test_the_fast_verdict_passes_ordinary_content() -> None:
    """The control: the fast path is taken for what pages are made of."""
    from briefbook.html_safety import _clean_by_lexbor

    html = (
        '<h2 id="findings">Findings<a class="headerlink" href="#findings" title="Permanent link">&para;</a></h2>\n'
        '<table>\n<thead>\n<tr>\n<th>Source</th>\n<th align="right">Figure</th>\n</tr>\n</thead>\n'
        '<tbody>\n<tr>\n<td>Official</td>\n<td align="right">26 <sup id="fnref:c-1">'
        '<a class="footnote-ref" href="#fn:c-1">1</a></sup></td>\n</tr>\n</tbody>\n</table>\n'
        '<div class="admonition note">\n<p class="admonition-title">Note</p>\n<p>Text <a href="../p/#x">a link</a>.</p>\n</div>\n'
        '<div class="footnote">\n<hr />\n<ol>\n<li id="fn:c-1">\n<p>Dawn, <em>A title</em>. '
        '<a href="https://www.dawn.com/news/1">dawn.com</a>&#160;<a class="footnote-backref" href="#fnref:c-1" '
        'title="Jump back to footnote 1 in the text">&#8617;</a></p>\n</li>\n</ol>\n</div>'
    )
    assert _clean_by_lexbor(html)


@pytest.mark.parametrize("vector", OWASP + MARKDOWN)
def test_no_known_vector_gets_the_fast_verdict(vector: str) -> None:
    from briefbook.html_safety import _clean_by_lexbor

    html = render_markdown(f"# Page\n\n{vector}\n", [("md_in_html", {}), ("attr_list", {})]) or ""
    assert not _clean_by_lexbor(html) or check_html(html, [SourceText("docs/p.md", vector)]) == []
