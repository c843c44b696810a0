"""Finding links in Markdown source: what is a link, where it is written, what is not."""

from __future__ import annotations

import pytest

from briefbook import LinkKind, SourceLink, mask_markdown, scan_links

INLINE = LinkKind.INLINE
IMAGE = LinkKind.IMAGE
DEFINITION = LinkKind.DEFINITION
HTML = LinkKind.HTML
FOOTNOTE = LinkKind.FOOTNOTE

FOUND = {
    "inline": ("See [x](a.md).", [SourceLink("a.md", 1, 9, INLINE)]),
    "inline-anchor-only": ("[top](#intro)", [SourceLink("#intro", 1, 7, INLINE)]),
    "inline-path-and-anchor": (
        "[x](../groups/ttp.md#leadership)",
        [SourceLink("../groups/ttp.md#leadership", 1, 5, INLINE)],
    ),
    "image": ("![alt](img/a.png)", [SourceLink("img/a.png", 1, 8, IMAGE)]),
    "image-in-link": (
        "[![m](img/m.png)](other.md)",
        [SourceLink("img/m.png", 1, 7, IMAGE), SourceLink("other.md", 1, 19, INLINE)],
    ),
    "title-double-quotes": ('[t](a.md "Title")', [SourceLink("a.md", 1, 5, INLINE)]),
    "title-single-quotes": ("[t](a.md 'Title')", [SourceLink("a.md", 1, 5, INLINE)]),
    "title-parentheses": ("[t](a.md (Title))", [SourceLink("a.md", 1, 5, INLINE)]),
    "spaces-around-destination": ("[x](  a.md  )", [SourceLink("a.md", 1, 7, INLINE)]),
    "angle-brackets": ("[t](<a b.md>)", [SourceLink("a b.md", 1, 5, INLINE)]),
    "angle-brackets-and-title": ('[t](<a.md#x> "T")', [SourceLink("a.md#x", 1, 5, INLINE)]),
    "empty-destination": ("[x]()", [SourceLink("", 1, 5, INLINE)]),
    "nested-brackets-in-text": ("[a [b] c](d.md)", [SourceLink("d.md", 1, 11, INLINE)]),
    "code-span-in-text": ("[`]`](a.md)", [SourceLink("a.md", 1, 7, INLINE)]),
    "balanced-parentheses-in-destination": ("[x](a(b).md)", [SourceLink("a(b).md", 1, 5, INLINE)]),
    "two-on-a-line": (
        "[x](a.md)\t[y](b.md)",
        [SourceLink("a.md", 1, 5, INLINE), SourceLink("b.md", 1, 15, INLINE)],
    ),
    "on-several-lines": (
        "Intro.\n\n[a](x.md) and\n  ![b](y.png)",
        [SourceLink("x.md", 3, 5, INLINE), SourceLink("y.png", 4, 8, IMAGE)],
    ),
    "definition": ("[ref]: a.md#x", [SourceLink("a.md#x", 1, 8, DEFINITION)]),
    "definition-indented-angle-title": ('  [ref]: <b c.md> "T"', [SourceLink("b c.md", 1, 10, DEFINITION)]),
    "definition-in-admonition": ("!!! note\n    [ref]: a.md", [SourceLink("a.md", 2, 12, DEFINITION, "[ref]: a.md")]),
    "reference-use-needs-no-entry": ("[x][ref]\n\n[ref]: a.md", [SourceLink("a.md", 3, 8, DEFINITION)]),
    "link-inside-footnote-definition": ("[^1]: see [x](a.md)", [SourceLink("a.md", 1, 15, INLINE)]),
    "html-a-double-quotes": ('<a href="a.md">x</a>', [SourceLink("a.md", 1, 10, HTML)]),
    "html-a-single-quotes": ("<a href='a.md'>x</a>", [SourceLink("a.md", 1, 10, HTML)]),
    "html-a-no-quotes": ("<a href=a.md>x</a>", [SourceLink("a.md", 1, 9, HTML)]),
    "html-a-other-attributes": ('<a class="x" href = "y.md">', [SourceLink("y.md", 1, 22, HTML)]),
    "html-a-data-href-is-not-href": ('<a data-href="x.md" href="y.md">', [SourceLink("y.md", 1, 27, HTML)]),
    "html-a-attribute-on-next-line": ('<a\nhref="c.md">x</a>', [SourceLink("c.md", 2, 7, HTML)]),
    "html-img-double-quotes": ('<img src="i.png" alt="">', [SourceLink("i.png", 1, 11, HTML)]),
    "html-img-single-quotes": ("<img alt='' src='i.png'>", [SourceLink("i.png", 1, 18, HTML)]),
    "html-img-upper-case-no-quotes": ("<IMG SRC=i.png>", [SourceLink("i.png", 1, 10, HTML)]),
    "html-source": ('<video><source src="v.mp4"></video>', [SourceLink("v.mp4", 1, 21, HTML)]),
    "html-and-markdown-in-source-order": (
        'A <a href="b.md">b</a> and [c](c.md)',
        [SourceLink("b.md", 1, 12, HTML), SourceLink("c.md", 1, 32, INLINE)],
    ),
    "escaped-backslash-then-link": ("\\\\[x](a.md)", [SourceLink("a.md", 1, 7, INLINE)]),
    "escaped-bang-is-not-image": ("\\![x](a.md)", [SourceLink("a.md", 1, 7, INLINE)]),
    "lone-backtick-is-not-code": ("`[x](a.md)", [SourceLink("a.md", 1, 6, INLINE)]),
    "after-code-span": ("`code` [x](a.md)", [SourceLink("a.md", 1, 12, INLINE)]),
    "code-span-stops-at-blank-line-crlf": ("`a\r\n\r\n[x](b.md)`", [SourceLink("b.md", 3, 5, INLINE)]),
    "after-comment-on-same-line": ("<!-- [x](a.md) -->[y](b.md)", [SourceLink("b.md", 1, 23, INLINE)]),
    "after-multiline-comment": (
        '<!--\n[x](a.md)\n<a href="c.md">\n-->\n[y](b.md)',
        [SourceLink("b.md", 5, 5, INLINE)],
    ),
    "after-fence": ("```\n[x](a.md)\n```\n[y](b.md)", [SourceLink("b.md", 4, 5, INLINE)]),
    "footnote-reference-links-to-its-note": (
        "Text[^1] and[^note].\n\n[^1]: A note.\n[^note]: Another, [^x] inside.\n`[^code]`",
        [
            SourceLink("#fn:1", 1, 5, FOOTNOTE),
            SourceLink("#fn:note", 1, 13, FOOTNOTE),
            SourceLink("#fn:x", 4, 19, FOOTNOTE),
        ],
    ),
    "after-fence-in-admonition": (
        "!!! note\n    ```text\n    [x](a.md)\n    ```\n    [y](b.md)",
        [SourceLink("b.md", 5, 9, INLINE, "[y](b.md)")],
    ),
    "after-front-matter": ("---\ntitle: '[x](a.md)'\n---\n[y](b.md)", [SourceLink("b.md", 4, 5, INLINE)]),
    "crlf-after-front-matter": (
        "---\r\ntitle: x\r\n---\r\n\r\nSee [x](nope.md).\r\n",
        [SourceLink("nope.md", 5, 9, INLINE)],
    ),
    "crlf-several-lines": (
        "a\r\nb [x](c.md)\r\n[y](d.md)\r\n",
        [SourceLink("c.md", 2, 7, INLINE), SourceLink("d.md", 3, 5, INLINE)],
    ),
    "crlf-after-fence": ("```\r\n[x](a.md)\r\n```\r\n[y](b.md)", [SourceLink("b.md", 4, 5, INLINE)]),
    "non-ascii-before": ("Café ñ [x](a.md)", [SourceLink("a.md", 1, 12, INLINE)]),
    "astral-character-before": ("🙂 [x](a.md)", [SourceLink("a.md", 1, 7, INLINE)]),
    "non-ascii-line-before": ("Émigré networks.\nवि [x](a.md)", [SourceLink("a.md", 2, 8, INLINE)]),
    "non-ascii-target": ("[x](émigrés.md#réseau)", [SourceLink("émigrés.md#réseau", 1, 5, INLINE)]),
}


