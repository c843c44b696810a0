"""Reading a rendered page: its anchors from anywhere, its links from the content only."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefbook import PageHtml, scan_html
from briefbook.html_scan import unterminated_tags

IDS = {
    "heading-id": ('<h2 id="origins">Origins</h2>', {"origins"}),
    "id-on-any-element": ('<p id="p1">x</p><span id="s1"></span><sup id="fnref:1"></sup>', {"p1", "s1", "fnref:1"}),
    "a-name": ('<a name="old-anchor"></a>', {"old-anchor"}),
    "name-on-other-element-is-no-anchor": ('<input name="q"><span name="s"></span>', set()),
    "a-with-name-and-id": ('<a href="x" name="n" id="i">x</a>', {"n", "i"}),
    "non-ascii-id": ('<h2 id="émigré-networks">É</h2>', {"émigré-networks"}),
    "character-reference-decoded": ('<h2 id="a&amp;b">x</h2>', {"a&b"}),
    "self-closing": ('<div id="d"/><br id="b">', {"d", "b"}),
    "none": ("<p>No anchors.</p>", set()),
}


@pytest.mark.parametrize(("html", "expected"), IDS.values(), ids=IDS.keys())
def test_scan_html_collects_every_anchor(html: str, expected: set[str]) -> None:
    assert scan_html(html).ids == frozenset(expected)


LINKS = {
    "a-href": ('<a href="x/">x</a>', ("x/",)),
    "img-src": ('<img src="i.png" alt="">', ("i.png",)),
    "area-href": ('<map><area href="m/"></map>', ("m/",)),
    "source-src": ('<video><source src="v.mp4"></video>', ("v.mp4",)),
    "document-order": (
        '<p><img src="1.png"><a href="2/">2</a></p><map><area href="3/"></map><a href="#4">4</a>',
        ("1.png", "2/", "3/", "#4"),
    ),
    "other-tags-ignored": ('<link href="s.css"><script src="j.js"></script><iframe src="f/"></iframe>', ()),
    "a-without-href-ignored": ('<a name="n">x</a><img alt="no src">', ()),
    "character-reference-decoded": ('<a href="a?x=1&amp;y=2">x</a>', ("a?x=1&y=2",)),
    "percent-encoding-kept": ('<a href="%C3%A9/#%C3%A9">x</a>', ("%C3%A9/#%C3%A9",)),
    "self-closing-a": ('<a href="x"/><a href="y"></a>', ("x", "y")),
    "same-link-twice": ('<a href="x">1</a><a href="x">2</a>', ("x", "x")),
}


@pytest.mark.parametrize(("html", "expected"), LINKS.values(), ids=LINKS.keys())
def test_scan_html_collects_links_in_document_order(html: str, expected: tuple[str, ...]) -> None:
    assert scan_html(html).links == expected


MATERIAL_PAGE = """\
<!doctype html>
<html lang="en">
<head><link rel="stylesheet" href="../assets/main.css"><script src="../assets/app.js"></script></head>
<body>
<header class="md-header" id="top"><a href="../" class="md-header__button md-logo">Logo</a></header>
<nav class="md-nav md-nav--primary">
  <ul><li><a href="../" class="md-nav__link">Home</a></li><li><a href="../groups/bla/">BLA</a></li></ul>
</nav>
<div class="md-content" data-md-component="content">
  <article class="md-content__inner md-typeset">
    <h1 id="ttp">TTP</h1>
    <p>See <a href="../other/#custom-id">other</a> and <img src="../img/map.png" alt="map">.</p>
    <h2 id="leadership">Leadership<a class="headerlink" href="#leadership">&para;</a></h2>
  </article>
