"""The Content-Security-Policy of every page: the site's own files only, inline scripts by hash.

The theme override (``overrides/main.html``) writes the policy as a ``<meta>`` at the top
of every page's head, with the token [SCRIPT_HASHES][briefbook.csp.SCRIPT_HASHES] where
the inline scripts' hashes belong. The theme emits a few small inline scripts (the local
storage scope, the palette, the tabs), and their text differs with the page's depth, so
[add_script_hashes][briefbook.csp.add_script_hashes] fills the token on each page once it
is rendered: a script that is not one of those, planted or injected, does not run.
"""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser

from .html_scan import UNTERMINATED_LIMIT, unterminated_tags

SCRIPT_HASHES = "'briefbook-inline-scripts'"
"""The token in the policy that each page's inline-script hashes replace."""

_EXECUTABLE = frozenset({"", "text/javascript", "application/javascript", "module"})


class _InlineScripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and "src" not in values and (values.get("type") or "").lower() in _EXECUTABLE:
            self._current = []

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None


def script_hashes(html: str) -> list[str]:
    """Return the CSP source expression (``'sha256-...'``) of each inline script of a page, in order."""
    if unterminated_tags(html) > UNTERMINATED_LIMIT:
        return []  # such a page fails the build; its scripts get no hash and so do not run
    parser = _InlineScripts()
    parser.feed(html)
    parser.close()
    found = []
    for script in parser.scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
        found.append(f"'sha256-{digest}'")
    return list(dict.fromkeys(found))


def add_script_hashes(html: str) -> str:
    """Replace the policy's token with the hashes of the page's inline scripts.

    Args:
        html: A whole rendered page.

    Returns:
        The page with ``'briefbook-inline-scripts'`` replaced (by nothing when the page has
        no inline script, leaving the site's own script files); a page without the token is
        returned unchanged.
    """
    if SCRIPT_HASHES not in html:
        return html
    return html.replace(SCRIPT_HASHES, " ".join(script_hashes(html)), 1)
