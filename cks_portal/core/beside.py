"""A statement run beside the request, on a second connection of the same worker process.

A few pages run statements that do not depend on each other: the site search's groups and the
knowledge bank's two walks when a filter narrows a broad search. One after the other, the page
waits for their sum; with the slowest sent to a thread of its own, it waits for the slower of
the two, while the request's thread runs the rest. The database does the work on the core
the request is not using; a worker serving one request at a time (gunicorn's sync workers)
otherwise leaves it idle.

Each worker process has SQL_BESIDE_THREADS such threads (settings), each with its own
connection, which lives as the request's does (CONN_MAX_AGE, health checks) and is counted in
the database's connections (docs/deployment.md). With 0 threads, or while the request's
connection is inside a transaction (a test's, or one that has written rows another connection
could not see yet), the statement runs at once on the request's own connection: the same
result, only later.
"""

import os
from concurrent.futures import Future, ThreadPoolExecutor
from threading import Barrier, Lock

from django.conf import settings
from django.db import close_old_connections, connection, connections

_lock = Lock()
_pool = None
_pool_threads = 0
_pool_pid = None  # the process the threads belong to: a forked worker makes its own


def _executor():
    global _pool, _pool_threads, _pool_pid
    pid = os.getpid()
    if _pool_pid != pid:
        with _lock:
            if _pool_pid != pid:
                _pool_threads = settings.SQL_BESIDE_THREADS
                _pool = ThreadPoolExecutor(_pool_threads, thread_name_prefix="cks-beside")
                _pool_pid = pid
    return _pool


def runs_beside():
    """Whether start() sends its statement to another connection."""
    return settings.SQL_BESIDE_THREADS > 0 and not connection.in_atomic_block


def start(function, *args):
    """Run `function(*args)`, which reads through `django.db.connection`, beside the caller
    when it can (runs_beside), else now; returns a callable that waits for the result and
    returns it or raises what `function` raised."""
    if runs_beside():
        return _executor().submit(_on_own_connection, function, args).result
    done = Future()
    try:
        done.set_result(function(*args))
    except Exception as error:  # raised when the caller asks for the result, as beside
        done.set_exception(error)
    return done.result


def _on_own_connection(function, args):
    # As Django does around each request: a connection past CONN_MAX_AGE, or one that failed
    # (its server restarted, say), is closed here and opened afresh by the statement.
    close_old_connections()
    try:
        return function(*args)
    finally:
        close_old_connections()


def on_each_thread(function):
    """Run `function` once on each thread, and wait (a new worker opens their connections
    before its first request: cks_portal/warmup.py)."""
    if settings.SQL_BESIDE_THREADS > 0:
        pool = _executor()
        _on_each_thread(pool, _pool_threads, function)


def close():
    """Close the threads' connections and stop the threads (a worker's exit; the test suite's
    end, as a test database cannot be dropped while a connection is open on it). The next
    start() makes new ones."""
    global _pool, _pool_pid
    with _lock:
        pool, threads, pid, _pool, _pool_pid = _pool, _pool_threads, _pool_pid, None, None
    if pool is not None and pid == os.getpid():  # a forked worker's copy has no threads
        _on_each_thread(pool, threads, connections.close_all)
        pool.shutdown(wait=True)


def _on_each_thread(pool, threads, function):
    """Run `function` once on each of the pool's threads and wait: each task waits at a barrier
    until every thread holds one."""
    barrier = Barrier(threads)

    def task():
        barrier.wait(timeout=30)
        function()

    for future in [pool.submit(task) for _thread in range(threads)]:
        future.result()
