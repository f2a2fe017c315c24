"""The production settings with the benchmark's URLconf, for bench/run.py only
(DJANGO_SETTINGS_MODULE=bench.settings)."""

from cks_portal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
