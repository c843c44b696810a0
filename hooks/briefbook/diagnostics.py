"""Diagnostics: the one value every check returns, and its compiler-style rendering.

A diagnostic renders as ``PATH:LINE:COL: SEVERITY[CODE]: MESSAGE (HINT)``, the shape
of ruff's concise output, so editors and CI annotate the exact place; as one JSON object
per line for tools; or as a GitHub Actions workflow command, which shows it on the line of
a pull request's diff.
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable


class Severity(enum.Enum):
    """How serious a diagnostic is."""

    ERROR = "error"
    """Fails the build and the command."""
    WARNING = "warning"
    """Printed, but never fails anything."""


class Code(enum.Enum):
    """What kind of problem a diagnostic reports; the name shown in brackets."""

    LINK = "link"
    """A link to a page or file that does not exist."""
    ANCHOR = "anchor"
    """A link to an anchor that the target page does not have."""
    CASE = "case"
    """A link whose file name differs in case from the file on disk."""
    ESCAPE = "escape"
    """A link that leaves the docs folder or uses an absolute path, or a symlink in it that leads out."""
    NAV = "nav"
    """A nav entry to a missing file, or a page missing from the nav."""
    FRONTMATTER = "frontmatter"
    """A page's front matter is missing, malformed or lacks a required field."""
    ENCODING = "encoding"
    """A source file is not valid UTF-8."""
    YAML = "yaml"
    """A YAML file (configuration or data) cannot be parsed."""
    CITE = "cite"
    """A citation marker names a key the sources registry does not have."""
    CITE_SYNTAX = "cite-syntax"
    """A citation marker is malformed (empty key, space after @, empty item, unclosed)."""
    REGISTRY = "registry"
    """An entry of the sources registry is invalid (missing field, bad date or URL, duplicate id)."""
    UNUSED_SOURCE = "unused-source"
    """A source of the registry that no page cites."""
    UNCITED = "uncited"
    """A paragraph, list item or table row with a figure but no citation."""
    CLAIMS = "claims"
    """An entry of the claims register is invalid."""
    DATA = "data"
    """A data placeholder that names nothing the build can expand."""
    URL = "url"
    """A registry URL that is not the publisher's canonical article address."""
    NOTE = "note"
    """A registry note that reads like an editor's working note instead of a note for readers."""
    WORDING = "wording"
    """A term the editorial policy keeps for attributed speech, used in the book's own voice."""
    PROFILE = "profile"
    """A group's fact box, an event or a profile page that breaks the profile template."""
    GLOSSARY = "glossary"
    """An acronym a content page uses that the glossary does not define, or a malformed glossary line."""
    MARKDOWN = "markdown"
    """A page nested too deeply (lists, quotes, HTML blocks, emphasis) for Markdown to render."""
    EXTERNAL = "external"
    """A built page or style sheet that would load something from another host."""
    UNSAFE_HTML = "unsafe-html"
    """Rendered HTML the allowlist refuses: an element, attribute or URL that could run script or load from afar."""


@dataclass(frozen=True, slots=True, order=True)
class Diagnostic:
    """One problem found in one place of one file."""

    path: str
    """POSIX path of the file, relative to the project root (the folder of mkdocs.yml)."""
    line: int
    """1-based line in the file as written."""
    col: int | None
    """1-based column (in characters) on that line, or None when only the line is known."""
    code: Code
    """What kind of problem this is."""
    message: str
    """What was found and what was expected, quoting the user's text exactly."""
    hint: str | None = None
    """A likely fix, such as a close match ("did you mean '#leadership'?")."""
    severity: Severity = Severity.ERROR
    """Whether the problem fails the build."""

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Order by file, line, column, code and message."""
        return (self.path, self.line, self.col or 0, self.code.value, self.message)


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Return the diagnostics sorted by path, line and column, without duplicates."""
    return sorted(set(diagnostics), key=lambda d: d.sort_key)


def render_diagnostic(diagnostic: Diagnostic) -> str:
    """Render one diagnostic as a single compiler-style line.

    Example: ``docs/groups/bla.md:42:17: error[anchor]: ... (did you mean '#leadership'?)``.
    """
    where = f"{diagnostic.path}:{diagnostic.line}"
    if diagnostic.col is not None:
        where += f":{diagnostic.col}"
    text = f"{where}: {diagnostic.severity.value}[{diagnostic.code.value}]: {diagnostic.message}"
    if diagnostic.hint:
        text += f" ({diagnostic.hint})"
    return text


def render_json(diagnostic: Diagnostic) -> str:
    """Render one diagnostic as a JSON object on one line (for tools)."""
    return json.dumps(
        {
            "path": diagnostic.path,
            "line": diagnostic.line,
            "col": diagnostic.col,
            "severity": diagnostic.severity.value,
            "code": diagnostic.code.value,
            "message": diagnostic.message,
            "hint": diagnostic.hint,
        },
        ensure_ascii=False,
    )


def render_github(diagnostic: Diagnostic) -> str:
    """Render one diagnostic as a GitHub Actions workflow command, which annotates the file's line.

    Example: ``::error file=docs/groups/bla.md,line=42,col=17,title=briefbook [anchor]::... (did you mean ...)``.
    Values are escaped as the runner reads them: ``%``, CR and LF everywhere, and also ``:`` and
    ``,`` in the properties.
    """
    properties = {"file": diagnostic.path, "line": str(diagnostic.line)}
    if diagnostic.col is not None:
        properties["col"] = str(diagnostic.col)
    properties["title"] = f"briefbook [{diagnostic.code.value}]"
    shown = ",".join(f"{key}={_escape_property(value)}" for key, value in properties.items())
    message = diagnostic.message + (f" ({diagnostic.hint})" if diagnostic.hint else "")
    return f"::{diagnostic.severity.value} {shown}::{_escape_data(message)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_summary(diagnostics: Iterable[Diagnostic]) -> str:
    """Summarise counts, e.g. ``2 errors, 1 warning``."""
    items = list(diagnostics)
    errors = sum(d.severity is Severity.ERROR for d in items)
    warnings = len(items) - errors
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    """Tell whether any diagnostic fails the build."""
    return any(d.severity is Severity.ERROR for d in diagnostics)
