"""YAML data files of the book: a list of entries, validated by JSON Schema, with positions.

The sources registry and the files under ``docs/data/`` share this loader: it parses the
YAML once (keeping every node's line and column), checks each entry against the entry
schema shipped in ``schemas/``, and turns each schema error into a diagnostic at the
line of the field concerned, saying what was found and what was expected.
"""

from __future__ import annotations

import difflib
import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from .diagnostics import Code, Diagnostic
from .textio import line_col, yaml_problem

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence

    import jsonschema


class Entry:
    """One entry of a data file, with the problems the schema found in it.

    An entry of a long file may be loaded without its node tree: :attr:`node` then composes
    the entry's own text again when a check asks where something is (only a problem needs to).
    """

    __slots__ = ("_line", "_node", "_where", "data", "problems")

    def __init__(
        self,
        data: object,
        node: yaml.Node | None,
        problems: tuple[Diagnostic, ...],
        *,
        where: _Chunk | None = None,
        line: int = 0,
    ) -> None:
        self.data = data
        """The entry as loaded (a mapping when well formed)."""
        self.problems = problems
        """What the schema found wrong with it."""
        self._node = node
        self._where = where
        self._line = line

    @property
    def node(self) -> yaml.Node:
        """The entry's YAML node, for positions."""
        if self._node is None:
            assert self._where is not None
            self._node = self._where.item()
        return self._node

    @property
    def line(self) -> int:
        """1-based line where the entry starts."""
        return self._line or self.node.start_mark.line + 1


@dataclass(frozen=True, slots=True)
class _Chunk:
    """The text of one top-level item of a YAML list: where it starts in the file, and how to compose it."""

    text: str
    """The whole file."""
    start: int
    end: int
    line: int
    """0-based line of ``start``."""

    @property
    def piece(self) -> str:
        return self.text[self.start : self.end]

    def compose(self, *, moved: bool = True) -> yaml.SequenceNode | None:
        """The item as a one-item list, with the file's positions; None when it does not read alone.

        With ``moved=False`` the positions are the item's own (line 0 is its first line).
        """
        try:
            node = compose(self.piece)
        except (yaml.YAMLError, RecursionError):
            return None
        if not isinstance(node, yaml.SequenceNode) or len(node.value) != 1:
            return None
        if not moved:
            return node
        for current in _nodes(node):  # libyaml's marks are read-only: new ones, moved to the file's place
            current.start_mark = self._moved(current.start_mark)
            current.end_mark = self._moved(current.end_mark)
        return node

    def _moved(self, mark: Any) -> yaml.Mark:
        return yaml.Mark(mark.name, mark.index + self.start, mark.line + self.line, mark.column, None, 0)

    def item(self) -> yaml.Node:
        node = self.compose()
        assert node is not None  # it composed when the file was loaded
        return node.value[0]  # type: ignore[no-any-return]


_ITEM_START = re.compile(r"^-(?=[ \t\r\n]|$)", re.MULTILINE)
_ONLY_COMMENTS = re.compile(r"(?:[ \t]*(?:#[^\n]*)?\n)*[ \t]*(?:#[^\n]*)?")


def _chunks(text: str) -> list[_Chunk] | None:
    """Split a block list written at the left margin into its items; None when the file is not one."""
    if _LONE_BREAK.search(text):
        return None  # read whole, to be refused there
    starts = [match.start() for match in _ITEM_START.finditer(text)]
    if not starts or not _ONLY_COMMENTS.fullmatch(text, 0, starts[0]):
        return None
    chunks = []
    line = text.count("\n", 0, starts[0])
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        chunks.append(_Chunk(text, start, end, line))
        line += text.count("\n", start, end)
    return chunks


