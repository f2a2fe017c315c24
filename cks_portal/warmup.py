"""What a new gunicorn worker would otherwise do on its first requests, done once in the
master before it forks (cks_portal/gunicorn.conf.py, `pre_fork`).

Django compiles a template, loads a language's catalogue and Babel loads a locale's CLDR data
the first time a process needs them, and keeps them for the life of the process. A worker
forked from a master that has done it shares the result and answers its first request as
fast as its thousandth; without it, every worker restart (`max_requests`) made one reader
wait a quarter of a second or more (docs/benchmarks.md).

Nothing here opens a database or cache connection: a connection made before the fork would be
shared by every worker. Each worker opens its own as soon as it is forked (`connect`, called
from gunicorn's `post_fork`), so that its first reader does not wait for them either.
"""

import contextlib
import datetime
from pathlib import Path

from django.conf import settings
from django.template import TemplateDoesNotExist, TemplateSyntaxError, engines
from django.urls import Resolver404, get_resolver
from django.utils import translation

from cks_portal.core import beside, cldr

_OWN = Path(settings.BASE_DIR).resolve()


def _own_templates(engine):
    """(name, path) of every template under the project's own template folders (not those of
    installed packages, whose admin templates a public worker seldom needs)."""
    for folder in engine.template_dirs:
        folder = Path(folder).resolve()
        if (
            not folder.is_relative_to(_OWN)
            or ".venv" in folder.parts
            or "var" in folder.relative_to(_OWN).parts
        ):
            continue
        for path in folder.rglob("*"):
            if path.suffix in {".html", ".txt", ".xml"} and path.is_file():
                yield str(path.relative_to(folder))


def templates():
    """Compile the project's templates into the cached loader."""
    count = 0
    for engine in engines.all():
        for name in _own_templates(engine):
            try:
                engine.get_template(name)
            except (TemplateDoesNotExist, TemplateSyntaxError):
                continue
            count += 1
    return count


def languages():
    """Load every site language's catalogues and CLDR data, and the URL resolver's table of
    names for reverse(), which Django builds per language on the first reverse() in that
    language (12-25 ms; a worker restart made one request that much slower)."""
    resolver = get_resolver()
    for code, _name in settings.LANGUAGES:
        translation.check_for_language(code)  # looks for the catalogue's files, once per process
        translation.get_language_from_path(f"/{code}/")  # and compiles the expressions that read it
        with translation.override(code):
            resolver.reverse_dict  # noqa: B018 -- built for its side effect
            with contextlib.suppress(Resolver404):
                resolver.resolve(f"/{code}/warm-up/")  # compiles each pattern's expression in this language
            translation.gettext("Support and advice")
            cldr.language_name(code)
            cldr.weekday_name(0)
            cldr.time(datetime.time(9, 0))
            cldr.long_date(datetime.date(2026, 1, 1))


def urls():
    """The addresses worked out once per process (the page cache's never-cached paths)."""
    from cks_portal.core import page_cache

    page_cache.never_cached_paths()


def libraries():
    """Modules the first request would import, and tables they build: redis-py (Django's
    Redis cache imports it on the first cache call, 0.1 s) and the Swedish public holidays of
    this year and the next (the `holidays` package loads every country's module, 0.09 s)."""
    import redis  # noqa: F401 -- imported for its side effect

    from support.opening import swedish_holidays

    year = datetime.date.today().year
    for language in ("sv", "en"):
        for each in (year, year + 1):
            swedish_holidays(each, language)


def connect():
    """In a new worker, before it takes its first request: its database and cache connections."""
    from django.core.cache import caches

    _open_databases()
    with contextlib.suppress(Exception):
        caches["default"].get("warm-up")
    beside.on_each_thread(_open_databases)  # the connections beside the request's


def _open_databases():
    from django.db import connections

    for alias in connections:
        with contextlib.suppress(Exception):  # a database that is down is the request's to report
            connections[alias].ensure_connection()


def warm():
    """Everything above; returns how many templates were compiled."""
    compiled = templates()
    languages()
    urls()
    libraries()
    return compiled
