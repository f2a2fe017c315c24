"""The backup procedure of docs/operations.md, run for real: dump, restore into an empty
database, and find the same content."""

import io
import shutil
import subprocess
import tarfile

import psycopg
import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from psycopg.conninfo import make_conninfo

from cks_portal import embedded_db

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.xdist_group("deployment")]

CONTENT_APPS = {"cks_portal", "pages", "support", "news", "knowledge_bank", "auth"}


def dsn(name):
    s = connection.settings_dict
    # Keywords rather than a URL: the host may be a socket folder (the project's own server).
    return make_conninfo(user=s["USER"], host=s["HOST"] or "127.0.0.1", port=s["PORT"] or 5432, dbname=name)


def pg_tool(name):
    """The project's own server's pg_dump/pg_restore (an older client refuses a newer server)."""
    if settings.USES_EMBEDDED_DB:
        return str(embedded_db.bin_dir() / name)
    return shutil.which(name)


def row_counts(conninfo):
    tables = [m._meta.db_table for m in apps.get_models() if m._meta.app_label in CONTENT_APPS]
    with psycopg.connect(conninfo) as conn:
        return {table: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables}  # noqa: S608


@pytest.fixture
def restore_db():
    name = connection.settings_dict["NAME"] + "_restore"
    admin = dsn("postgres")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.skipif(not pg_tool("pg_dump"), reason="pg_dump is not installed")
def test_a_dump_restores_into_an_empty_database_with_the_same_content(restore_db, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", stdout=io.StringIO())
    source = dsn(connection.settings_dict["NAME"])
    dump = tmp_path / "cks.dump"

    subprocess.run(
        [pg_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={dump}", source], check=True
    )
    subprocess.run(
        [pg_tool("pg_restore"), "--no-owner", "--exit-on-error", f"--dbname={dsn(restore_db)}", str(dump)],
        check=True,
    )
    with tarfile.open(tmp_path / "media.tar.gz", "w:gz") as archive:
        archive.add(settings.MEDIA_ROOT, arcname=".")
    restored_media = tmp_path / "restored-media"
    with tarfile.open(tmp_path / "media.tar.gz") as archive:
        archive.extractall(restored_media, filter="data")

    before, after = row_counts(source), row_counts(dsn(restore_db))
    assert after == before
    assert before["news_newsitem"] >= 4 and before["knowledge_bank_publication"] >= 12
    with psycopg.connect(dsn(restore_db)) as conn:
        title = conn.execute("SELECT title_sv FROM cks_portal_page WHERE slug = 'om-oss'").fetchone()[0]
    assert title == "Vårt arbete mot våldsbejakande extremism"
    original = sorted(
        p.relative_to(settings.MEDIA_ROOT) for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()
    )
    copied = sorted(p.relative_to(restored_media) for p in restored_media.rglob("*") if p.is_file())
    assert copied == original and original
