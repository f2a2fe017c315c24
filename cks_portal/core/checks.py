"""System checks of our own settings (`manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.caches, deploy=True)
def page_cache_needs_a_shared_cache(app_configs, **kwargs):
    if settings.PAGE_CACHE_SECONDS and not settings.CACHE_IS_SHARED:
        return [
            Warning(
                "PAGE_CACHE_SECONDS is set but the cache is local to each process.",
                hint=(
                    "With several gunicorn workers a publish through one of them leaves the "
                    "others serving the old page. Set REDIS_URL, or PAGE_CACHE_SECONDS=0."
                ),
                id="cks_portal.W001",
            )
        ]
    return []


@register(Tags.database, deploy=True)
def production_needs_its_own_database(app_configs, **kwargs):
    if settings.USES_EMBEDDED_DB:
        return [
            Warning(
                "DATABASE_URL is unset, so the site would use the development server under var/pg.",
                hint=(
                    "That server is for `make run` and the tests (fsync off, not installed by "
                    "`pip install .`). Set DATABASE_URL=postgres://user:password@host:5432/name."
                ),
                id="cks_portal.W002",
            )
        ]
    return []
