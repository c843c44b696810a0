"""Files of the docs folder that are not published: symlinks to elsewhere, and what the settings leave out.

MkDocs follows symlinks when it collects the docs folder, so a link to a system file or
to another folder would be copied into the site. The build and ``briefbook check`` both
ask :func:`escaping_paths` which paths resolve outside the folder, report each at the
top-most symlink, and leave everything under it out.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pathspec

from .diagnostics import Code, Diagnostic

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping
    from pathlib import Path


def escaping_paths(docs: Path, paths: Iterable[str], *, docs_path: str) -> tuple[set[str], list[Diagnostic]]:
    """Find the paths of the docs folder that resolve outside it, and report each link once.

    Args:
        docs: The docs folder.
        paths: POSIX paths of files (or folders) relative to it, as MkDocs or a walk lists them.
        docs_path: How the folder is shown in diagnostics (``docs``).

    Returns:
        The paths that lie outside (to leave out of the site and its index) and one
        ``escape`` diagnostic per symlink that leads out, at that symlink.
    """
    root = os.path.realpath(docs)
    outside: set[str] = set()
    links: dict[str, str] = {}
    for path in paths:
        link = _escaping_link(docs, root, path)
        if link is not None:
            outside.add(path)
            links[link] = os.path.realpath(docs / link)
    diagnostics = [
        Diagnostic(
            f"{docs_path}/{link}",
            1,
            None,
            Code.ESCAPE,
            f"'{link}' is a symlink to '{target}', outside the docs folder; it is not published",
            f"copy what you need into {docs_path}/ instead of linking to it",
        )
        for link, target in sorted(links.items())
    ]
    return outside, diagnostics


def _escaping_link(docs: Path, root: str, path: str) -> str | None:
    """Return the top-most symlink on ``path`` that resolves outside ``root``, if any."""
    prefix = ""
    for part in path.split("/"):
        prefix = f"{prefix}/{part}" if prefix else part
        candidate = docs / prefix
        if candidate.is_symlink():
            target = os.path.realpath(candidate)
            if os.path.commonpath([root, target]) != root:
                return prefix
    return None


def undecodable_names(docs: Path, *, docs_path: str) -> tuple[set[str], list[Diagnostic]]:
    """Find the files and folders of the docs folder whose names are not UTF-8.

    MkDocs cannot make a URL of such a name and stops with a traceback; they are reported
    here first, with the name's bytes shown escaped.

    Args:
        docs: The docs folder.
        docs_path: How the folder is shown in diagnostics (``docs``).

    Returns:
        The names' paths as the file system gives them (to leave out), and one
        ``encoding`` error per name.
    """
    bad: set[str] = set()
    found = []
    for folder, dirs, names in os.walk(docs):
        rel = os.path.relpath(folder, docs)
        for name in sorted(dirs + names):
            try:
                name.encode("utf-8")
            except UnicodeEncodeError:
                path = name if rel == "." else f"{rel}/{name}"
                bad.add(path.replace(os.sep, "/"))
                raw = os.fsencode(path).decode("ascii", "backslashreplace")
                byte = next(b for b in os.fsencode(name) if b >= 0x80)
                message = f"file name is not UTF-8 (byte 0x{byte:02x}); a URL cannot be made of it"
                found.append(Diagnostic(f"{docs_path}/{raw}", 1, None, Code.ENCODING, message, "rename it in UTF-8"))
        dirs[:] = [d for d in dirs if (d if rel == "." else f"{rel}/{d}").replace(os.sep, "/") not in bad]
    return bad, found


def matching_paths(paths: Iterable[str], *patterns: str) -> set[str]:
    """Return the paths that ``.gitignore``-style patterns match, as MkDocs reads ``exclude_docs``.

    Args:
        paths: POSIX paths relative to the docs folder.
        patterns: Settings such as ``exclude_docs``, ``draft_docs`` or ``not_in_nav``: lines of patterns.

    Returns:
        The paths any of the patterns match (``pathspec``'s ``GitIgnoreSpec``, which MkDocs uses).
    """
    lines = [line for text in patterns for line in text.splitlines()]
    if not any(line.strip() for line in lines):
        return set()
    spec = pathspec.GitIgnoreSpec.from_lines(lines)
    return {path for path in paths if spec.match_file(path)}


def snippet_reader(extensions: Mapping[str, object], root: Path) -> Callable[[str], str | None] | None:
    """Return how pymdownx.snippets finds an included file, or None when the site does not use it.

    Args:
        extensions: The Markdown extensions by name, each with its options.
        root: The folder the snippets' ``base_path`` is relative to (where the build runs).

    Returns:
        A function from a file name as written to its text: from the first base path that has
        it, never from outside the base paths (``restrict_base_path``, the default).
    """
    if "pymdownx.snippets" not in extensions:
        return None
    options = extensions["pymdownx.snippets"]
    base = options.get("base_path", ".") if isinstance(options, dict) else "."
    bases = [(root / b).resolve() for b in ([base] if isinstance(base, str) else base) if isinstance(b, str)]

    def read(name: str) -> str | None:
        for folder in bases:
            path = (folder / name).resolve()
            if path.is_relative_to(folder) and path.is_file():
                return path.read_text(encoding="utf-8", errors="replace")
        return None

    return read
