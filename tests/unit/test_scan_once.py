"""The book scan reads each page once: its front matter is composed once, its text masked once, its lines indexed once."""

from __future__ import annotations

import pytest
import yaml

from briefbook import mask_markdown, textio, yamldata
from briefbook.book import BookData, BookScan, scan_book
from briefbook.registry import Registry


def _scan(pages: dict[str, str]) -> BookScan:
    return scan_book(pages, BookData(Registry("docs/sources.yaml", {}), [], "docs/data/claims.yaml", []), str)


def test_the_book_scan_composes_each_page_front_matter_once(monkeypatch: pytest.MonkeyPatch) -> None:
    composed: list[str] = []
    compose = yamldata.compose

    def counted(text: str) -> yaml.Node | None:
        composed.append(text)
        return compose(text)

    pages = {f"p{n}.md": f"---\ntitle: P{n}\ndescription: D\nreviewed: 2026-11-24\n---\n\nText.\n" for n in range(3)}
    monkeypatch.setattr(yamldata, "compose", counted)
    scan = _scan(pages)
    assert scan.reviewed == dict.fromkeys(pages, "2026-11-24")
    assert sorted(composed) == sorted(text[4 : text.index("---\n", 4)] for text in pages.values())


def test_the_book_scan_indexes_each_page_lines_once(monkeypatch: pytest.MonkeyPatch) -> None:
    indexed: list[str] = []
    build = textio.LineIndex.__init__

    def counted(self: textio.LineIndex, text: str) -> None:
        indexed.append(text)
        build(self, text)

    pages = {
        f"q{n}.md": f"---\ntitle: Q{n}\ndescription: D\nreviewed: 2026-11-24\n---\n\nIn {n} a [link](q0.md) [@s].\n"
        for n in range(3)
    }
    monkeypatch.setattr(textio.LineIndex, "__init__", counted)
    _scan(pages)
    assert sorted(text for text in indexed if text in pages.values()) == sorted(pages.values())


def test_the_book_scan_masks_each_page_once() -> None:
    pages = {
        f"r{n}.md": f"---\ntitle: R{n}\ndescription: D\nreviewed: 2026-11-24\n---\n\nIn {n} a `code` [link](r0.md) [@s].\n"
        for n in range(3)
    }
    before = mask_markdown.cache_info().misses
    _scan(pages)
    assert mask_markdown.cache_info().misses - before == len(pages)