def load_entries(
    path: str,
    text: str,
    *,
    schema: str,
    code: Code,
    name: str,
    what: str,
    hints: Mapping[str, str] | None = None,
    keep_nodes: bool = True,
) -> tuple[list[Entry] | None, list[Diagnostic]]:
    """Parse a YAML list and check each entry against a schema.

    A long list (the registry) is read item by item with ``keep_nodes=False``: one item's
    node tree at a time, each composed again only if a check asks where something is, so the
    file's whole tree (some forty times the text's size) is never held at once. A file that
    is not a plain list at the left margin, or an item that does not read alone, is read
    whole, as before, so its messages are the same.

    Args:
        path: The file's path, for diagnostics.
        text: Its decoded text.
        schema: File name under ``schemas/``; its ``items`` describe one entry.
        code: The diagnostic code for schema problems.
        name: What the file is called in messages ("the registry").
        what: What one entry is called in messages ("source", "claim").
        hints: A hint per field for values that do not match the field's pattern.
        keep_nodes: Keep every entry's node tree (False: compose it again when asked).

    Returns:
        The entries (None when the file is not a readable list) and file-level problems.
    """
    if not keep_nodes:
        loaded = _load_by_item(path, text, schema=schema, code=code, what=what, hints=hints)
        if loaded is not None:
            return loaded
    parsed, diagnostics = _parse(path, text, name)
    if parsed is None:
        return None, diagnostics
    data, node = parsed
    if data is None:
        data = []
    if not isinstance(data, list) or not isinstance(node, (yaml.SequenceNode, type(None))):
        return None, [Diagnostic(path, 1, 1, code, f"{name} must be a list of {what}s")]
    validator = _validator(schema, "items")
    entries = []
    for item, item_node in zip(data, node.value if node is not None else [], strict=True):
        entries.append(Entry(item, item_node, _validate(validator, path, item, item_node, code, what, hints)))
    return entries, diagnostics


def _load_by_item(
    path: str, text: str, *, schema: str, code: Code, what: str, hints: Mapping[str, str] | None
) -> tuple[list[Entry], list[Diagnostic]] | None:
    """:func:`load_entries` one item at a time; None when some item does not read alone."""
    chunks = _chunks(text)
    if chunks is None:
        return None
    validator = _validator(schema, "items")
    constructor = Loader("")  # builds the data of each item's nodes; it keeps nothing between documents
    entries, diagnostics = [], []
    for chunk in chunks:
        node = chunk.compose(moved=False)  # an item's positions are moved to the file's only to report
        if node is None:
            return None
        try:
            item = constructor.construct_document(node)[0]
        except (yaml.YAMLError, RecursionError):
            return None
        diagnostics += duplicate_keys(path, node, Code.YAML, line_offset=chunk.line)
        diagnostics += markup_problems(path, node, chunk.piece, line_offset=chunk.line)
        problems: tuple[Diagnostic, ...] = ()
        if validator.errors(item):
            problems = _validate(validator, path, item, chunk.item(), code, what, hints)
        entries.append(Entry(item, None, problems, where=chunk, line=chunk.line + node.value[0].start_mark.line + 1))
    constructor.dispose()
    return entries, diagnostics


def duplicate_ids(path: str, entries: Sequence[Entry], code: Code, message: str, hint: str) -> dict[int, Diagnostic]:
    """Report each entry whose ``id`` repeats an earlier entry's, at the repeated id.

    Args:
        path: The file's path, for diagnostics.
        entries: The entries, in file order.
        code: The diagnostic code.
        message: The message, with ``{key}`` for the id.
        hint: The hint, with ``{line}`` for the line of the first entry with that id.

    Returns:
        The diagnostic for each repeated id, by the entry's position in ``entries``.
    """
    first_line: dict[str, int] = {}
    found: dict[int, Diagnostic] = {}
    for index, entry in enumerate(entries):
        key = entry.data.get("id") if isinstance(entry.data, dict) else None
        if not isinstance(key, str):
            continue
        if key in first_line:
            at = node_at(entry.node, ["id"])
            found[index] = diagnostic_at(path, at, code, message.format(key=key), hint.format(line=first_line[key]))
        else:
            first_line[key] = entry.line
    return found


