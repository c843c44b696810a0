"""A synthetic book for the build benchmark: realistic pages, nested sections, a registry.

Each page is about the size of a chapter of the briefing book (some 6 KB of Markdown): front
matter, headings with given and generated ids, paragraphs with citation markers, links to other
pages and to their headings, a raw HTML link, a table, a list, an admonition, a fenced code
block whose link-like text is not a link, and a footnote written by hand. Pages sit in parts of
ten chapters of ten pages, as a real book nests them; every page has three sources of its own in
the registry and also cites a source of another page.

The same book comes in three forms:

- ``cited``: the pages as contributors write them, with ``[@key]`` markers and the registry;
  the book's hooks turn the markers into footnotes and list the sources.
- ``written``: the Markdown the hooks would hand to MkDocs for each page of ``cited``, footnotes
  and the Sources list already written out (made by the library itself, so both forms render to
  the same pages). A plain MkDocs build of it is the baseline that carries the same footnotes.
- ``plain``: ``cited`` without its markers and with its figures in words, so that the hooks have
  nothing to render and no figure to ask a citation for: they only check. Built natively, with
  the hooks and with mkdocs-htmlproofer-plugin, it measures what the checks cost.
"""

from __future__ import annotations

import posixpath
import random
import re
from pathlib import Path

from briefbook import expand_placeholders, load_book_data, render_citations, scan_book

PER_CHAPTER = 10
PER_PART = 100
REVIEWED = "2026-11-24"
EXTENSIONS = """\
markdown_extensions:
  - toc: {permalink: true}
  - tables
  - footnotes
  - attr_list
  - md_in_html
  - admonition
  - pymdownx.details
  - pymdownx.superfences
"""
# navigation.prune keeps each page's nav to the branch it is in, as a large book would set it;
# without it Material writes the whole nav into every page and the build grows with its square.
THEME = "theme: {name: material, font: false, features: [navigation.sections, navigation.prune]}\n"
VALIDATION = (
    "validation: {links: {not_found: info, anchors: info, absolute_links: info, unrecognized_links: info},"
    " nav: {omitted_files: info, not_found: info, absolute_links: info}}\n"
)
PROOFER = "plugins:\n  - search\n  - htmlproofer: {validate_external_urls: false, raise_error: true}\n"
OWN_HOOKS = Path(__file__).resolve().parent.parent / "hooks" / "briefbook_hooks.py"
HOOKS = OWN_HOOKS
"""The hooks the configurations name (``bench_build.py --hooks`` points it at another checkout)."""
COMMON = f"site_name: Benchmark book\nsite_url: https://example.org/book/\n{THEME}{EXTENSIONS}{VALIDATION}"

PAGE = """\
---
title: Page {n}
description: Synthetic page {n} of the benchmark book.
reviewed: {reviewed}
---

# Page {n}

This page stands for a chapter of a briefing: a few paragraphs that state what the sources
report, each with its citation, and links to the other chapters that take the matter further.
The first source of the page reports what happened and when [@{s0}]. A second source gives
another account of the same events, with the figures it reports set out below [@{s1}, p. 4].

## Background {{#background}}

The background section links to [an earlier chapter]({prev}) and to [the findings of a chapter
elsewhere in the book]({far}#findings), and returns to [this page's assessment](#assessment).
Readers of the offline edition follow the same links from disk. An analysis published in a
journal frames the question differently [see @{s2}], and a chapter of another part discusses
the same period [@{other}].

A second paragraph of background, long enough to be realistic, carries no figure and so needs
no citation: it describes the setting, the actors and the questions the chapter asks, and points
to the <a href="{raw}">chapter after this one</a> for what came next.

## Findings

| Source | What it reports | Figure |
| --- | --- | --- |
| Official statement | the number the authorities gave | 26 [@{s0}] |
| Rights group | the number it documented | 31 [@{s1}] |
| Press agency | the number it could confirm | 19 [@{s2}, para. 3] |

- The first finding, with the year it concerns, 2024 [@{s0}].
- The second finding, which another chapter confirms ([the background there]({far}#background)).
- The third finding, a judgement the sources share rather than a figure.

!!! note "How to read these figures"

    The figures differ because each source counts in its own way; each is shown with its source
    beside it [@{s1}].

### Figures {{#figures}}

The figures above are the ones the sources published.[^method] None of them is an estimate of the
book's own.

```text
An example of text that looks like a link but sits in code: [not a link](missing.md#nowhere)
and a marker that is not one either: [@not-a-source]
```

## Assessment

The assessment weighs the accounts above and links back to [the background](#background) and to
[the first page of the book]({first}). It attributes each claim to the source that made it and
states what is established apart from what is claimed [@{s2}; @{s0}].

[^method]: The chapter's method note: the figures are reported as published, not adjusted.
"""

SOURCE = """\
- id: {key}
  type: article-newspaper
  title: Report number {k} for page {n}
  container-title: Publisher {p}
  issued: {{date-parts: [[2025, {month}, {day}]]}}
  URL: https://example.org/news/{n}/{k}
  accessed: {{date-parts: [[2026, 11, 24]]}}
  kind: {kind}
  note: A synthetic source of the benchmark book.
"""

SOURCES_PAGE = f"""\
---
title: Sources
description: Every source the book cites.
reviewed: {REVIEWED}
---

# Sources

<!-- data: sources -->
"""


def page_src(n: int) -> str:
    """The page's path in the docs folder."""
    return f"part-{n // PER_PART:02}/chapter-{n % PER_PART // PER_CHAPTER}/page-{n:04}.md"


