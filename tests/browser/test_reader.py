"""The reader's experience in a real Chromium: every page accessible in light and dark, from disk and
over http; search, references, acronyms, anchors and the palette; a phone's screen; screenshots."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from conftest import LOCAL_SCHEMES

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

pytestmark = pytest.mark.browser

SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's default address, which the sitemap uses
PHONE = {"width": 375, "height": 740}
TOOLTIP = ".md-tooltip2--active, .md-tooltip--active"


def pages_of(book: Path) -> list[str]:
    """Every page of the book, as a path relative to the site, from its sitemap."""
    tree = ElementTree.parse(book / "sitemap.xml")
    urls = [loc.text or "" for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    return [url.removeprefix(SITE_URL) or "index.html" for url in urls]


class Reader:
    """A browser tab that records every request and every console error of the pages it opens."""

    def __init__(self, context: BrowserContext) -> None:
        self.page: Page = context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(f"{self.page.url}: {error}"))
        self.page.on(
            "console",
            lambda message: self.errors.append(f"{self.page.url}: {message.text}") if message.type == "error" else None,
        )

    def open(self, url: str) -> Page:
        self.page.goto(url)
        self.page.wait_for_load_state("load")
        return self.page

    def outside(self, origin: str) -> list[str]:
        """The requests that left the local origin: none, ever."""
        return [url for url in self.requests if not url.startswith((*LOCAL_SCHEMES, origin))]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_passes_axe_with_no_console_error(browser: Browser, book: Path, origin: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)  # type: ignore[arg-type]
    reader = Reader(context)
    axe = Axe()
    # The 404 page is in no sitemap. It is served for missing addresses on a host, so its links
    # are from the site's root; opened from disk those fail (it is styled there all the same, by
    # the twins test_offline_site checks), so it is scanned over http only.
    pages = [*pages_of(book), *(["404.html"] if origin.startswith("http") else [])]
    assert len(pages) >= 30 and "groups/bla.html" in pages and "timeline/index.html" in pages
    found = []
    for path in pages:
        page = reader.open(origin + path)
        expected = "slate" if scheme == "dark" else "default"
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected, path
        results = axe.run(page, options={"resultTypes": ["violations"]})
        for violation in results.response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                targets = [node["target"] for node in violation["nodes"]][:3]
                found.append(f"{path}: {violation['id']} ({violation['impact']}) at {targets}")
    context.close()
    assert found == []
    assert reader.errors == []
    assert reader.outside(origin) == []


def test_the_accessibility_check_finds_what_the_book_fixed(browser: Browser, book: Path) -> None:
    """The control for the test above: with the book's fixes undone, axe-core reports each of them."""
    page = browser.new_context(bypass_csp=True).new_page()  # to plant the style sheet that undoes them
    page.goto((book / "groups" / "bla.html").as_uri())
    page.add_style_tag(content=".md-typeset a { text-decoration: none !important } .md-tabs__link { opacity: .7 }")
    page.evaluate("document.querySelector('.md-search').removeAttribute('aria-label')")
    results = Axe().run(page, options={"resultTypes": ["violations"]})
    found = {v["id"] for v in results.response["violations"] if v["impact"] in ("serious", "critical")}
    assert {"link-in-text-block", "color-contrast", "aria-dialog-name"} <= found


def test_searching_for_the_majeed_brigade_lands_on_the_bla_profile(browser: Browser, origin: str) -> None:
    reader = Reader(browser.new_context())
    page = reader.open(origin + "index.html")
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("Majeed Brigade", delay=20)
    result = page.locator(".md-search-result__item a[href*='groups/bla']").first
    result.wait_for(timeout=15_000)
    result.click()
    page.wait_for_url(re.compile(r".*/groups/bla\.html.*"))
    assert "Balochistan Liberation Army" in page.locator("h1").inner_text()
    assert reader.errors == []
    assert reader.outside(origin) == []


def test_a_reference_shows_its_source_on_hover_and_on_focus(browser: Browser, origin: str) -> None:
    page = Reader(browser.new_context()).open(origin + "groups/bla.html")
    reference = page.locator("a.footnote-ref").first
    number = (reference.get_attribute("href") or "").removeprefix("#")
    source = page.locator(f"li[id='{number}']").inner_text().split(".")[0]
    reference.hover()
    tooltip = page.locator(TOOLTIP).first
    tooltip.wait_for(timeout=10_000)
    assert source[:40] in tooltip.inner_text()
    page.mouse.move(0, 0)
    page.locator(TOOLTIP).first.wait_for(state="detached", timeout=10_000)
    page.locator("a.footnote-ref").nth(1).focus()
    page.locator(TOOLTIP).first.wait_for(timeout=10_000)


def test_tapping_a_reference_on_a_phone_shows_the_source_without_leaving_the_text(
    browser: Browser, origin: str
) -> None:
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = Reader(context).open(origin + "groups/bla.html")
    reference = page.locator("article a.footnote-ref").nth(3)
    reference.scroll_into_view_if_needed()
    before = page.evaluate("window.scrollY")
    reference.tap()
    tooltip = page.locator(TOOLTIP).first
    tooltip.wait_for(timeout=10_000)
    assert "Source entry" in tooltip.inner_text()
    assert "#fn" not in page.url
    assert abs(page.evaluate("window.scrollY") - before) < 5