def load_document(
    path: str,
    text: str,
    *,
    schema: str,
    code: Code,
    name: str,
    what: str,
    hints: Mapping[str, str] | None = None,
) -> tuple[Entry | None, list[Diagnostic]]:
    """Parse a YAML file that holds one mapping, and check it against a schema.

    Args:
        path: The file's path, for diagnostics.
        text: Its decoded text.
        schema: File name under ``schemas/``; the whole schema describes the mapping.
        code: The diagnostic code for schema problems.
        name: What the file is called in messages ("the fact box").
        what: What the mapping is called in messages ("group").
        hints: A hint per field for values that do not match the field's pattern.

    Returns:
        The document as an entry (None when the file is not a readable mapping) and file-level problems.
    """
    parsed, diagnostics = _parse(path, text, name)
    if parsed is None:
        return None, diagnostics
    data, node = parsed
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        return None, [Diagnostic(path, 1, 1, code, f"{name} must be a mapping of fields")]
    return Entry(data, node, _validate(_validator(schema, None), path, data, node, code, what, hints)), diagnostics


class Loader(yaml.SafeLoader):
    """Safe loading for the book's own YAML: dates kept as written, no aliases and no explicit tags.

    ``2025-03-11`` stays a string, for the book's own date checks. An alias (``*name``)
    is refused where it is met, so a file cannot expand into more data than it holds
    (the "billion laughs" attack); the book's files never need one. An explicit tag
    (``!!timestamp``, ``!!binary``, ``!custom``) is refused too: every value is a plain
    string, number, boolean, list or mapping.
    """

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        """Compose the next node, refusing an alias or an explicit tag."""
        event: Any = self.peek_event()  # type: ignore[no-untyped-call]
        mark: Any = event.start_mark
        if isinstance(event, yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None, None, f"alias '*{event.anchor}' is not allowed; write the value out in full", mark
            )
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise yaml.composer.ComposerError(
                None, None, f"explicit tag '{shown}' is not allowed; write the value plainly", mark
            )
        return super().compose_node(parent, index)


Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


if hasattr(yaml, "CSafeLoader"):

    class FastLoader(yaml.CSafeLoader):
        """:class:`Loader`'s rules over libyaml's parser and composer, which are written in C.

        libyaml keeps every node's position as the pure-Python loader does (line, column and
        character index). It cannot refuse aliases and explicit tags as it composes, so
        :func:`_loader` only gives it text in which a scan of its events found none.
        """

    FastLoader.yaml_implicit_resolvers = Loader.yaml_implicit_resolvers
else:  # PyYAML built without libyaml: the pure-Python loader does everything
    FastLoader = None  # type: ignore[assignment,misc]

MAX_FAST_DEPTH = 500
"""Beyond this bound on nesting, the C composer is not used (it recurses without Python's guard)."""


_LONE_BREAK = re.compile("\r(?!\n)|[\x85\u2028\u2029]")
"""What YAML reads as a line break but the book's positions, counting LF (and CRLF) only, do not."""
_BREAK_NAMES = {
    "\r": "a carriage return without a line feed",
    "\x85": "a next-line character (U+0085)",
    "\u2028": "a line separator (U+2028)",
    "\u2029": "a paragraph separator (U+2029)",
}


def refuse_lone_breaks(text: str) -> None:
    """Refuse a line break that YAML counts and the book does not, so that every position agrees.

    Raises:
        yaml.MarkedYAMLError: At the first carriage return on its own, NEL, line or paragraph separator.
    """
    found = _LONE_BREAK.search(text)
    if found is not None:
        line, col = line_col(text, found.start())
        problem = f"{_BREAK_NAMES[found.group()]} breaks the line for YAML only; write line breaks as LF (or CRLF)"
        mark = yaml.Mark("", found.start(), line - 1, col - 1, None, 0)
        raise yaml.MarkedYAMLError(problem=problem, problem_mark=mark)


def _loader(text: str) -> Loader:
    """A loader for ``text``: the C one when it is safe and gives the same result, else :class:`Loader`.

    The pure-Python loader also takes every text that is not valid YAML, so that the message and
    its position are the same whichever loader would have read it.

    Raises:
        yaml.MarkedYAMLError: The text holds a line break on its own (:func:`refuse_lone_breaks`).
    """
    refuse_lone_breaks(text)
    if FastLoader is None or _depth_bound(text) > MAX_FAST_DEPTH:
        return Loader(text)
    if "*" in text or "!" in text:  # an alias or a tag needs one of these
        try:
            for event in yaml.parse(text, Loader=FastLoader):
                if isinstance(event, yaml.AliasEvent) or getattr(event, "tag", None) not in (None, "!"):
                    return Loader(text)  # which refuses it where it is, with its message
        except yaml.YAMLError:
            return Loader(text)
    return _Checked(FastLoader(text), text)  # type: ignore[return-value]


