"""What a new gunicorn worker would otherwise do on its first requests, done once in the
master before it forks (cks_portal/gunicorn.conf.py, `pre_fork`).

Django compiles a template, loads a language's catalogue and Babel loads a locale's CLDR data
the first time a process needs them, and keeps them for the life of the process. A worker
forked from a master that has done it shares the result and answers its first request as
fast as its thousandth; without it, every worker restart (`max_requests`) made one reader
wait a quarter of a second or more (docs/benchmarks.md).

Nothing here opens a database or cache connection: a connection made before the fork would be
shared by every worker.
"""

import datetime
from pathlib import Path

from django.conf import settings
from django.template import TemplateDoesNotExist, TemplateSyntaxError, engines
from django.utils import translation

from cks_portal.core import cldr

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
    """Load every site language's catalogues and CLDR data."""
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Support and advice")
            cldr.language_name(code)
            cldr.weekday_name(0)
            cldr.time(datetime.time(9, 0))
            cldr.long_date(datetime.date(2026, 1, 1))


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


def warm():
    """Everything above; returns how many templates were compiled."""
    compiled = templates()
    languages()
    libraries()
    return compiled
