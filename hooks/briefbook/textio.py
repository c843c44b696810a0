"""Decoding source files: UTF-8 (with or without BOM), CRLF kept, errors located.

Line and column positions everywhere in the library count in the decoded text, where a
leading BOM is removed and CRLF stays as written (``\\r`` is not a column).
"""

from __future__ import annotations

from .diagnostics import Code, Diagnostic

_BOM = "\ufeff"


def decode_source(path: str, data: bytes) -> tuple[str | None, list[Diagnostic]]:
    """Decode a source file as UTF-8, dropping a leading BOM.

    Args:
        path: Path used in diagnostics.
        data: The file's bytes.

    Returns:
        The text (None when it cannot be decoded) and an ``encoding`` diagnostic
        pointing at the first invalid byte.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        good = data[: error.start].decode("utf-8")
        line = good.count("\n") + 1
        col = len(good) - (good.rfind("\n") + 1) + 1
        byte = data[error.start]
        message = f"invalid UTF-8 byte 0x{byte:02x}; files must be saved as UTF-8"
        hint = "re-save the file as UTF-8"
        return None, [Diagnostic(path, line, col, Code.ENCODING, message, hint)]
    return text.removeprefix(_BOM), []


def line_col(text: str, offset: int) -> tuple[int, int]:
    """Return the 1-based line and column of a character offset in ``text``."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col
