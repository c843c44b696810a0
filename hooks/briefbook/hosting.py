"""What the hosted site needs beyond its pages: ``robots.txt``, and a 404 page styled everywhere.

The host serves ``404.html`` for any missing address, at any depth, so the theme writes its
links from the site's root (``/book/assets/…``). Opened from disk, those lead nowhere and
the page shows unstyled. :func:`styled_404` gives each of its style sheets a twin relative
to the page, which resolves from disk (and on the host, where the absolute one already has).
"""

from __future__ import annotations

import re
import urllib.parse

ROBOTS_FILE = "robots.txt"

_STYLESHEET = re.compile(r'<link rel="stylesheet" href="(/[^"<>]*)">')
"""A style sheet link as the theme writes it: the page's own markup, not a contributor's."""


def site_path(site_url: str | None) -> str:
    """Return the path the site is served under, ending in ``/`` (``/`` when there is none).

    >>> site_path("https://example.org/book")
    '/book/'
    """
    path = urllib.parse.urlsplit(site_url or "").path or "/"
    return path if path.endswith("/") else f"{path}/"


def robots_txt(site_url: str | None) -> str:
    """Return ``robots.txt``: every page may be read and indexed; the sitemap is at the site's address."""
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines.append(f"Sitemap: {urllib.parse.urljoin(site_url, 'sitemap.xml')}")
    return "\n".join(lines) + "\n"


def styled_404(html: str, base_path: str) -> str:
    """Give each style sheet of the site-root ``404.html`` a twin that resolves when opened from disk.

    Args:
        html: The page as the theme wrote it, with links from the site's root.
        base_path: The path the site is served under (see :func:`site_path`).
    """

    def twin(match: re.Match[str]) -> str:
        href = match.group(1)
        if not href.startswith(base_path):
            return match.group(0)
        return f'<link rel="stylesheet" href="{href[len(base_path) :]}">{match.group(0)}'

    return _STYLESHEET.sub(twin, html)
