# LIBRI: `make run` serves the demo site; `make test` runs the whole suite.
# Both need only Python 3.11 to start: the virtual environment is made here.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DEV := DJANGO_SETTINGS_MODULE=config.settings.dev
PO_FILES := $(wildcard config/locale/*/LC_MESSAGES/django.po)
MO_FILES := $(PO_FILES:.po=.mo)

# The suite runs in this many processes (pytest-xdist), each on its own database;
# --dist=load keeps pytest-django's order (transactional tests last) in each.
TEST_PROCESSES ?= 2

.DEFAULT_GOAL := help
.PHONY: help run test bench bench-quick lint format messages makemessages backup restore clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Stamps: pip runs again only when pyproject.toml changes.
$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check ".[test]"
	touch $@ $(VENV)/.installed-run

%.mo: %.po $(VENV)/.installed-run
	$(BIN)/pybabel compile --domain=django --input-file=$< --output-file=$@ \
		--locale=$(word 3,$(subst /, ,$<))

messages: $(MO_FILES) ## Compile the translations (.po to .mo), pure Python

# axe-core, injected from disk into pages by the browser tests.
AXE := tests/e2e/node_modules/axe-core/axe.min.js
$(AXE): tests/e2e/package.json tests/e2e/package-lock.json
	npm ci --prefix tests/e2e --no-audit --no-fund --silent
	touch $@

run: $(VENV)/.installed-run messages ## Install, migrate, load the demo and serve on 127.0.0.1:8000
	$(DEV) $(BIN)/python manage.py migrate --noinput
	$(DEV) $(BIN)/python manage.py load_demo
	$(DEV) $(BIN)/python manage.py demo_admin
	$(DEV) $(BIN)/python manage.py runserver 127.0.0.1:8000

test: $(VENV)/.installed-test messages $(AXE) lint ## The whole suite, against PostgreSQL and Redis
	$(BIN)/python manage.py check --settings=config.settings.test
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=config.settings.test
	$(BIN)/python -m pytest --numprocesses=$(TEST_PROCESSES) --dist=load

bench: $(VENV)/.installed-test messages ## Benchmarks on PostgreSQL (5,000 pages; under 15 min)
	$(BIN)/python -m bench.run full

bench-quick: $(VENV)/.installed-test messages ## The benchmarks on a small site (under 2 min)
	$(BIN)/python -m bench.run quick

lint: $(VENV)/.installed-test ## ruff: lint and formatting check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-test ## ruff: fix imports and format
	$(BIN)/ruff check --fix --select I .
	$(BIN)/ruff format .

makemessages: ## Extract UI strings into the four .po files (needs GNU gettext)
	$(DEV) $(BIN)/python manage.py makemessages -l lv -l en -l uk -l ru \
		--ignore=.venv --ignore=staticfiles --ignore=tests --no-obsolete

# Backups: the PostgreSQL database (pg_dump's custom format) and the media files.
# DATABASE_URL and MEDIA_ROOT come from the environment, as for the site itself.
BACKUP_DIR ?= backups/$(shell date +%Y%m%d-%H%M%S)
MEDIA_ROOT ?= media

backup: ## Dump DATABASE_URL and MEDIA_ROOT into BACKUP_DIR (default backups/<time>)
	@test -n "$(DATABASE_URL)" || { echo "Set DATABASE_URL (postgres://...)"; exit 2; }
	mkdir -p "$(BACKUP_DIR)"
	pg_dump --format=custom --no-owner --no-privileges --file="$(BACKUP_DIR)/database.dump" "$(DATABASE_URL)"
	tar -czf "$(BACKUP_DIR)/media.tar.gz" -C "$(MEDIA_ROOT)" .
	@echo "Backup written to $(BACKUP_DIR)"

restore: ## Restore BACKUP_DIR into DATABASE_URL (an empty database) and MEDIA_ROOT
	@test -f "$(BACKUP_DIR)/database.dump" || { echo "Set BACKUP_DIR to a folder made by make backup"; exit 2; }
	@test -n "$(DATABASE_URL)" || { echo "Set DATABASE_URL (postgres://...)"; exit 2; }
	pg_restore --exit-on-error --no-owner --no-privileges --dbname="$(DATABASE_URL)" "$(BACKUP_DIR)/database.dump"
	mkdir -p "$(MEDIA_ROOT)"
	tar -xzf "$(BACKUP_DIR)/media.tar.gz" -C "$(MEDIA_ROOT)"
	@echo "Restored $(BACKUP_DIR)"

clean: ## Remove the virtual environment, the dev database and build output
	rm -rf $(VENV) db.sqlite3 staticfiles test-output tests/e2e/node_modules $(MO_FILES)
