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
    CITATION = "citation"
    """``CITATION.cff`` is unreadable or lacks what the book's citation files are made from."""


CODE_HELP: dict[Code, tuple[str, str]] = {
    Code.LINK: (
        "the target page or file does not exist",
        "correct the path; the message suggests a close match",
    ),
    Code.ANCHOR: (
        "the target page has no element with that id",
        "use an id the page has (headings, `{#id}`, footnotes)",
    ),
    Code.CASE: (
        "the path differs in case from the file on disk",
        "match the file name's case exactly (Linux hosts are case-sensitive)",
    ),
    Code.ESCAPE: (
        (
            "the link leaves `docs/` or is an absolute path, or a file in `docs/` is a symlink to something "
            "outside it (never published)"
        ),
        "link relative to the page, inside `docs/`; copy the file into `docs/` instead of linking to it",
    ),
    Code.NAV: (
        "a nav entry names no file, or a page is missing from the nav",
        "fix the entry in `mkdocs.yml`, or add the page",
    ),
    Code.FRONTMATTER: (
        (
            "front matter missing, malformed (an alias or a repeated key included), without `title`, `description` "
            'or `reviewed`, or with `<`, `>` or `"` in the title or description (the theme would print them as '
            "markup)"
        ),
        "add the field; `reviewed` is `YYYY-MM-DD`; use “ ” for quotation marks",
    ),
    Code.ENCODING: (
        "the file is not UTF-8, holds a control character (NUL, escape, form feed…), or its name is not UTF-8",
        "re-save it as UTF-8; remove the character; rename the file",
    ),
    Code.MARKDOWN: (
        (
            "a page nests deeper than Markdown can render: lines indented more than 100 columns, more than 50 "
            "quotes or HTML blocks inside one another, or a run of more than 100 `*` or `_`"
        ),
        "flatten the nesting; put such runs in code",
    ),
    Code.YAML: (
        (
            "`mkdocs.yml`, `docs/sources.yaml` or a data file cannot be parsed, or the registry or a data file "
            "uses an alias (`*name`), an explicit tag (`!!timestamp`, `!custom`), more than 100 `[` or `{` on one "
            "line, or repeats a key; an unclosed quote is reported where the string starts"
        ),
        (
            "fix the syntax at the line given; write an aliased or tagged value out plainly; keep one of the "
            "repeated keys"
        ),
    ),
    Code.CITE: (
        (
            "a marker names a key that `docs/sources.yaml` does not have (one message when the registry is missing "
            "or has no usable entry)"
        ),
        "correct the key (the message suggests one) or add the source",
    ),
    Code.CITE_SYNTAX: (
        "a marker is malformed: `[@]`, `[@ key]`, `[@key;]`, a locator without a comma, or unclosed",
        "write it as `[@key]` or `[@key, p. 12]`",
    ),
    Code.REGISTRY: (
        (
            "a registry entry lacks a field, has an unknown `type` or `kind`, a bad date, a URL that is not an "
            "absolute `http(s)` address made only of the characters a URL may hold, or a duplicate id"
        ),
        "fix the entry at the line given",
    ),
    Code.UNUSED_SOURCE: (
        "a registry entry that no page cites",
        "cite it, or remove it",
    ),
    Code.UNCITED: (
        "a paragraph, list item or table row with a digit but no citation, outside About and Sources",
        "cite a source, or add `<!-- uncited: reason -->` on the line before",
    ),
    Code.CLAIMS: (
        "a claim lacks a field, has an unknown verdict or a malformed citation, or repeats an id",
        "fix the entry at the line given",
    ),
    Code.DATA: (
        "a `<!-- data: NAME -->` placeholder that the build does not know",
        "use one of the placeholders the message lists (the hooks reference documents each, in `PLACEHOLDERS`)",
    ),
    Code.PROFILE: (
        (
            "a fact box lacks a field, has a value without a citation, a designation without a date, or a "
            "relationship to a group with no profile and no event; an event's figure or claim has no source, its "
            "date does not exist, its type is not one of the six, or an attack does not say who claimed it; a "
            "profile page lacks a section, has one out of order, misspelt or without its id, or does not show its "
            "attacks table; a placeholder names a group with no fact box"
        ),
        "fix it at the line given; write `unknown` where no source gives a value",
    ),
    Code.GLOSSARY: (
        (
            "a content page uses an all-capitals abbreviation that `includes/abbreviations.md` does not define, or "
            "a line of that file is not a definition, has no meaning or repeats a term"
        ),
        "add `*[TERM]: what it stands for` to `includes/abbreviations.md` (the tooltip and the Glossary page follow)",
    ),
    Code.URL: (
        (
            "a registry URL that is not the publisher's canonical article address: AMP form, tracking parameters, "
            "fragment, default port, trailing dot in the host, another host's name in the path, or characters that "
            "need quoting"
        ),
        "write the address the message suggests, after checking that it opens the same article",
    ),
    Code.NOTE: (
        'a registry note that reads like a working note ("page address", "not shown", "stored copy")',
        (
            "write one sentence for readers: what the source is and what the book uses it for; mark a headline you "
            "could not see with `title-supplied: true`"
        ),
    ),
    Code.WORDING: (
        (
            "a term of `docs/data/wording.yaml` in the book's own voice (an error or a warning, as the list says), "
            "or an invalid entry of that list"
        ),
        "quote and attribute it, reword it, or add `<!-- wording: reason -->` on the line before",
    ),
    Code.UNSAFE_HTML: (
        (
            "a string in a data file holds raw HTML (`<svg`, `</p`) or an attribute list (`{: … }`), or a page's "
            "rendered HTML has an element, attribute or URL the allowlist refuses: script, an event handler "
            "(`onclick`, including through `{: … }`), `<iframe>`, `<object>`, `<form>`, `<style>`, an inline "
            "`style`, a `javascript:`, `data:` or `vbscript:` URL, an image from another host, or markup a browser "
            "would read differently; from a page or from a data file's field"
        ),
        (
            'write plain Markdown; use only the HTML listed under "What HTML a page may contain"; copy an image '
            "into `docs/`"
        ),
    ),
    Code.EXTERNAL: (
        (
            "a built page or style sheet would load something from another host: a style sheet, script, font, "
            'image, `srcset`, `url()` or `@import`, a refresh, or a `<pre class="mermaid">` (the theme would fetch '
            "Mermaid from a CDN); reported at the built file (`site/…`), by the build and by `briefbook check "
            "--site`"
        ),
        "vendor the file into `docs/` and reference it relatively, or drop it; leave `theme.font: false`",
    ),
    Code.CITATION: (
        (
            "`CITATION.cff`, beside `mkdocs.yml`, cannot be read or lacks its `cff-version`, `message`, `title`, "
            "`authors` or `license`; the book's BibTeX and CSL-JSON files are made from it"
        ),
        "add the field the message names (Citation File Format 1.2.0)",
    ),
}
"""For each code, in the order CONTRIBUTING lists them: what it means and how to fix it (Markdown)."""


def render_code_table() -> str:
    """Render the table of diagnostic codes that CONTRIBUTING and the Contributing page show."""
    rows = ["| code | what it means | how to fix it |", "| --- | --- | --- |"]
    rows += [f"| `{code.value}` | {meaning} | {fix} |" for code, (meaning, fix) in CODE_HELP.items()]
    return "\n".join(rows) + "\n"


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
