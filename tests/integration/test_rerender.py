"""A page that a plugin renders a second time is checked as it was the first time.

(Its text is read again from disk, and with it its links and its citation markers.)

The hooks let go of a page's text, markers and links once its content is checked. A plugin
that renders a page again (through the page events, as some plugins do) must still get every
diagnostic at its line, and the page's citations must still render (an unrendered one is an error).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from conftest import HOOKS, MKDOCS, make_site, run

if TYPE_CHECKING:
    from pathlib import Path

RERENDER = '''\
import sys

seen = set()
again = False


def on_page_content(html, page, config, files):
    """Once the home page is done, render it again through the page events."""
    global again
    seen.add(page.file.src_uri)
    if not again and "index.md" in seen and page.file.src_uri != "index.md":
        again = True
        home = files.get_file_from_path("index.md").page
        home.read_source(config)
        home.markdown = config.plugins.on_page_markdown(home.markdown, page=home, config=config, files=files)
        home.render(config, files)
        home.content = config.plugins.on_page_content(home.content, page=home, config=config, files=files)
        print("rendered index.md again", file=sys.stderr)
    return html
'''


def _site(tmp_path: Path, name: str, *, rerender: bool) -> Path:
    site = make_site("citations", tmp_path / name)
    home = site / "docs" / "index.md"
    raw = (
        "<figure markdown>\n![A map](map.png)\n<figcaption>The area [@hrw-2024-report, p. 3].</figcaption>\n</figure>\n"
    )
    home.write_text(home.read_text(encoding="utf-8") + "\n" + raw + "\nSee [the plan](nowhere.md#plan).\n", "utf-8")
    (site / "docs" / "map.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    if rerender:
        (site / "rerender.py").write_text(RERENDER, encoding="utf-8")
        config = site / "mkdocs.yml"
        text = config.read_text(encoding="utf-8").replace(f"  - {HOOKS}\n", f"  - {HOOKS}\n  - rerender.py\n", 1)
        config.write_text(text, encoding="utf-8")
    return site


def test_a_page_rendered_twice_gets_the_same_diagnostics_at_the_same_lines(tmp_path: Path) -> None:
    once = run([*MKDOCS, "build", "--strict", "-q"], cwd=_site(tmp_path, "once", rerender=False))
    twice_site = _site(tmp_path, "twice", rerender=True)
    twice = run([*MKDOCS, "build", "--strict", "-q"], cwd=twice_site)
    line = (twice_site / "docs" / "index.md").read_text(encoding="utf-8").count("\n")
    assert once.lines() == [
        f"docs/index.md:{line - 3}:23: error[cite]: citation '@hrw-2024-report' is inside HTML that Markdown leaves"
        " as written; readers would see '[^cite-3]' (write markdown=\"span\" on the element around it"
        ' (<figcaption markdown="span">), or move the citation)',
        f"docs/index.md:{line}:16: error[link]: 'nowhere.md#plan' not found: no file 'nowhere.md' in the docs",
    ]
    assert "rendered index.md again" in twice.stderr
    assert (twice.code, twice.lines()) == (once.code, once.lines())  # nor an unrendered citation