@pytest.mark.parametrize(("text", "expected"), FOUND.values(), ids=FOUND.keys())
def test_scan_links_finds_each_link_where_it_is_written(text: str, expected: list[SourceLink]) -> None:
    assert scan_links(text) == expected


NOT_LINKS = {
    "inline-code": "`[x](a.md)`",
    "inline-code-html": '`<a href="a.md">x</a>`',
    "double-backtick-code": "``[x](a.md)``",
    "double-backtick-code-holding-one": "``a ` [x](a.md)``",
    "code-span-over-two-lines": "`a\n[x](a.md)`",
    "fence-backticks": "```\n[x](a.md)\n```",
    "fence-with-info-string": '```markdown\n[x](a.md)\n<a href="b.md">raw</a>\n[r]: c.md\n```',
    "fence-tildes": "~~~\n[x](a.md)\n~~~",
    "fence-not-closed-by-shorter": "````\n```\n[x](a.md)\n````",
    "fence-not-closed-by-other-char": "~~~\n```\n[x](a.md)\n~~~",
    "fence-in-admonition": "!!! note\n    ```text\n    [x](a.md)\n    ```",
    "tilde-fence-in-admonition": "??? info\n    ~~~\n    [x](a.md)\n    ~~~",
    "fence-crlf": "```\r\n[x](a.md)\r\n```\r\n",
    "comment": "<!-- [x](a.md) -->",
    "comment-html": '<!-- <a href="a.md">x</a> <img src="i.png"> -->',
    "comment-several-lines": '<!--\n[x](a.md)\n<img src="i.png">\n[r]: b.md\n-->',
    "comment-never-closed": "<!-- [x](a.md)",
    "escaped-bracket": "\\[x](a.md)",
    "escaped-everything": "\\[not\\]\\(missing.md\\)",
    "escaped-html": '\\<a href="a.md">',
    "front-matter": "---\ntitle: '[x](a.md)'\n---\n",
    "front-matter-dots": "---\ntitle: '[x](a.md)'\n...\n",
    "front-matter-crlf": "---\r\nsee: '[x](a.md)'\r\n---\r\n",
    "footnote-definition-with-path": "[^1]: a.md",
    "reference-use-without-definition": "[x][ref]",
    "text-and-destination-on-two-lines": "[x]\n(a.md)",
    "destination-not-closed": "[x](a.md",
    "angle-destination-over-two-lines": "[x](<a\nb.md>)",
    "abbr-is-not-a": '<abbr title="a.md">x</abbr>',
    "plain-text": "No links, just a.md and #a.",
    "empty": "",
}


