"""The read-only HSDS 3.0 API; every response is checked against the published JSON schemas."""

import json
import os
from pathlib import Path

import jsonschema
import pytest
from django.utils import timezone

from support.models import OpeningException, SupportContact
from tests.factories import make_contact


def find_schema_dir():
    """The published HSDS 3.0 schemas: HSDS_SCHEMA_DIR if set, else the unchanged copy kept
    beside this test (tests/support/hsds/SOURCE.txt says where it comes from)."""
    if os.environ.get("HSDS_SCHEMA_DIR"):
        return Path(os.environ["HSDS_SCHEMA_DIR"])
    vendored = Path(__file__).resolve().parent / "hsds" / "3.0"
    if vendored.is_dir():
        return vendored
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "shared" / "hsds" / "3.0"
        if candidate.is_dir():
            return candidate
    pytest.fail("HSDS 3.0 schemas not found: put shared/hsds/3.0 beside the checkout or set HSDS_SCHEMA_DIR")


def load(name):
    return json.loads((find_schema_dir() / name).read_text())


def validator(schema):
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def assert_valid(data, schema):
    errors = sorted(validator(schema).iter_errors(data), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def assert_valid_page(data, item_schema):
    page = load("openapi.json")["components"]["schemas"]["Page"]
    assert_valid(data, {**page, "required": list(page["properties"])})
    for item in data["contents"]:
        assert_valid(item, item_schema)


def test_the_root_tells_the_hsds_version(client, db):
    data = client.get("/api/hsds/").json()

    schema = load("openapi.json")["paths"]["/"]["get"]["responses"]["200"]["content"]["application/json"]
    assert_valid(data, schema["schema"])
    assert data["version"] == "3.0"


def test_the_services_list_validates_and_is_paginated(client, lines):
    data = client.get("/api/hsds/services/?per_page=2&page=2").json()

    assert_valid_page(data, load("compiled/service_list.json"))
    assert data["total_items"] == 4
    assert data["total_pages"] == 2
    assert data["page_number"] == 2
    assert data["size"] == 2
    assert data["last_page"] and not data["first_page"]


def test_the_full_services_list_validates_against_the_nested_schema(client, lines):
    data = client.get("/api/hsds/services/?full=true").json()

    assert_valid_page(data, load("compiled/service_with_definitions.json"))
    assert all("schedules" in service for service in data["contents"])


def test_a_service_has_phones_languages_and_split_hours_as_several_schedules(client, lines):
    contact = SupportContact.objects.get(slug="orostelefonen")

    data = client.get(f"/api/hsds/services/{contact.uuid}/").json()

    assert_valid(data, load("compiled/service_with_definitions.json"))
    assert data["id"] == str(contact.uuid)
    assert data["phones"][0]["number"] == "+4620100200"
    assert {lang["code"] for lang in data["languages"]} == {"sv", "en", "ar", "ku"}
    weekly = [row for row in data["schedules"] if row.get("freq") == "WEEKLY"]
    assert [(row["byday"], row["opens_at"], row["closes_at"]) for row in weekly] == [
        ("MO,TU,WE,TH,FR", "09:00:00", "12:00:00"),
        ("MO,TU,WE,TH,FR", "13:00:00", "16:00:00"),
    ]
    assert data["organization"]["name"] == "Rädda Barnen"
    assert data["organization_id"] == data["organization"]["id"]


def test_exceptions_and_holidays_are_dated_schedule_rows(client, lines):
    contact = SupportContact.objects.get(slug="orostelefonen")
    day = timezone.localdate() + timezone.timedelta(days=5)
    exception = OpeningException.objects.create(
        contact=contact,
        start_date=day,
        kind=OpeningException.Kind.SPECIAL,
        opens="10:00",
        closes="14:00",
        reason="Kortare dag",
        reason_en="Shorter day",
    )

    data = client.get(f"/api/hsds/services/{contact.uuid}/").json()

    assert_valid(data, load("compiled/service_with_definitions.json"))
    row = next(row for row in data["schedules"] if row["id"] == str(exception.uuid))
    assert row["valid_from"] == row["valid_to"] == day.isoformat()
    assert (row["opens_at"], row["closes_at"]) == ("10:00:00", "14:00:00")
    assert "Shorter day" in row["description"]
    holidays = [row for row in data["schedules"] if row.get("description", "").startswith("Closed: ")]
    assert any("Christmas Eve" in row["description"] for row in holidays)
    assert all("opens_at" not in row for row in holidays)


def test_ids_are_stable_between_requests(client, lines):
    first = client.get("/api/hsds/services/?full=1").json()
    second = client.get("/api/hsds/services/?full=1").json()

    assert first == second
    ids = [service["id"] for service in first["contents"]]
    assert len(set(ids)) == len(ids)


def test_the_organizations_list_validates(client, lines):
    data = client.get("/api/hsds/organizations/").json()

    assert_valid_page(data, load("compiled/organization_list.json"))
    assert "Rädda Barnen" in [org["name"] for org in data["contents"]]
    org = data["contents"][0]
    assert client.get(f"/api/hsds/organizations/{org['id']}/").json() == org


def test_search_finds_services_by_name(client, lines):
    data = client.get("/api/hsds/services/?search=orostelefon").json()

    assert [service["name"] for service in data["contents"]] == ["Rädda Barnens orostelefon"]


def test_modified_after_leaves_out_older_services(client, lines):
    SupportContact.objects.exclude(slug="orostelefonen").update(
        updated_at=timezone.now() - timezone.timedelta(days=30)
    )
    since = (timezone.now() - timezone.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%S%z")

    data = client.get("/api/hsds/services/", {"modified_after": since}).json()

    assert [service["name"] for service in data["contents"]] == ["Rädda Barnens orostelefon"]
    assert client.get("/api/hsds/services/?modified_after=2000-01-01").json()["total_items"] == 4


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("page=abc", "page"),
        ("page=0", "page"),
        ("page=-1", "page"),
        ("page=1.5", "page"),
        ("page=%EF%BC%91", "page"),  # a full-width digit one
        ("per_page=0", "per_page"),
        ("per_page=1000", "per_page"),
        ("per_page=x", "per_page"),
        ("modified_after=yesterday", "modified_after"),
        ("modified_after=2026-13-45", "modified_after"),
        ("modified_after=2026-02-30T25:00:00", "modified_after"),
        ("modified_after=%00", "modified_after"),
    ],
)
def test_a_bad_parameter_gets_a_clear_400(client, lines, query, parameter):
    response = client.get("/api/hsds/services/?" + query)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["parameter"] == parameter
    assert parameter in body["message"]


