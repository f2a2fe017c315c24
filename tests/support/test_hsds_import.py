"""Importing another directory's services through its HSDS 3.0 API.

The source is a second CKS-portalen really running: `manage.py runserver` in its own process,
on its own database (made and migrated here, dropped at the end), with the four test lines.
The import runs in this process into the test database, through the management command and
the admin's page, over HTTP. Changes at the source are made in that process too
(`manage.py shell`), so nothing here reaches into the source's database behind its back.
"""

import io
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import translation

from cks_portal.core.roles import EDITOR, SUPPORT_EDITOR
from support import hsds_import
from support.models import ImportedService, SupportContact
from tests.conftest import make_staff
from tests.factories import make_audience
from tests.support.hsds_schemas import FULL_SERVICE, assert_valid

ROOT = Path(__file__).resolve().parents[2]

# The second running instance (source_site) takes a minute to migrate: one worker runs the module.
pytestmark = pytest.mark.xdist_group("hsds-source")

RESET_SOURCE = """
from support.models import SupportContact
from tests.factories import make_support_lines
SupportContact.objects.all().delete()
make_support_lines()
"""


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SourceSite:
    def __init__(self, url, env):
        self.url = url
        self.env = env

    def run(self, code):
        """Run Python in the source site's own Django (manage.py shell)."""
        subprocess.run(
            [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
            cwd=ROOT,
            env=self.env,
            check=True,
            timeout=120,
        )


@pytest.fixture(scope="module")
def source_site(django_db_blocker):
    db = settings.DATABASES["default"]
    name = f"{db['NAME']}_hsds_source"
    admin = {"host": db["HOST"], "port": db["PORT"] or 5432, "user": db["USER"], "password": db["PASSWORD"]}
    with psycopg.connect(dbname="postgres", autocommit=True, **admin) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}{password}@{db['HOST']}:{admin['port']}/{name}",
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "PYTHONWARNINGS": "ignore",
    }
    env.pop("REDIS_URL", None)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=600,
    )
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/api/hsds"
    try:
        for _attempt in range(100):
            try:
                urllib.request.urlopen(url + "/", timeout=2).read()  # noqa: S310 -- our own test server
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("the source site did not start")
        yield SourceSite(url, env)
    finally:
        server.terminate()
        server.wait(timeout=20)
        with psycopg.connect(dbname="postgres", autocommit=True, **admin) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def source(source_site, db):
    """The source with the four test lines, made afresh for each test."""
    source_site.run(RESET_SOURCE)
    return source_site


@pytest.fixture
def english():
    """Messages in English, whatever the compiled catalogues say."""
    with translation.override("en"):
        yield


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 -- our own test server
        return json.loads(response.read())


def import_from(source, *args):
    """The command's report, in English whatever the catalogues say."""
    out = io.StringIO()
    with translation.override("en"):
        call_command("import_hsds", source.url, *args, stdout=out)
    return out.getvalue()


def comparable(service):
    """A service as both sites export it, without what is the exporting site's own: ids,
    last change, and the closed days' reasons (notes), which the import does not take."""
    data = {key: value for key, value in service.items() if key not in ("id", "last_modified")}
    data["phones"] = [(p["number"], p["type"]) for p in service["phones"]]
    data["languages"] = sorted(lang["code"] for lang in service["languages"])
    data["schedules"] = sorted(
        (r["valid_from"], r["valid_to"], r["byday"], r["opens_at"], r["closes_at"], r["timezone"])
        for r in service["schedules"]
    )
    for key in ("organization", "organization_id", "attributes", "eligibility_description"):
        data.pop(key, None)
    return data


def test_an_import_from_a_second_running_instance_brings_its_services_in(source, client):
    remote = fetch(source.url + "/services/?full=true")["contents"]

    output = import_from(source, "--publish")

    assert "4 created, 0 updated, 0 unchanged" in output
    assert SupportContact.objects.count() == 4
    for service in remote:
        record = ImportedService.objects.select_related("contact").get(remote_id=service["id"])
        assert record.source_url == source.url
        assert record.last_synced_at
        ours = client.get(f"/api/hsds/services/{record.contact.uuid}/").json()
        assert_valid(ours, FULL_SERVICE)
        # Exported again from here, the service says what it said at the source.
        assert comparable(ours) == comparable(service)
    orostelefon = SupportContact.objects.get(name_sv="Rädda Barnens orostelefon")
    assert orostelefon.closed_on_holidays
    assert orostelefon.name_en == "Save the Children's helpline for worried relatives"
    assert orostelefon.phones.get().display == "020-100 200"
    assert orostelefon.is_active


