import io
import os

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command


def pytest_sessionstart(session):
    """Without DATABASE_URL the suite runs on the project's own PostgreSQL (var/pg): start it
    before pytest-django creates the test database, unless it already runs."""
    if os.environ.get("DATABASE_URL"):
        return
    from cks_portal import embedded_db

    embedded_db.hold()
    session.config._cks_started_embedded_db = not embedded_db.is_running()
    embedded_db.ensure_running()


def pytest_unconfigure(config):
    # After pytest-django has dropped the test database. A server that was already running
    # (`make run`), or that another process still uses, keeps running.
    if getattr(config, "_cks_started_embedded_db", False):
        from cks_portal import embedded_db

        embedded_db.stop_if_unused()


# Skips that must not pass unnoticed: tests/deployment/test_production_e2e.py and
# tests/browser/conftest.py start their reasons with these.
LOUD_SKIPS = ("PRODUCTION END-TO-END", "BROWSER TESTS NOT RUN")


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Say it at the end, in red, when the production end-to-end suite or the browser tests did
    not run: a skip in the middle of hundreds of dots is easy to miss. Here and not beside those
    tests: with pytest-xdist the process that reports collects nothing, so it never reads the
    conftest.py files of subfolders."""
    reasons = set()
    for report in terminalreporter.stats.get("skipped", []):
        reason = str(report.longrepr[2]) if isinstance(report.longrepr, tuple) else str(report.longrepr)
        if any(loud in reason for loud in LOUD_SKIPS):
            reasons.add(reason.removeprefix("Skipped: "))
    for reason in sorted(reasons):
        terminalreporter.write_line(reason, red=True, bold=True)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database, with stray PostgreSQL sessions ended before it is dropped.

    Once Playwright's sync API has run, later tests in the main thread can see a different
    Django connection (observed: a second session opens right after the browser tests, and
    the first one is never closed), so dropping the test database failed with "being
    accessed by other users" on long PostgreSQL runs.
    """
    yield
    from django.db import connection

    from cks_portal.core import beside

    beside.close()
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


# --- A clean slate for every test ----------------------------------------------------------
@pytest.fixture(autouse=True)
def _fresh_cache():
    """Empty caches before and after each test: memos, cached pages and rendered frames from
    one test must never answer another (the test caches are in-process, so this is cheap)."""
    from django.core.cache import caches

    for each in caches.all():
        each.clear()
    yield
    for each in caches.all():
        each.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """The site's default language active for each test. The test client runs the locale
    middleware in the test's own thread, so a request to /en/ would otherwise leave English
    active for the rest of the test and the next one (get_absolute_url, gettext)."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def demo(db):
    """The demo content, as `make run` loads it: only for tests about that content. Others
    build their rows with tests/factories.py."""
    call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def small_site(db):
    """A little of every kind of content (tests.factories.make_small_site), by name."""
    from tests.factories import make_small_site

    return make_small_site()


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


# --- Staff through the real door ------------------------------------------------------------
# Staff workflows are tested the way staff work: the admin's login form, then the code step of
# the two-factor login, with two-factor required as in production. Never `force_login`, which
# skips both doors (issue 14: a password-only session once previewed drafts).


def totp_code(device):
    """The six digits the staff member's authenticator app shows right now."""
    from django_otp.oath import TOTP

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


def log_in_through_admin(client, user, password=None):
    """Log `user` in through /admin/login/ and the two-factor code step; returns the client.

    The user gets a confirmed authenticator if they have none. Fails the test if either step
    does not let them in."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": user.get_username(), "password": password or "pw-" + user.get_username()},
    )
    assert response.status_code == 302, "the password step refused the login"
    response = client.post("/admin/2fa/?next=/admin/", {"code": totp_code(device), "next": "/admin/"})
    assert response.status_code == 302, "the code step refused the login"
    assert client.get("/admin/").status_code == 200
    return client


@pytest.fixture
def two_factor_on(settings):
    """Two-factor required, as in production (DEBUG off)."""
    settings.OTP_REQUIRED = True
    # django-otp slows guessing after a wrong code; staff tests type the right one.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


@pytest.fixture
def staff_client(two_factor_on, django_user_model, client):
    """A factory: `staff_client(role)` is a test client logged in through the admin's login
    form and the code step as a new member of that group (`None` for a superuser)."""
    from django.test import Client

    made = []

    def make(group_name=None, username=None):
        if group_name is None:
            username = username or "chief"
            user = django_user_model.objects.create_superuser(
                username, f"{username}@example.org", "pw-" + username
            )
        else:
            username = username or f"staff{len(made) + 1}"
            user = make_staff(django_user_model, username, group_name, email=f"{username}@example.org")
        staff = client if not made else Client()
        made.append(user)
        staff.user = user
        return log_in_through_admin(staff, user)

    return make


# --- The sitemap -----------------------------------------------------------------------------
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_pages(client):
    """The XML text of every page the sitemap index /sitemap.xml lists, in order."""
    import xml.etree.ElementTree as ET

    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    root = ET.fromstring(index.content)  # noqa: S314 -- our own sitemap
    pages = []
    for loc in root.findall("sm:sitemap/sm:loc", SITEMAP_NS):
        response = client.get(loc.text.replace("http://testserver", ""))
        assert response.status_code == 200, loc.text
        pages.append(response.content.decode())
    return pages


def sitemap_text(client):
    """Every section sitemap's XML as one text, for tests that look for a URL in it."""
    return "\n".join(sitemap_pages(client))
