"""A gunicorn worker that ends normally leaves without Python's teardown (cks_portal/gunicorn.conf.py,
`worker_exit`); one that failed keeps its exit code, which the master acts on."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent

# Runs the hook as gunicorn does, in the `finally` of a worker's exit with `code`; a handler
# registered with atexit stands for the interpreter's teardown.
WORKER = """
import atexit, runpy, sys
import django
django.setup()
from django.db import connection
connection.ensure_connection()
config = runpy.run_path("cks_portal/gunicorn.conf.py")
atexit.register(lambda: print("torn down", flush=True))
try:
    sys.exit(int(sys.argv[1]))
finally:
    print("exiting", flush=True)
    config["worker_exit"](None, None)
"""


def child_env(**extra):
    """The production settings (DEBUG off), on the suite's database server."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CKS_", "PAGE_CACHE"))}
    return env | {
        "DJANGO_SETTINGS_MODULE": "cks_portal.settings",
        "DJANGO_SECRET_KEY": "worker-exit-" + "k" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        **extra,
    }


def free_port():
    """A port nothing listens on: for gunicorn to take, or for a cache that never answers."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize(("code", "torn_down"), [(0, False), (3, True), (1, True)])
def test_a_normal_exit_skips_the_teardown_and_a_failed_one_keeps_its_code(code, torn_down):
    result = subprocess.run(
        [sys.executable, "-c", WORKER, str(code)],
        cwd=ROOT,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == code, result.stderr
    assert "exiting" in result.stdout
    assert ("torn down" in result.stdout) is torn_down


@pytest.mark.skipif(
    not shutil.which("gunicorn", path=os.path.dirname(sys.executable)), reason="gunicorn is not installed"
)
@pytest.mark.parametrize("cache", ["as configured", "failing"])
def test_gunicorn_recycles_workers_that_leave_with_code_zero(tmp_path, cache):
    """Real gunicorn with a worker recycled every 5 requests: every request is answered, the
    workers are replaced, and the master never sees a worker end with another code, also
    when the cache the exiting worker closes does not answer."""
    port = free_port()
    log = tmp_path / "gunicorn.log"
    env = child_env(
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS="2",
        GUNICORN_MAX_REQUESTS="5",
        GUNICORN_MAX_REQUESTS_JITTER="1",
        # A worker forked just as the stop comes has not yet its own signal handlers and
        # misses the stop (gunicorn's own race); the master then kills it after this long.
        GUNICORN_GRACEFUL_TIMEOUT="5",
    )
    if cache == "failing":
        env["REDIS_URL"] = f"redis://127.0.0.1:{free_port()}/0"
    with log.open("w") as output:
        master = subprocess.Popen(
            [
                shutil.which("gunicorn", path=os.path.dirname(sys.executable)),
                "-c",
                "cks_portal/gunicorn.conf.py",
                "--log-level",
                "info",
                "cks_portal.wsgi",
            ],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5)
                break
            except OSError:
                assert master.poll() is None, log.read_text()
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)
        statuses = []
        for _ in range(40):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10) as response:
                statuses.append(response.status)
        time.sleep(1)  # the last recycled worker's successor has booted: the stop meets no fork
    finally:
        master.terminate()
        master.wait(timeout=20)

    text = log.read_text()
    assert statuses == [200] * 40
    assert text.count("Booting worker") >= 2 + 40 // 6, text  # the first two, and their successors
    assert "exited with code" not in text, text
    assert "Exception during worker exit" not in text, text