@pytest.mark.parametrize("text", NOT_LINKS.values(), ids=NOT_LINKS.keys())
def test_scan_links_finds_nothing_outside_links(text: str) -> None:
    assert scan_links(text) == []


BUGS = {
    # Python-Markdown renders href="a_b.md"; the escape is blanked in the masked copy
    # and the destination ends there.
    "escaped-underscore": ("[x](a\\_b.md)", [SourceLink("a_b.md", 1, 5, INLINE)]),
    "escaped-parentheses": ("[x](a\\(b\\).md)", [SourceLink("a(b).md", 1, 5, INLINE)]),
    # A backslash before a character that cannot be escaped is a literal backslash.
    "literal-backslash": ("[x](a\\qb.md)", [SourceLink("a\\qb.md", 1, 5, INLINE)]),
    # The attribute pattern runs inside quoted values and stops at the first '>'.
    "src-inside-quoted-attribute": ('<img alt="a src=b.png" src="c.png">', [SourceLink("c.png", 1, 29, HTML)]),
    "greater-than-inside-quoted-attribute": ('<a title="a>b" href="c.md">x</a>', [SourceLink("c.md", 1, 22, HTML)]),
}


@pytest.mark.parametrize(("text", "expected"), BUGS.values(), ids=BUGS.keys())
def test_scan_links_reads_escapes_and_attributes_as_markdown_does(text: str, expected: list[SourceLink]) -> None:
    assert scan_links(text) == expected


