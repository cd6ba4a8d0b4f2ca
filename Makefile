# qsdp — everything a developer or CI runs. `make` alone lists the targets.
#
# Each install step leaves a stamp, so a second `make test` installs nothing:
#   .venv/.installed          Python packages   (remade when pyproject.toml changes)
#   node_modules/.installed   npm packages      (remade when package-lock.json changes)
#   static/vendor/*           HTMX, Pico, Chart.js (copied from node_modules)
#   locale/**/*.mo            translations      (compiled when a .po file changes)

SHELL := /bin/bash
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

PORT ?= 8000
PYTHON ?= python3.11
PYTEST_ARGS ?=
# Two workers (the machine's two cores); a test module stays on one worker so its
# module-scoped fixtures (the demo loads) are built once.
PYTEST_WORKERS ?= 2

VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
PY_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
VENDOR := static/vendor/htmx.min.js static/vendor/pico.min.css static/vendor/chart.umd.min.js
PO_FILES := $(shell find . \( -path ./.venv -o -path ./node_modules \) -prune -o -name '*.po' -print)
MO_FILES := $(PO_FILES:.po=.mo)

# Debian packages, installed with apt-get when missing (with npm, if absent):
# msgfmt compiles the translations; WeasyPrint, which renders the PDF documents,
# needs Pango and HarfBuzz's subsetter, and the documents' font, Liberation Serif
# (metric-compatible with Times New Roman, with every Vietnamese glyph); the
# browser tests drive Debian's chromium and need real fonts.
# A target-specific value reaches the prerequisites too, so `make test` asks
# for all of them in one apt-get run.
PDF_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation2
DEBS := gettext $(PDF_DEBS)
test: DEBS := gettext $(PDF_DEBS) chromium fonts-croscore libreoffice-writer-nogui
screenshots: DEBS := gettext $(PDF_DEBS) chromium fonts-croscore

say = @echo "==> $(1)"

.PHONY: help install debs run test screenshots lint fmt bench messages clean

help: ## list the targets
	@printf 'qsdp — make targets\n\n'
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | \
		awk 'BEGIN {FS = ":.*## "} {printf "  make %-10s %s\n", $$1, $$2}'
	@printf '\nVariables: PORT=%s (make run), DATABASE_URL (PostgreSQL instead of SQLite),\n' "$(PORT)"
	@printf '           PYTEST_ARGS (extra pytest options), BENCH_SCALE=small|province|national.\n'

install: debs $(PY_STAMP) $(VENDOR) $(MO_FILES) ## create .venv, install Python and npm packages, copy assets, compile translations

debs:
	@command -v dpkg-query >/dev/null || exit 0; \
	missing=""; command -v npm >/dev/null || missing=" npm"; \
	for pkg in $(DEBS); do \
		[ "$$(dpkg-query -W -f='$${db:Status-Status}' $$pkg 2>/dev/null)" = installed ] || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
		sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
		echo "==> apt-get install$$missing"; \
		$$sudo apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq$$missing >/dev/null; \
	fi

$(PY_STAMP): pyproject.toml
	$(call say,Python packages into $(VENV))
	@[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	@PYTHONWARNINGS=ignore $(PY) -m pip install -qq --disable-pip-version-check --no-input -e '.[dev]'
	@touch $@

$(NODE_STAMP): package.json package-lock.json
	$(call say,npm packages into node_modules)
	@npm ci --no-audit --no-fund --loglevel=error
	@touch $@

static/vendor/htmx.min.js: $(NODE_STAMP)
	@mkdir -p $(@D) && cp node_modules/htmx.org/dist/htmx.min.js $@

static/vendor/pico.min.css: $(NODE_STAMP)
	@mkdir -p $(@D) && cp node_modules/@picocss/pico/css/pico.min.css $@

static/vendor/chart.umd.min.js: $(NODE_STAMP)
	@mkdir -p $(@D) && cp node_modules/chart.js/dist/chart.umd.min.js $@

ifneq ($(MO_FILES),)
$(MO_FILES) &: $(PO_FILES) $(PY_STAMP) | debs
	$(call say,compiling translations)
	@set -o pipefail; $(MANAGE) compilemessages --ignore .venv --ignore node_modules 2>&1 \
		| { grep -v 'already compiled and up to date' || true; }
	@touch $(MO_FILES)
endif

run: install ## migrate, load the Bắc Kạn 2023 demo, print its accounts, serve http://127.0.0.1:8000 (PORT=...)
	@$(MANAGE) migrate --no-input
	@PORT=$(PORT) $(MANAGE) load_demo
	$(call say,qsdp on http://127.0.0.1:$(PORT)/ (Ctrl+C stops it))
	@$(MANAGE) runserver 127.0.0.1:$(PORT)

test: install ## missing-migrations check, then every test: unit, database, browser (PostgreSQL when DATABASE_URL is set)
	$(call say,missing migrations)
	@$(MANAGE) makemigrations --check --dry-run
	$(call say,pytest on $(if $(DATABASE_URL),PostgreSQL,SQLite))
	@QSDP_ENV=test $(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

screenshots: install ## every main page at desktop and phone width into docs/screenshots/ (PNG)
	$(call say,screenshots into docs/screenshots/)
	@QSDP_ENV=test QSDP_SCREENSHOTS=docs/screenshots $(PY) -m pytest -p no:xdist -q \
		tests/browser/test_main_pages.py

lint: $(PY_STAMP) ## ruff check, ruff format --check, mypy on qsdp and config
	@status=0; \
	$(VENV)/bin/ruff check . || status=1; \
	$(VENV)/bin/ruff format --check . || status=1; \
	$(VENV)/bin/mypy qsdp config || status=1; \
	exit $$status

fmt: $(PY_STAMP) ## fix what ruff can fix and format the code
	@$(VENV)/bin/ruff format --quiet .; \
	$(VENV)/bin/ruff check --fix --quiet .  # what it cannot fix is listed

bench: install ## time import, rollup, search, review on synthetic data (BENCH_SCALE=small|province|national)
	@BENCH_SCALE=$(or $(BENCH_SCALE),small) $(PY) bench/run.py

messages: install ## extract the strings to translate into the vi catalogues (then translate, then make install)
	@$(MANAGE) makemessages -l vi --no-obsolete --ignore .venv --ignore node_modules \
		--ignore staticfiles --ignore static --ignore var --ignore bench --ignore 'tests'

clean: ## remove .venv, node_modules, copied assets, compiled translations, caches (keeps var/)
	rm -rf $(VENV) node_modules static/vendor staticfiles test-results .mypy_cache .ruff_cache
	find . -path ./.git -prune -o \( -name __pycache__ -o -name '*.mo' \) -print0 | xargs -0 rm -rf
