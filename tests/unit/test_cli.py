"""The ``briefbook`` command on small projects: output, JSON lines and exit status."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from briefbook.cli import main
from conftest import ROOT

if TYPE_CHECKING:
    from pathlib import Path

FM = "---\ntitle: T\ndescription: D\nreviewed: 2026-11-24\n---\n\n"
CONFIG = "site_name: X\nnav:\n  - index.md\n  - other.md\n"


def project(root: Path, files: dict[str, str | bytes], config: str = CONFIG) -> Path:
    """Write mkdocs.yml and the docs files under ``root``; return the config's path."""
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root / "mkdocs.yml"


CLEAN = {
    "docs/index.md": FM + '# Home\n\n[other](other.md#x) ![map](img/map.png) <a href="other/">o</a>\n',
    "docs/other.md": FM + "# Other\n\n[home](index.md) [ext](https://example.org/x.md)\n",
    "docs/img/map.png": b"\x89PNG",
}

DEFECTS = {
    "docs/index.md": FM + "# Home\n\nA [missing](othr.md) and a [case](Other.md).\n",
    "docs/other.md": "---\ntitle: Other\ndescription: D\nreviewed: 24/11/2026\n---\n\n[up](../README.md)\n",
    "docs/orphan.md": "# No front matter\n",
}

DEFECT_LINES = [
    "docs/index.md:9:13: error[link]: 'othr.md' not found: no file 'othr.md' in the docs (did you mean 'other.md'?)",
    "docs/index.md:9:35: error[case]: 'Other.md' differs in case from the file 'other.md' (did you mean 'other.md'?)",
    "docs/orphan.md:1: error[nav]: page is not in the nav of mkdocs.yml (add it to 'nav:' so readers can find it)",
    "docs/orphan.md:1:1: error[frontmatter]: page has no front matter (start the page with a '---' block setting title, description, reviewed)",
    "docs/other.md:4:11: error[frontmatter]: 'reviewed' is '24/11/2026', not an ISO date (write it as YYYY-MM-DD)",
    "docs/other.md:7:6: error[escape]: '../README.md' leads outside the docs folder",
]


