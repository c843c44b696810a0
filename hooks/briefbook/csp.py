"""The Content-Security-Policy of every page: the site's own files only, inline scripts by hash.

The theme override (``overrides/main.html``) writes the policy as a ``<meta>`` at the top
of every page's head, with the token [SCRIPT_HASHES][briefbook.csp.SCRIPT_HASHES] where
the inline scripts' hashes belong. The theme emits a few small inline scripts (the local
storage scope, the palette, the tabs), and their text differs with the page's depth, so
[add_script_hashes][briefbook.csp.add_script_hashes] fills the token on each page once it
is rendered. The allowlist refuses a ``<script>`` in a page's content; should one get past
it, the page gets no hash at all (its content is known to the hooks), so a script written in
a page does not run, and neither does one injected into the page once it is loaded.

A script is hashed as a browser hashes it: the text of its own text nodes as Lexbor, a
browser's HTML5 parser, builds them (line breaks normalized; entities decoded in an SVG
``<script>``, which is not raw text). The check of what each page loads reads the page
with Lexbor anyway and hands its scripts over, so the page is read once for both.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from .html_scan import UNTERMINATED_LIMIT, lexbor_tree, unterminated_tags

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

SCRIPT_HASHES = "'briefbook-inline-scripts'"
"""The token in the policy that each page's inline-script hashes replace."""

_EXECUTABLE = frozenset({"", "text/javascript", "application/javascript", "module"})
_SCRIPT_TAG = re.compile("<script", re.IGNORECASE)
"""How every script element is written: tag names are never entity-decoded, only lower-cased."""


def runs_inline(attributes: Mapping[str, str | None]) -> bool:
    """Whether a ``<script>`` with these attributes runs its own text (not a file, not a data block)."""
    return "src" not in attributes and (attributes.get("type") or "").lower() in _EXECUTABLE


class _InlineScripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script" and runs_inline(dict(attrs)):
            self._current = []

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None


def inline_scripts(html: str) -> list[str]:
    """Return the text of each inline script of a whole page, in order, as a browser runs it."""
    tree = lexbor_tree(html)
    if tree is not None:
        scripts = [node.text(deep=False) for node in tree.css("script") if runs_inline(node.attributes)]
        del tree
        lexbor_tree.cache_clear()
        return scripts
    if unterminated_tags(html) > UNTERMINATED_LIMIT:
        return []  # such a page fails the build; read without Lexbor it would take quadratic time
    parser = _InlineScripts()
    parser.feed(html)
    parser.close()
    return parser.scripts


def script_hashes(html: str, scripts: Iterable[str] | None = None) -> list[str]:
    """Return the CSP source expression (``'sha256-...'``) of each inline script of a page, in order, once each.

    Args:
        html: A whole rendered page.
        scripts: Its inline scripts' texts, if the page was read already (see
            [read_built_page][briefbook.resources.read_built_page]); else the page is read here.
    """
    found = []
    for script in inline_scripts(html) if scripts is None else scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
        found.append(f"'sha256-{digest}'")
    return list(dict.fromkeys(found))


def add_script_hashes(html: str, scripts: Iterable[str] | None = None, *, content: str | None = None) -> str:
    """Replace the policy's token with the hashes of the page's inline scripts.

    Args:
        html: A whole rendered page.
        scripts: Its inline scripts' texts, if the page was read already; else it is read here.
        content: The page's content as the theme put it in, if known. When it holds a
            ``<script`` tag (which the allowlist refuses), no script of the page gets a hash:
            the theme's scripts do not run on that page either, but nor does the planted one.

    Returns:
        The page with ``'briefbook-inline-scripts'`` replaced (by nothing when the page has
        no inline script that may run, leaving the site's own script files); a page without
        the token is returned unchanged.
    """
    if SCRIPT_HASHES not in html:
        return html
    planted = content is not None and _SCRIPT_TAG.search(content) is not None
    return html.replace(SCRIPT_HASHES, "" if planted else " ".join(script_hashes(html, scripts)), 1)
