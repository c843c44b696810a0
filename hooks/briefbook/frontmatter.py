"""Front matter: every page of the book declares its title, description and review date.

Grammar: the page starts with a line ``---``, then a YAML mapping, then a line ``---``
(or ``...``). Required keys: ``title`` and ``description`` (non-empty text) and
``reviewed`` (an ISO date, ``YYYY-MM-DD``).
"""

from __future__ import annotations

import datetime
import re

import yaml

from . import yamldata
from .diagnostics import Code, Diagnostic
from .textio import yaml_problem

_OPEN = re.compile(r"---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)
REQUIRED = ("title", "description", "reviewed")
"""The keys every page must have."""
_MARKUP = '<>"'
"""Characters the theme prints unescaped from the title and description into the page's HTML."""


def check_front_matter(path: str, text: str) -> list[Diagnostic]:
    """Check that a page has front matter with every required key, well formed.

    Args:
        path: The page's path, for diagnostics.
        text: The page's decoded source.

    Returns:
        The problems found, each at the line it concerns.
    """
    return read_front_matter(path, text)[1]


def read_front_matter(path: str, text: str) -> tuple[dict[str, str], list[Diagnostic]]:
    """Read a page's front matter once: :func:`front_matter_texts` and :func:`check_front_matter` of it."""
    required = ", ".join(REQUIRED)
    opening = _OPEN.match(text)
    closing = _CLOSE.search(text, opening.end()) if opening else None
    if opening is None or closing is None:
        return {}, [
            Diagnostic(
                path,
                1,
                1,
                Code.FRONTMATTER,
                "page has no front matter",
                f"start the page with a '---' block setting {required}",
            )
        ]
    block = text[opening.end() : closing.start()]
    try:
        node = yamldata.compose(block)
    except (yaml.YAMLError, RecursionError) as error:
        line, col, problem = yaml_problem(error, block)
        return {}, [Diagnostic(path, line + 1, col, Code.FRONTMATTER, f"front matter is not valid YAML: {problem}")]
    if not isinstance(node, yaml.MappingNode):
        return {}, [Diagnostic(path, 2, 1, Code.FRONTMATTER, "front matter must be a mapping of keys to values")]
    values: dict[str, yaml.Node] = {}
    texts: dict[str, str] = {}
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode):
            values[key.value] = value
            if isinstance(value, yaml.ScalarNode) and value.tag != "tag:yaml.org,2002:null":
                texts.setdefault(str(key.value), str(value.value))
    diagnostics = yamldata.duplicate_keys(path, node, Code.FRONTMATTER, line_offset=1)
    for key in REQUIRED:
        if key not in values:
            diagnostics.append(
                Diagnostic(path, 1, 1, Code.FRONTMATTER, f"front matter lacks '{key}'", f"every page needs {required}")
            )
            continue
        value = values[key]
        line, col = 2 + value.start_mark.line, value.start_mark.column + 1
        is_null = value.tag == "tag:yaml.org,2002:null"
        shown = value.value if isinstance(value, yaml.ScalarNode) and not is_null else None
        if not isinstance(shown, str) or not shown.strip():
            diagnostics.append(Diagnostic(path, line, col, Code.FRONTMATTER, f"'{key}' must be non-empty text"))
        elif key != "reviewed" and (bad := next((c for c in shown if c in _MARKUP), None)):
            offset = block.find(bad, value.start_mark.index, value.end_mark.index)
            where = block[:offset] if offset >= 0 else block[: value.start_mark.index]
            diagnostics.append(
                Diagnostic(
                    path,
                    2 + where.count("\n"),
                    len(where) - (where.rfind("\n") + 1) + 1,
                    Code.FRONTMATTER,
                    f"'{key}' holds {bad!r}, which the theme would print as markup",
                    'write it without <, > or "; for quotation marks use “ ”',
                )  # fmt: skip
            )
        elif key == "reviewed" and not _is_iso_date(shown):
            diagnostics.append(
                Diagnostic(
                    path,
                    line,
                    col,
                    Code.FRONTMATTER,
                    f"'reviewed' is '{shown}', not an ISO date",
                    "write it as YYYY-MM-DD",
                )
            )
    return texts, diagnostics


def page_title(text: str) -> str | None:
    """Return the ``title`` of a page's front matter, or None when it has none."""
    return front_matter_texts(text).get("title")


def page_reviewed(values: dict[str, str]) -> str | None:
    """Return the ``reviewed`` date (``YYYY-MM-DD``) of front matter values, or None when it is not a valid one."""
    value = values.get("reviewed")
    return value.strip() if value is not None and _is_iso_date(value) else None


def front_matter_texts(text: str) -> dict[str, str]:
    """Return the keys of a page's front matter that hold text, with their text (empty when it has none)."""
    return read_front_matter("", text)[0]


def _is_iso_date(value: str) -> bool:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        return False
    try:
        datetime.date.fromisoformat(value.strip())
    except ValueError:
        return False
    return True
