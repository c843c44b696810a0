"""Third-party resources in built pages and style sheets: each reported at its line and column."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefbook import check_css_resources, check_page_resources, is_external, render_diagnostic

HINT = "(the site loads only its own files: copy the file into docs/ or drop the reference)"


def test_every_kind_of_external_load_is_reported_where_it_is() -> None:
    page = (
        "<html><head>\n"
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css">\n'
        '<link rel="preconnect" href="https://fonts.gstatic.com">\n'
        '<link rel="canonical" href="https://example.org/book/">\n'
        '<script src="//cdn.example.org/x.js"></script>\n'
        "<style>p { background: url('https://example.org/bg.png') }\n@import \"https://example.org/a.css\";</style>\n"
        '<meta http-equiv="refresh" content="0; url=https://example.org/">\n'
        "</head><body>\n"
        '<img src="img/local.png" srcset="img/a.png 1x, https://example.org/b.png 2x">\n'
        '<video poster="https://example.org/p.jpg"></video><div style="background:url(//example.org/c.png)">\n'
        '<a href="https://example.org/">a link readers click</a><img src="data:image/png;base64,AAAA">\n'
        '<pre class="mermaid">graph TD</pre>\n'
        "</body></html>\n"
    )
    assert [render_diagnostic(d) for d in check_page_resources("site/index.html", page)] == [
        f"site/index.html:2:1: error[external]: <link rel=\"stylesheet\"> loads 'https://fonts.googleapis.com/css' from another host {HINT}",
        f"site/index.html:3:1: error[external]: <link rel=\"preconnect\"> loads 'https://fonts.gstatic.com' from another host {HINT}",
        f"site/index.html:5:1: error[external]: <script src> loads '//cdn.example.org/x.js' from another host {HINT}",
        f"site/index.html:6:24: error[external]: <style> loads 'https://example.org/bg.png' from another host {HINT}",
        f"site/index.html:7:1: error[external]: <style> loads 'https://example.org/a.css' from another host {HINT}",
        f"site/index.html:8:1: error[external]: <meta http-equiv=\"refresh\"> loads 'https://example.org/' from another host {HINT}",
        f"site/index.html:10:1: error[external]: <img srcset> loads 'https://example.org/b.png' from another host {HINT}",
        f"site/index.html:11:1: error[external]: <video poster> loads 'https://example.org/p.jpg' from another host {HINT}",
        f"site/index.html:11:51: error[external]: a style attribute on <div> loads '//example.org/c.png' from another host {HINT}",
        f"site/index.html:13:1: error[external]: <pre class=\"mermaid\"> (the theme then) loads 'https://unpkg.com/mermaid' from another host {HINT}",
    ]


def test_a_style_sheet_is_checked_line_by_line() -> None:
    css = '.a { mask: url("data:image/svg+xml,<svg/>") }\n.b { background: url(../img/x.png) }\n@import url(https://example.org/x.css);\n'
    assert [render_diagnostic(d) for d in check_css_resources("site/extra.css", css)] == [
        f"site/extra.css:3:9: error[external]: a style sheet loads 'https://example.org/x.css' from another host {HINT}"
    ]


@pytest.mark.parametrize(
    ("url", "external"),
    [
        ("https://example.org/x", True),
        ("HTTP://example.org/x", True),
        ("//example.org/x", True),
        (" \t//example.org/x", True),
        ("/\\example.org/x", True),
        ("ftp://example.org/x", True),
        ("data:image/png;base64,AA", False),
        ("blob:https://example.org/1", False),
        ("../assets/x.css", False),
        ("/assets/x.css", False),
        ("#frag", False),
    ],
)
def test_what_counts_as_another_host(url: str, external: bool) -> None:
    assert is_external(url) is external


# The fast read (Lexbor) decides whether the standard parser reads the page again: it must never
# miss what the standard parser reports.
_TAGS = ["img", "IMG", "script", "link", "LINK", "video", "object", "div", "meta", "style", "pre", "a", "source"]
_NAMES = ["src", "SRC", "srcset", "poster", "data", "style", "rel", "href", "http-equiv", "content", "class"]
_VALUES = [
    "https://example.org/x.png",
    "//cdn.example.org/x.js",
    "&#104;ttps://example.org/e.png",
    " \thttps://example.org/t.png",
    "img/local.png",
    "data:image/png;base64,AAAA",
    "a.png 1x, https://example.org/b.png 2x",
    "background:url(//example.org/c.png)",
    "stylesheet",
    "preconnect",
    "refresh",
    "0; url=https://example.org/",
    "mermaid",
    "a>b",
    "",
]


def _slow(html: str) -> list[object]:
    from briefbook.resources import _Page

    page = _Page("site/p.html")
    page.feed(html)
    page.close()
    return page.found


@st.composite
def _pages(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        tag = draw(st.sampled_from(_TAGS))
        attrs = []
        for _ in range(draw(st.integers(0, 3))):
            name, value = draw(st.sampled_from(_NAMES)), draw(st.sampled_from(_VALUES))
            quote = draw(st.sampled_from(['"', "'", ""])) if " " not in value and ">" not in value else '"'
            attrs.append(f"{name}={quote}{value}{quote}")
        body = draw(st.sampled_from(["", "p { background: url('https://example.org/bg.png') }", "text", "<b>x</b>"]))
        parts.append(f"<{tag} {' '.join(attrs)}>{body}</{tag}>")
        parts.append(draw(st.sampled_from(["", "\n", " <!-- a comment --> ", "<p>", "</div>", "<br/>"])))
    return "<html><head></head><body>" + "".join(parts) + "</body></html>"


@settings(max_examples=400, deadline=None)
@given(_pages())
def test_the_fast_read_never_misses_what_the_standard_parser_reports(html: str) -> None:
    from briefbook.resources import _external_by_lexbor

    read = _external_by_lexbor(html)
    assert read is not None
    fast = read[0]
    if _slow(html):
        assert fast, html
    assert bool(check_page_resources("site/p.html", html)) == bool(fast)


def test_without_a_fast_read_the_standard_parser_checks_every_page(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefbook import resources

    monkeypatch.setattr(resources, "_external_by_lexbor", lambda html: None)
    page = '<img src="https://example.org/x.png">'
    assert [d.message for d in check_page_resources("site/p.html", page)] == [
        "<img src> loads 'https://example.org/x.png' from another host"
    ]
