"""The built book in a real Chromium: offline from disk, search included, no third party."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from conftest import LOCAL_SCHEMES, MKDOCS, REPO_URL, make_site, run

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(book: Path) -> Path:
    return book


def test_search_works_from_disk_without_any_third_party_request(site: Path, browser: Browser) -> None:
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((site / "index.html").as_uri())
    page.wait_for_load_state("load")
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("insurgency", delay=20)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15_000)
    assert results.count() >= 1
    assert "matching document" in page.locator(".md-search-result__meta").inner_text()
    outside = [url for url in requests if not url.startswith(LOCAL_SCHEMES)]
    assert outside == []
    assert any(url.endswith("search_index.js") for url in requests)
    assert any("vendor/iframe-worker/shim.js" in url for url in requests)


def test_every_page_loads_from_disk_with_only_local_requests(site: Path, browser: Browser) -> None:
    page = browser.new_page()
    requests: list[str] = []
    failed: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    # A request the next page's navigation cuts short (ERR_ABORTED: the search worker fetching
    # its index on a busy machine) is no missing file; every other failure is.
    page.on(
        "requestfailed",
        lambda request: (
            failed.append(f"{request.url}: {request.failure}") if request.failure != "net::ERR_ABORTED" else None
        ),
    )
    pages = sorted(p for p in site.rglob("*.html") if p.name != "404.html")
    assert len(pages) >= 14
    for path in pages:
        page.goto(path.as_uri())
        # "load", then a moment for late requests (the search worker's index): the listener records
        # every request whenever it comes, while "networkidle" can wait forever on a busy machine.
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)
    assert [url for url in requests if not url.startswith(LOCAL_SCHEMES)] == []
    assert failed == []


def test_footer_states_the_licences_and_palette_toggles(site: Path, browser: Browser) -> None:
    page = browser.new_page()
    page.goto((site / "index.html").as_uri())
    footer = page.locator(".md-copyright").inner_text()
    assert "CC BY 4.0" in footer
    assert "MIT" in footer
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("label.md-header__button[for^='__palette']").first.click()
    assert page.locator("body").get_attribute("data-md-color-scheme") != scheme


def test_every_page_shows_its_review_date(site: Path, browser: Browser) -> None:
    page = browser.new_page()
    page.goto((site / "background" / "index.html").as_uri())
    assert page.locator(".bb-reviewed time").get_attribute("datetime") == "2026-11-24"
    assert page.locator(".bb-reviewed").inner_text() == "Last reviewed: 2026-11-24"


def test_hovering_a_reference_shows_the_source(tmp_path: Path, browser: Browser) -> None:
    fixture = make_site("citations", tmp_path)
    assert run([*MKDOCS, "build", "--strict"], cwd=fixture).code == 0
    page = browser.new_page()
    page.goto((fixture / "site" / "index.html").as_uri())
    page.locator("a.footnote-ref").first.hover()
    tooltip = page.locator(".md-tooltip2--active, .md-tooltip--active").first
    tooltip.wait_for(timeout=10_000)
    assert "A train report" in tooltip.inner_text()
    assert "dawn.com" in tooltip.inner_text()


def test_timeline_filters_narrow_the_events_from_disk_without_script(site: Path, browser: Browser) -> None:
    page = browser.new_page(java_script_enabled=False)
    page.goto((site / "timeline" / "index.html").as_uri())
    events = page.locator("article.bb-tl-event")
    total = events.count()
    assert total >= 20
    visible = page.locator("article.bb-tl-event:visible")
    assert visible.count() == total
    every = [
        (events.nth(i).get_attribute("data-groups") or "", events.nth(i).get_attribute("data-type"))
        for i in range(total)
    ]
    page.locator("#bb-tl-group-lej").check()
    shown = [visible.nth(i).get_attribute("data-groups") or "" for i in range(visible.count())]
    assert shown and all("lej" in groups.split() for groups in shown)
    assert len(shown) == sum("lej" in groups.split() for groups, _ in every)
    assert page.locator("section.bb-tl-year:visible").count() < page.locator("section.bb-tl-year").count()
    page.locator("#bb-tl-type-attack").check()
    attacks = sum("lej" in groups.split() and kind == "attack" for groups, kind in every)
    assert 0 < attacks < len(shown)
    assert visible.count() == attacks
    assert all(visible.nth(i).get_attribute("data-type") == "attack" for i in range(attacks))
    page.locator("#bb-tl-group-all").check()
    page.locator("#bb-tl-type-all").check()
    assert visible.count() == total
    page.emulate_media(media="print")
    assert page.locator(".bb-tl-filters").is_hidden()
    assert visible.count() == total


def test_the_404_page_is_styled_when_opened_from_disk(site: Path, browser: Browser) -> None:
    page = browser.new_page()
    page.goto((site / "404.html").as_uri())
    page.wait_for_load_state("load")
    header = page.locator(".md-header")
    assert header.evaluate("e => getComputedStyle(e).position") == "sticky"  # the theme's style sheet applies
    assert page.locator("h1").inner_text() == "404 - Not found"


def test_every_page_shows_where_to_edit_and_correct_it(site: Path, browser: Browser) -> None:
    page = browser.new_page()
    page.goto((site / "timeline" / "index.html").as_uri())
    edit = page.get_by_role("link", name="Edit this page")
    assert edit.get_attribute("href") == f"{REPO_URL}/edit/main/docs/timeline/index.md"
    correction = page.get_by_role("link", name="Report a correction").get_attribute("href") or ""
    assert correction.startswith(f"{REPO_URL}/issues/new?template=correction.yml&title=Correction%3A%20Timeline&page=")
    page.get_by_role("link", name="BibTeX").wait_for()