def test_check_on_a_clean_project_exits_0_silently(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = project(tmp_path, CLEAN)
    assert main(["check", "--config", str(config)]) == 0
    assert capsys.readouterr() == ("", "")


def test_check_prints_every_problem_sorted_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = project(tmp_path, DEFECTS)
    assert main(["check", "--config", str(config)]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == DEFECT_LINES
    assert err == "briefbook: 6 errors, 0 warnings\n"


def test_check_github_annotations_name_file_line_and_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = project(tmp_path, DEFECTS)
    assert main(["check", "--config", str(config), "--format", "github"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "::error file=docs/index.md,line=9,col=13,title=briefbook [link]::'othr.md' not found: no file 'othr.md'"
        " in the docs (did you mean 'other.md'?)",
        "::error file=docs/index.md,line=9,col=35,title=briefbook [case]::'Other.md' differs in case from the file"
        " 'other.md' (did you mean 'other.md'?)",
        "::error file=docs/orphan.md,line=1,title=briefbook [nav]::page is not in the nav of mkdocs.yml"
        " (add it to 'nav:' so readers can find it)",
        "::error file=docs/orphan.md,line=1,col=1,title=briefbook [frontmatter]::page has no front matter"
        " (start the page with a '---' block setting title, description, reviewed)",
        "::error file=docs/other.md,line=4,col=11,title=briefbook [frontmatter]::'reviewed' is '24/11/2026',"
        " not an ISO date (write it as YYYY-MM-DD)",
        "::error file=docs/other.md,line=7,col=6,title=briefbook [escape]::'../README.md' leads outside the docs folder",
    ]
    assert err == "briefbook: 6 errors, 0 warnings\n"


def test_github_annotations_escape_what_the_runner_reads() -> None:
    from briefbook import Code, Diagnostic, Severity, render_github

    diagnostic = Diagnostic("docs/a,b:c.md", 3, None, Code.NOTE, "50% done\nnext", "a: b, c", Severity.WARNING)
    assert render_github(diagnostic) == (
        "::warning file=docs/a%2Cb%3Ac.md,line=3,title=briefbook [note]::50%25 done%0Anext (a: b, c)"
    )


def test_check_json_lines_carry_the_same_values(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = project(tmp_path, DEFECTS)
    assert main(["check", "--config", str(config), "--format", "json"]) == 1
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert records[:3] == [
        {
            "path": "docs/index.md",
            "line": 9,
            "col": 13,
            "severity": "error",
            "code": "link",
            "message": "'othr.md' not found: no file 'othr.md' in the docs",
            "hint": "did you mean 'other.md'?",
        },
        {
            "path": "docs/index.md",
            "line": 9,
            "col": 35,
            "severity": "error",
            "code": "case",
            "message": "'Other.md' differs in case from the file 'other.md'",
            "hint": "did you mean 'other.md'?",
        },
        {
            "path": "docs/orphan.md",
            "line": 1,
            "col": None,
            "severity": "error",
            "code": "nav",
            "message": "page is not in the nav of mkdocs.yml",
            "hint": "add it to 'nav:' so readers can find it",
        },
    ]
    assert [(r["path"], r["line"], r["col"], r["code"]) for r in records[3:]] == [
        ("docs/orphan.md", 1, 1, "frontmatter"),
        ("docs/other.md", 4, 11, "frontmatter"),
        ("docs/other.md", 7, 6, "escape"),
    ]
    assert err == ""


@pytest.mark.parametrize("date", ["2026-02-30", "2026-13-01"], ids=["february-30", "month-13"])
def test_check_reports_an_impossible_date_without_a_traceback(
    date: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {**CLEAN, "docs/other.md": f"---\ntitle: O\ndescription: D\nreviewed: {date}\n---\n"}
    config = project(tmp_path, files)
    assert main(["check", "--config", str(config)]) == 1
    assert capsys.readouterr().out == (
        f"docs/other.md:4:11: error[frontmatter]: 'reviewed' is '{date}', not an ISO date (write it as YYYY-MM-DD)\n"
    )


def test_check_reports_nav_entries_at_their_line_in_mkdocs_yml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = project(tmp_path, CLEAN, "site_name: X\nnav:\n  - index.md\n  - Other: OTHER.md\n  - indx.md\n")
    assert main(["check", "--config", str(config)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "docs/other.md:1: error[nav]: page is not in the nav of mkdocs.yml (add it to 'nav:' so readers can find it)",
        "mkdocs.yml:4:12: error[case]: nav entry 'OTHER.md' differs in case from the file 'other.md' (did you mean 'other.md'?)",
        "mkdocs.yml:5:5: error[nav]: nav entry 'indx.md' names no file in the docs (did you mean 'index.md'?)",
    ]


def test_check_reads_docs_dir_and_bad_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = {"src/index.md": FM + "# Home\n", "src/bad.md": b"---\ntitle: Bad\n---\nCaf\xe9\n"}
    config = project(tmp_path, files, "site_name: X\ndocs_dir: src\n")
    assert main(["check", "--config", str(config)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "src/bad.md:4:4: error[encoding]: invalid UTF-8 byte 0xe9; files must be saved as UTF-8 (re-save the file as UTF-8)"
    ]


def test_check_reports_invalid_mkdocs_yml_and_goes_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = project(tmp_path, {"docs/index.md": FM + "[x](gone.md)\n"}, "site_name: X\nnav: [index.md\n")
    assert main(["check", "--config", str(config)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "docs/index.md:7:5: error[link]: 'gone.md' not found: no file 'gone.md' in the docs (did you mean 'index.md'?)",
        "mkdocs.yml:3:1: error[yaml]: mkdocs.yml is not valid YAML: expected ',' or ']', but got '<stream end>'",
    ]


def test_check_skips_dot_files_and_the_templates_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = {
        **CLEAN,
        "docs/.draft.md": "[x](gone.md)\n",
        "docs/.hidden/page.md": "[x](gone.md)\n",
        "docs/templates/page.md": "[x](gone.md)\n",
    }
    config = project(tmp_path, files)
    assert main(["check", "--config", str(config)]) == 0
    assert capsys.readouterr() == ("", "")


def test_links_checks_links_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project(tmp_path, DEFECTS)
    monkeypatch.chdir(tmp_path)
    assert main(["links", "docs"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        line for line in DEFECT_LINES if "[link]" in line or "[case]" in line or "[escape]" in line
    ]
    assert err == "briefbook: 3 errors, 0 warnings\n"


def test_links_without_directory_urls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project(tmp_path, {"docs/index.md": '<a href="other.html">o</a>\n', "docs/other.md": "# O\n"})
    monkeypatch.chdir(tmp_path)
    assert main(["links", "docs", "--no-directory-urls"]) == 0
    assert capsys.readouterr() == ("", "")
    assert main(["links", "docs"]) == 1
    assert capsys.readouterr().out == (
        "docs/index.md:1:10: error[link]: 'other.html' not found: no page or file at 'other.html' in the site"
        " (did you mean 'other/'?)\n"
    )


def page(body: str, ids: str = "") -> str:
    """A built page in Material's shape: theme links outside the article."""
    return (
        f'<html><body><nav><a href="../nowhere/">nav</a></nav><article class="md-content__inner">'
        f'<h1 id="top">T</h1>{ids}{body}</article></body></html>'
    )


def test_check_with_site_checks_anchors_and_generated_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {
        "docs/index.md": FM + "# Home\n\n[a](other.md#leader) [b](other.md#custom-id)\n",
        "docs/other.md": FM + "# Other\n",
        "site/index.html": page('<a href="other/#leader">a</a><a href="other/#custom-id">b</a><a href="gone/">toc</a>'),
        "site/other/index.html": page("", '<h2 id="leadership">L</h2><p id="custom-id"></p>'),
    }
    config = project(tmp_path, files)
    assert main(["check", "--config", str(config), "--site", str(tmp_path / "site")]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "docs/index.md:1: error[link]: 'gone/' not found: no page or file at 'gone/' in the site",
        "docs/index.md:9:5: error[anchor]: '#leader' is not an anchor of other.md (did you mean '#leadership'?)",
    ]
    monkeypatch.chdir(tmp_path)
    assert main(["links", "docs", "--site", "site", "--format", "json"]) == 1
    assert [json.loads(line)["code"] for line in capsys.readouterr().out.splitlines()] == ["link", "anchor"]


def test_site_built_without_directory_urls_is_recognised(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = {
        "docs/index.md": FM + "[a](other.md#nope)\n",
        "docs/other.md": FM + "# Other\n",
        "site/index.html": page('<a href="other.html#nope">a</a>'),
        "site/other.html": page(""),
    }
    config = project(tmp_path, files)
    assert main(["check", "--config", str(config), "--site", str(tmp_path / "site")]) == 1
    assert capsys.readouterr().out == "docs/index.md:7:5: error[anchor]: '#nope' is not an anchor of other.md\n"


USAGE = {
    "links-missing-docs": (["links", "nowhere"], "briefbook: error: no mkdocs.yml or docs folder at nowhere\n"),
    "links-reads-mkdocs-yml": (["links"], "briefbook: error: no docs folder at docs\n"),
    "links-config-without-docs": (
        ["links", "other.yml"],
        "briefbook: error: no docs folder at elsewhere\n",
    ),
    "check-missing-config": (
        ["check", "--config", "missing.yml"],
        "briefbook: error: cannot read missing.yml: No such file or directory\n",
    ),
    "check-missing-docs-dir": (["check"], "briefbook: error: no docs folder at docs\n"),
    "links-missing-site": (
        ["links", "src", "--site", "site"],
        "briefbook: error: no built site at site; build it first (mkdocs build)\n",
    ),
}


@pytest.mark.parametrize(("argv", "stderr"), USAGE.values(), ids=USAGE.keys())
def test_usage_errors_exit_2_with_one_line(
    argv: list[str], stderr: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project(tmp_path, {"src/index.md": "# Home\n", "other.yml": "docs_dir: elsewhere\n"})
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    assert capsys.readouterr() == ("", stderr)


ARGPARSE = {
    "no-command": ([], "briefbook: error: the following arguments are required: command"),
    "unknown-format": (
        ["check", "--format", "xml"],
        "briefbook check: error: argument --format: invalid choice: 'xml' (choose from 'text', 'json', 'github')",
    ),
    "links-two-paths": (["links", "a", "b"], "briefbook: error: unrecognized arguments: b"),
}


@pytest.mark.parametrize(("argv", "last_line"), ARGPARSE.values(), ids=ARGPARSE.keys())
def test_bad_arguments_exit_2(argv: list[str], last_line: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines()[-1] == last_line


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert capsys.readouterr().out.startswith("usage: briefbook [-h] {check,codes,links}")


def test_links_finds_the_themes_assets_in_the_built_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A docs link to a file the theme provides (found by MkDocs among the theme's files).
    files = {
        "docs/index.md": "# Home\n\n[icon]: img/favicon.ico\n\nThe [icon] and a [lost one](img/lost.ico).\n",
        "site/index.html": '<article><a href="img/favicon.ico">icon</a> <a href="img/lost.ico">lost</a></article>',
        "site/img/favicon.ico": "ICO",
    }
    project(tmp_path, files)
    docs, site = str(tmp_path / "docs"), str(tmp_path / "site")
    assert main(["links", docs, "--site", site]) == 1
    out = capsys.readouterr().out.splitlines()
    assert [line.split(": ", 1)[1] for line in out] == [
        "error[link]: 'img/lost.ico' not found: no file 'img/lost.ico' in the docs (did you mean 'img/favicon.ico'?)"
    ]


def test_links_knows_pages_that_plugins_made_or_moved(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Found on Material's docs: blog posts are built at dated URLs with no Markdown file there.
    files = {
        "docs/index.md": "# Home\n",
        "docs/blog/posts/hello.md": "# Hello\n",
        "site/index.html": '<article><a href="blog/2025/11/05/hello/#intro">post</a> '
        '<a href="blog/2025/11/05/hello/#nope">bad</a></article>',
        "site/blog/2025/11/05/hello/index.html": '<article><h2 id="intro">Intro</h2></article>',
    }
    project(tmp_path, files)
    assert main(["links", str(tmp_path / "docs"), "--site", str(tmp_path / "site")]) == 1
    out = capsys.readouterr().out.splitlines()
    assert [line.split(": ", 1)[1] for line in out] == [
        "error[anchor]: '#nope' is not an anchor of blog/2025/11/05/hello/index.html"
    ]


def test_contributing_holds_the_code_table_the_library_writes(capsys: pytest.CaptureFixture[str]) -> None:
    from briefbook import CODE_HELP, Code, render_code_table

    assert list(CODE_HELP) and set(CODE_HELP) == set(Code)  # every code is explained
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    start = text.index("-->\n", text.index("<!-- codes: generated")) + len("-->\n")
    assert text[start : text.index("<!-- codes: end -->")] == render_code_table()
    assert main(["codes"]) == 0
    assert capsys.readouterr().out == render_code_table()


def test_the_library_imports_no_site_generator() -> None:
    """The checks run standalone (editors, pre-commit, another engine): no module of the library loads MkDocs."""
    code = (
        "import importlib, pkgutil, sys, briefbook\n"
        "for m in pkgutil.iter_modules(briefbook.__path__): importlib.import_module('briefbook.' + m.name)\n"
        "print(sorted({k.split('.')[0] for k in sys.modules} & {'mkdocs', 'material', 'properdocs'}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "[]\n"
    control = subprocess.run(
        [sys.executable, "-c", "import briefbook_mkdocs, sys; print('mkdocs' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert control.stdout == "True\n"
