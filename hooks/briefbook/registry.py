"""The sources registry: CSL-YAML entries with the project's fields, validated with positions.

The registry (``docs/sources.yaml``) is a YAML list of CSL-YAML entries, the format
Pandoc and Zotero use, plus the project fields ``kind``, ``archive``, ``note`` and
``title-supplied``. It is checked against the JSON Schema shipped in
``schemas/sources.schema.json`` and against the rules a schema cannot state: unique ids,
real calendar dates, URLs with a host that are the canonical article address (see
[urls][briefbook.urls]), and notes written for readers rather than working notes. Every
problem is reported at the line of the entry or field concerned.
"""

from __future__ import annotations

import datetime
import json
import posixpath
import re
import textwrap
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .diagnostics import Code, Diagnostic
from .urls import check_url
from .yamldata import Entry, diagnostic_at, duplicate_ids, load_entries, node_at

if TYPE_CHECKING:
    from collections.abc import Mapping

KINDS = {
    "official": "Official",
    "intergovernmental": "Intergovernmental",
    "rights-group": "Rights groups",
    "news": "News",
    "analysis": "Analysis",
    "academic": "Academic",
    "reference": "Reference",
    "advocacy": "Advocacy",
    "group-statement": "Statements of armed groups",
}
"""The kinds of source, in the order the Sources page lists them, with their headings."""

KIND_POLICY = {
    "official": (
        "Documents of governments, ministries, the military's media wing, commissions, courts and legislatures "
        "(parliamentary records included), read at the issuing body's own site",
        "For what the state did and said; its claims are attributed",
    ),
    "intergovernmental": (
        "UN bodies, the FATF, development banks and donor funds, at their own sites",
        "For the findings, listings and statements of those bodies",
    ),
    "rights-group": (
        "Human rights organisations such as HRCP, Amnesty International and Human Rights Watch",
        "For documented abuses and their own figures, attributed",
    ),
    "news": (
        "Established newspapers, broadcasters and agencies, including state media, labelled as such",
        "For reported events; single-source reports and official claims relayed by the press are attributed",
    ),
    "analysis": (
        "Think tanks and conflict-data projects, and signed analysis in newspapers",
        "For trends and datasets, named with their definitions",
    ),
    "academic": ("Research published by universities and peer-reviewed journals", "For history and interpretation"),
    "reference": (
        "Reference works and compilations",
        "For background; where one is the only source, the text says so",
    ),
    "advocacy": ("Campaign groups and movements", "Only for their own positions and claims"),
    "group-statement": (
        "Statements of armed groups, usually relayed by partisan outlets",
        "Only for what the group itself claimed",
    ),
}
"""For each kind: what it covers and how the book uses it, for the editorial policy's table."""

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True, slots=True)
class Source:
    """One entry of the sources registry."""

    id: str
    """The citation key (``dawn-2025-jaffar-express-rescue``)."""
    type: str
    """The CSL type (``article-newspaper``, ``report``...)."""
    title: str
    """The title as published."""
    url: str
    """The address of the page that was read."""
    kind: str
    """The kind of source, one of [KINDS][briefbook.registry.KINDS]."""
    note: str
    """What the source is used to support, in one sentence."""
    line: int
    """1-based line of the entry in the registry."""
    authors: tuple[str, ...] = ()
    """Authors' names, as displayed (``Given Family``)."""
    publisher: str | None = None
    """The publishing institution, for institutional authors."""
    container: str | None = None
    """The outlet (newspaper, journal, website) the item appeared in."""
    issued: tuple[int, ...] = ()
    """Publication date parts: year, and month and day where known."""
    accessed: tuple[int, ...] = ()
    """Date parts of the day the page was read."""
    archive: str | None = None
    """The address of an archived copy, if any."""
    title_supplied: bool = False
    """True when the headline could not be seen and the title was supplied by the editors."""
    language: str | None = None
    """The BCP 47 tag of the source's language, when it is not English."""
    title_translated: str | None = None
    """The title in English, for a title in another language."""
    csl: str = "{}"
    """The entry as a CSL-JSON item, for export: kept as text, about a third of the size of the entry's objects."""


@dataclass(frozen=True, slots=True)
class Registry:
    """Every source, by id, in the order of the file."""

    path: str
    """The registry's path, for diagnostics."""
    sources: Mapping[str, Source]
    """The valid entries by id."""
    readable: bool = True
    """False when the file could not be read as a list, so keys cannot be checked against it."""
    present: bool = True
    """False when there is no registry file at all."""


_WORKING_NOTE = re.compile(
    r"page address|\bURL\b|stored (?:copy|page|text|version)|search (?:tool|result|excerpt)"
    r"|cut off|truncated|not shown|could not (?:see|read|find)|headline as given|as stored\b",
    re.IGNORECASE,
)
"""Phrases of provenance and working notes, which never belong in a note for readers."""

