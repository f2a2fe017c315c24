"""The gunicorn master's warm-up before it forks workers (cks_portal/warmup.py)."""

import sys

from django.db import connections
from django.template import engines

from cks_portal import warmup


def test_the_warm_up_compiles_our_templates_and_opens_no_connection():
    connections.close_all()

    compiled = warmup.warm()

    assert compiled > 50
    assert all(connection.connection is None for connection in connections.all())
    assert "redis" in sys.modules
    loader = engines["django"].engine.template_loaders[0]
    assert "base.html" in loader.get_template_cache


def test_gunicorn_warms_once_and_closes_connections_before_forking(monkeypatch):
    import runpy

    config = runpy.run_path("cks_portal/gunicorn.conf.py")
    calls = []
    monkeypatch.setattr(warmup, "warm", lambda: calls.append(1) or 60)
    pre_fork = config["pre_fork"]
    pre_fork(None, None)
    pre_fork(None, None)
    assert calls == [1]


def test_the_warm_up_builds_the_reverse_table_of_every_language(settings):
    """Django builds the names for reverse() per language on the first reverse() in it: a new
    worker's first request took 12-25 ms longer without this (docs/benchmarks.md)."""
    from django.urls import clear_url_caches, get_resolver

    from cks_portal.core import page_cache

    clear_url_caches()
    page_cache._never_cached_paths = None
    connections.close_all()

    warmup.warm()

    built = get_resolver()._reverse_dict
    assert {code for code, _name in settings.LANGUAGES} <= set(built)
    assert page_cache._never_cached_paths == {"/healthz", "/readyz"}
    assert all(connection.connection is None for connection in connections.all())


def test_a_new_worker_connects_before_its_first_request(monkeypatch):
    import runpy

    from django.core.cache import caches

    config = runpy.run_path("cks_portal/gunicorn.conf.py")
    opened = []
    monkeypatch.setattr(
        type(connections["default"]), "ensure_connection", lambda self: opened.append(self.alias)
    )
    monkeypatch.setattr(caches["default"], "get", lambda *args, **kwargs: opened.append("cache"))

    config["post_fork"](None, None)

    # The request's database connection, the cache, and the connection beside the request's
    # (cks_portal/core/beside.py).
    assert opened == ["default", "cache", "default"]


def test_a_new_worker_starts_when_the_database_does_not_answer():
    """post_fork connects before the first request; a database that takes the connection but
    never answers must not keep the worker from starting (and serving cached pages) past
    gunicorn's timeout: the connection gives up after DB_CONNECT_TIMEOUT seconds."""
    import os
    import socket
    import subprocess
    import time

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)  # the kernel completes the handshake; nobody ever reads or answers
    port = silent.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env |= {
        "DJANGO_DEBUG": "1",
        "DATABASE_URL": f"postgres://cks@127.0.0.1:{port}/cks",
        "DB_CONNECT_TIMEOUT": "2",
        "DJANGO_SETTINGS_MODULE": "cks_portal.settings",
    }
    env.pop("REDIS_URL", None)
    started = time.monotonic()
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                "import django; django.setup(); from cks_portal import warmup; warmup.connect()",
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=25,
            check=False,
        )
    finally:
        silent.close()

    assert result.returncode == 0, result.stderr
    assert 2 <= time.monotonic() - started < 15
