"""Real MkDocs builds of fixture sites: exact messages, lines and exit codes."""

from __future__ import annotations

import re
import shutil
import signal
import socket
import subprocess
import time
from typing import TYPE_CHECKING

import pytest

from conftest import BASE_CONFIG, MKDOCS, ROOT, make_site, run

if TYPE_CHECKING:
    from pathlib import Path

NAV = BASE_CONFIG.count("\n")  # lines before the fixture's own mkdocs.yml

DEFECTS = [
    "docs/groups/bla.md:11:18: error[link]: 'blaa.md' not found: no file 'groups/blaa.md' in the docs (did you mean 'bla.md'?)",
    "docs/groups/bla.md:11:50: error[anchor]: '#leader' is not an anchor of groups/ttp.md (did you mean '#leadership'?)",
    "docs/groups/bla.md:12:23: error[anchor]: '#Leadership' is not an anchor of groups/ttp.md (did you mean '#leadership'?)",
    "docs/groups/bla.md:12:66: error[case]: 'TTP.md' differs in case from the file 'groups/ttp.md' (did you mean 'ttp.md'?)",
    "docs/groups/bla.md:13:13: error[escape]: '../../README.md' leads outside the docs folder",
    "docs/groups/bla.md:13:53: error[escape]: '/groups/ttp.md' is an absolute path; links must be relative (did you mean 'ttp.md'?)",
    "docs/groups/bla.md:16:31: error[link]: 'nowhere.md' not found: no file 'groups/nowhere.md' in the docs (did you mean 'ttp.md'?)",
    "docs/groups/bla.md:20:29: error[anchor]: '#nope' is not an anchor of groups/ttp.md",
    "docs/groups/bla.md:22:39: error[link]: '../img/mapp.png' not found: no file 'img/mapp.png' in the docs (did you mean '../img/map.png'?)",
    "docs/groups/bla.md:25:8: error[anchor]: '#origins-typo' is not an anchor of groups/ttp.md (did you mean '#ttp-origins'?)",
    "docs/groups/bla.md:27:39: error[link]: 'gone.md' not found: no file 'groups/gone.md' in the docs (did you mean 'ttp.md'?)",
    "docs/groups/bla.md:29:10: error[link]: 'ttp.md' links to a Markdown source, which MkDocs does not rewrite in raw HTML (link to the page's URL '../ttp/' instead)",
    "docs/groups/bla.md:29:64: error[link]: '../img/none.png' not found: no page or file at 'groups/img/none.png' in the site",
    "docs/groups/bla.md:30:19: error[anchor]: '#origin' is not an anchor of this page (did you mean '#origins'?)",
    "docs/orphan.md:1: error[nav]: page is not in the nav of mkdocs.yml (add it to 'nav:' so readers can find it)",
    "docs/orphan.md:1:1: error[frontmatter]: front matter lacks 'description' (every page needs title, description, reviewed)",
    "docs/orphan.md:1:1: error[frontmatter]: front matter lacks 'reviewed' (every page needs title, description, reviewed)",
    f"mkdocs.yml:{NAV + 6}:9: error[nav]: nav entry 'groups/missing.md' names no file in the docs (did you mean 'groups/ttp.md'?)",
    f"mkdocs.yml:{NAV + 7}:15: error[case]: nav entry 'Groups/TTP.md' differs in case from the file 'groups/ttp.md' (did you mean 'groups/ttp.md'?)",
]


@pytest.mark.parametrize(
    "flags",
    [["--strict"], ["--strict", "-q"], ["--strict", "-v"], [], ["-q"]],
    ids=["strict", "strict-quiet", "strict-verbose", "plain", "quiet"],
)
def test_every_defect_fails_the_build_whatever_the_flags(build, flags: list[str]) -> None:
    result = build("defects", *flags)
    assert result.lines() == DEFECTS
    assert "briefbook: 19 errors, 0 warnings" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.code == 1


