"""The fast paths for data files give exactly what the slow ones give.

libyaml's C composer must produce the same nodes, at the same positions, as the pure-Python
loader; jsonschema-rs must accept exactly the entries the Python validator accepts. Both are
checked on every data file of the book, and the schemas on many variants of each entry.
"""

from __future__ import annotations

import copy
import subprocess
import sys
from typing import TYPE_CHECKING

import jsonschema
import pytest
import yaml

from briefbook import Code, yamldata
from briefbook.yamldata import Loader, _Checked, _loader, _validator
from conftest import ROOT

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

DATA = {
    "sources.yaml": "sources.schema.json",
    "data/claims.yaml": "claims.schema.json",
    "data/events.yaml": "events.schema.json",
    "data/wording.yaml": "wording.schema.json",
}
GROUPS = sorted((ROOT / "docs" / "data" / "groups").glob("*.yaml"))


def _tree(node: yaml.Node | None) -> object:
    """A node tree as plain values: tag, value and both positions of every node."""
    if node is None:
        return None
    marks = (node.start_mark.index, node.start_mark.line, node.start_mark.column, node.end_mark.index)
    if isinstance(node, yaml.ScalarNode):
        return (node.tag, node.value, node.style or None, marks)  # libyaml writes a plain style as ""
    if isinstance(node, yaml.SequenceNode):
        return (node.tag, [_tree(item) for item in node.value], marks)
    return (node.tag, [(_tree(k), _tree(v)) for k, v in node.value], marks)


def _texts() -> Iterator[tuple[str, str]]:
    for name in [*DATA, *(f"data/groups/{p.name}" for p in GROUPS)]:
        yield name, (ROOT / "docs" / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "text"), list(_texts()), ids=[name for name, _ in _texts()])
def test_the_c_composer_gives_the_same_nodes_at_the_same_places(name: str, text: str) -> None:
    fast = _loader(text)
    assert isinstance(fast, _Checked)  # the fast path is taken for the book's own files
    slow = Loader(text)
    try:
        assert _tree(fast.get_single_node()) == _tree(slow.get_single_node())
    finally:
        fast.dispose()
        slow.dispose()


@pytest.mark.parametrize(
    "text",
    ["a: *x\n", "a: !!timestamp 2025-01-01\n", "a: [1, 2\n", "a:\n  - b\n c: d\n", "- " * 600 + "x\n", "\ta: 1\n"],
    ids=["alias", "tag", "unclosed", "bad-indent", "deep", "tab"],
)
def test_text_the_c_loader_would_not_read_the_same_way_goes_to_the_pure_loader(text: str) -> None:
    def outcome(loader: yaml.SafeLoader | _Checked) -> object:
        try:
            return _tree(loader.get_single_node())
        except (yaml.YAMLError, RecursionError) as error:
            return str(error)
        finally:
            loader.dispose()

    assert outcome(_loader(text)) == outcome(Loader(text))


