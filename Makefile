# Sociale kaart Uithoorn: the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
SEARCH_CLUSTER_PORT ?= 9201
DJANGO := $(BIN)/python manage.py

.PHONY: run test lint install install-test messages node-modules search-index search-cluster clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed messages

install-test: $(VENV)/.installed-test node-modules messages

## make messages: compile the interface translations (locale/*/LC_MESSAGES/django.po, needs
## GNU gettext's msgfmt) into the .mo files Django reads; the .mo files are not in git.
messages: $(VENV)/.installed
	$(DJANGO) compilemessages --ignore=.venv --ignore=node_modules --ignore=staticfiles

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

node-modules: node_modules/.installed

## make run: install, migrate, load the demo data into an empty database, build the search
## index and serve on http://127.0.0.1:$(PORT), with the background worker beside it (search
## reindex after a change that reaches many services); both stop together. Safe to run again.
run: install node-modules
	$(DJANGO) migrate --no-input
	$(DJANGO) load_demo_data --if-empty
	$(DJANGO) create_dev_users
	$(DJANGO) rebuild_search_index
	$(DJANGO) db_worker --backend background --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(DJANGO) runserver 127.0.0.1:$(PORT)

## make test: install what the tests need and run the whole suite: in TEST_WORKERS pytest-xdist
## workers, then the run-once suites (real browser, Lighthouse, cluster, contract, once) alone,
## as they measure or drive a server (exit 5: PYTEST_ARGS left none of them to run).
RUN_ONCE := browser or lighthouse or cluster or contract or once
TEST_WORKERS ?= 2
test: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(DJANGO) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=sociale_kaart.settings.test $(DJANGO) check
	$(BIN)/pytest -n $(TEST_WORKERS) -m "not ($(RUN_ONCE))" $(PYTEST_ARGS) || [ $$? -eq 5 ]
	$(BIN)/pytest -m "$(RUN_ONCE)" $(PYTEST_ARGS) || [ $$? -eq 5 ]

## make search-cluster: build (Maven) and run a single-node OpenSearch 2.19 on
## 127.0.0.1:$(SEARCH_CLUSTER_PORT) in the foreground; Ctrl-C or SIGTERM stops it and removes its data.
search-cluster:
	SEARCH_CLUSTER_PORT=$(SEARCH_CLUSTER_PORT) search/cluster/node.sh run

lint: install-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) node_modules staticfiles screenshots
