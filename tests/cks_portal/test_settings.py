import os
import subprocess
import sys
import tempfile
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


def test_development_runs_on_the_projects_own_postgresql_without_any_configuration():
    result = load_settings(DJANGO_DEBUG="1")

    assert result.stdout.split() == ["True", "django.db.backends.postgresql"]


def test_without_database_url_the_database_is_the_embedded_servers_socket_under_var():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import cks_portal.settings as s; d = s.DATABASES['default'];"
            " print(d['ENGINE'] == 'django.db.backends.postgresql', d['HOST'], d['NAME'], d['USER'])",
        ],
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | {"DJANGO_DEBUG": "1"},
        capture_output=True,
        text=True,
        check=True,
    )

    is_postgres, host, name, user = result.stdout.split()
    assert is_postgres == "True" and name == "cks" and user == "postgres"
    assert host == str(ROOT / "var" / "pg" / "run") or host.startswith(tempfile.gettempdir())


def test_importing_the_settings_and_setting_up_django_starts_no_database_server():
    # Only manage.py and the test suite start the embedded server; here any attempt would fail.
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import cks_portal.embedded_db as e;"
            " e.ensure_running = e.hold = e._start = e._initdb = None;"
            " import django; django.setup();"
            " from django.core.management import call_command; call_command('check')",
        ],
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        | {"DJANGO_DEBUG": "1", "DJANGO_SETTINGS_MODULE": "cks_portal.settings"},
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr


def test_a_sqlite_database_url_stops_the_start_and_says_what_to_do():
    result = load_settings(DJANGO_DEBUG="1", DATABASE_URL="sqlite:///var/db.sqlite3")

    assert result.returncode != 0
    assert "DATABASE_URL must point at PostgreSQL" in result.stderr
    assert "unset DATABASE_URL" in result.stderr


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
        ({"DJANGO_DEBUG": "1", "SITE_SEARCH_CANDIDATES": "0"}, "SITE_SEARCH_CANDIDATES must be at least 1"),
        (
            {"DJANGO_DEBUG": "1", "KNOWLEDGE_BANK_RESULT_CAP": "-5"},
            "KNOWLEDGE_BANK_RESULT_CAP must be at least 1",
        ),
        ({"DJANGO_DEBUG": "1", "SQL_BESIDE_THREADS": "-1"}, "SQL_BESIDE_THREADS must be 0 or more"),
        ({"DJANGO_DEBUG": "1", "CKS_ID_DATE": "last year"}, "CKS_ID_DATE must be a year"),
        (
            {"DJANGO_DEBUG": "1", "CKS_ID_DOMAIN": "https://Boras.se/"},
            "CKS_ID_DOMAIN must be a lower-case domain",
        ),
    ],
)
def test_a_bad_value_stops_the_start_with_a_clear_message(env, message):
    result = load_settings(**env)

    assert result.returncode != 0
    assert message in result.stderr


def test_the_deploy_check_warns_when_production_would_run_on_the_development_database(settings):
    from cks_portal.core.checks import production_needs_its_own_database

    settings.USES_EMBEDDED_DB = True
    assert [w.id for w in production_needs_its_own_database(None)] == ["cks_portal.W002"]

    settings.USES_EMBEDDED_DB = False
    assert production_needs_its_own_database(None) == []
