import io

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command


def pytest_collection_modifyitems(config, items):
    if settings.IS_POSTGRES:
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL=postgres://… to run it")
    skipped = [item for item in items if "postgres" in item.keywords]
    for item in skipped:
        item.add_marker(skip)
    config._cks_skipped_postgres = len(skipped)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    count = getattr(config, "_cks_skipped_postgres", 0)
    if count:
        terminalreporter.write_line(
            f"NOTE: {count} PostgreSQL-only tests were skipped because DATABASE_URL is SQLite.",
            yellow=True,
            bold=True,
        )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database, with stray PostgreSQL sessions ended before it is dropped.

    Once Playwright's sync API has run, later tests in the main thread can see a different
    Django connection (observed: a second session opens right after the browser tests, and
    the first one is never closed), so dropping the test database failed with "being
    accessed by other users" on long PostgreSQL runs.
    """
    yield
    if settings.IS_POSTGRES:
        from django.db import connection

        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )


@pytest.fixture
def demo(db):
    """The demo content, as `make run` loads it."""
    call_command("load_demo", stdout=io.StringIO())


def make_staff(django_user_model, username, group_name=None, **extra):
    user = django_user_model.objects.create_user(
        username=username, password="pw-" + username, is_staff=True, **extra
    )
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", "pw-admin")