def test_a_rerun_against_an_unchanged_source_changes_nothing(source):
    import_from(source)
    before = {
        c.pk: (c.updated_at, c.history.count(), c.phones.count(), c.intervals.count())
        for c in SupportContact.objects.all()
    }

    output = import_from(source)

    assert "0 created, 0 updated, 4 unchanged, 0 in conflict" in output
    after = {
        c.pk: (c.updated_at, c.history.count(), c.phones.count(), c.intervals.count())
        for c in SupportContact.objects.all()
    }
    assert after == before


def test_new_contacts_wait_hidden_unless_published(source):
    import_from(source)

    assert not SupportContact.objects.filter(is_active=True).exists()


def test_a_remote_change_comes_in_and_a_local_edit_stays(source):
    import_from(source, "--publish")
    local = SupportContact.objects.get(name_sv="Polisen, 114 14")
    local.summary_sv = "Vår egen text om polisen."
    local.save()
    source.run(
        "from support.models import SupportContact\n"
        "c = SupportContact.objects.get(slug='112'); c.name = '112 – SOS Alarm'; c.save()"
    )

    output = import_from(source)

    assert "0 created, 1 updated, 3 unchanged, 0 in conflict" in output
    assert SupportContact.objects.filter(name_sv="112 – SOS Alarm").exists()
    local.refresh_from_db()
    assert local.summary_sv == "Vår egen text om polisen."


def test_a_field_changed_on_both_sides_is_a_conflict_the_editor_decides(source, client, django_user_model):
    import_from(source, "--publish")
    contact = SupportContact.objects.get(name_sv="Rädda Barnens orostelefon")
    contact.summary_sv = "Lokalt skriven sammanfattning."
    contact.save()
    source.run(
        "from support.models import SupportContact\n"
        "c = SupportContact.objects.get(slug='orostelefonen'); c.summary = 'Ny text från källan.'; c.save()"
    )

    output = import_from(source)

    assert "1 in conflict" in output
    contact.refresh_from_db()
    assert contact.summary_sv == "Lokalt skriven sammanfattning."
    record = contact.imported_from
    assert record.remote_values == {"summary": "Ny text från källan."}
    assert record.has_conflict
    # Shown to the editor: a filter in the list, a note on the form, both values side by side.
    client.force_login(make_staff(django_user_model, "stod", SUPPORT_EDITOR))
    listed = client.get("/admin/support/supportcontact/?imported=conflict")
    assert list(listed.context["cl"].result_list) == [contact]
    form = client.get(f"/admin/support/supportcontact/{contact.pk}/change/")
    assert b"hsds-conflict" in form.content
    page = client.get(f"/admin/support/supportcontact/{contact.pk}/hsds-conflict/")
    assert "Lokalt skriven sammanfattning." in page.content.decode()
    assert "Ny text från källan." in page.content.decode()
    # A re-run does not settle it behind the editor's back.
    assert "1 in conflict" in import_from(source)

    response = client.post(f"/admin/support/supportcontact/{contact.pk}/hsds-conflict/", {"choice": "remote"})

    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.summary_sv == "Ny text från källan."
    assert not contact.imported_from.has_conflict
    assert "0 updated, 4 unchanged, 0 in conflict" in import_from(source)


def test_keeping_the_local_value_settles_the_conflict_until_the_source_changes_again(source):
    import_from(source, "--publish")
    contact = SupportContact.objects.get(name_sv="Rädda Barnens orostelefon")
    contact.email = "lokal@example.org"
    contact.save()
    source.run(
        "from support.models import SupportContact\n"
        "c = SupportContact.objects.get(slug='orostelefonen'); c.email = 'kalla@example.org'; c.save()"
    )
    import_from(source)

    hsds_import.resolve(contact.imported_from, take_remote=False)

    assert "0 in conflict" in import_from(source)
    contact.refresh_from_db()
    assert contact.email == "lokal@example.org"


def test_a_service_gone_from_the_source_is_hidden(source):
    import_from(source, "--publish")
    source.run(
        "from support.models import SupportContact\nSupportContact.objects.filter(slug='112').delete()"
    )

    output = import_from(source)

    assert "1 gone from the source" in output
    assert not SupportContact.objects.get(name_sv="112 – vid akut fara").is_active


def test_an_unreachable_source_is_a_clear_error_and_imports_nothing(db):
    with translation.override("en"), pytest.raises(CommandError, match="could not be reached"):
        call_command("import_hsds", f"http://127.0.0.1:{_free_port()}/api/hsds")

    assert not SupportContact.objects.exists()


@pytest.mark.usefixtures("english")
def test_a_site_that_is_not_an_hsds_api_is_a_clear_error(source):
    with pytest.raises(CommandError, match=r"did not send JSON|answered 404"):
        call_command("import_hsds", source.url.removesuffix("/api/hsds") + "/stod")

    with pytest.raises(CommandError, match="not an http or https address"):
        call_command("import_hsds", "ftp://example.org/api")
    assert not SupportContact.objects.exists()