@pytest.mark.parametrize("page", ["50", "99999999999999999999999999"])
def test_a_page_past_the_end_is_empty_not_an_error(client, lines, page):
    data = client.get("/api/hsds/services/", {"page": page}).json()

    assert_valid_page(data, load("compiled/service_list.json"))
    assert data["contents"] == [] and data["empty"]


@pytest.mark.parametrize("value", ["%00", "'; DROP TABLE support_supportcontact; --", "x" * 5000, "<script>"])
def test_an_odd_search_is_an_empty_result(client, lines, value):
    response = client.get("/api/hsds/services/", {"search": value})

    assert response.status_code == 200
    assert response.json()["total_items"] == 0


@pytest.mark.parametrize("identifier", ["nope", "00000000-0000-0000-0000-000000000000", "%00"])
def test_an_unknown_service_is_a_json_404(client, lines, identifier):
    response = client.get(f"/api/hsds/services/{identifier}/")

    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


def test_inactive_services_are_not_exported(client, lines):
    contact = SupportContact.objects.get(slug="orostelefonen")
    contact.is_active = False
    contact.save()

    assert client.get(f"/api/hsds/services/{contact.uuid}/").status_code == 404
    assert client.get("/api/hsds/services/").json()["total_items"] == 3


def test_the_api_refuses_to_change_anything(client, lines):
    assert client.post("/api/hsds/services/", {}).status_code == 405


def test_the_services_list_runs_a_fixed_number_of_queries(client, lines, django_assert_max_num_queries):
    with django_assert_max_num_queries(9) as few:
        client.get("/api/hsds/services/?full=1")
    for index in range(10):
        make_contact(f"extra-{index}", organisation="Extra", phones=["020-100 200"])
    with django_assert_max_num_queries(9) as many:
        client.get("/api/hsds/services/?full=1")
    assert len(many) == len(few)
