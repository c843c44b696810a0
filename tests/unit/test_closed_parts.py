"""Long content is read in parts only where each part parses alone as it does within the whole."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefbook import (
    SourceText,
    check_html,
    check_page_resources,
    html_scan,
    inline_scripts,
    read_built_page,
    resources,
    scan_html,
)
from briefbook.html_scan import closed_parts

END = html_scan._END


def _split(html: str) -> list[str | None]:
    parts = closed_parts(html)
    assert parts is not None
    return [part if part is None else part.removesuffix(END) for part in parts]


def test_content_as_long_as_a_part_is_read_whole() -> None:
    assert closed_parts("<p>x</p>\n" * (html_scan.PART_CHARS // 9)) is None


def test_parts_of_the_whole_follow_one_another(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_scan, "PART_CHARS", 20)
    entry = '<div class="entry">\n<p>A title.</p>\n<p>Cited in: <a href="a/">A</a>.</p>\n</div>\n'
    parts = _split(entry * 5)
    assert parts == [entry] * 5  # never inside an entry, though its lines start with tags


OPEN = {
    # What a part may leave open, and what closes it again some lines later.
    "element": ("<div>", "</div>"),
    "table": ("<table>", "</table>"),
    "svg": ('<svg viewBox="0 0 1 1">', "</svg>"),
    "formatting-to-reopen": ("<p><b>bold", "</p></b>"),
    "comment": ("<!-- a comment", "-->"),
    "attribute-value": ('<img alt="a', '">'),
    "raw-text": ("<textarea>", "</textarea>"),
}


@pytest.mark.parametrize(("opening", "closing"), OPEN.values(), ids=OPEN.keys())
def test_a_part_never_ends_where_something_is_open(monkeypatch: pytest.MonkeyPatch, opening: str, closing: str) -> None:
    monkeypatch.setattr(html_scan, "PART_CHARS", 20)
    inside = '<a href="#x">a line of text</a>\n' * 4  # no element that takes the parser out of an SVG
    html = "<p>before</p>\n" * 3 + opening + "\n" + inside + closing + "\n" + "<p>after</p>\n" * 3
    parts = _split(html)
    assert None not in parts
    assert "".join(part or "" for part in parts) == html
    ends = [sum(len(part or "") for part in parts[: i + 1]) for i in range(len(parts))]
    start, end = html.index(opening), html.index(closing) + len(closing)
    assert not [at for at in ends if start < at < end]


def test_no_closed_part_is_said(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_scan, "PART_CHARS", 20)
    parts = _split("<div>\n" + "<p>never closed</p>\n" * 40)
    assert parts == [None]


PIECES = [
    "<p>text</p>",
    '<p>see <a href="#a">a</a> and <a href="b/">b</a></p>',
    '<h2 id="h">Heading</h2>',
    "<div>",
    "</div>",
    "<b>",
    "</b>",
    "<p><b>x</p>",
    "<table>",
    "<tr><td>cell</td></tr>",
    "</table>",
    "<svg>",
    "</svg>",
    "<title>",
    "</title>",
    '<img alt="x',
    '" onclick="y">',
    '<span id="s">',
    "</span>",
    "<!--",
    "-->",
    "<textarea>",
    "</textarea>",
    "<pre>",
    '<code>[x](y.md) <a href="z">z</a></code>',
    "</pre>",
    "<ul><li>item",
    "</ul>",
    '<img src="i.png" alt="">',
    "<script>",
    "</script>",
    "text",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_parts_read_as_the_whole(pieces: list[str]) -> None:
    """The scan and the allowlist say of the content in parts what they say of it whole."""
    html = "\n".join(pieces) + "\n"
    sources = [SourceText("docs/page.md", html)]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(html_scan, "PART_CHARS", 1)
        in_parts = scan_html(html), check_html(html, sources)
    whole = scan_html(html), check_html(html, sources)
    assert in_parts == whole


LOADS = [
    '<img src="https://example.org/a.png" alt="">',
    '<video poster="https://example.org/p.jpg"></video>',
    '<img alt="x',
    '" src="https://example.org/b.png">',
    "<style>",
    "</style>",
]
THEMES = [
    (
        '<!doctype html>\n<html><head></head><body><div class="md-container"><main><article class="md-content__inner">',
        "\n</article></main></div></body></html>",
    ),
    (
        "<!doctype html>\n<html><head></head><body><main><article>",
        '\n</article></main><script src="https://cdn.example.org/x.js"></script></body></html>',
    ),
    (
        "<!doctype html>\n<html><head><script>scope()</script></head><body><main><article>",
        "\n</article></main><script>palette()</script></body></html>",
    ),
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES + LOADS), max_size=30), st.sampled_from(THEMES))
def test_a_page_around_content_in_parts_loads_what_it_loads_whole(pieces: list[str], theme: tuple[str, str]) -> None:
    """What a themed page loads and the scripts it runs, read with its content in parts, are what they are whole."""
    content = "\n".join(pieces) + "\n"
    page = theme[0] + content + theme[1]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(html_scan, "PART_CHARS", 1)
        patch.setattr(resources, "PART_CHARS", 1)
        in_parts = read_built_page("site/p.html", page, content)
    whole = read_built_page("site/p.html", page)
    assert in_parts.problems == whole.problems
    assert in_parts.scripts is not None
    assert set(in_parts.scripts) == set(inline_scripts(page)) == set(whole.scripts or [])


def test_content_that_the_theme_finishes_is_read_with_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """A '<' left at the content's end opens a tag with what the theme writes next: the page is read whole."""
    monkeypatch.setattr(html_scan, "PART_CHARS", 20)
    monkeypatch.setattr(resources, "PART_CHARS", 20)
    content = "<p>a line of text</p>\n" * 4 + "<"
    page = f'<html><body><article>{content}script src="https://cdn.example.org/x.js"></script></article></body></html>'
    assert [d.message for d in check_page_resources("site/p.html", page, content)] == [
        "<script src> loads 'https://cdn.example.org/x.js' from another host"
    ]