class _Checked:
    """A C loader that hands its text to :class:`Loader` if composing it fails."""

    def __init__(self, loader: Any, text: str) -> None:
        self._loader = loader
        self._text = text

    def get_single_node(self) -> yaml.Node | None:
        try:
            return self._loader.get_single_node()  # type: ignore[no-any-return]
        except yaml.YAMLError:
            self._loader.dispose()
            self._loader = Loader(self._text)
            return self._loader.get_single_node()  # type: ignore[no-any-return]

    def construct_document(self, node: yaml.Node) -> object:
        return self._loader.construct_document(node)

    def dispose(self) -> None:
        self._loader.dispose()


def _depth_bound(text: str) -> int:
    """An upper bound on how deeply ``text`` nests: a deeper block is indented more, or opened on the same line."""
    bound = 0
    for line in text.split("\n"):
        stripped = line.lstrip(" ")
        depth = len(line) - len(stripped) + stripped.count("-") + stripped.count(":")
        bound = max(bound, depth)
    return bound + MAX_FLOW_BRACKETS


MAX_FLOW_BRACKETS = 100
"""The most ``[`` and ``{`` one line of YAML may hold: PyYAML's time grows with the square of flow nesting."""


def _too_nested(text: str) -> yaml.YAMLError | None:
    """A YAML error for the first line with more flow brackets than PyYAML reads in reasonable time."""
    for number, line in enumerate(text.split("\n")):
        if line.count("[") + line.count("{") > MAX_FLOW_BRACKETS:
            column = next(i for i, char in enumerate(line) if char in "[{")
            mark = yaml.Mark("<text>", 0, number, column, "", 0)
            problem = f"more than {MAX_FLOW_BRACKETS} brackets on one line; write the list or mapping as a block"
            return yaml.MarkedYAMLError(None, None, problem, mark)
    return None


def compose_plain(text: str) -> yaml.Node | None:
    """Compose YAML as PyYAML's safe loader does, aliases and tags allowed (as ``mkdocs.yml`` uses them).

    libyaml composes it when the text is shallow enough for its C recursion; text it refuses is
    composed again by the pure-Python loader, so the message and its position are that loader's.

    Raises:
        yaml.YAMLError: The text is not valid YAML.
        RecursionError: It nests too deeply to compose.
    """
    refuse_lone_breaks(text)
    if FastLoader is not None and _depth_bound(text) <= MAX_FAST_DEPTH and _too_nested(text) is None:
        try:
            return yaml.compose(text, Loader=yaml.CSafeLoader)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def compose(text: str) -> yaml.Node | None:
    """Compose one YAML document with :class:`Loader`, keeping every node's position.

    Raises:
        yaml.YAMLError: The text is not valid YAML, or uses an alias.
        RecursionError: It nests too deeply to compose.
    """
    nested = _too_nested(text)
    if nested is not None:
        raise nested
    loader = _loader(text)  # the text is decoded by decode_source, which refuses what the reader would
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def duplicate_keys(path: str, node: yaml.Node | None, code: Code, *, line_offset: int = 0) -> list[Diagnostic]:
    """Report every mapping key that repeats an earlier key of the same mapping, at the repeat.

    YAML keeps only the last value of a repeated key, so the first is silently lost.

    Args:
        path: The file's path, for diagnostics.
        node: The composed document.
        code: The diagnostic code.
        line_offset: Lines before the YAML text in the file (front matter starts on line 2).
    """
    found = []
    for current in _nodes(node):
        if isinstance(current, yaml.MappingNode):
            first_line: dict[str, int] = {}
            for key, _ in current.value:
                if isinstance(key, yaml.ScalarNode):
                    line = key.start_mark.line + 1 + line_offset
                    if key.value in first_line:
                        found.append(
                            Diagnostic(
                                path,
                                line,
                                key.start_mark.column + 1,
                                code,
                                f"duplicate key '{key.value}' (first at line {first_line[key.value]})",
                                "YAML keeps only the last value; remove or rename one of them",
                            )
                        )
                    else:
                        first_line[key.value] = line
    return sorted(found, key=lambda d: (d.line, d.col or 0))


