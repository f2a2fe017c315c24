"""The site in production conditions, from outside (issue 14): gunicorn with the production
settings (DEBUG off, two-factor on, Redis, PostgreSQL) behind a real nginx whose configuration
is generated from docs/deploy/nginx.conf, the file docs/deployment.md tells people to install,
so the documented set-up is the one tested.

What it checks, through the doors people and attackers use:
- security headers on a page served through nginx over TLS;
- five wrong admin logins from one client (source address 127.0.0.2) do not lock out a login
  from another (127.0.0.3), and a forged X-Forwarded-For does not escape the lockout;
- the registration rate limit counts real clients, and a registration goes round trip
  (form, e-mail, personal link);
- nginx serves a published publication's file, and not a draft's;
- Redis killed, or Redis hanging (accepts, never answers): /healthz 200 within 1 s, public
  pages 200 within 2 s, /readyz 503 naming the cache.

Needs nginx (Debian's nginx-light), gunicorn, redis-server, openssl, PostgreSQL and a Redis on
127.0.0.1:6379. Without them it is skipped with a loud reason; with CKS_REQUIRE_E2E=1 (CI) a
missing piece fails instead.
"""

import http.client
import json
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
NGINX_TEMPLATE = ROOT / "docs" / "deploy" / "nginx.conf"
HOST = "cks.example.se"
REDIS_URL = "redis://127.0.0.1:6379/5"
# Ports of this suite (18100-18199 belong to it on shared machines).
HTTPS_PORT, HTTP_PORT = 18143, 18180
APP_PORT, KILLED_APP_PORT, HANGING_APP_PORT = 18110, 18111, 18112
KILLED_REDIS_PORT, HANGING_REDIS_PORT = 18150, 18151
STAFF_PASSWORD = "e2e-Lösenord-som-är-långt"
RATE_LIMIT = 3
NEWS_ITEM = "/nyheter/studiebesok-fran-vracar/"  # a news item of the demo content

# Its ports and Redis database 5 are fixed: one pytest-xdist worker runs all of tests/deployment.
pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("deployment")]


# --- what the suite needs -------------------------------------------------------------------


def gunicorn_path():
    return shutil.which("gunicorn", path=os.path.dirname(sys.executable))


def port_answers(port, host="127.0.0.1"):
    try:
        socket.create_connection((host, port), timeout=0.5).close()
        return True
    except OSError:
        return False


def missing_pieces():
    missing = []
    if not Path("/usr/sbin/nginx").exists() and not shutil.which("nginx"):
        missing.append("nginx (apt-get install nginx-light)")
    if not gunicorn_path():
        missing.append("gunicorn in the virtualenv")
    if not shutil.which("redis-server"):
        missing.append("redis-server (apt-get install redis-server)")
    if not shutil.which("openssl"):
        missing.append("openssl")
    if not port_answers(6379):
        missing.append("a Redis on 127.0.0.1:6379")
    return missing


def require_pieces():
    missing = missing_pieces()
    if not missing:
        return
    message = "PRODUCTION END-TO-END SUITE NOT RUN: missing " + ", ".join(missing)
    if os.environ.get("CKS_REQUIRE_E2E") == "1":
        pytest.fail(message)
    pytest.skip(message)


# --- the pieces -----------------------------------------------------------------------------


