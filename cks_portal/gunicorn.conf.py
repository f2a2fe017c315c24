"""gunicorn settings for production: `gunicorn -c cks_portal/gunicorn.conf.py cks_portal.wsgi`.

Every value can be overridden with GUNICORN_* environment variables (see docs/deployment.md).
The site's work per request is short and CPU-bound (a page is a few milliseconds of Python and
at most a handful of SQL queries), so synchronous workers, one or two per core, keep every
core busy without the memory cost of threads or the risk of a blocked event loop.
"""

import gc
import logging
import multiprocessing
import os
import sys

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2))
worker_class = "sync"
# A page normally takes milliseconds; 30 s stops a stuck request without hurting a slow upload
# through the proxy, which buffers request bodies.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
# How long a stop waits for the workers to finish what they serve before it kills them.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", 30))
keepalive = 5
# Recycle workers now and then so that a slow leak in any library cannot grow for ever, at
# different moments (the jitter) so that the workers are not all new at once.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 5000))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", max_requests // 10))
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


def worker_exit(server, worker):
    """A worker that ends normally (after max_requests, or on a graceful stop) closes its
    connections and leaves at once, without Python taking its interpreter apart first.

    That teardown frees every object the worker inherited from the master, and freeing an
    object writes to its page, which the kernel must then copy: 55 ms of CPU and 9,600 page
    faults for a worker that had served a hundred pages, against 5 ms with os._exit
    (docs/benchmarks.md, eleventh session). On a 2-core machine that CPU is taken from the
    other worker while it serves, which is what made a cached page wait 17-66 ms in the
    rounds where workers were recycled.

    A worker that failed keeps Python's exit and its exit code: gunicorn stops when a worker
    cannot boot (code 3) rather than starting it again for ever. gunicorn calls this hook in
    the `finally` of the worker's exit, so the exception on its way out says which it is."""
    leaving = sys.exc_info()[1]
    if not (isinstance(leaving, SystemExit) and leaving.code in (0, None)):
        return
    from django.core.cache import caches
    from django.db import connections

    from cks_portal.core import beside

    beside.close()
    connections.close_all()
    caches.close_all()
    logging.shutdown()  # what the log handlers still hold is written out
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
