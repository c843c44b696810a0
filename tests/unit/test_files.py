"""Symlinks that lead out of the docs folder."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefbook import escaping_paths, render_diagnostic

if TYPE_CHECKING:
    from pathlib import Path


def test_only_links_that_leave_the_folder_are_reported_once_at_the_top_most_link(tmp_path: Path) -> None:
    docs, outside = tmp_path / "docs", tmp_path / "outside"
    (docs / "img").mkdir(parents=True)
    (outside / "deep").mkdir(parents=True)
    (docs / "img" / "a.png").write_bytes(b"png")
    (docs / "img" / "b.png").symlink_to(docs / "img" / "a.png")
    (docs / "passwd").symlink_to("/etc/passwd")
    (docs / "shared").symlink_to(outside, target_is_directory=True)
    paths = ["img/a.png", "img/b.png", "passwd", "shared/x.md", "shared/deep/y.md"]
    outside_paths, problems = escaping_paths(docs, paths, docs_path="docs")
    assert outside_paths == {"passwd", "shared/x.md", "shared/deep/y.md"}
    hint = "(copy what you need into docs/ instead of linking to it)"
    assert [render_diagnostic(d) for d in problems] == [
        "docs/passwd:1: error[escape]: 'passwd' is a symlink to '/etc/passwd', outside the docs folder;"
        f" it is not published {hint}",
        f"docs/shared:1: error[escape]: 'shared' is a symlink to '{outside.resolve()}', outside the docs folder;"
        f" it is not published {hint}",
    ]


def test_a_folder_without_links_has_nothing_outside(tmp_path: Path) -> None:
    (tmp_path / "index.md").write_text("# Home\n", encoding="utf-8")
    assert escaping_paths(tmp_path, ["index.md", "missing.md"], docs_path="docs") == (set(), [])


def test_matching_paths_reads_patterns_as_mkdocs_reads_exclude_docs() -> None:
    from briefbook import matching_paths

    paths = ["index.md", "drafts/plan.md", "a/drafts/x.md", "notes.tmp", "a/b/notes.tmp", "api/index.md", "keep.md"]
    assert matching_paths(paths, "drafts/\n*.tmp\n/api/\n!keep.md\n") == {
        "drafts/plan.md",
        "a/drafts/x.md",
        "notes.tmp",
        "a/b/notes.tmp",
        "api/index.md",
    }
    assert matching_paths(paths, "/drafts/", "a/b/*") == {"drafts/plan.md", "a/b/notes.tmp"}
    assert matching_paths(paths, "", "\n") == set()


def test_snippet_reader_looks_in_each_base_path_and_never_outside(tmp_path: Path) -> None:
    from briefbook import snippet_reader

    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "two" / "note.md").write_text("two's note\n", encoding="utf-8")
    (tmp_path / "secret.md").write_text("outside\n", encoding="utf-8")
    read = snippet_reader({"pymdownx.snippets": {"base_path": ["one", "two"]}}, tmp_path)
    assert read is not None
    assert read("note.md") == "two's note\n"
    assert read("../secret.md") is None
    assert read("absent.md") is None
    assert snippet_reader({"toc": {}}, tmp_path) is None
    default = snippet_reader({"pymdownx.snippets": {}}, tmp_path)
    assert default is not None and default("secret.md") == "outside\n"