def _nodes(node: yaml.Node | None) -> Iterator[yaml.Node]:
    """Every node of a document, in document order; iterative, so deep nesting cannot exhaust the stack."""
    pending = [node] if node is not None else []
    while pending:
        current = pending.pop()
        yield current
        if isinstance(current, yaml.MappingNode):
            pending.extend(child for pair in reversed(current.value) for child in reversed(pair))
        elif isinstance(current, yaml.SequenceNode):
            pending.extend(reversed(current.value))


_RAW_HTML = re.compile(r"<(?!https?://|mailto:)[A-Za-z!?/]|\{\s*[:#.]")
"""Raw HTML (``<svg``, ``</p``, ``<!--``) but not an autolink, or an attribute list (``{: ...}``, ``{#id}``)."""


def markup_problems(path: str, node: yaml.Node | None, text: str, *, line_offset: int = 0) -> list[Diagnostic]:
    """Report every string of a YAML document that holds raw HTML or an attribute list, where it is written.

    The book's data files hold plain text and Markdown: what they say is rendered on pages, so
    markup in them would reach readers' browsers.

    Args:
        path: The file's path, for diagnostics.
        node: The composed document.
        text: The YAML text the node was composed from (for the exact column).
        line_offset: Lines before the YAML text in the file (front matter starts on line 2).
    """
    found = []
    for current in _nodes(node):
        if isinstance(current, yaml.ScalarNode) and isinstance(current.value, str):
            match = _RAW_HTML.search(current.value)
            if match is None:
                continue
            written = text[current.start_mark.index : current.end_mark.index]
            piece = match.group()
            at = written.find(piece)
            before = text[: current.start_mark.index + max(at, 0)]
            line = before.count("\n") + 1 + line_offset
            col = len(before) - (before.rfind("\n") + 1) + 1
            what = "an attribute list" if piece.startswith("{") else "raw HTML"
            shown = current.value[match.start() :].splitlines()[0][:30]
            found.append(
                Diagnostic(
                    path,
                    line,
                    col,
                    Code.UNSAFE_HTML,
                    f"{what} in a data file ({shown!r})",
                    "data files hold plain text and Markdown links and emphasis; write the text without markup",
                )  # fmt: skip
            )
    return found


def _parse(path: str, text: str, name: str) -> tuple[tuple[object, yaml.Node | None] | None, list[Diagnostic]]:
    """Parse one YAML document, keeping its node tree for positions."""
    try:
        nested = _too_nested(text)
        if nested is not None:
            raise nested
        loader = _loader(text)
    except yaml.YAMLError as error:  # also unprintable characters, when the text did not come through decode_source
        line, col, problem = yaml_problem(error, text)
        return None, [Diagnostic(path, line, col, Code.YAML, f"{name} is not valid YAML: {problem}")]
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except (yaml.YAMLError, RecursionError) as error:
        line, col, problem = yaml_problem(error, text)
        return None, [Diagnostic(path, line, col, Code.YAML, f"{name} is not valid YAML: {problem}")]
    finally:
        loader.dispose()
    return (data, node), duplicate_keys(path, node, Code.YAML) + markup_problems(path, node, text)


@dataclass(slots=True)
class _Schema:
    """A shipped schema, compiled twice: for a fast verdict, and for the messages of what fails.

    jsonschema-rs (Rust) tells in microseconds whether an entry is valid; only an entry it
    rejects goes through the Python ``jsonschema`` validator, whose errors become the
    diagnostics. Without jsonschema-rs every entry takes the Python path. The Python
    validator is imported and compiled only when an entry needs it (a build of valid data
    never loads it).
    """

    document: dict[str, Any]
    fast: Any
    full: jsonschema.Draft202012Validator | None = None

    def errors(self, data: object) -> list[jsonschema.ValidationError]:
        if self.fast is not None:
            try:
                if self.fast.is_valid(data):
                    return []
            except ValueError:  # a value it cannot take (the book's loader never makes one): ask the full one
                pass
        if self.full is None:
            import jsonschema

            self.full = jsonschema.Draft202012Validator(self.document)
        return list(self.full.iter_errors(data))