@pytest.mark.parametrize(
    "flags", [["--strict"], ["--strict", "-q"], ["--strict", "-v"]], ids=["strict", "quiet", "verbose"]
)
def test_must_not_flag_constructs_build_cleanly(build, flags: list[str]) -> None:
    result = build("clean", *flags)
    assert result.lines() == []
    assert "briefbook: " not in result.stderr
    assert result.code == 0


def test_standalone_command_matches_the_build_on_sources(tmp_path: Path) -> None:
    site = make_site("defects", tmp_path)
    result = run([str(ROOT / ".venv" / "bin" / "briefbook"), "check"], cwd=site)
    without_anchors = [line for line in DEFECTS if "error[anchor]" not in line]
    assert result.stdout.splitlines() == without_anchors
    assert result.stderr == "briefbook: 14 errors, 0 warnings\n"
    assert result.code == 1


def test_standalone_link_check_reads_a_built_site(tmp_path: Path) -> None:
    site = make_site("clean", tmp_path)
    assert run([*MKDOCS, "build", "--strict"], cwd=site).code == 0
    briefbook = str(ROOT / ".venv" / "bin" / "briefbook")
    assert run([briefbook, "links", "docs", "--site", "site"], cwd=site).code == 0
    (site / "docs" / "index.md").write_text(
        (site / "docs" / "index.md").read_text(encoding="utf-8").replace("#raw-id)", "#raw-idd)"), encoding="utf-8"
    )
    result = run([briefbook, "links", "docs", "--site", "site"], cwd=site)
    # The site was built before the edit: the check reads the page's rendered links.
    assert result.code == 0
    assert run([*MKDOCS, "build"], cwd=site).code == 1
    shutil.rmtree(site / "site")
    result = run([briefbook, "links", "docs", "--site", "site"], cwd=site)
    assert result.stderr == "briefbook: error: no built site at site; build it first (mkdocs build)\n"
    assert result.code == 2


def test_bad_input_is_reported_with_file_and_line_not_a_traceback(tmp_path: Path) -> None:
    site = make_site("clean", tmp_path)
    docs = site / "docs"
    (docs / "bad.md").write_bytes(b"---\ntitle: Bad\ndescription: x\nreviewed: 2026-11-24\n---\n\n# Bad\n\nCaf\xe9.\n")
    (docs / "fm.md").write_text("---\ntitle: [unclosed\ndescription: x\n---\n\n# FM\n", encoding="utf-8")
    (docs / "date.md").write_text("---\ntitle: D\ndescription: x\nreviewed: 24/11/2026\n---\n\n# D\n", encoding="utf-8")
    result = run([*MKDOCS, "build", "--strict"], cwd=site)
    assert result.lines() == [
        "docs/bad.md:9:4: error[encoding]: invalid UTF-8 byte 0xe9; files must be saved as UTF-8 (re-save the file as UTF-8)",
        "docs/date.md:4:11: error[frontmatter]: 'reviewed' is '24/11/2026', not an ISO date (write it as YYYY-MM-DD)",
        "docs/fm.md:3:12: error[frontmatter]: front matter is not valid YAML: expected ',' or ']', but got ':'",
    ]
    assert "Traceback" not in result.stderr
    assert result.code == 1


