"""The nav of ``mkdocs.yml``: entries with their positions, and the nav checks.

The configuration is *composed*, not loaded, so tags such as ``!ENV`` or
``!!python/name:`` need no import and every value keeps its line and column.
Grammar of the nav: a list whose items are a path, ``{title: path}``,
``{title: URL}`` or ``{title: [items]}``.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import yaml

from .diagnostics import Code, Diagnostic
from .textio import yaml_problem
from .yamldata import compose_plain

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable

    from .links import SiteIndex

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+:|//")


@dataclass(frozen=True, slots=True)
class NavEntry:
    """One page reference in the nav."""

    target: str
    """The path as written, relative to the docs folder."""
    line: int
    """1-based line in mkdocs.yml."""
    col: int
    """1-based column in mkdocs.yml."""


@dataclass(frozen=True, slots=True)
class SiteConfig:
    """The few settings of mkdocs.yml the checks need."""

    docs_dir: str
    """The docs folder, relative to mkdocs.yml."""
    site_dir: str
    """The build output folder, relative to mkdocs.yml."""
    use_directory_urls: bool
    """Whether pages get ``page/`` URLs rather than ``page.html``."""
    nav: tuple[NavEntry, ...] | None
    """The nav's page entries, or None when the nav is left to MkDocs."""
    markdown_extensions: tuple[tuple[str, dict[str, object]], ...] = ()
    """Each Markdown extension with its plain options (tagged values such as ``!!python/name:`` are left out)."""
    exclude_docs: str = ""
    """Files left out of the site, as ``.gitignore`` lines."""
    draft_docs: str = ""
    """Drafts: left out of a build (served by ``mkdocs serve``), as ``.gitignore`` lines."""
    not_in_nav: str = ""
    """Pages published without a place in the nav, as ``.gitignore`` lines."""


def parse_config(path: str, text: str) -> tuple[SiteConfig, list[Diagnostic]]:
    """Read the settings the checks need from the text of mkdocs.yml.

    Args:
        path: The configuration's path, for diagnostics.
        text: Its decoded text.

    Returns:
        The settings (MkDocs' defaults where absent) and any ``yaml`` problem.
    """
    default = SiteConfig("docs", "site", True, None)
    try:
        root = compose_plain(text)
    except (yaml.YAMLError, RecursionError) as error:
        line, col, problem = yaml_problem(error, text)
        return default, [Diagnostic(path, line, col, Code.YAML, f"mkdocs.yml is not valid YAML: {problem}")]
    if not isinstance(root, yaml.MappingNode):
        return default, []
    values = {k.value: v for k, v in root.value if isinstance(k, yaml.ScalarNode)}

    def scalar(key: str, fallback: str) -> str:
        node = values.get(key)
        return node.value if isinstance(node, yaml.ScalarNode) and node.tag != "!ENV" else fallback

    nav_node = values.get("nav")
    nav = tuple(_walk(nav_node)) if nav_node is not None else None
    directory_urls = scalar("use_directory_urls", "true").lower() not in ("false", "no", "off")
    extensions = tuple(_extensions(values.get("markdown_extensions")))
    return SiteConfig(
        scalar("docs_dir", "docs"),
        scalar("site_dir", "site"),
        directory_urls,
        nav,
        extensions,
        scalar("exclude_docs", ""),
        scalar("draft_docs", ""),
        scalar("not_in_nav", ""),
    ), []


def _extensions(node: yaml.Node | None) -> Iterable[tuple[str, dict[str, object]]]:
    """The ``markdown_extensions`` list: names, or one-key mappings of a name to its options."""
    if not isinstance(node, yaml.SequenceNode):
        return
    for item in node.value:
        if isinstance(item, yaml.ScalarNode) and item.value:
            yield item.value, {}
        elif isinstance(item, yaml.MappingNode) and len(item.value) == 1:
            key, value = item.value[0]
            if isinstance(key, yaml.ScalarNode):
                options = _plain(value)
                yield key.value, options if isinstance(options, dict) else {}


def _plain(node: yaml.Node) -> object:
    """A node's value built from plain scalars, lists and mappings only; None for anything tagged."""
    if node.tag.startswith("tag:yaml.org,2002:python/") or node.tag.startswith("!"):
        return None
    if isinstance(node, yaml.MappingNode):
        built = {}
        for key, value in node.value:
            plain = _plain(value)
            if isinstance(key, yaml.ScalarNode) and plain is not None:
                built[key.value] = plain
        return built
    if isinstance(node, yaml.SequenceNode):
        return [v for v in (_plain(item) for item in node.value) if v is not None]
    try:
        return yaml.safe_load(yaml.serialize(node)) if isinstance(node, yaml.ScalarNode) else None
    except yaml.YAMLError:
        return None


def _walk(node: yaml.Node) -> Iterable[NavEntry]:
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _walk(item)
    elif isinstance(node, yaml.MappingNode):
        for _, value in node.value:
            yield from _walk(value)
    elif isinstance(node, yaml.ScalarNode) and node.value and not _SCHEME.match(node.value):
        yield NavEntry(node.value, node.start_mark.line + 1, node.start_mark.column + 1)


def check_nav(path: str, entries: Iterable[NavEntry], index: SiteIndex) -> list[Diagnostic]:
    """Check that every nav entry names a file of the docs folder, with the right case.

    Args:
        path: The configuration's path, for diagnostics.
        entries: The nav's entries.
        index: Every file of the site.

    Returns:
        One diagnostic per entry that names no file.
    """
    diagnostics = []
    for entry in entries:
        target = entry.target.removeprefix("./")
        found = index.by_src.get(target)
        if found is not None and found.excluded:
            message = f"nav entry '{entry.target}' names a file that exclude_docs leaves out of the site"
            diagnostics.append(Diagnostic(path, entry.line, entry.col, Code.NAV, message))
            continue
        if found is not None:
            continue
        folded = index.folded_src(target)
        if folded is not None:
            diagnostics.append(
                Diagnostic(
                    path,
                    entry.line,
                    entry.col,
                    Code.CASE,
                    f"nav entry '{entry.target}' differs in case from the file '{folded.src}'",
                    f"did you mean '{folded.src}'?",
                )
            )
            continue
        published = [src for src, file in index.by_src.items() if not file.excluded]
        close = difflib.get_close_matches(target, published, n=1, cutoff=0.6)
        diagnostics.append(
            Diagnostic(
                path,
                entry.line,
                entry.col,
                Code.NAV,
                f"nav entry '{entry.target}' names no file in the docs",
                f"did you mean '{close[0]}'?" if close else None,
            )
        )
    return diagnostics


def check_pages_in_nav(
    entries: Iterable[NavEntry], index: SiteIndex, *, docs_path: str = "docs", not_in_nav: Collection[str] = ()
) -> list[Diagnostic]:
    """Report every page of the docs folder that the nav does not list.

    Args:
        entries: The nav's entries.
        index: Every file of the site.
        docs_path: The docs folder's path relative to the project root, for diagnostics.
        not_in_nav: Pages that ``not_in_nav`` publishes without a place in the nav.

    Returns:
        One diagnostic per page missing from the nav, at the page's first line.
    """
    listed = {e.target.removeprefix("./") for e in entries}
    return [
        Diagnostic(
            f"{docs_path}/{f.src}",
            1,
            None,
            Code.NAV,
            "page is not in the nav of mkdocs.yml",
            "add it to 'nav:' so readers can find it",
        )
        for f in index.files
        if f.is_page and not f.excluded and f.src not in listed and f.src not in not_in_nav
    ]
