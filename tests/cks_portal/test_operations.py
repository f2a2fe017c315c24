import json
import logging
import os
import shutil
import socket
import subprocess
import sys
import time

import pytest
from django.core.files.base import ContentFile


def test_healthz_says_ok_and_nothing_more(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok"


def test_readyz_checks_the_database_and_the_cache(client, db):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}


def test_readyz_names_the_broken_part_and_no_details(client, db, settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "unavailable"}


def test_each_request_is_logged_as_one_line_without_personal_data(client, db, caplog):
    with caplog.at_level(logging.INFO, logger="cks_portal.requests"):
        client.get("/sok/", {"q": "anna.andersson@example.org"})

    (record,) = [r for r in caplog.records if r.name == "cks_portal.requests"]
    assert (record.method, record.path, record.status) == ("GET", "/sok/", 200)
    assert record.duration_ms >= 0
    assert "anna.andersson" not in json.dumps(record.__dict__, default=str)


def test_production_logs_are_json_lines():
    code = (
        "import logging, logging.config, cks_portal.settings as s; logging.config.dictConfig(s.LOGGING);"
        "logging.getLogger('cks_portal.requests').info('request', extra={'status': 200})"
    )
    env = {"DJANGO_SECRET_KEY": "x" * 50, "PATH": os.environ["PATH"]}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)

    line = json.loads(result.stderr.strip().splitlines()[-1])
    assert line["message"] == "request"
    assert line["status"] == 200
    assert line["level"] == "INFO"


def settings_value(expression, **env):
    code = f"import cks_portal.settings as s; print({expression})"
    env = {"DJANGO_DEBUG": "1", "PATH": os.environ["PATH"], **env}
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.strip()


def test_redis_url_gives_a_shared_cache_and_sessions_that_survive_a_restart():
    assert settings_value("s.CACHES['default']['BACKEND']", REDIS_URL="redis://127.0.0.1:6379/1") == (
        "cks_portal.core.cache.ResilientRedisCache"
    )
    assert settings_value("s.CACHES['default']['BACKEND']") == "django.core.cache.backends.locmem.LocMemCache"
    # In the database only: a copy in Redis could outlive a logout made while Redis was down.
    assert settings_value("s.SESSION_ENGINE") == "django.contrib.sessions.backends.db"


def redis_available():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.mark.skipif(not redis_available() and not os.environ.get("CI"), reason="no Redis on 127.0.0.1:6379")
def test_the_redis_cache_stores_and_reads_back(settings):
    from django.core.cache import caches

    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "cks_portal.core.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:6379/6",  # 5 belongs to tests/deployment, which empties it
            "KEY_PREFIX": "cks-test",
        },
    }
    cache = caches["default"]
    cache.set("cks-test", {"å": 1}, 10)

    assert cache.get("cks-test") == {"å": 1}
    assert cache.get_many(["cks-test", "missing"]) == {"cks-test": {"å": 1}}
    assert cache.add("cks-test", 2) is False
    assert cache.is_available()
    # A working Redis behaves as Django's backend: incr of a missing key is an error.
    with pytest.raises(ValueError):
        cache.incr("cks-test-missing")
    cache.delete("cks-test")


@pytest.fixture
def s3_server():
    """moto's S3-compatible server on a free local port."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    executable = shutil.which("moto_server", path=os.path.dirname(sys.executable))
    process = subprocess.Popen(
        [executable, "-H", "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)  # real time: a separate process is starting its server
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_media_go_to_s3_compatible_storage_when_a_bucket_is_configured(s3_server, settings):
    import boto3

    credentials = {"aws_access_key_id": "test", "aws_secret_access_key": "test"}
    boto3.client("s3", endpoint_url=s3_server, region_name="us-east-1", **credentials).create_bucket(
        Bucket="cks-media"
    )
    assert (
        settings_value("s.STORAGES['default']['BACKEND']", S3_BUCKET="cks-media")
        == "storages.backends.s3.S3Storage"
    )
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": "cks-media",
                "endpoint_url": s3_server,
                "access_key": "test",
                "secret_key": "test",
                "region_name": "us-east-1",
                "querystring_auth": False,
                "file_overwrite": False,
            },
        },
    }
    from django.core.files.storage import default_storage

    name = default_storage.save("news/bild.txt", ContentFile("hej på dig".encode()))
    again = default_storage.save("news/bild.txt", ContentFile(b"other"))

    assert again != name  # never overwrites another upload
    assert default_storage.open(name).read().decode() == "hej på dig"
    assert default_storage.url(name).startswith(f"{s3_server}/cks-media/news/")
