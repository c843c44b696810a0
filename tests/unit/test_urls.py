"""Canonical article addresses: each kind of debris found, named, and removed exactly."""

from __future__ import annotations

import pytest

from briefbook.urls import check_url


@pytest.mark.parametrize(
    ("url", "reasons", "canonical"),
    [
        pytest.param("https://www.dawn.com/news/1897307/race-to-rescue", [], None, id="canonical"),
        pytest.param(
            "https://voanews.com/amp/a-13-2006-04-10-voa20/324742.html",
            ["AMP copy ('/amp/')"],
            "https://voanews.com/a-13-2006-04-10-voa20/324742.html",
            id="amp-segment",
        ),
        pytest.param(
            "https://english.aaj.tv/news/amp/30347118",
            ["AMP copy ('/amp/')"],
            "https://english.aaj.tv/news/30347118",
            id="amp-inner-segment",
        ),
        pytest.param(
            "https://tribune.com.pk/story/2450746/baloch-marchers?amp=1",
            ["AMP copy ('?amp=1')"],
            "https://tribune.com.pk/story/2450746/baloch-marchers",
            id="amp-query",
        ),
        pytest.param(
            "https://thefridaytimes.com/15-Mar-2019/nfc-award?version=amp",
            ["AMP copy ('?version=amp')"],
            "https://thefridaytimes.com/15-Mar-2019/nfc-award",
            id="amp-version-query",
        ),
        pytest.param(
            "https://economictimes.indiatimes.com/news/defence/gti/amp_articleshow/118764139.cms",
            ["AMP copy ('amp_articleshow')"],
            "https://economictimes.indiatimes.com/news/defence/gti/articleshow/118764139.cms",
            id="amp-articleshow",
        ),
        pytest.param(
            "https://amp.dawn.com/news/1897307",
            ["AMP copy ('amp.')"],
            "https://www.dawn.com/news/1897307",
            id="amp-host",
        ),
        pytest.param(
            "https://www.dawn.com/news/1440361/nfc?utm_source=feedburner&utm_medium=feed&utm_campaign=Feed",
            ["tracking parameters (utm_source, utm_medium, utm_campaign)"],
            "https://www.dawn.com/news/1440361/nfc",
            id="utm",
        ),
        pytest.param(
            "https://example.org/report?id=7&fbclid=abc",
            ["tracking parameters (fbclid)"],
            "https://example.org/report?id=7",
            id="fbclid-keeps-other-parameters",
        ),
        pytest.param(
            "https://www.dawn.com/news/1680941/i.dawn.com",
            ["another host's name in the path ('/i.dawn.com')"],
            "https://www.dawn.com/news/1680941",
            id="host-in-path",
        ),
        pytest.param(
            "https://www.express.pk/story/2763921/fonts.googleapis.com",
            ["another host's name in the path ('/fonts.googleapis.com')"],
            "https://www.express.pk/story/2763921",
            id="font-host-in-path",
        ),
        pytest.param("https://www.hrw.org/report/2011/07/28/index.html", [], None, id="file-name-is-no-host"),
        pytest.param(
            "https://thediplomat.com./2024/06/why-barrick",
            ["trailing dot in the host 'thediplomat.com.'"],
            "https://thediplomat.com/2024/06/why-barrick",
            id="trailing-dot",
        ),
        pytest.param(
            "https://www.trtworld.com:443/article/16739515",
            ["explicit default port ':443'"],
            "https://www.trtworld.com/article/16739515",
            id="default-port-https",
        ),
        pytest.param(
            "http://news.bbc.co.uk:80/2/hi/south_asia/4167299.stm",
            ["explicit default port ':80'"],
            "http://news.bbc.co.uk/2/hi/south_asia/4167299.stm",
            id="default-port-http",
        ),
        pytest.param("https://example.org:8443/x", [], None, id="other-port-kept"),
        pytest.param(
            "https://www.dawn.com/news/1897307#comments",
            ["fragment ('#comments')"],
            "https://www.dawn.com/news/1897307",
            id="fragment",
        ),
        pytest.param(
            "https://example.org/a report",
            ["character ' ' must be percent-encoded"],
            "https://example.org/a%20report",
            id="space",
        ),
        pytest.param(
            "https://example.org/جعفر",
            ["character 'ج' must be percent-encoded"],
            "https://example.org/%D8%AC%D8%B9%D9%81%D8%B1",
            id="non-ascii",
        ),
        pytest.param(
            "https://example.org/100%",
            ["character '%' must be percent-encoded"],
            "https://example.org/100%25",
            id="bare-percent",
        ),
        pytest.param(
            "https://www.trtworld.com:443/amp/article/1?utm_source=x#top",
            [
                "explicit default port ':443'",
                "AMP copy ('/amp/')",
                "tracking parameters (utm_source)",
                "fragment ('#top')",
            ],
            "https://www.trtworld.com/article/1",
            id="several-at-once",
        ),
    ],
)
def test_each_kind_of_debris_is_named_and_removed(url: str, reasons: list[str], canonical: str | None) -> None:
    problems = check_url(url)
    assert [p.reason for p in problems] == reasons
    if canonical is not None:
        assert problems[-1].canonical == canonical
        assert check_url(canonical) == []
