"""Canonical article addresses: what a registry URL must not carry, and what it should be.

A source is cited at its publisher's ordinary article address, the one a reader would
share. A URL copied from a search result, a feed or a phone often carries more. The
check finds, in this order:

    whitespace or characters   anything outside RFC 3986 (spaces, quotes, <>, non-ASCII)
      that need quoting          and "%" not followed by two hex digits
    trailing dot in the host   "thediplomat.com./2024/..."
    explicit default port      ":443" on https, ":80" on http
    AMP copy                   a path segment "amp" ("/amp/", "/news/amp/"), an
                               "amp_articleshow" segment, an "amp." host, or a query
                               parameter "amp", "amp=1", "version=amp", "outputType=amp"
    tracking parameters        utm_*, fbclid, gclid and the other click and mail ids
    another host in the path   a segment that is a host name ("/i.dawn.com",
                               "/fonts.googleapis.com"), debris a scraper appended
    fragment                   "#..."

[check_url][briefbook.urls.check_url] returns each finding with the canonical form,
built by removing or quoting exactly what was found and nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

_ALLOWED = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*")
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_SAFE = "-._~:/?#[]@!$&'()*+,;=%"
_TRACKING = re.compile(
    r"^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|_ga|_gl|ocid|cmpid|ref_src)$",
    re.IGNORECASE,
)
_AMP_QUERY = {("amp", ""), ("amp", "1"), ("amp", "true"), ("version", "amp"), ("outputtype", "amp")}
_HOST_LABEL = r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
_HOST_SEGMENT = re.compile(rf"^{_HOST_LABEL}(?:\.{_HOST_LABEL}){{2,}}$|^{_HOST_LABEL}\.(?:com|org|net|gov|edu|int)$")
_FILE_SUFFIX = re.compile(r"\.(?:s?html?|php|aspx?|jsp|cms|ece|stm|pdf|xml|json|cfm)$", re.IGNORECASE)
_DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True, slots=True)
class UrlProblem:
    """What makes a URL other than the canonical article address."""

    reason: str
    """What was found, quoting it (``AMP copy ('/amp/')``)."""
    canonical: str
    """The address with that removed or quoted."""


def check_url(url: str) -> list[UrlProblem]:
    """Find what makes an absolute http(s) URL other than the canonical article address.

    Args:
        url: The address as written in the registry.

    Returns:
        One problem per finding, in the order of the module's table; each canonical
        form fixes that finding and every one before it. Empty when the URL is canonical.
    """
    problems: list[UrlProblem] = []
    if not _ALLOWED.fullmatch(url) or _BAD_PERCENT.search(url):
        bad = next((c for c in url if not _ALLOWED.fullmatch(c)), "%")
        url = _BAD_PERCENT.sub("%25", quote(url.strip(), safe=_SAFE))
        problems.append(UrlProblem(f"character {bad!r} must be percent-encoded", url))
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return problems
    host = parts.hostname or ""
    if host.endswith("."):
        parts = parts._replace(netloc=parts.netloc.replace(f"{host}", host.rstrip("."), 1))
        problems.append(UrlProblem(f"trailing dot in the host '{host}'", urlunsplit(parts)))
    if port is not None and port == _DEFAULT_PORTS.get(parts.scheme):
        parts = parts._replace(netloc=parts.netloc.removesuffix(f":{port}"))
        problems.append(UrlProblem(f"explicit default port ':{port}'", urlunsplit(parts)))

    segments = parts.path.split("/")
    amp = [s for s in segments if s.lower() == "amp"]
    query = parse_qsl(parts.query, keep_blank_values=True)
    amp_query = [(k, v) for k, v in query if (k.lower(), v.lower()) in _AMP_QUERY]
    if amp or amp_query or "amp_articleshow" in segments or host.startswith("amp."):
        found = (
            "/amp/"
            if amp
            else "amp_articleshow"
            if "amp_articleshow" in segments
            else f"?{urlencode(amp_query)}"
            if amp_query
            else "amp."
        )
        segments = ["articleshow" if s == "amp_articleshow" else s for s in segments if s.lower() != "amp"]
        query = [item for item in query if item not in amp_query]
        netloc = parts.netloc.replace("amp.", "www.", 1) if host.startswith("amp.") else parts.netloc
        parts = parts._replace(netloc=netloc, path="/".join(segments), query=urlencode(query))
        problems.append(UrlProblem(f"AMP copy ('{found}')", urlunsplit(parts)))
    tracking = [k for k, _ in query if _TRACKING.match(k)]
    if tracking:
        query = [(k, v) for k, v in query if not _TRACKING.match(k)]
        parts = parts._replace(query=urlencode(query))
        names = ", ".join(dict.fromkeys(tracking))
        problems.append(UrlProblem(f"tracking parameters ({names})", urlunsplit(parts)))
    debris = [s for s in segments[1:] if _HOST_SEGMENT.match(s.lower()) and not _FILE_SUFFIX.search(s)]
    if debris:
        kept = [s for s in segments if s not in debris]
        parts = parts._replace(path="/".join(kept))
        problems.append(UrlProblem(f"another host's name in the path ('/{debris[0]}')", urlunsplit(parts)))
    if "#" in url:
        fragment = parts.fragment
        parts = parts._replace(fragment="")
        problems.append(UrlProblem(f"fragment ('#{fragment}')", urlunsplit(parts).rstrip("#")))
    return problems
