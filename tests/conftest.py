"""Shared helpers: build fixture sites for real, with the project's hooks."""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parent.parent
HOOKS = ROOT / "hooks" / "briefbook_hooks.py"
FIXTURES = ROOT / "tests" / "integration" / "fixtures"
MKDOCS = [sys.executable, "-m", "mkdocs"]
DIAGNOSTIC = re.compile(r"^[^\s:]+:\d+(?::\d+)?: (?:error|warning)\[[a-z-]+\]: ")

# Settings every fixture site shares; a fixture's own mkdocs.yml is appended.
BASE_CONFIG = f"""\
site_name: Fixture
site_url: http://127.0.0.1:8000/
theme:
  name: material
  font: false
  features: [content.footnote.tooltips]
hooks:
  - {HOOKS}
validation:
  nav: {{omitted_files: info, not_found: info, absolute_links: info}}
  links: {{not_found: info, absolute_links: info, unrecognized_links: info, anchors: info}}
markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - def_list
  - footnotes
  - md_in_html
  - tables:
      use_align_attribute: true
  - toc:
      permalink: true
      slugify: !!python/object/apply:pymdownx.slugs.slugify {{kwds: {{case: lower}}}}
  - pymdownx.details
  - pymdownx.superfences
"""


# The Chromium and the flags that keep it from calling home, so that every request seen comes
# from the page: the same as the PDF edition's printer uses.
sys.path.insert(0, str(ROOT / "tools"))
from print_pdf import ARGS, CHROMIUM  # noqa: E402

LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")


NO_BROWSER = (
    f"NO BROWSER: no Chromium at {CHROMIUM}, so the browser tests did not run. "
    "Install it (sudo apt-get install chromium) or set CHROMIUM=/path/to/chromium."
)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, driven by Playwright (which never downloads a browser here).

    Without one the browser tests are skipped, loudly; in CI (``CI=true``) they fail instead.
    """
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).is_file():
        if os.environ.get("CI") == "true":
            pytest.fail(NO_BROWSER + " CI must run them.", pytrace=False)
        pytest.skip(NO_BROWSER)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@dataclass
class Result:
    """The outcome of one command."""

    code: int
    stdout: str
    stderr: str

    def lines(self) -> list[str]:
        """Return the diagnostic lines (``path:line[:col]: error[code]: ...``) of stderr and stdout."""
        text = self.stderr + self.stdout
        return [line for line in text.splitlines() if DIAGNOSTIC.match(line)]


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> Result:
    """Run a command and capture its outcome."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    environment.pop("BRIEFBOOK_MKDOCS_COMMAND", None)
    done = subprocess.run(args, cwd=cwd, env=environment, capture_output=True, text=True, timeout=300, check=False)
    return Result(done.returncode, done.stdout, done.stderr)


def make_site(fixture: str, tmp_path: Path) -> Path:
    """Copy a fixture site to a temporary folder with the shared settings; return it."""
    site = tmp_path / fixture
    shutil.copytree(FIXTURES / fixture, site)
    own = (site / "mkdocs.yml").read_text(encoding="utf-8") if (site / "mkdocs.yml").exists() else ""
    (site / "mkdocs.yml").write_text(BASE_CONFIG + own, encoding="utf-8")
    return site


@pytest.fixture
def build(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Build a fixture site: ``build("name", "--strict", "-q")``."""

    def _build(fixture: str, *flags: str) -> Result:
        site = make_site(fixture, tmp_path)
        return run([*MKDOCS, "build", *flags], cwd=site)

    return _build


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of the repository's tracked files, as a fresh clone has them, using this checkout's .venv."""
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    copy = tmp_path / "repo"
    for name in tracked.decode().split("\0"):
        if name and (ROOT / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            (copy / name).write_bytes((ROOT / name).read_bytes())
    (copy / ".venv").symlink_to(ROOT / ".venv")
    subprocess.run(["git", "init", "-q"], cwd=copy, check=True)
    subprocess.run(["git", "add", "-A"], cwd=copy, check=True)
    return copy


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say at the end, where nobody misses it, that the browser tests were skipped."""
    skipped = terminalreporter.stats.get("skipped", [])
    if any(NO_BROWSER in str(getattr(report, "longrepr", "")) for report in skipped):
        terminalreporter.write_sep("!", NO_BROWSER, red=True, bold=True)


# The book itself, built once for the browser tests, opened from disk and from a local server.
REPO_URL = "https://github.com/example/briefing-book"


@pytest.fixture(scope="session")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The book as the deploy workflow builds it: the repository link in the header, edit links on each page."""
    out = tmp_path_factory.mktemp("book") / "site"
    result = run([*MKDOCS, "build", "--strict", "-d", str(out)], cwd=ROOT, env={"REPO_URL": REPO_URL})
    assert result.code == 0, result.stderr
    return out


def serve(directory: Path) -> Iterator[str]:
    """Serve a folder on a free port of 127.0.0.1 until the generator is closed; yield its address."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(directory))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    thread.join()


@pytest.fixture(scope="session")
def book_server(book: Path) -> Iterator[str]:
    yield from serve(book)


@pytest.fixture(params=["file", "http"])
def origin(request: pytest.FixtureRequest, book: Path) -> str:
    """The book's address, once opened from disk and once from the local server."""
    return book.as_uri() + "/" if request.param == "file" else str(request.getfixturevalue("book_server"))