def test_bom_and_crlf_keep_positions(tmp_path: Path) -> None:
    site = make_site("clean", tmp_path)
    page = "---\r\ntitle: T\r\ndescription: d\r\nreviewed: 2026-11-24\r\n---\r\n\r\n# T\r\n\r\nSee [x](nope.md).\r\n"
    (site / "docs" / "crlf.md").write_bytes(b"\xef\xbb\xbf" + page.encode("utf-8"))
    result = run([*MKDOCS, "build", "--strict"], cwd=site)
    assert (
        "docs/crlf.md:9:9: error[link]: 'nope.md' not found: no file 'nope.md' in the docs (did you mean 'other.md'?)"
        in result.lines()
    )
    assert result.code == 1


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_reports_problems_and_keeps_serving(tmp_path: Path) -> None:
    site = make_site("defects", tmp_path)
    port = _free_port()
    server = subprocess.Popen(
        [*MKDOCS, "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=site,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    lines: list[str] = []
    try:
        deadline = time.monotonic() + 120
        assert server.stderr is not None
        while time.monotonic() < deadline:
            line = server.stderr.readline()
            lines.append(line.rstrip("\n"))
            if "Serving on" in line:
                break
        assert any("Serving on" in line for line in lines), lines
        assert [line for line in lines if line.startswith(("docs/", "mkdocs.yml:"))] == DEFECTS
        time.sleep(1)
        assert server.poll() is None
        with socket.create_connection(("127.0.0.1", port), timeout=10):
            pass
    finally:
        server.send_signal(signal.SIGINT)  # as Ctrl-C: MkDocs removes its temporary site
        server.wait(timeout=120)  # a loaded CI machine has taken more than 30 s to stop it


def test_the_real_book_builds_strictly(tmp_path: Path) -> None:
    result = run([*MKDOCS, "build", "--strict", "-d", str(tmp_path / "site")], cwd=ROOT)
    assert result.lines() == []
    assert result.code == 0, result.stderr
    assert (tmp_path / "site" / "index.html").is_file()
    assert (tmp_path / "site" / "search" / "search_index.js").is_file()


def test_the_real_book_passes_the_standalone_check(tmp_path: Path) -> None:
    build = run([*MKDOCS, "build", "--strict", "-d", str(tmp_path / "site")], cwd=ROOT)
    assert build.code == 0
    result = run([str(ROOT / ".venv" / "bin" / "briefbook"), "check", "--site", str(tmp_path / "site")], cwd=ROOT)
    assert (result.code, result.stdout, result.lines()) == (0, "", [])
    # The only output is the list of reviewed opt-outs, the same as the build's.
    notes = [line for line in result.stderr.splitlines() if ": note[uncited]: " in line]
    assert notes == [line for line in build.stderr.splitlines() if ": note[uncited]: " in line]
    assert result.stderr.splitlines() == [
        *notes,
        *(
            [f"briefbook: {len(notes)} reviewed opt-out{'s' * (len(notes) != 1)} from the uncited-figure rule"]
            if notes
            else []
        ),
    ]


def test_the_real_books_sources_page_and_csl_json_hold_every_registry_entry(tmp_path: Path) -> None:
    import json

    import yaml

    entries = yaml.safe_load((ROOT / "docs" / "sources.yaml").read_text(encoding="utf-8")) or []
    assert run([*MKDOCS, "build", "--strict", "-d", str(tmp_path / "site")], cwd=ROOT).code == 0
    page = (tmp_path / "site" / "sources" / "index.html").read_text(encoding="utf-8")
    exported = json.loads((tmp_path / "site" / "sources.json").read_text(encoding="utf-8"))
    assert [item["id"] for item in exported] == [entry["id"] for entry in entries]
    for entry in entries:
        assert f'<div class="bb-source" id="{entry["id"]}">' in page
        assert f'href="{entry["URL"]}"' in page or f'href="{entry["URL"].replace("&", "&amp;")}"' in page


def test_an_acronym_missing_from_the_glossary_fails_the_build_and_the_page_lists_the_terms(tmp_path: Path) -> None:
    site = make_site("glossary", tmp_path)
    result = run([*MKDOCS, "build", "--strict"], cwd=site)
    assert result.code == 1
    assert [line for line in result.lines() if ": error[" in line] == [
        "docs/index.md:9:35: error[glossary]: 'FC' is not in the glossary"
        " (add '*[FC]: what it stands for' to includes/abbreviations.md)",
        "docs/index.md:9:46: error[glossary]: 'CTD' is not in the glossary"
        " (add '*[CTD]: what it stands for' to includes/abbreviations.md)",
    ]
    (site / "includes" / "abbreviations.md").write_text(
        "*[TTP]: Tehreek-e-Taliban Pakistan\n*[UN]: United Nations\n*[FC]: Frontier Corps\n"
        "*[CTD]: Counter Terrorism Department\n",
        encoding="utf-8",
    )
    result = run([*MKDOCS, "build", "--strict"], cwd=site)
    assert (result.code, result.lines()) == (0, [])
    page = (site / "site" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r"<tr>\s*<td>([^<]+)</td>", page) == ["CTD", "FC", "TTP", "UN"]


def test_a_symlink_out_of_the_docs_folder_is_reported_and_never_published(tmp_path: Path) -> None:
    site = make_site("clean", tmp_path)
    docs = site / "docs"
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("not for the site\n", encoding="utf-8")
    (outside / "notes.md").write_text("# Notes\n", encoding="utf-8")
    (docs / "leak.txt").symlink_to(outside / "secret.txt")
    (docs / "linked").symlink_to(outside, target_is_directory=True)
    (docs / "img" / "same.png").symlink_to(next((docs / "img").iterdir()))  # inside the folder: fine
    with (docs / "index.md").open("a", encoding="utf-8") as page:
        page.write("\nThe [leak](leak.txt).\n")
    built = run([*MKDOCS, "build", "--strict"], cwd=site)
    checked = run([str(ROOT / ".venv" / "bin" / "briefbook"), "check"], cwd=site)
    hint = "(copy what you need into docs/ instead of linking to it)"
    expected = [
        "docs/index.md:63:12: error[link]: 'leak.txt' not found: no file 'leak.txt' in the docs",
        f"docs/leak.txt:1: error[escape]: 'leak.txt' is a symlink to '{outside.resolve() / 'secret.txt'}',"
        f" outside the docs folder; it is not published {hint}",
        f"docs/linked:1: error[escape]: 'linked' is a symlink to '{outside.resolve()}',"
        f" outside the docs folder; it is not published {hint}",
    ]
    assert built.lines() == expected
    # Without a built site the standalone check cannot tell an indented code block from an admonition's or a
    # list item's body, so it also reports the clean fixture's link in indented code; the build does not.
    assert [line for line in checked.stdout.splitlines() if "missing.md" not in line] == expected
    assert (built.code, checked.code) == (1, 1)
    assert "Traceback" not in built.stderr
    published = {path.name for path in (site / "site").rglob("*")} if (site / "site").exists() else set()
    assert not published & {"leak.txt", "secret.txt", "notes.md", "linked"}


def test_a_footnote_on_a_page_with_generated_reference_is_rendered_and_checked(tmp_path: Path) -> None:
    """On a page with mkdocstrings blocks, a note's broken link is reported at its line.

    The library's reference printed the footnotes extension's placement marker (a public constant's value),
    and the page's own notes went there and were lost: readers saw a number leading nowhere.
    """
    site = make_site("clean", tmp_path)
    plugins = f"plugins:\n  - mkdocstrings:\n      handlers:\n        python:\n          paths: [{ROOT / 'hooks'}]\n"
    (site / "mkdocs.yml").write_text((site / "mkdocs.yml").read_text(encoding="utf-8") + plugins, encoding="utf-8")
    page = site / "docs" / "index.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text + "\nThe API.[^api]\n\n[^api]: See [the guide](gone.md).\n\n::: briefbook.citations\n", encoding="utf-8"
    )
    line = len(text.splitlines()) + 4
    result = run([*MKDOCS, "build", "--strict"], cwd=site)
    assert result.lines() == [
        f"docs/index.md:{line}:25: error[link]: 'gone.md' not found: no file 'gone.md' in the docs (did you mean 'other.md'?)"
    ]
    assert result.code == 1