@functools.cache
def _validator(schema: str, part: str | None) -> _Schema:
    """The validator of a shipped schema (or of one of its top-level parts, such as ``items``)."""
    document = json.loads(resources.files("briefbook").joinpath("schemas", schema).read_text("utf-8"))
    if part is not None:
        document = {"$defs": document.get("$defs", {}), **document[part]}
    return _Schema(document, _compile_fast(document))


def _compile_fast(document: dict[str, Any]) -> Any:
    try:
        import jsonschema_rs
    except ImportError:
        return None
    return jsonschema_rs.validator_for(document)


def _validate(
    validator: _Schema,
    path: str,
    data: object,
    node: yaml.Node,
    code: Code,
    what: str,
    hints: Mapping[str, str] | None,
) -> tuple[Diagnostic, ...]:
    errors = sorted(validator.errors(data), key=lambda e: ([str(p) for p in e.absolute_path], e.message))
    return tuple(_schema_problem(path, node, error, code, what, hints or {}) for error in errors)


def node_at(node: yaml.Node, path: Sequence[object]) -> yaml.Node:
    """Return the node at a path of keys and indices, or the deepest node that exists."""
    for step in path:
        if isinstance(node, yaml.MappingNode):
            found = next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == step), None)
            if found is None:
                return node
            node = found
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            return node
    return node


def diagnostic_at(path: str, node: yaml.Node, code: Code, message: str, hint: str | None = None) -> Diagnostic:
    """Return a diagnostic at the start of a YAML node."""
    return Diagnostic(path, node.start_mark.line + 1, node.start_mark.column + 1, code, message, hint)


def path_text(where: Sequence[object]) -> str:
    """Name a place in a data file for messages: ``['leaders', 0, 'from']`` is "leaders item 1, from"."""
    parts: list[str] = []
    for step in where:
        if isinstance(step, int):
            parts[-1:] = [f"{parts[-1] if parts else 'item'} item {step + 1}"]
        else:
            parts.append(str(step))
    return ", ".join(parts)


def _items(value: object) -> list[object]:
    """Return the items of a list or the keys of a mapping (else nothing)."""
    return list(value) if isinstance(value, (list, dict)) else []


def _schema_problem(
    path: str, entry: yaml.Node, error: jsonschema.ValidationError, code: Code, what: str, hints: Mapping[str, str]
) -> Diagnostic:
    where = list(error.absolute_path)
    node = node_at(entry, where)
    field = ".".join(str(step) for step in where) or "entry"
    if error.validator == "required":
        subject = path_text(where) if where else what
        hint = hints.get(f"required:{error.message.split(chr(39))[1]}")
        return diagnostic_at(
            path, node, code, f"{subject} lacks the required field '{error.message.split(chr(39))[1]}'", hint
        )
    if error.validator == "additionalProperties":
        known = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
        extra = ", ".join(repr(k) for k in sorted(str(k) for k in set(_items(error.instance)) - set(known)))
        hint = f"expected one of: {', '.join(known)}" if known else None
        return diagnostic_at(path, node, code, f"unknown field {extra}", hint)
    if error.validator == "enum":
        allowed = [str(v) for v in _items(error.validator_value)]
        close = difflib.get_close_matches(str(error.instance), allowed, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"expected one of: {', '.join(allowed)}"
        return diagnostic_at(path, node, code, f"unknown {field} {error.instance!r}", hint)
    if error.validator == "anyOf" and not where:
        names = [
            name
            for option in _items(error.validator_value)
            if isinstance(option, dict)
            for name in option.get("required", [])
        ]
        return diagnostic_at(
            path,
            node,
            code,
            f"{what} names none of: {', '.join(names)}",
            f"add one of {', '.join(repr(n) for n in names)}",
        )
    if error.validator == "pattern" or (error.validator == "anyOf" and where):
        field_name = next((str(step) for step in reversed(where) if isinstance(step, str)), field)
        return diagnostic_at(path, node, code, f"invalid {field} {error.instance!r}", hints.get(field_name))
    return diagnostic_at(path, node, code, f"invalid {field}: {error.message}")