PLAIN_TEXTS = {
    "the-book-config": (ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
    "alias": "a: &x [1, 2]\nb: *x\n",
    "tags": "a: !ENV [HOME, x]\nb: !!python/name:material.extensions.emoji.twemoji\n",
    "unclosed": "nav: [a.md\n",
    "bad-indent": "nav:\n  - a.md\n - b.md\n",
    "undefined-alias": "site_name: *name\n",
    "deep-blocks": "- " * 600 + "x\n",
    "deep-flow": "a: " + "[" * 3000 + "\n",
}


@pytest.mark.parametrize("text", PLAIN_TEXTS.values(), ids=PLAIN_TEXTS.keys())
def test_compose_plain_gives_what_the_pure_safe_loader_gives(text: str) -> None:
    def outcome(compose: Callable[[str], yaml.Node | None]) -> object:
        try:
            return _tree(compose(text))
        except (yaml.YAMLError, RecursionError) as error:
            return f"{type(error).__name__}: {error}"

    assert outcome(yamldata.compose_plain) == outcome(lambda t: yaml.compose(t, Loader=yaml.SafeLoader))


def test_compose_plain_takes_the_c_composer_for_the_book_config(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the pure-Python composer was used")

    monkeypatch.setattr(yaml.SafeLoader, "get_single_node", refuse)
    assert isinstance(yamldata.compose_plain(PLAIN_TEXTS["the-book-config"]), yaml.MappingNode)


def _variants(value: object) -> Iterator[object]:
    """The entry itself, and for each field: removed, emptied, retyped and each string changed."""
    yield value
    if isinstance(value, dict):
        for key, field in value.items():
            for changed in [*_variants(field), None, 7, [], {}]:
                variant = copy.copy(value)
                variant[key] = changed
                yield variant
            variant = {k: v for k, v in value.items() if k != key}
            yield variant
        yield {**value, "unknown-field": "x"}
    elif isinstance(value, list):
        for index, item in enumerate(value[:2]):
            for changed in _variants(item):
                yield [*value[:index], changed, *value[index + 1 :]]
        yield []
    elif isinstance(value, str):
        yield from ("", " ", value + " ", " " + value, value.upper(), value + "\n", value + "é", value[:1], "x" + value)


def _has_final_newline(value: object) -> bool:
    if isinstance(value, str):
        return value.endswith("\n")
    if isinstance(value, dict):
        return any(_has_final_newline(v) for v in value.values())
    return isinstance(value, list) and any(_has_final_newline(v) for v in value)


@pytest.mark.parametrize(("name", "schema"), DATA.items(), ids=DATA.keys())
def test_jsonschema_rs_never_accepts_what_jsonschema_rejects(name: str, schema: str) -> None:
    """It may reject more: a value ending in a newline, which ``$`` in a Python pattern lets through.

    Then the Python validator decides, as it did before there was a fast path.
    """
    checker = _validator(schema, "items")
    assert checker.fast is not None
    entries = yaml.load((ROOT / "docs" / name).read_text(encoding="utf-8"), Loader=Loader)[:12]  # noqa: S506
    variants = [variant for entry in entries for variant in _variants(entry)]
    python = jsonschema.Draft202012Validator(checker.document)
    verdicts = [(checker.fast.is_valid(variant), python.is_valid(variant), variant) for variant in variants]
    assert len(verdicts) > 500
    assert any(full for _, full, _ in verdicts) and any(not full for _, full, _ in verdicts)
    assert [v for fast, full, v in verdicts if fast and not full] == []
    assert [v for fast, full, v in verdicts if full and not fast and not _has_final_newline(v)] == []

    def messages(errors: list[jsonschema.ValidationError]) -> list[tuple[list[object], str]]:
        return [(list(error.absolute_path), error.message) for error in errors]

    assert [v for *_, v in verdicts if messages(checker.errors(v)) != messages(list(python.iter_errors(v)))] == []


def test_without_jsonschema_rs_the_python_validator_does_it_all(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamldata, "_compile_fast", lambda document: None)
    yamldata._validator.cache_clear()
    try:
        checker = _validator("sources.schema.json", "items")
        assert checker.fast is None
        assert [e.message for e in checker.errors({"id": "x"})][:1] == ["'type' is a required property"]
    finally:
        yamldata._validator.cache_clear()


def test_valid_data_never_loads_the_python_validator() -> None:
    """A build of valid data pays for jsonschema-rs alone; the Python validator comes with the first error."""
    code = (
        "import sys\nfrom pathlib import Path\nfrom briefbook import load_book_data\n"
        "data = load_book_data(Path('docs'))\n"
        "print(len(data.diagnostics), 'jsonschema' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout == "0 False\n"


def _loaded(text: str, *, keep_nodes: bool, schema: str = "sources.schema.json") -> object:
    """Everything load_entries gives, as plain values: each entry's data, line, problems and node tree."""
    entries, diagnostics = yamldata.load_entries(
        "docs/sources.yaml", text, schema=schema, code=Code.REGISTRY, name="the registry", what="source",
        keep_nodes=keep_nodes,
    )  # fmt: skip
    shown = None
    if entries is not None:
        shown = [(e.data, e.line, e.problems, _tree(e.node)) for e in entries]
    return shown, sorted(diagnostics, key=lambda d: (d.line, d.col or 0, d.message))


@pytest.mark.parametrize(("name", "schema"), DATA.items(), ids=DATA.keys())
def test_a_list_read_item_by_item_gives_what_the_whole_file_gives(name: str, schema: str) -> None:
    text = (ROOT / "docs" / name).read_text(encoding="utf-8")
    chunks = yamldata._chunks(text)
    assert chunks is not None  # the book's lists are read item by item
    assert all(chunk.compose() is not None for chunk in chunks)
    assert _loaded(text, keep_nodes=False, schema=schema) == _loaded(text, keep_nodes=True, schema=schema)


ENTRY = "- id: a\n  type: webpage\n  title: T\n  URL: https://example.org/a\n  kind: news\n  note: N.\n"


@pytest.mark.parametrize(
    ("text", "by_item"),
    [
        ("# comment\n\n" + ENTRY + "\n# between\n" + ENTRY.replace("id: a", "id: b"), True),
        (ENTRY + "-\n  id: c\n  title: T\n  title: again\n", True),  # the mapping starts on the next line
        (ENTRY.replace("note: N.", "note: <b>N</b>") + ENTRY.replace("kind: news", "kind: newz"), True),
        (ENTRY + ENTRY.replace("title: T", 'title: "two\n- lines"'), False),  # a quoted value spans the margin
        (ENTRY + "- id: [b,\n- c]\n", False),  # so does a flow list
        ("sources:\n" + ENTRY, False),  # not a list at the margin
        ("---\n" + ENTRY, False),
        (ENTRY + "- &x id: b\n- id: *x\n", False),  # an alias of another item's anchor
        (ENTRY + "- id: b\n  title: [unclosed\n", False),
        (ENTRY + "---\n" + ENTRY, False),  # two documents
        (ENTRY + "- id: b\n\ttitle: T\n", False),
    ],
    ids=[
        "comments",
        "next-line",
        "problems",
        "quoted",
        "flow",
        "mapping",
        "start",
        "alias",
        "invalid",
        "documents",
        "tab",
    ],
)
def test_item_by_item_falls_back_to_the_whole_file_where_an_item_does_not_read_alone(text: str, by_item: bool) -> None:
    chunks = yamldata._chunks(text)
    assert (chunks is not None and all(chunk.compose() is not None for chunk in chunks)) is by_item
    assert _loaded(text, keep_nodes=False) == _loaded(text, keep_nodes=True)
