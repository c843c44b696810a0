"""Content safety in real builds: every vector refused at its line by the build and the check alike."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from conftest import MKDOCS, ROOT, make_site, run
from xss_vectors import MARKDOWN, NEUTRALISED_BY_MARKDOWN, OWASP

if TYPE_CHECKING:
    from pathlib import Path

BRIEFBOOK = str(ROOT / ".venv" / "bin" / "briefbook")
FRONT = "---\ntitle: Vector\ndescription: One vector.\nreviewed: 2026-12-01\n---\n\n# Vector\n\n"
LINE = FRONT.count("\n") + 1
"""The line each vector page's vector starts on."""


def _unsafe(result_lines: list[str]) -> list[str]:
    return [line for line in result_lines if "error[unsafe-html]" in line]


def test_every_vector_fails_the_build_and_the_check_at_its_line_and_none_is_published(tmp_path: Path) -> None:
    vectors = OWASP + MARKDOWN
    site = make_site("clean", tmp_path)
    (site / "docs" / "v").mkdir()
    for number, vector in enumerate(vectors):
        (site / "docs" / "v" / f"{number:03}.md").write_text(f"{FRONT}{vector}\n\nAfter.\n", encoding="utf-8")
    built = run([*MKDOCS, "build", "--strict"], cwd=site)
    checked = run([BRIEFBOOK, "check"], cwd=site)
    assert (built.code, checked.code) == (1, 1)
    assert "Traceback" not in built.stderr + checked.stderr
    found = _unsafe(built.lines())
    assert found == _unsafe(checked.lines())
    for number, vector in enumerate(vectors):
        lines = {int(line.split(":")[1]) for line in found if line.startswith(f"docs/v/{number:03}.md:")}
        if vector in NEUTRALISED_BY_MARKDOWN:
            assert lines == set(), vector
        else:
            assert lines and lines <= set(range(LINE, LINE + vector.count("\n") + 1)), (vector, lines)
    assert not (site / "site").exists()


DATA_HINT = "(data files hold plain text and Markdown links and emphasis; write the text without markup)"


def test_markup_in_the_data_files_fails_the_build_and_the_check_at_the_data_files_line(tmp_path: Path) -> None:
    site = make_site("citations", tmp_path)
    registry = site / "docs" / "sources.yaml"
    text = registry.read_text(encoding="utf-8")
    text = text.replace(
        "URL: https://www.dawn.com/news/1\n", 'URL: "https://www.dawn.com/news/1)<svg/onload=alert(1)>"\n'
    )
    text = text.replace(
        "  note: Documents disappearances.\n", '  note: |\n    Documents.\n    {: onclick="alert(1)" }\n'
    )
    registry.write_text(text, encoding="utf-8")
    claims = site / "docs" / "data" / "claims.yaml"
    claims.write_text(
        claims.read_text(encoding="utf-8").replace(
            "assessment: The report and the officials disagree.",
            "assessment: The report <img src=x onerror=alert(1)> and [the officials](javascript:alert(1)) disagree.",
        ),
        encoding="utf-8",
    )
    built = run([*MKDOCS, "build", "--strict"], cwd=site)
    checked = run([BRIEFBOOK, "check"], cwd=site)
    expected = [
        "docs/data/claims.yaml:13:26: error[unsafe-html]: raw HTML in a data file ('<img src=x onerror=alert(1)> a') "
        + DATA_HINT,
        "docs/data/claims.yaml:13:37: error[unsafe-html]: event-handler attribute 'onerror' on <img> runs script"
        " (pages may use Markdown and the HTML the editorial policy lists; see the Contributing page)",
        "docs/data/claims.yaml:13:75: error[unsafe-html]: URL scheme 'javascript:' in <a href> is not allowed"
        " ('javascript:alert(1)') (links may be http, https, mailto or relative)",
        "docs/sources.yaml:7:8: error[registry]: invalid URL 'https://www.dawn.com/news/1)<svg/onload=alert(1)>'"
        " (write a full http(s):// address; percent-encode spaces, quotes, <, > and what else a URL may not hold)",
        "docs/sources.yaml:7:37: error[unsafe-html]: raw HTML in a data file ('<svg/onload=alert(1)>') " + DATA_HINT,
        "docs/sources.yaml:23:5: error[unsafe-html]: an attribute list in a data file"
        " ('{: onclick=\"alert(1)\" }') " + DATA_HINT,
    ]
    # The registry entry with the bad URL is left out, so its citations are unknown (error[cite]); the
    # build also finds the image 'x' missing (error[link]); neither is what this test is about.
    assert [line for line in built.lines() if "error[cite]" not in line and "error[link]" not in line] == expected
    assert [line for line in checked.lines() if "error[cite]" not in line] == expected
    assert (built.code, checked.code) == (1, 1)
    assert "Traceback" not in built.stderr + checked.stderr


def test_a_resource_from_another_host_fails_the_build_and_the_check_of_the_site(tmp_path: Path) -> None:
    site = make_site("clean", tmp_path)
    with (site / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("extra_css: [https://example.org/x.css]\nextra_javascript: ['//cdn.example.org/y.js']\n")
    built = run([*MKDOCS, "build", "--strict"], cwd=site)
    checked = run([BRIEFBOOK, "check", "--site", "site"], cwd=site)
    hint = "(the site loads only its own files: copy the file into docs/ or drop the reference)"

    def at(page: str, tag: str) -> str:
        """Where the tag is in the written page, as line:column."""
        lines = (site / "site" / page).read_text(encoding="utf-8").splitlines()
        number = next(n for n, text in enumerate(lines, start=1) if tag in text)
        return f"{number}:{lines[number - 1].index(tag) + 1}"

    expected = [
        f"site/{page}:{at(page, tag)}: error[external]: {what} loads '{url}' from another host {hint}"
        for page in ("404.html", "index.html", "other/index.html")
        for tag, what, url in (
            (
                '<link rel="stylesheet" href="https://example.org/x.css"',
                '<link rel="stylesheet">',
                "https://example.org/x.css",
            ),
            ('<script src="//cdn.example.org/y.js"', "<script src>", "//cdn.example.org/y.js"),
        )
    ]
    assert [line for line in built.lines() if "error[external]" in line] == expected
    assert [line for line in checked.lines() if "error[external]" in line] == expected
    assert (built.code, checked.code) == (1, 1)


def test_a_mermaid_block_in_raw_html_is_refused_and_a_mermaid_fence_is_code(tmp_path: Path) -> None:
    site = make_site("clean", tmp_path)
    page = site / "docs" / "other.md"
    page.write_text(
        page.read_text(encoding="utf-8") + '\n```mermaid\ngraph TD\n```\n\n<pre class="mermaid">graph TD</pre>\n',
        encoding="utf-8",
    )
    line = page.read_text(encoding="utf-8").count("\n")
    built = run([*MKDOCS, "build", "--strict"], cwd=site)
    assert built.lines() == [
        f"docs/other.md:{line}:13: error[unsafe-html]: class 'mermaid' on <pre> makes the theme load Mermaid"
        " from a public CDN (draw the diagram as an image in docs/)"
    ]


def test_the_real_book_builds_with_the_network_disabled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from pytest_socket import disable_socket, enable_socket

    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> object:
        attempts.append(args)
        raise OSError("the network is disabled in this test")

    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("BRIEFBOOK_MKDOCS_COMMAND", raising=False)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    disable_socket(allow_unix_socket=True)
    try:
        build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True))
    finally:
        enable_socket()
    assert attempts == []
    assert (tmp_path / "site" / "search" / "search_index.js").is_file()
