"""The policy's inline-script hashes: exactly the page's inline scripts, as browsers hash them."""

from __future__ import annotations

import base64
import hashlib

from briefbook import SCRIPT_HASHES, add_script_hashes, script_hashes

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