def run(args, env, **kwargs):
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, **kwargs)
    if result.returncode:
        raise AssertionError(f"{' '.join(map(str, args))} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def wait_for(port, what, process=None, seconds=40):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if port_answers(port):
            return
        if process is not None and process.poll() is not None:
            raise AssertionError(f"{what} exited with {process.returncode}")
        time.sleep(0.1)
    raise AssertionError(f"{what} did not listen on port {port} within {seconds} s")


def stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def nginx_site_config(template, *, app_port, http_port, https_port, root, certificate, key):
    """docs/deploy/nginx.conf with only what differs on this machine replaced. Every anchor
    must be in the file, so a change of the documented file shows up here, not in silence."""
    replacements = [
        ("server 127.0.0.1:8000;", f"server 127.0.0.1:{app_port};"),
        ("listen 80;", f"listen {http_port};"),
        ("listen [::]:80;", f"listen [::]:{http_port};"),
        ("listen 443 ", f"listen {https_port} "),
        ("listen [::]:443 ", f"listen [::]:{https_port} "),
        ("/etc/ssl/cks/fullchain.pem", str(certificate)),
        ("/etc/ssl/cks/privkey.pem", str(key)),
        ("/srv/cks", str(root)),
    ]
    for old, new in replacements:
        assert old in template, f"docs/deploy/nginx.conf no longer has {old!r}: update this test with it"
        template = template.replace(old, new)
    return template


def nginx_main_config(directory, site_file):
    """What Debian's /etc/nginx/nginx.conf gives the site file, in a directory of our own."""
    return f"""
worker_processes 1;
pid {directory}/nginx.pid;
error_log {directory}/error.log warn;
{"user root;" if os.geteuid() == 0 else ""}
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log {directory}/access.log;
    client_body_temp_path {directory}/body;
    proxy_temp_path {directory}/proxy;
    fastcgi_temp_path {directory}/fastcgi;
    uwsgi_temp_path {directory}/uwsgi;
    scgi_temp_path {directory}/scgi;
    include {site_file};
}}
"""


class HangingServer:
    """Accepts connections and never answers, like a Redis stuck on a full disk or a fork."""

    def __init__(self, port):
        self.server = socket.create_server(("127.0.0.1", port))
        self.server.settimeout(0.2)
        self.accepted, self.stopped = [], threading.Event()
        self.thread = threading.Thread(target=self.accept, daemon=True)
        self.thread.start()

    def accept(self):
        while not self.stopped.is_set():
            try:
                self.accepted.append(self.server.accept()[0])
            except TimeoutError:
                continue

    def close(self):
        self.stopped.set()
        self.thread.join()
        for connection in self.accepted:
            connection.close()
        self.server.close()


class Site:
    pass


SETUP_SCRIPT = """
import json
from django.core.files.base import ContentFile
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice
from knowledge_bank.demo import make_pdf
from knowledge_bank.models import Publication
from news.models import Event
from cks_portal.core.publishing import State

User = get_user_model()
chief = User.objects.create_superuser("e2e-chief", "chief@example.org", {password!r})
device = TOTPDevice.objects.create(user=chief, name="phone", confirmed=True)


def is_open(event):
    value = event.registration_is_open
    return value() if callable(value) else value


event = next(e for e in Event.objects.published() if is_open(e))
published = Publication.objects.published().exclude(file="").first()
draft = Publication.objects.create(
    title="Utkast med fil", slug="e2e-utkast", year=2026, summary="Ett utkast.",
    state=State.DRAFT,
)
draft.file.save("e2e-utkast.pdf", ContentFile(make_pdf("Utkast", ["Hemligt utkast."])), save=True)
print(json.dumps({{
    "key": device.key,
    "event": event.get_absolute_url(),
    "published_file": published.file.url,
    "draft_file": draft.file.url,
}}))
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    require_pieces()
    started = time.monotonic()
    tmp = tmp_path_factory.mktemp("e2e")
    root = tmp / "srv"
    (root / "media").mkdir(parents=True)
    mail = tmp / "mail"
    mail.mkdir()
    os.chmod(tmp, 0o755)  # noqa: S103 -- nginx's workers read static and media from here

    # A fresh database of its own, migrated and filled with the demo content.
    database = f"cks_e2e_{uuid.uuid4().hex[:8]}"
    db = settings.DATABASES["default"]
    # The host may be a socket folder (the project's own server): quoted, it fits in a URL.
    host = urllib.parse.quote(db["HOST"] or "127.0.0.1", safe="")
    server_url = f"postgres://{db['USER']}@{host}:{db['PORT'] or 5432}"
    admin_sql(server_url, f'CREATE DATABASE "{database}"')
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CKS_", "PAGE_CACHE"))},
        "DJANGO_SECRET_KEY": "e2e-" + uuid.uuid4().hex * 2,
        "DJANGO_ALLOWED_HOSTS": f"{HOST},127.0.0.1",
        "CSRF_TRUSTED_ORIGINS": f"https://{HOST}",
        "DATABASE_URL": f"{server_url}/{database}",
        "DB_CONN_MAX_AGE": "0",
        "REDIS_URL": REDIS_URL,
        "STATIC_ROOT": str(root / "static"),
        "MEDIA_ROOT": str(root / "media"),
        "AXES_PROXY_COUNT": "1",
        "REGISTRATION_RATE_LIMIT": str(RATE_LIMIT),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail),
        "LOG_LEVEL": "WARNING",
        "GUNICORN_WORKERS": "2",
        # As docs/deployment.md says: Django decides who may have a file, nginx sends it.
        "MEDIA_ACCEL_REDIRECT": "1",
    }
    processes = []
    hanging = None
    try:
        python = sys.executable
        run([python, "manage.py", "migrate", "--noinput", "-v0"], env)
        run([python, "manage.py", "load_demo"], env)
        run([python, "manage.py", "collectstatic", "--noinput", "-v0"], env)
        data = json.loads(
            run([python, "manage.py", "shell", "-c", SETUP_SCRIPT.format(password=STAFF_PASSWORD)], env)
            .strip()
            .splitlines()[-1]
        )
        run([python, "-c", f"import redis; redis.Redis.from_url({REDIS_URL!r}).flushdb()"], env)

        # A self-signed certificate for the host name.
        certificate, key = tmp / "fullchain.pem", tmp / "privkey.pem"
        run(
            [
                *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"),
                *("-subj", f"/CN={HOST}", "-keyout", str(key), "-out", str(certificate)),
            ],
            env,
        )

        # Redis for the outage: one we start and later kill, and one that hangs.
        killed_redis = subprocess.Popen(
            [
                *("redis-server", "--port", str(KILLED_REDIS_PORT), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no"),
            ],
            stdout=subprocess.DEVNULL,
        )
        processes.append(killed_redis)
        hanging = HangingServer(HANGING_REDIS_PORT)

        gunicorn = gunicorn_path()
        apps = {
            APP_PORT: REDIS_URL,
            KILLED_APP_PORT: f"redis://127.0.0.1:{KILLED_REDIS_PORT}/0",
            HANGING_APP_PORT: f"redis://127.0.0.1:{HANGING_REDIS_PORT}/0",
        }
        for port, redis_url in apps.items():
            app_env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "REDIS_URL": redis_url}
            if port != APP_PORT:
                app_env["GUNICORN_WORKERS"] = "1"
            processes.append(
                subprocess.Popen(
                    [gunicorn, "-c", "cks_portal/gunicorn.conf.py", "cks_portal.wsgi"], cwd=ROOT, env=app_env
                )
            )

        site_file = tmp / "site.conf"
        site_file.write_text(
            nginx_site_config(
                NGINX_TEMPLATE.read_text(),
                app_port=APP_PORT,
                http_port=HTTP_PORT,
                https_port=HTTPS_PORT,
                root=root,
                certificate=certificate,
                key=key,
            )
        )
        (tmp / "nginx.conf").write_text(nginx_main_config(tmp, site_file))
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        run([nginx, "-t", "-q", "-p", str(tmp), "-c", str(tmp / "nginx.conf")], env)
        processes.append(
            subprocess.Popen([nginx, "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-g", "daemon off;"])
        )
        wait_for(KILLED_REDIS_PORT, "redis-server", killed_redis)
        for port, process in zip(apps, processes[1:4], strict=True):
            wait_for(port, f"gunicorn on {port}", process)
        wait_for(HTTPS_PORT, "nginx", processes[-1])

        site = Site()
        site.tmp, site.mail, site.killed_redis = tmp, mail, killed_redis
        site.totp_key = data["key"]
        site.event, site.published_file, site.draft_file = (
            data["event"],
            data["published_file"],
            data["draft_file"],
        )
        site.setup_seconds = time.monotonic() - started
        yield site
    finally:
        for process in reversed(processes):
            stop(process)
        if hanging is not None:
            hanging.close()
        admin_sql(server_url, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def admin_sql(server_url, statement):
    import psycopg

    with psycopg.connect(f"{server_url}/postgres", autocommit=True) as connection:
        connection.execute(statement)


# --- a client with its own source address ---------------------------------------------------


class Client:
    """HTTPS to nginx from a chosen loopback address (127.0.0.0/8 all reach this machine), so
    nginx sees a different real peer per client, as it would for two people on the internet."""

    def __init__(self, source="127.0.0.2", port=HTTPS_PORT, tls=True):
        self.source, self.port, self.tls = source, port, tls
        self.cookies = {}

    def request(self, method, path, data=None, headers=None, timeout=20):
        if self.tls:
            context = ssl.create_default_context()
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
            connection = http.client.HTTPSConnection(
                "127.0.0.1", self.port, context=context, timeout=timeout, source_address=(self.source, 0)
            )
        else:
            connection = http.client.HTTPConnection(
                "127.0.0.1", self.port, timeout=timeout, source_address=(self.source, 0)
            )
        all_headers = {"Host": HOST, **(headers or {})}
        if not self.tls:
            all_headers.setdefault("X-Forwarded-Proto", "https")
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data, doseq=True).encode()
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
            all_headers.setdefault("Origin", f"https://{HOST}")
            all_headers.setdefault("Referer", f"https://{HOST}{path}")
        started = time.monotonic()
        try:
            connection.request(method, path, body=body, headers=all_headers)
            response = connection.getresponse()
            content = response.read()
        finally:
            connection.close()
        response.seconds = time.monotonic() - started
        response.text = content.decode("utf-8", "replace")
        for header in response.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";", 1)[0].split("=", 1)
            self.cookies[name] = value
        return response

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, data, **kwargs):
        return self.request("POST", path, data=data, **kwargs)

    def csrf(self, path):
        response = self.get(path)
        assert response.status == 200, f"{path}: {response.status}"
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text).group(1)


def totp(site):
    from django_otp.oath import totp as oath_totp

    return f"{oath_totp(bytes.fromhex(site.totp_key)):06d}"


def log_in(client, password=STAFF_PASSWORD, headers=None):
    token = client.csrf("/admin/login/")
    return client.post(
        "/admin/login/?next=/admin/",
        {"csrfmiddlewaretoken": token, "username": "e2e-chief", "password": password, "next": "/admin/"},
        headers=headers,
    )


# --- the checks -----------------------------------------------------------------------------


def test_a_page_through_nginx_carries_the_security_headers(site):
    response = Client().get("/")

    assert response.status == 200
    headers = response.headers
    assert "max-age=" in headers["Strict-Transport-Security"]
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in headers["Permissions-Policy"]
    assert Client().get("/readyz").status == 200


def test_plain_http_is_sent_to_https_except_the_health_probes(site):
    plain = Client(port=HTTP_PORT, tls=False)

    assert plain.get("/").status == 301
    assert plain.get("/healthz").status == 200


def test_trace_and_options_get_no_page_through_nginx(site):
    assert Client().request("TRACE", "/").status in (405, 501)
    options = Client().request("OPTIONS", "/nyheter/")
    assert options.status == 200
    assert "GET" in options.headers["Allow"]
    assert options.text == ""


def test_wrong_logins_from_one_client_lock_out_that_client_only(site):
    guesser, colleague = Client("127.0.0.2"), Client("127.0.0.3")
    statuses = []
    for number in range(5):
        token = guesser.csrf("/admin/login/")
        statuses.append(
            guesser.post(
                "/admin/login/", {"csrfmiddlewaretoken": token, "username": f"guess{number}", "password": "x"}
            ).status
        )
    assert statuses[-1] == 429, statuses

    # The right password from the locked-out client is refused; a forged address does not help.
    assert log_in(guesser).status == 429
    assert log_in(guesser, headers={"X-Forwarded-For": "127.0.0.3"}).status == 429
    assert log_in(Client("127.0.0.2"), headers={"X-Forwarded-For": "203.0.113.9, 10.0.0.1"}).status == 429

    # Someone else, elsewhere, logs in through the password and the code step.
    response = log_in(colleague)
    assert response.status == 302, response.text[:500]
    assert "sessionid" in colleague.cookies, (response.headers, colleague.cookies)
    # Two-factor is on: the password alone does not open the admin.
    assert colleague.get("/admin/").status == 302
    token = colleague.csrf("/admin/2fa/?next=/admin/")
    response = colleague.post(
        "/admin/2fa/?next=/admin/", {"csrfmiddlewaretoken": token, "code": totp(site), "next": "/admin/"}
    )
    assert response.status == 302, response.text[:500]
    assert colleague.get("/admin/").status == 200


def mail_text(directory):
    """The text of every e-mail the file-based backend wrote, decoded."""
    import email

    texts = []
    for path in sorted(directory.iterdir()):
        for raw in path.read_text().split("-" * 79):
            if raw.strip():
                for part in email.message_from_string(raw.strip()).walk():
                    if part.get_content_type() == "text/plain":
                        texts.append(part.get_payload(decode=True).decode("utf-8", "replace"))
    return "\n".join(texts)


def registration_form(token, email):
    return {
        "csrfmiddlewaretoken": token,
        "name": "Anna Åberg",
        "email": email,
        "organisation": "Borås Stad",
        "needs": "",
        "consent": "on",
        "website": "",
    }


def test_a_registration_goes_round_trip_and_the_rate_limit_counts_real_clients(site):
    form = site.event + "anmalan/"  # the form has a page of its own; the event page sets no cookie
    visitor = Client("127.0.0.4")
    statuses = []
    for number in range(RATE_LIMIT):
        token = visitor.csrf(form)
        statuses.append(visitor.post(form, registration_form(token, f"person{number}@example.se")).status)
    assert all(status in (200, 302) for status in statuses), statuses

    # The confirmation e-mail carries the personal link, and it opens.
    messages = mail_text(site.mail)
    links = re.findall(r"https://" + re.escape(HOST) + r"(/\S+/anmalan/\S+?/)", messages)
    assert links, (statuses, list(site.mail.iterdir()), messages[:2000])
    assert Client("127.0.0.9").get(links[0]).status == 200

    # The same client is now over the limit, whatever it writes into X-Forwarded-For ...
    token = visitor.csrf(form)
    assert visitor.post(form, registration_form(token, "more@example.se")).status == 429
    token = visitor.csrf(form)
    forged = visitor.post(
        form, registration_form(token, "forged@example.se"), headers={"X-Forwarded-For": "198.51.100.7"}
    )
    assert forged.status == 429

    # ... while another client is not.
    other = Client("127.0.0.5")
    token = other.csrf(form)
    assert other.post(form, registration_form(token, "other@example.se")).status in (200, 302)


def test_the_site_search_reads_the_knowledge_bank_on_the_workers_second_connection(site):
    """/sok/ reads the knowledge bank's group on a second connection of the forked worker,
    opened in post_fork (cks_portal/core/beside.py): through nginx, with the production
    settings."""
    response = Client().get("/sok/?q=radikalisering")

    assert response.status == 200
    assert "Oro för radikalisering" in response.text  # a demo publication, from that group


def test_nginx_serves_a_published_publications_file(site):
    response = Client().get(site.published_file)

    assert response.status == 200
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_nginx_does_not_serve_a_drafts_file(site):
    assert Client().get(site.draft_file).status in (403, 404)


def outage_checks(site, port):
    """Straight to the gunicorn whose Redis is out (the nginx in front adds nothing here)."""
    app = Client("127.0.0.6", port=port, tls=False)
    healthz = app.get("/healthz", timeout=5)
    assert healthz.status == 200
    assert healthz.seconds < 1, f"/healthz took {healthz.seconds:.2f} s"
    # /sok/ reads the knowledge bank's group on the worker's second connection (core.beside);
    # a news item's page is kept rendered per content generation (news/detail.html).
    for path in [
        "/",
        "/stod/",
        "/kunskapsbank/?q=x",
        "/sok/?q=radikalisering",
        site.event,
        "/nyheter/",
        NEWS_ITEM,
    ]:
        response = app.get(path, timeout=10)
        assert response.status == 200, f"{path}: {response.status}"
        assert response.seconds < 2, f"{path} took {response.seconds:.2f} s"
    readyz = app.get("/readyz", timeout=5)
    assert readyz.status == 503
    assert json.loads(readyz.text) == {"database": "ok", "cache": "unavailable"}
    assert readyz.seconds < 2


def test_redis_killed_pages_still_answer_fast_and_readyz_names_the_cache(site):
    app = Client("127.0.0.6", port=KILLED_APP_PORT, tls=False)
    # The cache works first, so the workers hold live connections when Redis dies.
    assert app.get("/").status == 200
    assert app.get(NEWS_ITEM).status == 200  # kept under the generation Redis holds
    assert json.loads(app.get("/readyz").text) == {"database": "ok", "cache": "ok"}

    stop(site.killed_redis)

    outage_checks(site, KILLED_APP_PORT)


def test_redis_hanging_pages_still_answer_fast_and_readyz_names_the_cache(site):
    outage_checks(site, HANGING_APP_PORT)