def _link(src: str, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(src))


def _url(src: str, target: str) -> str:
    """The URL of ``target`` relative to ``src``'s page, with directory URLs (a raw HTML link)."""
    here = src.removesuffix(".md") + "/"
    there = target.removesuffix(".md") + "/"
    return posixpath.relpath(there, here) + "/"


def write_cited(folder: Path, pages: int, *, seed: int = 2026) -> None:
    """Write the ``cited`` book of ``pages`` pages, with its mkdocs.yml (hooks on), into ``folder``."""
    rng = random.Random(seed)
    docs = folder / "docs"
    for n in range(pages):
        src = page_src(n)
        far = page_src(rng.randrange(pages))
        other = rng.randrange(pages)
        text = PAGE.format(
            n=n,
            reviewed=REVIEWED,
            s0=f"s{n}-0",
            s1=f"s{n}-1",
            s2=f"s{n}-2",
            other=f"s{other}-0",
            prev=_link(src, page_src((n - 1) % pages)),
            far=_link(src, far),
            raw=_url(src, page_src((n + 1) % pages)) + "#background",
            first=_link(src, page_src(0)),
        )
        path = docs / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (docs / "index.md").write_text(
        f"---\ntitle: Home\ndescription: The benchmark book.\nreviewed: {REVIEWED}\n---\n\n# Home\n\n"
        f"Start with [the first page]({page_src(0)}) or [the sources](sources/index.md).\n",
        encoding="utf-8",
    )
    (docs / "sources").mkdir(parents=True, exist_ok=True)
    (docs / "sources" / "index.md").write_text(SOURCES_PAGE, encoding="utf-8")
    entries = (
        SOURCE.format(
            key=f"s{n}-{k}", k=k, n=n, p=n % 37, month=1 + n % 12, day=1 + n % 28, kind=("news", "analysis")[k % 2]
        )
        for n in range(pages)
        for k in range(3)
    )
    (docs / "sources.yaml").write_text("\n".join(entries), encoding="utf-8")
    config = f"{COMMON}exclude_docs: |\n  /sources.yaml\nhooks: [{HOOKS}]\nnav:\n{_nav(pages)}"
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")


def write_written(cited: Path, folder: Path) -> None:
    """Write the ``written`` form of the book in ``cited`` into ``folder``, with ``native.yml`` (plain MkDocs)."""
    docs = cited / "docs"
    sources = {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in docs.rglob("*.md")}
    data = load_book_data(docs)
    from markdown.extensions.toc import slugify

    scan = scan_book(sources, data, lambda text: str(slugify(text, "-")))
    for src, text in sources.items():
        markdown = expand_placeholders(text, src, data, scan, sources_src="sources/index.md")
        markdown = render_citations(markdown, data.registry, src, sources_src="sources/index.md")
        path = folder / "docs" / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(markdown, encoding="utf-8")
    nav = _nav_of(cited)
    (folder / "native.yml").write_text(f"{COMMON}nav:\n{nav}", encoding="utf-8")


_MARKER = re.compile(r" ?\[(?:see )?@[^\]]*\]")
_FIGURE = re.compile(r"(?<![\w/.#-])(?:26|31|19|2024)(?![\w/-])")
_WORDS = {"26": "twenty-six", "31": "thirty-one", "19": "nineteen", "2024": "last year"}


def write_plain(cited: Path, folder: Path) -> None:
    """Write the ``plain`` form of the book in ``cited`` into ``folder``, with three configurations.

    ``native.yml`` is plain MkDocs, ``hooks.yml`` adds the book's hooks, and ``proofer.yml`` adds
    mkdocs-htmlproofer-plugin instead.
    """
    docs = cited / "docs"
    for path in docs.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        body, code, rest = text.partition("```text")  # the code block keeps its fake marker
        body = _FIGURE.sub(lambda m: _WORDS[m.group(0)], _MARKER.sub("", body))
        rest = _FIGURE.sub(lambda m: _WORDS[m.group(0)], _MARKER.sub("", rest.partition("```")[2]))
        text = body + code + text.partition("```text")[2].partition("```")[0] + "```" + rest if code else body
        target = folder / "docs" / path.relative_to(docs)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    nav = _nav_of(cited)
    (folder / "native.yml").write_text(f"{COMMON}nav:\n{nav}", encoding="utf-8")
    (folder / "hooks.yml").write_text(f"{COMMON}hooks: [{HOOKS}]\nnav:\n{nav}", encoding="utf-8")
    (folder / "proofer.yml").write_text(f"{COMMON}{PROOFER}nav:\n{nav}", encoding="utf-8")


def _nav_of(cited: Path) -> str:
    return (cited / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:\n", 1)[1]


def _nav(pages: int) -> str:
    """Parts of ten chapters of ten pages, after the home page, with the Sources page last."""
    lines = ["  - index.md"]
    for part in range((pages + PER_PART - 1) // PER_PART):
        lines.append(f"  - Part {part + 1}:")
        first = part * PER_PART
        for chapter in range((min(pages - first, PER_PART) + PER_CHAPTER - 1) // PER_CHAPTER):
            lines.append(f"    - Chapter {chapter + 1}:")
            start = first + chapter * PER_CHAPTER
            lines += [f"      - {page_src(n)}" for n in range(start, min(start + PER_CHAPTER, pages))]
    lines.append("  - sources/index.md")
    return "\n".join(lines) + "\n"
