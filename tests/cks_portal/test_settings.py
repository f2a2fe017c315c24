import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_settings(**env):
    """Import cks_portal.settings in a fresh interpreter with exactly these variables."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import cks_portal.settings as s; print(s.DEBUG, s.DATABASES['default']['ENGINE'])",
        ],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    return result


def test_debug_is_off_and_a_secret_key_is_required_by_default():
    result = load_settings()

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is required" in result.stderr


def test_development_runs_on_sqlite_without_any_configuration():
    result = load_settings(DJANGO_DEBUG="1")

    assert result.stdout.split() == ["True", "django.db.backends.sqlite3"]


def test_database_url_picks_postgresql():
    result = load_settings(DJANGO_DEBUG="1", DATABASE_URL="postgres://u@localhost:5432/x")

    assert result.stdout.split() == ["True", "django.db.backends.postgresql"]


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DJANGO_DEBUG": "maybe"}, "DJANGO_DEBUG must be one of"),
        ({"DJANGO_DEBUG": "1", "SESSION_COOKIE_AGE": "soon"}, "SESSION_COOKIE_AGE must be an integer"),
        ({"DJANGO_DEBUG": "1", "DATABASE_URL": "nosuchdb://x"}, "DATABASE_URL cannot be parsed"),
        ({"DJANGO_DEBUG": "1", "SUPPORT_PAGE_SIZE": "0"}, "SUPPORT_PAGE_SIZE must be at least 1"),
    ],
)
def test_a_bad_value_stops_the_start_with_a_clear_message(env, message):
    result = load_settings(**env)

    assert result.returncode != 0
    assert message in result.stderr
