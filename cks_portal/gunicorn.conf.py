"""gunicorn settings for production: `gunicorn -c cks_portal/gunicorn.conf.py cks_portal.wsgi`.

Every value can be overridden with GUNICORN_* environment variables (see docs/deployment.md).
The site's work per request is short and CPU-bound (a page is a few milliseconds of Python and
at most a handful of SQL queries), so synchronous workers, one or two per core, keep every
core busy without the memory cost of threads or the risk of a blocked event loop.
"""

import gc
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2))
worker_class = "sync"
# A page normally takes milliseconds; 30 s stops a stuck request without hurting a slow upload
# through the proxy, which buffers request bodies.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so that a slow leak in any library cannot grow for ever.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 5000))
max_requests_jitter = 500
# The reverse proxy in front sets X-Forwarded-Proto; trust it only from the local machine.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# The application logs one JSON line per request; gunicorn's access log would repeat it.
accesslog = None
errorlog = "-"
preload_app = True


_warmed = False


def pre_fork(server, worker):
    """Move everything the preloaded application created into the collector's permanent
    generation before a worker is forked. The cyclic garbage collector then no longer scans
    Django's tens of thousands of long-lived objects during requests (a pause that showed in
    the search benchmark, docs/benchmarks.md), and the workers keep sharing those pages
    with the master instead of copying them when the collector touches them.

    The URLconf, and with it every view module, is imported here too: Django does it on the
    first request otherwise, and each new worker (one every few thousand requests) would
    answer its first request, a health probe perhaps, half a second late."""
    global _warmed
    from django.db import connections
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 -- imported for its side effect
    if not _warmed:
        # Templates, catalogues, CLDR data, redis-py and the holidays, once: a new worker's
        # first request took 0.28 s without them, 0.07 s with them (cks_portal/warmup.py).
        from cks_portal import warmup

        warmup.warm()
        connections.close_all()  # no connection may be shared by the forked workers
        _warmed = True
    gc.freeze()


def post_fork(server, worker):
    """In the new worker: open its database and cache connections now rather than on its
    first request (cks_portal/warmup.py, `connect`)."""
    from cks_portal import warmup

    warmup.connect()
