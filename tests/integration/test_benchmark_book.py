"""The benchmark's synthetic book is a fair comparison: each form builds cleanly, and the cited form
with the hooks renders the same pages as the written form with MkDocs alone."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from conftest import MKDOCS, ROOT, run

sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import page_src, write_cited, write_plain, write_written  # noqa: E402

PAGES = 24


def _article(site: Path, src: str) -> str:
    html = (site / src.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
    return re.search(r"<article.*?</article>", html, re.DOTALL).group(0)  # type: ignore[union-attr]


def test_every_form_of_the_benchmark_book_builds_and_the_two_cited_forms_render_alike(tmp_path: Path) -> None:
    cited = tmp_path / "cited"
    write_cited(cited, PAGES)
    write_written(cited, tmp_path / "written")
    write_plain(cited, tmp_path / "plain")
    builds = {
        "cited": (cited, "mkdocs.yml"),
        "written": (tmp_path / "written", "native.yml"),
        **{name: (tmp_path / "plain", f"{name}.yml") for name in ("native", "hooks", "proofer")},
    }
    for name, (folder, config) in builds.items():
        result = run(
            [*MKDOCS, "build", "--strict", "-q", "-f", config, "-d", str(tmp_path / "site" / name)], cwd=folder
        )
        assert (name, result.code, result.lines()) == (name, 0, [])
    page = page_src(7)
    assert _article(tmp_path / "site" / "cited", page) == _article(tmp_path / "site" / "written", page)
    assert _article(tmp_path / "site" / "cited", page).count('class="footnote-ref"') == 12  # 11 citations and a note
    plain = _article(tmp_path / "site" / "native", page)
    assert "footnote-ref" in plain and "twenty-six" in plain and "[@" not in plain.replace("[@not-a-source]", "")


def test_the_hooks_find_a_broken_link_in_the_benchmark_book(tmp_path: Path) -> None:
    """The control: the hooks do check the plain form, so its clean build means something."""
    cited = tmp_path / "cited"
    write_cited(cited, PAGES)
    write_plain(cited, tmp_path / "plain")
    page = tmp_path / "plain" / "docs" / page_src(3)
    page.write_text(page.read_text(encoding="utf-8").replace("(#assessment)", "(#assesment)"), encoding="utf-8")
    result = run([*MKDOCS, "build", "--strict", "-q", "-f", "hooks.yml"], cwd=tmp_path / "plain")
    assert result.code == 1
    assert [line.split(" (")[0] for line in result.lines()] == [
        f"docs/{page_src(3)}:17:88: error[anchor]: '#assesment' is not an anchor of this page"
    ]