@pytest.mark.usefixtures("english")
def test_a_service_that_is_not_valid_hsds_stops_the_import_before_anything_is_written(source, monkeypatch):
    real = hsds_import.fetch_json

    def broken(url):
        data = real(url)
        if "/services/" in url and "page=" not in url and data.get("name") == "Polisen, 114 14":
            data["status"] = "maybe"
        return data

    monkeypatch.setattr(hsds_import, "fetch_json", broken)

    with pytest.raises(CommandError, match=r"not valid HSDS 3\.0 .*status"):
        import_from(source)

    assert not SupportContact.objects.exists()


@pytest.mark.usefixtures("english")
def test_a_failure_half_way_through_the_writing_leaves_nothing_behind(source):
    services = hsds_import.fetch_services(source.url)
    services[2]["name"] = "   "  # valid for the schema, refused by the import

    # The message names the service (in the site's language: the import runs in Swedish).
    with pytest.raises(hsds_import.HsdsImportError, match=services[2]["id"]):
        hsds_import.sync(source.url, fetch=lambda url: services)

    assert not SupportContact.objects.exists()
    assert not ImportedService.objects.exists()


def test_the_support_role_imports_through_the_admin_page(source, client, django_user_model):
    client.force_login(make_staff(django_user_model, "stod", SUPPORT_EDITOR))
    page = client.get("/admin/support/supportcontact/import-hsds/")
    assert page.status_code == 200

    response = client.post("/admin/support/supportcontact/import-hsds/", {"base_url": source.url})

    assert response.status_code == 302
    assert SupportContact.objects.count() == 4
    assert ImportedService.objects.filter(source_url=source.url).count() == 4
    listed = client.get(response["Location"])
    assert len(listed.context["cl"].result_list) == 4
    assert [m.level_tag for m in listed.context["messages"]] == ["success"]


def test_the_admin_page_shows_a_failing_source_in_the_form(client, django_user_model, db):
    client.force_login(make_staff(django_user_model, "stod", SUPPORT_EDITOR))

    response = client.post(
        "/admin/support/supportcontact/import-hsds/", {"base_url": f"http://127.0.0.1:{_free_port()}/api"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["base_url"]
    assert not SupportContact.objects.exists()


def test_the_admin_action_syncs_the_selected_contacts_sources(source, client, django_user_model):
    import_from(source, "--publish")
    client.force_login(make_staff(django_user_model, "stod", SUPPORT_EDITOR))
    source.run(
        "from support.models import SupportContact\n"
        "c = SupportContact.objects.get(slug='112'); c.name = '112 – SOS Alarm'; c.save()"
    )

    client.post(
        "/admin/support/supportcontact/",
        {
            "action": "sync_from_sources",
            "_selected_action": [SupportContact.objects.get(name_sv="112 – vid akut fara").pk],
        },
    )

    assert SupportContact.objects.filter(name_sv="112 – SOS Alarm").exists()


def test_other_roles_may_not_import(client, django_user_model, db):
    client.force_login(make_staff(django_user_model, "red", EDITOR))

    assert client.get("/admin/support/supportcontact/import-hsds/").status_code == 403


def test_the_history_says_where_an_imported_change_came_from(source):
    import_from(source, "--publish")
    source.run(
        "from support.models import SupportContact\n"
        "c = SupportContact.objects.get(slug='112'); c.name = '112 – SOS Alarm'; c.save()"
    )

    import_from(source)

    contact = SupportContact.objects.get(name_sv="112 – SOS Alarm")
    reasons = list(contact.history.values_list("history_change_reason", flat=True))
    assert reasons[0].endswith(source.url) and reasons[-1].endswith(source.url)


def test_a_source_with_a_smaller_page_limit_is_read_in_its_own_pages(source, monkeypatch):
    real = hsds_import.fetch_json
    asked = []

    def strict(url):
        asked.append(url)
        if "per_page=" in url:
            raise hsds_import.HsdsImportError("per_page too large")
        return real(url)

    monkeypatch.setattr(hsds_import, "fetch_json", strict)

    assert "4 created" in import_from(source)
    assert any(url.endswith("/services/?page=1") for url in asked)


def test_the_sources_audiences_come_in_where_this_site_has_them(source):
    for slug in ("anhoriga", "alla"):
        make_audience(slug)

    import_from(source)

    orostelefon = SupportContact.objects.get(name_sv="Rädda Barnens orostelefon")
    assert [a.slug for a in orostelefon.audiences.all()] == ["anhoriga"]
    assert [a.slug for a in SupportContact.objects.get(name_sv="112 – vid akut fara").audiences.all()] == [
        "alla"
    ]
    assert "0 updated, 4 unchanged" in import_from(source)
