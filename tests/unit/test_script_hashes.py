"""The policy's inline-script hashes: exactly the page's inline scripts, as browsers hash them."""

from __future__ import annotations

import base64
import hashlib

import pytest

from briefbook import SCRIPT_HASHES, add_script_hashes, csp, inline_scripts, read_built_page, script_hashes

POLICY = f'<meta http-equiv="Content-Security-Policy" content="script-src \'self\' {SCRIPT_HASHES}">'


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_each_inline_script_is_hashed_once_and_data_blocks_and_files_are_not() -> None:
    html = (
        "<script>a = 1</script><script src='x.js'></script>"
        '<script id="__config" type="application/json">{"a": 1}</script>'
        "<script>\n  b = '&amp;'\n</script><script>a = 1</script>"
    )
    assert script_hashes(html) == [_sha("a = 1"), _sha("\n  b = '&amp;'\n")]


def test_the_token_is_replaced_by_the_hashes() -> None:
    page = f"<head>{POLICY}<script>a()</script></head>"
    assert add_script_hashes(page) == page.replace(SCRIPT_HASHES, _sha("a()"))


def test_a_page_without_the_token_or_scripts_is_left_as_it_is() -> None:
    assert add_script_hashes("<p>text</p>") == "<p>text</p>"
    assert add_script_hashes(f"<head>{POLICY}</head>") == f"<head>{POLICY.replace(' ' + SCRIPT_HASHES, ' ')}</head>"


def test_scripts_are_read_as_a_browser_reads_them() -> None:
    """Line breaks are normalized, and an SVG script, which is not raw text, has its entities decoded."""
    html = "<script>a()\r\n</script><svg><script>b(1 &lt; 2)<g></g>c()</script></svg>"
    assert inline_scripts(html) == ["a()\n", "b(1 < 2)c()"]


def test_without_lexbor_the_standard_parser_reads_the_scripts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(csp, "lexbor_tree", lambda html: None)
    assert inline_scripts("<script>a = 1</script><script src='x.js'></script><p>b</p>") == ["a = 1"]
    assert inline_scripts("<p" * 200 + "<script>a = 1</script>") == []  # a page that fails the build


def test_the_check_of_what_a_page_loads_hands_over_its_scripts() -> None:
    page = f"<head>{POLICY}<script>a()</script></head><body><img src='https://example.org/x.png'></body>"
    built = read_built_page("site/p.html", page)
    assert [d.message for d in built.problems] == ["<img src> loads 'https://example.org/x.png' from another host"]
    assert built.scripts == ["a()"]
    assert add_script_hashes(page, built.scripts) == add_script_hashes(page) == page.replace(SCRIPT_HASHES, _sha("a()"))


@pytest.mark.parametrize("content", ["<p>a</p><script>planted()</script>", "<svg><SCRIPT>planted()</SCRIPT></svg>"])
def test_a_page_whose_content_holds_a_script_gets_no_hash(content: str) -> None:
    """Should a script get past the allowlist, it does not run: nor do the theme's on that page."""
    page = f"<head>{POLICY}<script>theme()</script></head><body><article>{content}</article></body>"
    assert add_script_hashes(page, content=content) == page.replace(" " + SCRIPT_HASHES, " ")
    assert add_script_hashes(page, content="<p>a</p>") == page.replace(SCRIPT_HASHES, " ".join(script_hashes(page)))
