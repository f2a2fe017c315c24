# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: run test install lint messages demo clean vnu db-start db-stop

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

## Run the site with demo content on http://127.0.0.1:$(PORT). Without DATABASE_URL it runs on the
## project's own PostgreSQL under var/pg, which manage.py starts and which keeps running
## afterwards (`make db-stop` stops it); with DATABASE_URL, on that server.
run: export DJANGO_DEBUG ?= 1
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py create_demo_admin
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

## The whole test suite, on the project's own PostgreSQL (started for the run and stopped after,
## unless it was already running) or on the server DATABASE_URL names. One pytest-xdist worker
## per core, at most 4 (PYTEST_WORKERS=0 runs it in one process), each with its own test
## database; tests marked with the same xdist_group run in one worker. --no-loadscope-reorder
## keeps pytest-django's order in each worker: the transactional tests, which empty the tables
## (the thesaurus that migrations wrote too), after the others.
PYTEST_WORKERS ?= auto
test: install
	$(VENV)/bin/pytest -n $(PYTEST_WORKERS) --maxprocesses=4 --dist loadgroup --no-loadscope-reorder $(PYTEST_ARGS)

## The Nu Html Checker for the HTML-validity test, into var/vnu (git-ignored, not committed).
VNU_JAR_VERSION := 26.9.27
vnu: var/vnu/node_modules/vnu-jar/build/dist/vnu.jar

var/vnu/node_modules/vnu-jar/build/dist/vnu.jar:
	npm install --silent --no-audit --no-fund --prefix var/vnu vnu-jar@$(VNU_JAR_VERSION)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

## Refresh the Swedish catalogues after changing user-facing strings, then compile them.
messages: install
	DJANGO_DEBUG=1 $(PY) manage.py makemessages -l sv --no-location --no-obsolete --ignore=.venv --ignore=var --ignore=tests
	DJANGO_DEBUG=1 $(PY) manage.py compilemessages --ignore=.venv

## The project's own PostgreSQL by hand (data in var/pg; see docs/database.md).
db-start: install
	$(PY) -m cks_portal.embedded_db start

db-stop:
	if [ -x $(PY) ]; then $(PY) -m cks_portal.embedded_db stop; fi

## Everything made here, the local database included (stopped first, so no server outlives it).
clean: db-stop
	rm -rf $(VENV) var
