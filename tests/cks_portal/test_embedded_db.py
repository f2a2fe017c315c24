"""The project's own PostgreSQL (cks_portal/embedded_db.py), on a scratch cluster of its own,
so that these tests run the same with or without DATABASE_URL and leave var/pg alone."""

import os
import shutil
import stat
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest

from cks_portal import embedded_db

ROOT = Path(__file__).resolve().parents[2]

# One scratch cluster for the module (scratch_root): one worker runs it.
pytestmark = pytest.mark.xdist_group("embedded-db")


@pytest.fixture(scope="module")
def scratch_root():
    # One cluster for the module (each initdb takes seconds); the first test finds none.
    # Under var/, not /tmp/pytest-of-root: when we are root, the server's own system user
    # must be able to reach it.
    root = ROOT / "var" / f"test-pg-{uuid.uuid4().hex[:8]}"
    yield root
    embedded_db.stop(root)
    shutil.rmtree(root, ignore_errors=True)


def postmasters(data):
    """The running postmasters whose data folder is `data` (their children are not counted)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue
        if args[0].endswith(b"/postgres") and str(data).encode() in args:
            found.append(cmdline.parent.name)
    return found


def test_two_processes_starting_it_at_once_share_one_server_with_swedish_stemming_and_trigrams(
    scratch_root,
):
    start = f"from cks_portal import embedded_db as e; print(e.ensure_running({str(scratch_root)!r}))"
    runs = [
        subprocess.Popen([sys.executable, "-c", start], cwd=ROOT, stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    urls = [run.communicate(timeout=120)[0].strip() for run in runs]

    assert [run.returncode for run in runs] == [0, 0]
    assert urls == [embedded_db.url(scratch_root)] * 2
    assert len(postmasters(scratch_root / "data")) == 1
    with psycopg.connect(urls[0], autocommit=True) as conn:
        stemmed = conn.execute("SELECT to_tsvector('swedish', 'radikaliseringen')::text").fetchone()[0]
        conn.execute("CREATE EXTENSION pg_trgm")
        similarity = conn.execute("SELECT similarity('radikal', 'radikalisering')").fetchone()[0]
    assert stemmed == "'radikalisering':1"
    assert similarity > 0.3


def test_it_stops_and_starts_again_on_the_same_data(scratch_root):
    url = embedded_db.ensure_running(scratch_root)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE TABLE kept (word text)")
        conn.execute("INSERT INTO kept VALUES ('kvar')")

    assert embedded_db.stop(scratch_root) is True
    assert not embedded_db.is_running(scratch_root)
    assert postmasters(scratch_root / "data") == []
    assert embedded_db.stop(scratch_root) is False

    assert embedded_db.ensure_running(scratch_root) == url
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT word FROM kept").fetchone()[0] == "kvar"


def test_a_server_another_process_still_holds_is_not_stopped_by_a_test_run(scratch_root):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from cks_portal import embedded_db as e;"
            f" e.hold({str(scratch_root)!r}); e.ensure_running({str(scratch_root)!r});"
            " print('up', flush=True); sys.stdin.readline()",
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "up"

        assert embedded_db.stop_if_unused(scratch_root) is False
        assert embedded_db.is_running(scratch_root)
    finally:
        holder.communicate("\n", timeout=30)

    assert embedded_db.stop_if_unused(scratch_root) is True
    assert not embedded_db.is_running(scratch_root)


@pytest.mark.skipif(os.geteuid() != 0, reason="only root runs the server as another user")
def test_as_root_a_checkout_in_a_closed_folder_is_opened_just_enough_for_the_server():
    # Like a checkout under /root (mode 700): the server's system user must pass through it.
    closed = ROOT / "var" / f"test-pg-closed-{uuid.uuid4().hex[:8]}"
    closed.mkdir(mode=0o700, parents=True)
    closed.chmod(0o700)
    root = closed / "pg"
    try:
        url = embedded_db.ensure_running(root)

        with psycopg.connect(url) as conn:
            assert conn.execute("SELECT 1").fetchone()[0] == 1
        assert stat.S_IMODE(closed.stat().st_mode) == 0o701
    finally:
        embedded_db.stop(root)
        shutil.rmtree(closed, ignore_errors=True)
