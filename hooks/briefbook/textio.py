"""Decoding source files: UTF-8 (with or without BOM), CRLF kept, errors located.

Line and column positions everywhere in the library count in the decoded text, where a
leading BOM is removed and CRLF stays as written (``\\r`` is not a column).
"""

from __future__ import annotations

import bisect
import functools
import re

import yaml

from .diagnostics import Code, Diagnostic

_BOM = "\ufeff"
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
"""Characters no source file may hold: what YAML refuses as unprintable (tab, line breaks and NEL stay)."""
_NAMES = {0x00: "NUL", 0x08: "backspace", 0x0B: "vertical tab", 0x0C: "form feed", 0x1B: "escape", 0x7F: "DEL"}


def decode_source(path: str, data: bytes) -> tuple[str | None, list[Diagnostic]]:
    """Decode a source file as UTF-8, dropping a leading BOM.

    Args:
        path: Path used in diagnostics.
        data: The file's bytes.

    Returns:
        The text (None when it cannot be decoded or holds a control character) and an
        ``encoding`` diagnostic pointing at the first invalid byte or control character.
    """
    data = data.removeprefix(_BOM.encode("utf-8"))
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
    control = _CONTROL.search(text)
    if control is not None:
        line, col = line_col(text, control.start())
        code = ord(control.group())
        name = f" ({_NAMES[code]})" if code in _NAMES else ""
        message = f"control character U+{code:04X}{name}; source files hold only text, tabs and line breaks"
        return None, [Diagnostic(path, line, col, Code.ENCODING, message, "remove it")]
    return text, []


class LineIndex:
    """Turns offsets into 1-based lines and columns; built once per text, each look-up O(log n)."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        self._starts = [0]
        start = text.find("\n")
        while start >= 0:
            self._starts.append(start + 1)
            start = text.find("\n", start + 1)

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based line and column of a character offset."""
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


@functools.lru_cache(maxsize=4)  # the checks of a page read it one after another: its index is built once
def line_index(text: str) -> LineIndex:
    """Return the :class:`LineIndex` of a text, shared by every check that reads it."""
    return LineIndex(text)


def line_col(text: str, offset: int) -> tuple[int, int]:
    """Return the 1-based line and column of a character offset in ``text``."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def yaml_problem(error: yaml.YAMLError | RecursionError, text: str) -> tuple[int, int | None, str]:
    """Locate and describe a YAML error on one line: 1-based line, column and problem.

    Args:
        error: What PyYAML raised (or RecursionError, for nesting too deep to parse).
        text: The YAML text that was parsed.

    Returns:
        The line and column in ``text`` (column None if unknown) and a one-line problem.
    """
    if isinstance(error, RecursionError):
        return 1, None, "nesting too deep to parse"
    if isinstance(error, yaml.reader.ReaderError):
        line, col = line_col(text, min(error.position, len(text)))
        return line, col, f"control character {error.character!r} is not allowed"
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    if mark is None:
        return 1, None, problem
    start = _unclosed_quote(error, text, mark.line) if type(error) is not yaml.MarkedYAMLError else None
    if start is not None:
        return start.line + 1, start.column + 1, f"the quoted text that starts here is not closed ({problem})"
    return mark.line + 1, mark.column + 1, problem


def _unclosed_quote(error: yaml.YAMLError, text: str, line: int) -> yaml.Mark | None:
    """Where a quoted string with a missing closing quote starts, when that is what went wrong.

    Either the scanner reached the end looking for the quote, or the string ran on to the
    next quote, on the line where parsing then failed.
    """
    if str(getattr(error, "context", "")).startswith("while scanning a quoted scalar"):
        context: yaml.Mark | None = getattr(error, "context_mark", None)
        return context
    last: yaml.Token | None = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'"):
                last = token
            if token.start_mark.line > line:
                break
    except yaml.YAMLError:
        pass
    if last is not None and last.start_mark.line < last.end_mark.line == line:
        start: yaml.Mark = last.start_mark
        return start
    return None