_URL_HINT = "write a full http(s):// address; percent-encode spaces, quotes, <, > and what else a URL may not hold"
_HINTS = {
    "URL": _URL_HINT,
    "archive": _URL_HINT,
    "id": "use letters, digits and _ . : - (recommended: publisher-year-slug)",
    "language": "write the language's BCP 47 tag: ur for Urdu, fa for Persian, it for Italian",
}


def load_registry(path: str, text: str) -> tuple[Registry, list[Diagnostic]]:
    """Parse and validate the sources registry.

    Args:
        path: The registry's path, for diagnostics.
        text: Its decoded text.

    Returns:
        The registry (entries with problems are left out of it, so that the markers that
        cite them are not reported again as unknown) and the problems found.
    """
    entries, diagnostics = load_entries(
        path,
        text,
        schema="sources.schema.json",
        code=Code.REGISTRY,
        name="the registry",
        what="source",
        hints=_HINTS,
        keep_nodes=False,
    )
    if entries is None:
        return Registry(path, {}, readable=False), diagnostics
    sources: dict[str, Source] = {}
    repeated = duplicate_ids(path, entries, Code.REGISTRY, "duplicate id '{key}'", "first defined at line {line}")
    for index, entry in enumerate(entries):
        problems = list(entry.problems)
        if isinstance(entry.data, dict):
            problems += _rule_problems(path, entry.data, entry)
        if index in repeated:
            problems.append(repeated[index])
        diagnostics += problems
        if not problems and isinstance(entry.data, dict):
            # The entry is usable: what follows is reported, but its citations still resolve.
            diagnostics += _editorial_problems(path, entry.data, entry)
            sources[entry.data["id"]] = _source(entry.data, entry.line)
    return Registry(path, sources), diagnostics


def _rule_problems(path: str, entry: dict[str, object], where: Entry) -> list[Diagnostic]:
    problems = []
    for field in ("issued", "accessed"):
        parts = _date_parts(entry.get(field))
        if parts and not _is_date(parts):
            shown = "-".join(str(p) for p in parts)
            at = node_at(where.node, [field])
            problems.append(
                diagnostic_at(
                    path,
                    at,
                    Code.REGISTRY,
                    f"invalid date in '{field}': {shown}",
                    "date-parts are [[year, month, day]]",
                )
            )
    for field in ("URL", "archive"):
        value = entry.get(field)
        if isinstance(value, str) and value.startswith(("http://", "https://")) and not _has_host(value):
            at = node_at(where.node, [field])
            problems.append(diagnostic_at(path, at, Code.REGISTRY, f"invalid {field} {value!r}", _HINTS[field]))
    return problems


def _editorial_problems(path: str, entry: dict[str, object], where: Entry) -> list[Diagnostic]:
    """Check the URL is the canonical article address and the note is written for readers.

    ``where`` gives the entry's node, composed only when something is reported.
    """
    problems = []
    url = entry.get("URL")
    found = check_url(url) if isinstance(url, str) else []
    if found:
        reasons = "; ".join(problem.reason for problem in found)
        message = f"URL is not the canonical article address: {reasons}"
        hint = f"write {found[-1].canonical!r}"
        problems.append(diagnostic_at(path, node_at(where.node, ["URL"]), Code.URL, message, hint))
    problems += _language_problems(path, entry, where)
    note = entry.get("note")
    match = _WORKING_NOTE.search(note) if isinstance(note, str) else None
    if match:
        problems.append(
            diagnostic_at(
                path,
                node_at(where.node, ["note"]),
                Code.NOTE,
                f"note reads like a working note ({match.group()!r}); readers see every note",
                "say in one sentence what the source is and what the book uses it for; "
                "mark a headline you could not see with 'title-supplied: true'",
            )
        )
    return problems


def _language_problems(path: str, entry: dict[str, object], where: Entry) -> list[Diagnostic]:
    """A title in another language says which, and carries its English translation."""
    title, language = entry.get("title"), entry.get("language")
    if not isinstance(title, str):
        return []
    english = not isinstance(language, str) or language == "en" or language.startswith("en-")
    if not isinstance(language, str) and _non_latin(title):
        hint = "add its language ('language: ur', a BCP 47 tag) and 'title-translated:', the title in English"
        return [diagnostic_at(path, node_at(where.node, ["title"]), Code.REGISTRY, "title is not in English", hint)]
    if not english and entry.get("title-supplied") is not True and "title-translated" not in entry:
        message = f"title in '{language}' has no English translation"
        hint = "add 'title-translated:', the title in English; readers see it in brackets after the original"
        return [diagnostic_at(path, node_at(where.node, ["language"]), Code.REGISTRY, message, hint)]
    return []


def _non_latin(text: str) -> bool:
    """True when a letter of the text is in a script other than Latin (Arabic, Devanagari...)."""
    return any(ch.isalpha() and not unicodedata.name(ch, "LATIN").startswith("LATIN") for ch in text)


