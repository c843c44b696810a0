"""Hypothesis properties of the parsers: never raise, positions on the text, same output twice."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefbook import LinkKind, SourceLink, check_front_matter, mask_markdown, scan_links

MARKDOWN_FRAGMENTS = [
    "[", "]", "](", ")", "(", "![", "[^1]", "[^1]: ", "]: ", "<", ">", "`", "``", "```", "~~~",
    "<!--", "-->", "\\", "\\[", "\n", "\r\n", "\n\n", " ", "    ", "\t", "---\n", "!!! note\n",
    "x.md", "../a.md", "#a", "#", '"t"', "'t'", "é", "🙂",
    '<a href="', '<a href=', "<img src='", "<source src=", '">', "http://x", "//h/",
]  # fmt: skip

FRONT_MATTER_FRAGMENTS = [
    "---", "...", "\n", "\r\n", " ", "  ", "\t", "title:", "description:", "reviewed:", " T", " ''",
    " 2026-11-24", " 2026-02-30", " 24/11/2026", " ~", "[", "]", "{", "}", "- ", "&a ", "*a", "!!str ",
    "'", '"', "#", ":", "é", "\x07",
]  # fmt: skip

markdown_text = st.one_of(st.text(), st.lists(st.sampled_from(MARKDOWN_FRAGMENTS), max_size=40).map("".join))
front_matter_text = st.one_of(
    st.text(),
    st.lists(st.sampled_from(FRONT_MATTER_FRAGMENTS), max_size=40).map(lambda parts: "---\n" + "".join(parts)),
)

EXAMPLES = settings(max_examples=200, deadline=None)


def offset_of(text: str, link: SourceLink) -> int:
    """Return the offset of a link's line and column, checking both lie inside the text."""
    lines = text.split("\n")
    assert 1 <= link.line <= len(lines)
    assert 1 <= link.col <= len(lines[link.line - 1]) + 1  # +1: a target may start with the line break
    offset = sum(len(line) + 1 for line in lines[: link.line - 1]) + link.col - 1
    assert offset < len(text)
    return offset


@EXAMPLES
@given(markdown_text)
def test_mask_markdown_keeps_every_offset_and_line_break(text: str) -> None:
    masked = mask_markdown(text)
    assert len(masked) == len(text)
    for original, kept in zip(text, masked, strict=True):
        if original in "\r\n":
            assert kept == original
        else:
            assert kept in (original, " ")
    assert mask_markdown(text) == masked


@EXAMPLES
@given(markdown_text)
# Found by Hypothesis: a definition whose '<' is never closed, and a target that
# starts with a line break (its column is one past the end of its line).
@example("[x]: <")
@example('<A HREF="\n">')
def test_scan_links_points_at_each_target_and_repeats_itself(text: str) -> None:
    links = scan_links(text)
    assert scan_links(text) == links
    offsets = [offset_of(text, link) for link in links]
    assert offsets == sorted(offsets)
    for link, offset in zip(links, offsets, strict=True):
        written = text[offset:]
        if "\\" in written[: len(link.target) + 1]:
            continue  # escapes removed: the target is shorter than what is written
        if link.kind is LinkKind.FOOTNOTE:  # [^label] links to #fn:label
            assert written.startswith("[^" + link.target.removeprefix("#fn:") + "]"), (link, written)
            continue
        in_angle_brackets = link.kind is not LinkKind.HTML and written.startswith("<" + link.target + ">")
        assert written.startswith(link.target) or in_angle_brackets, (link, written)


@EXAMPLES
@given(front_matter_text)
def test_check_front_matter_never_raises_and_stays_inside_the_text(text: str) -> None:
    diagnostics = check_front_matter("docs/p.md", text)
    assert check_front_matter("docs/p.md", text) == diagnostics
    lines = text.count("\n") + 1
    for diagnostic in diagnostics:
        assert 1 <= diagnostic.line <= lines
        assert diagnostic.col is None or diagnostic.col >= 1


URL_FRAGMENTS = [
    "https://", "http://", "www.", "a.com", "amp.", "/amp", "/amp/", "/x", "?", "&", "=", "amp=1", "utm_source=x",
    "#", "#f", ":443", ":80", ":8080", ".", " ", "%", "%2F", "é", "/i.dawn.com", "/index.html", "[", "]", "@",
]  # fmt: skip
url_text = st.one_of(st.text(), st.lists(st.sampled_from(URL_FRAGMENTS), max_size=20).map("".join))


@EXAMPLES
@given(url_text)
@example("https://a.com:443/amp/x?utm_source=y#z")
@example("http://[::1")
def test_url_check_never_raises_and_is_deterministic(url: str) -> None:
    from briefbook.urls import check_url

    first = check_url(url)
    assert first == check_url(url)
    assert all(isinstance(p.reason, str) and isinstance(p.canonical, str) for p in first)


wording_text = st.one_of(
    st.text(),
    st.lists(
        st.sampled_from(['"', "“", "”", "‘", "’", "'", "<q>", "</q>", "> ", "terrorist", "crackdown", " ", "\n", "\n\n",
                         "`", "<!-- wording: r -->\n", "[@k]", "](x)", "{#a}", "# ", "Foreign Terrorist Organization"]),
        max_size=40,
    ).map("".join),
)  # fmt: skip


@EXAMPLES
@given(wording_text)
def test_wording_check_never_raises_and_points_at_the_word(text: str) -> None:
    from briefbook import parse_markers
    from briefbook.wording import check_wording, load_wording

    wording, _ = load_wording("w.yaml", "- words: [terrorist, crackdown]\n  reason: r\n")
    markers, _ = parse_markers("p.md", text)
    found, _ = check_wording("p.md", text, wording, markers)
    lines = text.split("\n")
    for diagnostic in found:
        word = diagnostic.message.split("'")[1]
        assert diagnostic.col is not None
        assert lines[diagnostic.line - 1][diagnostic.col - 1 :].lower().startswith(word.split()[0].lower())
