#!/usr/bin/env bash
# Wagtail's bakerydemo beside CKS-portalen, for bench/run.py --bakerydemo (docs/benchmarks.md).
#
#   bench/bakerydemo.sh setup   clone, virtualenv, database, demo content, static files
#   bench/bakerydemo.sh serve   gunicorn, 2 sync workers, production settings, on port 8100
#
# Everything lives under var/bakerydemo/ (its own Python 3.12 virtualenv: the demo needs
# Django 6.0); nothing of it enters the project's dependencies or its repository. The demo
# runs as its production settings say, with WhiteNoise, PostgreSQL and no Redis, like our own
# pages in the run's "no Redis" column; its cache is the per-process memory cache.
#
# Settings (environment):
#   BAKERYDEMO_SRC   where to clone from (default: the GitHub repository)
#   BAKERYDEMO_REV   the commit measured (default: the one in docs/benchmarks.md)
#   BAKERYDEMO_DB    its database (default postgres://postgres@127.0.0.1:5432/bakerydemo)
#   BAKERYDEMO_PORT  default 8100
#   PYTHON312        a Python 3.12 or newer (default: python3.12)
set -euo pipefail
cd "$(dirname "$0")/.."

SRC=${BAKERYDEMO_SRC:-https://github.com/wagtail/bakerydemo.git}
REV=${BAKERYDEMO_REV:-8e2b625755d8942412d5b7627b146a795933b8b2}
DB=${BAKERYDEMO_DB:-postgres://postgres@127.0.0.1:5432/bakerydemo}
PORT=${BAKERYDEMO_PORT:-8100}
if [ -z "${PYTHON312:-}" ]; then
    for candidate in python3.13 python3.12 "$HOME"/.pyenv/versions/3.1[2-9]*/bin/python3; do
        if "$candidate" -c 'import sys; assert sys.version_info >= (3, 12)' 2>/dev/null; then
            PYTHON312=$candidate
            break
        fi
    done
fi
: "${PYTHON312:?no Python 3.12 or newer found; set PYTHON312}"
HOME_DIR=var/bakerydemo
APP=$HOME_DIR/src
VENV=$HOME_DIR/venv

environment() {
    export DJANGO_SETTINGS_MODULE=bakerydemo.settings.production
    export DATABASE_URL=$DB
    export DJANGO_SECRET_KEY=${DJANGO_SECRET_KEY:-bench-only-bakerydemo-$(printf 'k%.0s' {1..40})}
    export DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
    export SECURE_SSL_REDIRECT=false  # plain HTTP on 127.0.0.1, as our own pages in the run
    unset REDIS_URL REDIS_TLS_URL ELASTICSEARCH_ENDPOINT
}

setup() {
    mkdir -p "$HOME_DIR"
    if [ ! -d "$APP/.git" ]; then
        git clone --quiet "$SRC" "$APP"
    fi
    git -C "$APP" checkout --quiet "$REV"
    if [ ! -x "$VENV/bin/python" ]; then
        "$PYTHON312" -m venv "$VENV"
    fi
    "$VENV/bin/pip" install --quiet -r "$APP/requirements/base.txt" \
        'psycopg[binary]>=3.3,<3.4' 'whitenoise>=6.11,<7' 'gunicorn>=23,<24'
    environment
    local name=${DB##*/}
    psql "${DB%/*}/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1 \
        || psql "${DB%/*}/postgres" -qc "CREATE DATABASE \"$name\""
    (cd "$APP" && "../venv/bin/python" manage.py migrate --noinput -v0)
    if [ "$(cd "$APP" && ../venv/bin/python manage.py shell -c 'from wagtail.models import Page; print(Page.objects.count())' | tail -1)" -lt 3 ]; then
        (cd "$APP" && "../venv/bin/python" manage.py load_initial_data)
    fi
    (cd "$APP" && "../venv/bin/python" manage.py collectstatic --noinput -v0)
    echo "bakerydemo ready; start it with: bench/bakerydemo.sh serve"
}

serve() {
    environment
    cd "$APP"
    exec ../venv/bin/gunicorn bakerydemo.wsgi --bind "127.0.0.1:$PORT" --workers 2 --worker-class sync \
        --log-level warning
}

case "${1:-}" in
    setup) setup ;;
    serve) serve ;;
    *) echo "usage: bench/bakerydemo.sh setup|serve" >&2; exit 2 ;;
esac
