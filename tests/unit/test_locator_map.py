"""The locator map: a static, self-contained SVG with a text alternative, drawn by tools/map/draw.mjs."""

from __future__ import annotations

import re
from xml.etree import ElementTree

from conftest import ROOT

SVG = ROOT / "docs" / "assets" / "map" / "balochistan-locator.svg"
NS = {"svg": "http://www.w3.org/2000/svg"}
PLACES = ["Quetta", "Gwadar", "Turbat", "Panjgur", "Sibi", "Bolan Pass"]
# Named in the book but not on the map: no original publisher's page in reach gives their coordinates.
UNMARKED = ["Sui", "Reko Diq", "Saindak"]


def test_the_map_names_every_place_the_book_names_and_its_neighbours() -> None:
    root = ElementTree.parse(SVG).getroot()
    labels = {"".join(text.itertext()).strip() for text in root.iter("{http://www.w3.org/2000/svg}text")}
    assert set(PLACES) <= labels
    assert not set(UNMARKED) & labels
    assert {"IRAN", "AFGHANISTAN", "PAKISTAN", "BALOCHISTAN", "Arabian Sea"} <= labels
    assert any("Natural Earth" in label for label in labels)  # the boundary data are credited


def test_the_map_has_a_text_alternative_and_loads_nothing() -> None:
    svg = SVG.read_text(encoding="utf-8")
    root = ElementTree.fromstring(svg)
    assert root.get("role") == "img"
    labelled = (root.get("aria-labelledby") or "").split()
    assert [root.find(f".//*[@id='{ident}']", NS).tag.split("}")[1] for ident in labelled] == ["title", "desc"]  # type: ignore[union-attr]
    assert not re.search(r"<script|<image|<foreignObject|href=|url\(|@import|@font-face", svg, re.IGNORECASE)


def test_the_page_shows_the_map_with_its_description_in_words() -> None:
    desc = ElementTree.parse(SVG).getroot().find("svg:desc", NS)
    words = (ROOT / "includes" / "locator-map.md").read_text(encoding="utf-8").splitlines()[-1]
    assert desc is not None and desc.text == words
    assert all(name in words for name in UNMARKED)  # the words say which places are not marked
    page = (ROOT / "docs" / "background" / "balochistan.md").read_text(encoding="utf-8")
    assert re.search(r"!\[Locator map of Balochistan[^\]]+\]\(\.\./assets/map/balochistan-locator\.svg\)", page)
    assert '--8<-- "includes/locator-map.md"' in page
