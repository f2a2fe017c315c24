"""Two gunicorn instances on different ports sharing one PostgreSQL and one Redis, with
production settings: what one does, the other sees at once."""

import io
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core.management import call_command
from django.db import connection
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.publishing import published_form

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = "redis://127.0.0.1:6379/5"

# Redis database 5, shared with test_production_e2e.py (which empties it): one worker runs both.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.xdist_group("deployment")]


def redis_up():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
        return True
    except OSError:
        return False


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("static")
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "DJANGO_SECRET_KEY": "collectstatic-" + "k" * 40,
        "STATIC_ROOT": str(root),
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    return root


@pytest.fixture
def servers(static_root, tmp_path):
    if not redis_up():
        if os.environ.get("CI"):
            pytest.fail("Redis is not running on 127.0.0.1:6379")
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    s = connection.settings_dict
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        # The host may be a socket folder (the project's own server): quoted, it fits in a URL.
        "DATABASE_URL": f"postgres://{s['USER']}@{urllib.parse.quote(s['HOST'] or '127.0.0.1', safe='')}:{s['PORT'] or 5432}/{s['NAME']}",
        "REDIS_URL": REDIS_URL,
        "DJANGO_SECRET_KEY": "scale-out-test-" + "k" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": str(static_root),
        "MEDIA_ROOT": str(tmp_path),
        "LOG_LEVEL": "WARNING",
        "GUNICORN_WORKERS": "1",
        "DB_CONN_MAX_AGE": "0",
        # Every request here comes from 127.0.0.1; the race below needs more than five forms.
        "REGISTRATION_RATE_LIMIT": "1000",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    gunicorn = shutil.which("gunicorn", path=os.path.dirname(sys.executable))
    processes, urls = [], []
    for _ in range(2):
        port = free_port()
        env_one = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}"}
        processes.append(
            subprocess.Popen(
                [gunicorn, "-c", "cks_portal/gunicorn.conf.py", "cks_portal.wsgi"], cwd=ROOT, env=env_one
            )
        )
        urls.append(f"http://127.0.0.1:{port}")
    try:
        for url in urls:
            for _ in range(150):
                try:
                    urllib.request.urlopen(url + "/healthz", timeout=1)  # noqa: S310
                    break
                except OSError:
                    time.sleep(0.2)
        yield urls
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=20)
        connection.close()


class Browser:
    """Cookies kept by hand: the production cookies are Secure, and these servers speak HTTP."""

    def __init__(self):
        self.cookies = {}

    def request(self, url, data=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, headers=headers)  # noqa: S310
        opener = urllib.request.build_opener(NoRedirect)
        try:
            response = opener.open(request, timeout=20)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";", 1)[0].split("=", 1)
            self.cookies[name] = value
        return response.status, response.headers, response.read().decode()

    def csrf(self, url):
        _status, _headers, html = self.request(url)
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1), html


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def current_code(device):
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}"


def log_in(browser, base, user, device):
    token, _html = browser.csrf(base + "/admin/login/")
    status, headers, _ = browser.request(
        base + "/admin/login/?next=/admin/",
        {"csrfmiddlewaretoken": token, "username": user.username, "password": "pw-scale", "next": "/admin/"},
    )
    assert status == 302
    token, _html = browser.csrf(base + "/admin/2fa/?next=/admin/")
    status, headers, _ = browser.request(
        base + "/admin/2fa/", {"csrfmiddlewaretoken": token, "code": current_code(device), "next": "/admin/"}
    )
    assert (status, headers["Location"]) == (302, "/admin/")


def test_a_login_and_a_publish_on_one_server_hold_on_the_other(servers, django_user_model):
    call_command("load_demo", stdout=io.StringIO())
    first, second = servers
    user = django_user_model.objects.create_superuser("skala", "skala@example.org")
    # The servers run with production hashers, not the tests' fast one.
    user.password = PBKDF2PasswordHasher().encode("pw-scale", PBKDF2PasswordHasher().salt())
    user.save()
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    browser = Browser()

    log_in(browser, first, user, device)

    assert browser.request(second + "/admin/")[0] == 200  # the same session, on the other server
    assert Browser().request(second + "/admin/")[0] == 302  # and nobody else's

    # Both servers have the page cached for readers now.
    assert "Vårt arbete mot" in browser.request(second + "/om-oss/")[2]
    token, html = browser.csrf(first + "/admin/pages/page/")
    page_id = re.search(r'href="/admin/pages/page/(\d+)/change/">Vårt arbete', html).group(1)
    token, form = browser.csrf(f"{first}/admin/pages/page/{page_id}/change/")
    version = re.search(r'name="_based_on_version" value="(\d+)"', form).group(1)
    fields = dict(re.findall(r'<input type="text" name="(\w+)" value="([^"]*)"', form))
    status, _headers, _ = browser.request(
        f"{first}/admin/pages/page/{page_id}/change/",
        {
            **fields,
            "csrfmiddlewaretoken": token,
            "title_sv": "Nytt namn på sidan",
            "slug": "om-oss",
            **published_form(),
            "_based_on_version": version,
        },
    )
    assert status == 302

    reader = Browser()
    assert "Nytt namn på sidan" in reader.request(second + "/om-oss/")[2]
    assert "Nytt namn på sidan" in reader.request(first + "/om-oss/")[2]
    assert not reader.cookies  # readers still get no cookies


def test_a_registration_race_across_both_servers_never_overbooks(servers):
    from concurrent.futures import ThreadPoolExecutor
    from datetime import timedelta

    from django.utils import timezone

    from news.models import Event, Registration, RegistrationMode, RegistrationStatus, State

    start = timezone.now() + timedelta(days=20)
    event = Event.objects.create(
        title="Seminarium",
        slug="kapplopning",
        summary="Tre platser.",
        start=start,
        end=start + timedelta(hours=6),
        state=State.PUBLISHED,
        publish_at=timezone.now() - timedelta(days=1),
        registration_mode=RegistrationMode.FORM,
        capacity=3,
        registration_deadline=timezone.localdate() + timedelta(days=10),
    )
    forms = []
    for number in range(12):
        browser = Browser()
        base = servers[number % 2]
        token, _html = browser.csrf(base + event.get_registration_url())
        forms.append((browser, base, token, number))

    def register(form):
        browser, base, token, number = form
        data = {
            "csrfmiddlewaretoken": token,
            "name": f"Deltagare {number}",
            "email": f"deltagare{number}@example.se",
            "organisation": "Borås Stad",
            "needs": "",
            "consent": "on",
            "website": "",
        }
        return browser.request(base + event.get_registration_url(), data)[0]

    with ThreadPoolExecutor(max_workers=12) as pool:
        statuses = list(pool.map(register, forms))

    assert all(status < 500 for status in statuses), statuses
    states = list(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert len(states) == 12
    assert states.count(RegistrationStatus.CONFIRMED) == 3
    assert states.count(RegistrationStatus.WAITLISTED) == 9