MASKED = {
    "code-span": ("a `b` c", "a     c"),
    "double-backtick-span": ("a ``b`c`` d", "a         d"),
    "escape": ("x\\[y", "x  y"),
    "unescapable-backslash-kept": ("a\\qb", "a\\qb"),
    "comment-over-lines": ("a<!--b\nc-->d", "a     \n    d"),
    "front-matter": ("---\nt: 1\n---\nz", "   \n    \n   \nz"),
    "fence-keeps-crlf": ("```\r\nx\r\n```\r\ny", "   \r\n \r\n   \r\ny"),
    "fence-in-admonition": ("!!! n\n    ~~~\n    x\n    ~~~\nz", "!!! n\n       \n     \n       \nz"),
    "link-kept": ("[x](a.md)", "[x](a.md)"),
    "thematic-break-later-is-not-front-matter": ("a\n---\nb\n---\n", "a\n---\nb\n---\n"),
}


@pytest.mark.parametrize(("text", "expected"), MASKED.values(), ids=MASKED.keys())
def test_mask_markdown_blanks_what_cannot_hold_a_link(text: str, expected: str) -> None:
    assert mask_markdown(text) == expected


def test_a_fence_never_closed_is_text_as_python_markdown_renders_it() -> None:
    import markdown

    text = "Text\n\n```\ncode\n\n[broken](nowhere.md)\n"
    assert '<a href="nowhere.md">' in markdown.markdown(text, extensions=["pymdownx.superfences"])
    assert [(link.target, link.line, link.col) for link in scan_links(text)] == [("nowhere.md", 6, 10)]


def test_a_snippet_include_line_is_masked_even_inside_an_admonition() -> None:
    text = 'Intro.\n\n??? info "Words"\n\n    --8<-- "includes/locator-map.md"\n\nAfter 8.\n'
    masked = mask_markdown(text)
    assert len(masked) == len(text)
    assert "8<" not in masked and "locator-map" not in masked
    assert masked.endswith("After 8.\n")


def test_snippet_includes_reads_include_lines_as_pymdownx_snippets_does() -> None:
    from briefbook import snippet_includes

    text = (
        '# Page\n--8<-- "a.md"\n    --8<-- \'b/c.md:3:5\'\n;--8<-- "escaped.md"\n'
        '--8<--\nd.md\n; commented.md\n\nf.md:section\n--8<--\n--8<-- "https://example.org/x.md"\n'
        'Text with --8<-- "inline.md" in it.\n'
    )
    assert snippet_includes(text) == [("a.md", 2, 9), ("b/c.md", 3, 13), ("d.md", 6, 1), ("f.md", 9, 1)]


def test_included_links_are_placed_at_the_include_line_through_nested_includes() -> None:
    from briefbook import included_links, page_links

    files = {
        "a.md": 'See [one](one.md).\n\n--8<-- "b.md"\n',
        "b.md": '[two](two.md) and back to [a](a.md)\n\n--8<-- "a.md"\n',  # a cycle: followed once
    }
    text = 'Intro [zero](zero.md).\n\n--8<-- "a.md"\n--8<-- "missing.md"\n'
    assert [(link.target, link.line, link.col) for link in included_links(text, files.get)] == [
        ("one.md", 3, 9),
        ("two.md", 3, 9),
        ("a.md", 3, 9),
    ]
    assert [(link.target, link.line) for link in page_links(text, files.get)] == [
        ("zero.md", 1),
        ("one.md", 3),
        ("two.md", 3),
        ("a.md", 3),
    ]
    assert [link.target for link in page_links(text)] == ["zero.md"]  # the control: without a reader