def test_a_reference_still_jumps_to_the_list_with_a_mouse(browser: Browser, origin: str) -> None:
    """The control for the test above: only a touch screen keeps the reader in place."""
    page = Reader(browser.new_context()).open(origin + "groups/bla.html")
    page.locator("article a.footnote-ref").nth(3).click()
    assert "#fn:" in page.url


def test_hovering_an_acronym_shows_its_definition(browser: Browser, origin: str) -> None:
    page = Reader(browser.new_context()).open(origin + "groups/bla.html")
    acronym = page.locator("article abbr", has_text="BLA").first
    acronym.hover()
    tooltip = page.locator(TOOLTIP).first
    tooltip.wait_for(timeout=10_000)
    assert tooltip.inner_text() == "Balochistan Liberation Army"


def test_a_cross_page_anchor_link_scrolls_to_its_heading(browser: Browser, origin: str) -> None:
    page = Reader(browser.new_context()).open(origin + "index.html")
    link = page.locator("article a[href$='background/jaffar-express.html#figures']").first
    link.click()
    page.wait_for_url(re.compile(r".*/background/jaffar-express\.html#figures$"))
    heading = page.locator("h2#figures, h3#figures").first
    expect(heading).to_be_in_viewport()
    top = heading.evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= top < 200
    assert page.evaluate("window.scrollY") > 200


def test_the_palette_toggle_switches_and_is_remembered(browser: Browser, origin: str) -> None:
    context = browser.new_context(color_scheme="light")
    page = Reader(context).open(origin + "index.html")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.goto(origin + "timeline/index.html")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.reload()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"


OVERFLOW = """() => {
  const wide = [];
  if (document.documentElement.scrollWidth > window.innerWidth) wide.push("page " + document.documentElement.scrollWidth);
  for (const e of document.querySelectorAll(".md-content .bb-factbox, .md-content .bb-tl-event, .md-content p")) {
    const box = e.getBoundingClientRect();
    if (box.right > window.innerWidth + 1) wide.push(e.className || e.tagName);
  }
  return wide;
}"""


@pytest.mark.parametrize("path", ["groups/bla.html", "groups/index.html", "timeline/index.html", "index.html"])
def test_on_a_phone_nothing_overflows_the_screen(browser: Browser, origin: str, path: str) -> None:
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = Reader(context).open(origin + path)
    assert page.evaluate(OVERFLOW) == []


def test_on_a_phone_a_wide_table_scrolls_in_its_own_box_and_shows_it(browser: Browser, origin: str) -> None:
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = Reader(context).open(origin + "groups/index.html")
    wraps = page.locator("article .md-typeset__scrollwrap")
    wide = [i for i in range(wraps.count()) if wraps.nth(i).evaluate("e => e.scrollWidth > e.clientWidth + 1")]
    assert wide, "the comparison table should be wider than a phone"
    wrap = wraps.nth(wide[0])
    assert wrap.evaluate("e => getComputedStyle(e).overflowX") == "auto"
    assert wrap.evaluate("e => getComputedStyle(e).backgroundImage").count("gradient") == 4
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_on_a_phone_the_navigation_drawer_opens(browser: Browser, origin: str) -> None:
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = Reader(context).open(origin + "groups/bla.html")
    drawer = page.locator(".md-sidebar--primary")
    assert drawer.evaluate("e => e.getBoundingClientRect().right") <= 0
    page.locator("label.md-header__button[for='__drawer']").tap()
    expect(page.locator("#__drawer")).to_be_checked()
    for _ in range(50):  # the drawer slides in
        if drawer.evaluate("e => e.getBoundingClientRect().left") >= 0:
            break
        page.wait_for_timeout(100)
    assert drawer.evaluate("e => e.getBoundingClientRect().left") >= 0
    page.locator(".md-sidebar--primary .md-nav__link", has_text="Timeline").first.wait_for(state="visible")


SHOTS = ["index.html", "groups/bla.html", "timeline/index.html"]


def test_screenshots_of_the_overview_a_profile_and_the_timeline(
    browser: Browser, book: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Light and dark, desktop and phone, saved for a person to look at (the path is printed)."""
    folder = tmp_path_factory.mktemp("screenshots")
    for scheme in ("light", "dark"):
        for device, viewport in (("desktop", {"width": 1280, "height": 900}), ("phone", PHONE)):
            context = browser.new_context(color_scheme=scheme, viewport=viewport)  # type: ignore[arg-type]
            page = context.new_page()
            for path in SHOTS:
                page.goto((book / path).as_uri())
                page.wait_for_load_state("load")
                name = f"{path.replace('/', '-').removesuffix('.html')}-{scheme}-{device}.png"
                page.screenshot(path=folder / name, full_page=False)
            context.close()
    shots = sorted(folder.glob("*.png"))
    print(f"\nscreenshots: {folder}")
    assert len(shots) == 12
    assert all(shot.stat().st_size > 10_000 for shot in shots)
