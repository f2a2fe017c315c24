# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: run test install lint messages demo clean vnu

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

## Run the site with demo content on http://127.0.0.1:$(PORT) (SQLite unless DATABASE_URL is set).
run: export DJANGO_DEBUG ?= 1
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py create_demo_admin
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

## The whole test suite (PostgreSQL when DATABASE_URL points at it, else SQLite).
test: install
	$(VENV)/bin/pytest $(PYTEST_ARGS)

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

clean:
	rm -rf $(VENV) var