def language_name(tag: str) -> str:
    """The English name of a language tag's language (``ur`` is Urdu), or the tag itself."""
    return _LANGUAGES.get(tag.split("-")[0].lower(), tag)


_LANGUAGES = {
    "ar": "Arabic", "bal": "Balochi", "de": "German", "es": "Spanish", "fa": "Persian", "fr": "French",
    "hi": "Hindi", "it": "Italian", "ps": "Pashto", "ru": "Russian", "sd": "Sindhi", "ur": "Urdu", "zh": "Chinese",
}  # fmt: skip


def _has_host(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return bool(parts.hostname) and "." in (parts.hostname or "") and " " not in url


def _date_parts(value: object) -> tuple[int, ...]:
    if isinstance(value, dict):
        parts = value.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list):
            if all(isinstance(p, int) and not isinstance(p, bool) for p in parts[0]):
                return tuple(parts[0])
    return ()


def _is_date(parts: tuple[int, ...]) -> bool:
    year, month, day = (list(parts) + [1, 1])[:3]
    try:
        datetime.date(year, month, day)
    except (ValueError, OverflowError):
        return False
    return True


def _source(entry: dict[str, object], line: int) -> Source:
    def text(key: str) -> str | None:
        value = entry.get(key)
        return value if isinstance(value, str) else None

    authors = []
    for name in entry.get("author") or []:  # type: ignore[attr-defined]
        if isinstance(name, dict):
            authors.append(name.get("literal") or " ".join(p for p in (name.get("given"), name.get("family")) if p))
    return Source(
        id=str(entry["id"]),
        type=str(entry["type"]),
        title=str(entry["title"]),
        url=str(entry["URL"]),
        kind=str(entry["kind"]),
        note=str(entry["note"]),
        line=line,
        authors=tuple(authors),
        publisher=text("publisher"),
        container=text("container-title"),
        issued=_date_parts(entry.get("issued")),
        accessed=_date_parts(entry.get("accessed")),
        archive=text("archive"),
        title_supplied=entry.get("title-supplied") is True,
        language=text("language"),
        title_translated=text("title-translated"),
        csl=_csl_item(entry),
    )


_PROJECT_FIELDS = ("kind", "archive", "title-supplied", "title-translated")
"""The registry's own fields, which CSL does not have."""


def _csl_item(entry: Mapping[str, object]) -> str:
    """The entry as CSL-JSON (see :func:`render_csl_json`), indented as one item of the exported list."""
    item = {k: v for k, v in entry.items() if k not in _PROJECT_FIELDS}
    if entry.get("title-supplied") is True:
        item["title"] = f"[{entry['title']}]"
    elif isinstance(translated := entry.get("title-translated"), str) and translated:
        item["title"] = f"{entry['title']} [{translated}]"
    return textwrap.indent(json.dumps(item, ensure_ascii=False, indent=2), "  ")


def render_date(parts: tuple[int, ...]) -> str:
    """Render date parts as ``12 March 2025``, ``March 2025`` or ``2025``."""
    if len(parts) >= 3:
        return f"{parts[2]} {_MONTHS[parts[1] - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{_MONTHS[parts[1] - 1]} {parts[0]}"
    return str(parts[0]) if parts else "n.d."


def render_source_kinds(registry: Registry, page_src: str, *, sources_src: str = "sources/index.md") -> str:
    """Render the editorial policy's table of source kinds: only the kinds the registry has, with counts.

    The counts come from the registry at build time, so the policy cannot list a kind the
    book does not have or a number that has drifted.

    Args:
        registry: The sources.
        page_src: The page the table goes on, relative to the docs folder.
        sources_src: The Sources page, whose kind headings the table links to.
    """
    link = posixpath.relpath(sources_src, posixpath.dirname(page_src) or ".")
    counts = {kind: 0 for kind in KINDS}
    for source in registry.sources.values():
        counts[source.kind] = counts.get(source.kind, 0) + 1
    rows = ["| Kind | What it covers | How the book uses it | Sources |", "| --- | --- | --- | --- |"]
    for kind, heading in KINDS.items():
        if counts[kind]:
            covers, use = KIND_POLICY[kind]
            rows.append(f"| [{heading}]({link}#kind-{kind}) | {covers} | {use} | {counts[kind]} |")
    total = sum(counts.values())
    rows.append(f"| **All kinds** | | | **{total}** |")
    return "\n".join(rows) + "\n"


def render_csl_json(registry: Registry) -> str:
    """Export the registry as CSL-JSON, the format Zotero and Pandoc import.

    The project fields ``kind``, ``archive``, ``title-supplied`` and ``title-translated`` are
    left out; ``note`` is standard CSL. A supplied title is exported in square brackets, and a
    translated title in brackets after the original, as citation styles print them.
    """
    items = [source.csl for source in registry.sources.values()]
    return "[\n" + ",\n".join(items) + "\n]\n" if items else "[]\n"  # as json.dumps(items, indent=2) writes it