</div>
<footer class="md-footer"><a href="../next/" class="md-footer__link" id="footer-next">Next</a></footer>
</body>
</html>
"""


def test_scan_html_takes_links_from_the_material_article_and_ids_from_the_whole_page() -> None:
    assert scan_html(MATERIAL_PAGE) == PageHtml(
        ids=frozenset({"top", "ttp", "leadership", "footer-next"}),
        links=("../other/#custom-id", "../img/map.png", "#leadership"),
    )


ROOTS = {
    "role-main": ('<a href="out/"></a><div role="main"><a href="in/"></a></div><a href="after/"></a>', ("in/",)),
    "main-element": ('<nav><a href="out/"></a></nav><main><p><a href="in/"></a></p></main>', ("in/",)),
    "article-element": ('<a href="out/"></a><article><a href="in/"></a></article>', ("in/",)),
    "md-content-wins-over-main": (
        '<main><a href="main/"></a><div class="md-content__inner x"><a href="in/"></a></div></main>',
        ("in/",),
    ),
    "role-main-wins-over-main": (
        '<main><a href="main/"></a><div role="main"><a href="in/"></a></div></main>',
        ("in/",),
    ),
    "main-wins-over-article": ('<article><a href="art/"></a></article><main><a href="in/"></a></main>', ("in/",)),
    "class-must-match-a-whole-word": (
        '<div class="md-content__inner-x"><a href="a/"></a></div><a href="b/"></a>',
        ("a/", "b/"),
    ),
    "unclosed-inner-tags-closed-with-root": ('<article><p><a href="in/"></div></article><a href="out/">', ("in/",)),
    "void-elements-inside-root": (
        '<article><br><img src="a.png"><a href="b/"></a></article><a href="c/">',
        ("a.png", "b/"),
    ),
    "fragment-without-root-keeps-all": ('<p><a href="a/"></a></p><nav><a href="b/"></a></nav>', ("a/", "b/")),
}


@pytest.mark.parametrize(("html", "expected"), ROOTS.values(), ids=ROOTS.keys())
def test_scan_html_takes_links_from_the_content_root_only(html: str, expected: tuple[str, ...]) -> None:
    assert scan_html(html).links == expected


def _standard(html: str) -> PageHtml:
    """scan_html by the standard library's parser, as it runs without selectolax."""
    from briefbook import html_scan

    collector = html_scan._Collector()
    collector.feed(html)
    collector.close()
    root = next((kind for kind in html_scan._ROOTS if kind in collector.roots), None)
    return PageHtml(
        frozenset(collector.ids), tuple(h for h, inside in collector.links if root is None or root in inside)
    )


# Containers the HTML5 parser never closes or moves when they nest (unlike p, li or h2).
_ELEMENTS = ["div", "section", "main", "article", "nav", "aside", "header", "footer"]


@st.composite
def _documents(draw: st.DrawFn, depth: int = 0) -> str:
    """Well-formed markup: every element closed, attributes quoted; where both parsers must agree."""
    parts = []
    for _ in range(draw(st.integers(0 if depth else 1, 3))):
        kind = draw(st.sampled_from(["element", "link", "image", "text"]))
        ident = draw(st.sampled_from(["", ' id="x"', ' id="fn:1"', ' id="a&amp;b"', ' id="é"']))
        if kind == "link":
            href = draw(st.sampled_from(["#x", "../p/", "https://example.org/?a=1&amp;b=2", "p.md#fn:1"]))
            parts.append(f'<a href="{href}"{ident}>t</a>' if draw(st.booleans()) else f'<a name="n{len(parts)}">t</a>')
        elif kind == "image":
            parts.append(f'<img src="img/{len(parts)}.png" alt=""{ident}>')
        elif kind == "text":
            parts.append(draw(st.sampled_from(["words", "a &lt; b", " "])))
        elif depth < 3:
            tag = draw(st.sampled_from(_ELEMENTS))
            extra = draw(st.sampled_from(["", ' class="md-content__inner md-typeset"', ' role="main"']))
            parts.append(f"<{tag}{ident}{extra}>{draw(_documents(depth + 1))}</{tag}>")
    return "".join(parts)


@settings(max_examples=500, deadline=None)
@given(_documents())
def test_the_fast_scan_reads_well_formed_markup_as_the_standard_parser_does(html: str) -> None:
    page = f"<!doctype html><html><head><title>t</title></head><body>{html}</body></html>"
    assert scan_html(page) == _standard(page)
    assert scan_html(html) == _standard(html)  # a content fragment, as the hooks give it


def test_the_fast_scan_reads_a_repeated_attribute_as_a_browser_does() -> None:
    html = '<a href="first.md" href="second.md" id="one" id="two">x</a>'
    assert scan_html(html) == PageHtml(frozenset({"one"}), ("first.md",))


def test_the_standard_scan_also_keeps_the_first_of_repeated_attributes() -> None:
    html = '<a href="first.md" href="second.md" id="one" id="two">x</a>'
    assert _standard(html) == PageHtml(frozenset({"one"}), ("first.md",))


def _unterminated_one_by_one(html: str) -> int:
    """The count read token by token: an opening still pending when the next one comes, or at the end."""
    count, pending = 0, False
    for match in re.finditer(r"<(?=[A-Za-z/!?])|>", html):
        if match.group() == ">":
            pending = False
        else:
            count += pending
            pending = True
    last_close = html.rfind("-->")
    return count + pending + html.count("<!--", max(last_close, 0))


@settings(max_examples=3000)
@given(st.text(alphabet="<>a/!?- \n", max_size=40))
def test_unterminated_tags_counts_what_a_reading_token_by_token_counts(html: str) -> None:
    assert unterminated_tags(html) == _unterminated_one_by_one(html)


@pytest.mark.parametrize(("html", "expected"), [("<a>", 0), ("<a", 1), ("<a <b>", 1), ("<a<b<c", 3), ("<!-- x", 2)])
def test_unterminated_tags_examples(html: str, expected: int) -> None:
    assert unterminated_tags(html) == expected
