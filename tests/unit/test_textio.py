"""Decoding sources: UTF-8 with or without BOM, CRLF kept, the first bad byte located."""

from __future__ import annotations

import pytest

from briefbook import Code, Diagnostic, decode_source, line_col

HINT = "re-save the file as UTF-8"

DECODED = {
    "ascii": (b"abc", "abc"),
    "utf8": ("Café émigré 🙂".encode(), "Café émigré 🙂"),
    "bom-removed": (b"\xef\xbb\xbf# T\n", "# T\n"),
    "bom-only": (b"\xef\xbb\xbf", ""),
    "second-bom-kept": (b"\xef\xbb\xbf\xef\xbb\xbfx", "\ufeffx"),
    "crlf-kept": (b"a\r\nb\r\n", "a\r\nb\r\n"),
    "empty": (b"", ""),
}


@pytest.mark.parametrize(("data", "expected"), DECODED.values(), ids=DECODED.keys())
def test_decode_source_returns_the_text(data: bytes, expected: str) -> None:
    assert decode_source("docs/p.md", data) == (expected, [])


def bad(byte: int, line: int, col: int) -> Diagnostic:
    message = f"invalid UTF-8 byte 0x{byte:02x}; files must be saved as UTF-8"
    return Diagnostic("docs/p.md", line, col, Code.ENCODING, message, HINT)


INVALID = {
    "latin1-e-acute": (b"Caf\xe9.", bad(0xE9, 1, 4)),
    "first-byte": (b"\xff", bad(0xFF, 1, 1)),
    "later-line-after-multibyte": (b"a\nb\nCaf\xc3\xa9 \xe9", bad(0xE9, 3, 6)),
    "crlf-not-a-column": (b"a\r\nb\x80", bad(0x80, 2, 2)),
    "truncated-sequence-at-end": (b"a\n\xe2\x82", bad(0xE2, 2, 1)),
    "front-matter-page": (
        b"---\ntitle: Bad\ndescription: x\nreviewed: 2026-11-24\n---\n\n# Bad\n\nCaf\xe9.\n",
        bad(0xE9, 9, 4),
    ),
    "bom-then-bad-byte-on-line-two": (b"\xef\xbb\xbfok\nCaf\xe9", bad(0xE9, 2, 4)),
}


@pytest.mark.parametrize(("data", "expected"), INVALID.values(), ids=INVALID.keys())
def test_decode_source_locates_the_first_invalid_byte(data: bytes, expected: Diagnostic) -> None:
    assert decode_source("docs/p.md", data) == (None, [expected])


def test_bom_is_not_a_column_of_an_invalid_byte_on_line_one() -> None:
    assert decode_source("docs/p.md", b"\xef\xbb\xbfCaf\xe9") == (None, [bad(0xE9, 1, 4)])


LINE_COL = {
    "start": ("ab\ncd", 0, (1, 1)),
    "end-of-first-line": ("ab\ncd", 2, (1, 3)),
    "start-of-second-line": ("ab\ncd", 3, (2, 1)),
    "end-of-text": ("ab\ncd", 5, (2, 3)),
    "crlf": ("ab\r\ncd", 5, (2, 2)),
    "non-ascii-counts-characters": ("é🙂x", 2, (1, 3)),
    "empty-text": ("", 0, (1, 1)),
    "blank-lines": ("\n\n\nx", 3, (4, 1)),
}


@pytest.mark.parametrize(("text", "offset", "expected"), LINE_COL.values(), ids=LINE_COL.keys())
def test_line_col_is_one_based_in_characters(text: str, offset: int, expected: tuple[int, int]) -> None:
    assert line_col(text, offset) == expected
