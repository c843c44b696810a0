"""The Content-Security-Policy in a real Chromium: the book works under it, and a planted script does not run."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from conftest import LOCAL_SCHEMES, REPO_URL, serve

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

# Every refusal of the policy, in any frame, is logged to the console, where the test sees it.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (e) =>
  console.log(`csp-violation ${e.violatedDirective} ${e.blockedURI}`));
"""
PLANTED = (
    '<img src="planted.png" onerror="window.planted = \'handler\'">'
    "<script>window.planted = 'inline script'</script>"
    '<script src="https://example.org/planted.js"></script>'
    '<a id="planted-link" href="#" onclick="window.planted = \'click\'">planted</a>'
)


@pytest.fixture(scope="module")
def site(book: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the book with planted pages beside the real ones."""
    out = tmp_path_factory.mktemp("csp") / "site"
    shutil.copytree(book, out)
    page = (out / "groups" / "bla.html").read_text(encoding="utf-8")
    (out / "groups" / "planted.html").write_text(
        page.replace("</article>", PLANTED + "</article>", 1), encoding="utf-8"
    )
    # The theme's own repository link, as Material writes it: its script asks the code host's API for facts.
    source = 'class="md-source" data-md-component="source"'
    (out / "groups" / "theme-source.html").write_text(page.replace('class="md-source"', source), encoding="utf-8")
    shutil.copy(out / "assets" / "images" / "favicon.png", out / "groups" / "planted.png")
    return out


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    yield from serve(site)


def _open(browser: Browser, url: str) -> tuple[Page, list[str], list[str], list[str]]:
    page = browser.new_page()
    console: list[str] = []
    requests: list[str] = []
    responses: list[str] = []
    page.add_init_script(REPORT_VIOLATIONS)
    page.on("console", lambda message: console.append(message.text))
    page.on("pageerror", lambda error: console.append(f"pageerror {error}"))
    page.on("request", lambda request: requests.append(request.url))
    page.on("response", lambda response: responses.append(response.url))
    page.goto(url)
    page.wait_for_load_state("load")
    return page, console, requests, responses


@pytest.fixture(params=["file", "http"])
def base(request: pytest.FixtureRequest, site: Path) -> str:
    return site.as_uri() + "/" if request.param == "file" else str(request.getfixturevalue("server"))


def test_every_page_carries_the_policy_with_its_inline_scripts_hashed(site: Path) -> None:
    pages = [p for p in site.rglob("*.html") if p.name not in {"planted.html", "theme-source.html"}]
    assert len(pages) >= 30
    for path in pages:
        html = path.read_text(encoding="utf-8")
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
        assert policy, path
        assert "'unsafe-inline'" not in policy.group(1) and "briefbook-inline-scripts" not in policy.group(1)
        inline = set(re.findall(r"<script>(.*?)</script>", html, re.S))
        assert inline, path
        assert len(re.findall(r"'sha256-", policy.group(1))) == len(inline), path


def test_search_palette_and_tooltips_work_under_the_policy(browser: Browser, base: str) -> None:
    page, console, requests, _ = _open(browser, base + "groups/bla.html")
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("Majeed Brigade", delay=20)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15_000)
    links = [results.nth(i).locator("a").first.get_attribute("href") or "" for i in range(results.count())]
    assert any("groups/bla" in link for link in links), links
    page.keyboard.press("Escape")
    page.goto(base + "groups/bla.html")
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("label.md-header__button[for^='__palette']").first.click()
    assert page.locator("body").get_attribute("data-md-color-scheme") != scheme
    page.locator("a.footnote-ref").first.hover()
    page.locator(".md-tooltip2--active, .md-tooltip--active").first.wait_for(timeout=10_000)
    page.locator("nav.md-tabs a", has_text="Timeline").first.click()
    page.wait_for_url("**/timeline/**")
    assert [line for line in console if "csp-violation" in line or "pageerror" in line] == []
    assert [url for url in requests if not url.startswith((*LOCAL_SCHEMES, base))] == []


def test_a_planted_handler_and_script_are_blocked(browser: Browser, base: str) -> None:
    page, console, _, responses = _open(browser, base + "groups/planted.html")
    page.locator("#planted-link").click()
    page.wait_for_timeout(500)
    assert page.evaluate("window.planted") is None
    refused = [line for line in console if line.startswith("csp-violation")]
    # The image's handler, the inline script, the other host's script and the link's handler, in any order;
    # the browser asks for the other host's script only to refuse it.
    assert sorted(refused) == [
        "csp-violation script-src-attr inline",
        "csp-violation script-src-attr inline",
        "csp-violation script-src-elem https://example.org/planted.js",
        "csp-violation script-src-elem inline",
    ]
    assert [url for url in responses if "example.org" in url] == []


def test_the_repository_link_makes_no_request_to_the_code_hosts_api(browser: Browser, base: str) -> None:
    page, console, requests, _ = _open(browser, base + "groups/bla.html")
    page.wait_for_load_state("networkidle")
    assert page.locator("a.md-source").first.get_attribute("href") == REPO_URL
    assert [line for line in console if "csp-violation" in line or "pageerror" in line] == []
    assert [url for url in requests if not url.startswith((*LOCAL_SCHEMES, base))] == []


def test_the_themes_own_repository_link_would_call_the_api(browser: Browser, base: str) -> None:
    """The control for the test above: with Material's component back, the page tries the API."""
    page, console, _, _ = _open(browser, base + "groups/theme-source.html")
    page.wait_for_timeout(1_000)
    refused = [line for line in console if line.startswith("csp-violation")]
    assert "csp-violation connect-src https://api.github.com/repos/example/briefing-book" in refused
