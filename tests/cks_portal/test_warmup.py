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
