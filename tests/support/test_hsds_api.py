"""The read-only HSDS 3.0 API; every response is checked against the published JSON schemas."""

import datetime
import itertools
import json
import uuid

import pytest
from django.test import Client
from django.utils import timezone
from jsonschema_path import SchemaPath
from openapi_spec_validator.validation import OpenAPIV31SpecValidator

from cks_portal.core.models import Topic
from support import hsds, openapi
from support.models import OpeningException, SupportContact
from tests.factories import add_contacts, make_contact
from tests.support.hsds_schemas import (
    FULL_SERVICE,
    LISTED_SERVICE,
    assert_valid,
    assert_valid_page,
    find_schema_dir,
    load,
)

API = "/api/hsds"


@pytest.fixture
def hsds_lines(lines):
    """The four lines; the social services also have a visiting address and two topics."""
    social = lines["boras-stad-socialtjansten"]
    social.street_address = "Södra Kyrkogatan 5"
    social.postal_code = "503 38"
    social.city = "Borås"
    social.county = "Västra Götalands län"
    social.save()
    social.topics.set(
        [
            Topic.objects.create(
                name="Våldsbejakande extremism", slug="extremism", description="Om extremism."
            ),
            Topic.objects.create(name="Hedersrelaterat våld", slug="heder"),
        ]
    )
    return lines


def get(client, path, **params):
    response = client.get(API + path, params)
    assert response["Content-Type"].startswith("application/json"), response.content[:200]
    return response


def ok(client, path, **params):
    response = get(client, path, **params)
    assert response.status_code == 200, response.content
    return response.json()


def error_schema():
    return json.loads(Client().get(API + "/openapi.json").content)["components"]["schemas"]["Error"]


def service_of(lines, slug):
    return str(lines[slug].uuid)


# --- The root and the OpenAPI document --------------------------------------------------------


def offline_schema_handlers():
    """The document's references to the published HSDS schemas, read from the copy beside the
    tests (three compiled ones Open Referral also publishes stand in for the plain files)."""
    stand_ins = {"compiled/service.json": "compiled/service_with_definitions.json"}

    def read(url):
        name = url.removeprefix(openapi.SCHEMA_BASE)
        name = stand_ins.get(name, name)
        path = find_schema_dir() / name
        if not path.exists():
            path = find_schema_dir() / name.removeprefix("compiled/")
        return json.loads(path.read_text())

    return {"https": read, "http": read}


def validate_openapi(document, handlers):
    spec = SchemaPath.from_dict(document, handlers=handlers)
    OpenAPIV31SpecValidator(spec).validate()


def test_the_root_tells_the_version_and_points_at_this_apis_own_openapi_document(client, db):
    data = ok(client, "/")

    schema = load("openapi.json")["paths"]["/"]["get"]["responses"]["200"]["content"]["application/json"]
    assert_valid(data, schema["schema"])
    assert data["version"] == "3.0"
    assert data["openapi_url"] == "http://testserver/api/hsds/openapi.json"


def test_the_openapi_document_is_valid_openapi_and_lists_every_endpoint_and_parameter(client, db):
    document = ok(client, "/openapi.json")

    validate_openapi(document, handlers=offline_schema_handlers())
    assert document["servers"] == [{"url": "http://testserver/api/hsds"}]
    reference = load("openapi.json")
    for path, item in reference["paths"].items():
        ours = document["paths"][path]["get"]
        names = {p["$ref"].rsplit("/", 1)[-1] for p in ours["parameters"]}
        wanted = {p.get("name") or p["$ref"].rsplit("/", 1)[-1] for p in item["get"].get("parameters", [])}
        assert wanted <= names, path


# --- Services ---------------------------------------------------------------------------------


def test_the_services_list_validates_and_is_paginated(client, hsds_lines):
    data = ok(client, "/services/", per_page=2, page=2)

    assert_valid_page(data, LISTED_SERVICE)
    assert data["total_items"] == 4
    assert data["total_pages"] == 2
    assert data["page_number"] == 2
    assert data["size"] == 2
    assert data["last_page"] and not data["first_page"]


@pytest.mark.parametrize(
    "path", ["/services", "/services/", "/organizations", "/taxonomies", "/taxonomy_terms"]
)
def test_the_endpoints_answer_without_and_with_the_trailing_slash(client, hsds_lines, path):
    assert get(client, path).status_code == 200


def test_the_full_services_list_validates_against_the_nested_schema(client, hsds_lines):
    data = ok(client, "/services/", full="true")

    assert_valid_page(data, FULL_SERVICE)
    assert all("schedules" in service for service in data["contents"])


def test_a_service_has_phones_languages_terms_and_split_hours(client, hsds_lines):
    contact = hsds_lines["orostelefonen"]

    data = ok(client, f"/services/{contact.uuid}/")

    assert_valid(data, FULL_SERVICE)
    assert data["id"] == str(contact.uuid)
    assert data["phones"][0]["number"] == "+4620100200"
    assert {lang["code"] for lang in data["languages"]} == {"sv", "en", "ar", "ku"}
    weekly = {(row["byday"], row["opens_at"][:8], row["closes_at"][:8]) for row in data["schedules"]}
    assert weekly == {("MO,TU,WE,TH,FR", "09:00:00", "12:00:00"), ("MO,TU,WE,TH,FR", "13:00:00", "16:00:00")}
    assert data["organization"]["name"] == "Rädda Barnen"
    assert data["organization_id"] == data["organization"]["id"]
    audiences = {a["taxonomy_term"]["code"] for a in data["attributes"] if a["link_type"] == "audience"}
    assert audiences == {"anhoriga", "kommuner-och-organisationer"}
    assert "service_at_locations" not in data


def test_a_service_with_a_visiting_address_has_its_location(client, hsds_lines):
    data = ok(client, f"/services/{service_of(hsds_lines, 'boras-stad-socialtjansten')}")

    assert_valid(data, FULL_SERVICE)
    [link] = data["service_at_locations"]
    [address] = link["location"]["addresses"]
    assert (address["address_1"], address["postal_code"], address["city"], address["country"]) == (
        "Södra Kyrkogatan 5",
        "503 38",
        "Borås",
        "SE",
    )
    assert {a["taxonomy_term"]["code"] for a in data["attributes"] if a["link_type"] == "support_area"} == {
        "extremism",
        "heder",
    }


def _open_rows_on(schedules, day):
    """The rows that say the line is open on `day` (valid then, and `day`'s weekday in byday)."""
    code = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][day.weekday()]
    return [
        row
        for row in schedules
        if row["valid_from"] <= day.isoformat() <= row["valid_to"] and code in row["byday"].split(",")
    ]


def test_a_holiday_the_line_closes_on_has_no_schedule_row_and_is_noted(client, hsds_lines):
    contact = hsds_lines["orostelefonen"]
    today = timezone.localdate()
    # The first weekday holiday of the coming year: Christmas Eve or the one after it.
    day = next(
        d
        for d in (today + datetime.timedelta(days=n) for n in range(1, 366))
        if d.weekday() < 5 and d in hsds.swedish_holidays(d.year)
    )

    data = ok(client, f"/services/{contact.uuid}/")

    assert _open_rows_on(data["schedules"], day) == []
    assert _open_rows_on(data["schedules"], day - datetime.timedelta(days=7)) or day.weekday() == 0
    assert any(day.isoformat() in row.get("notes", "") for row in data["schedules"])
    # Every row is an opening, with a time: none can be read as "open" on a closed day.
    assert all(row["opens_at"] and row["closes_at"] for row in data["schedules"])


def test_a_closed_exception_is_a_gap_and_other_hours_are_a_row_of_their_own(client, hsds_lines):
    contact = hsds_lines["boras-stad-socialtjansten"]
    today = timezone.localdate()
    closed = today + datetime.timedelta(days=(7 - today.weekday()) % 7 + 7)  # a Monday
    special = closed + datetime.timedelta(days=2)  # the Wednesday
    OpeningException.objects.create(
        contact=contact, start_date=closed, reason="Utbildning", reason_en="Training"
    )
    exception = OpeningException.objects.create(
        contact=contact,
        start_date=special,
        kind=OpeningException.Kind.SPECIAL,
        opens="10:00",
        closes="14:00",
        reason="Kortare dag",
        reason_en="Shorter day",
    )

    data = ok(client, f"/services/{contact.uuid}/")

    assert_valid(data, FULL_SERVICE)
    assert _open_rows_on(data["schedules"], closed) == []
    [row] = _open_rows_on(data["schedules"], special)
    assert row["valid_from"] == row["valid_to"] == special.isoformat()
    assert (row["opens_at"][:5], row["closes_at"][:5]) == ("10:00", "14:00")
    assert row["notes"] == "Shorter day"
    assert f"{closed} (Training)" in " ".join(r.get("notes", "") for r in data["schedules"])
    assert exception.pk


def test_the_periods_split_where_the_clocks_change_and_carry_the_offset_in_force(client, hsds_lines):
    data = ok(client, f"/services/{service_of(hsds_lines, '112')}/")

    offsets = {row["timezone"] for row in data["schedules"]}
    assert offsets == {1, 2}
    for row in data["schedules"]:
        assert row["opens_at"].endswith(f"+0{row['timezone']}:00")
        # Round the clock is 00:00–23:59, HSDS's way of saying 24 hours.
        assert (row["opens_at"][:5], row["closes_at"][:5]) == ("00:00", "23:59")
    periods = sorted({(row["valid_from"], row["valid_to"]) for row in data["schedules"]})
    for (_first, last), (following, _end) in itertools.pairwise(periods):
        assert datetime.date.fromisoformat(following) - datetime.date.fromisoformat(
            last
        ) == datetime.timedelta(1)


def test_ids_are_stable_between_requests_and_unique(client, hsds_lines):
    first = ok(client, "/services/", full=1)
    second = ok(client, "/services/", full=1)

    assert first == second
    ids = [row["id"] for service in first["contents"] for row in service["schedules"]]
    ids += [service["id"] for service in first["contents"]]
    assert len(set(ids)) == len(ids)


def test_search_finds_services_by_name(client, hsds_lines):
    data = ok(client, "/services/", search="orostelefon")

    assert [service["name"] for service in data["contents"]] == ["Rädda Barnens orostelefon"]


def test_organization_id_keeps_that_organisations_services(client, hsds_lines):
    org = str(hsds_lines["orostelefonen"].organisation_uuid)

    data = ok(client, "/services/", organization_id=org)

    assert [service["organization_id"] for service in data["contents"]] == [org]
    assert ok(client, "/services/", organization_id=str(uuid.uuid4()))["total_items"] == 0


def test_taxonomy_term_id_finds_the_services_tagged_with_a_topic_or_an_audience(client, hsds_lines):
    topic = str(hsds.TOPICS.term_id("heder"))
    audience = str(hsds.AUDIENCES.term_id("alla"))

    assert [s["name"] for s in ok(client, "/services/", taxonomy_term_id=topic)["contents"]] == [
        "Socialtjänsten i Borås Stad"
    ]
    assert {s["name"] for s in ok(client, "/services/", taxonomy_term_id=audience)["contents"]} == {
        "112 – vid akut fara",
        "Polisen, 114 14",
    }
    assert ok(client, "/services/", taxonomy_term_id=str(uuid.uuid4()))["total_items"] == 0


def test_taxonomy_id_finds_the_services_with_any_term_of_it(client, hsds_lines):
    topics = ok(client, "/services/", taxonomy_id=str(hsds.TOPICS.id))
    audiences = ok(client, "/services/", taxonomy_id=str(hsds.AUDIENCES.id))

    assert [s["name"] for s in topics["contents"]] == ["Socialtjänsten i Borås Stad"]
    assert audiences["total_items"] == 4
    assert ok(client, "/services/", taxonomy_id=str(uuid.uuid4()))["total_items"] == 0


def test_modified_after_is_inclusive_and_leaves_out_older_services(client, hsds_lines):
    moment = timezone.now().replace(microsecond=123000) - datetime.timedelta(hours=1)
    SupportContact.objects.update(updated_at=moment - datetime.timedelta(days=30))
    SupportContact.objects.filter(slug="orostelefonen").update(updated_at=moment)
    stamp = hsds.timestamp(moment)

    data = ok(client, "/services/", modified_after=stamp)

    assert [service["name"] for service in data["contents"]] == ["Rädda Barnens orostelefon"]
    assert data["contents"][0]["last_modified"] == stamp
    later = hsds.timestamp(moment + datetime.timedelta(milliseconds=1))
    assert ok(client, "/services/", modified_after=later)["total_items"] == 0
    assert ok(client, "/services/", modified_after="2000-01-01")["total_items"] == 4


def test_minimal_lists_every_service_with_its_last_change_in_one_page(client, hsds_lines):
    add_contacts(30)

    data = ok(client, "/services/", minimal="true")

    assert_valid_page(data, LISTED_SERVICE)
    assert data["total_items"] == data["size"] == 34
    assert set(data["contents"][0]) == {"id", "name", "status", "last_modified"}


def test_minimal_and_full_together_are_refused(client, hsds_lines):
    response = get(client, "/services/", minimal="true", full="true")

    assert response.status_code == 400
    assert response.json()["parameter"] == "minimal"


def _ndjson(client, path, **params):
    response = client.get(API + path, params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/x-ndjson")
    return [json.loads(line) for line in b"".join(response.streaming_content).decode().splitlines()]


@pytest.mark.parametrize(
    ("path", "params", "schema"),
    [
        ("/services", {}, LISTED_SERVICE),
        ("/services", {"full": "true"}, FULL_SERVICE),
        ("/services", {"minimal": "true"}, LISTED_SERVICE),
        ("/organizations", {}, "compiled/organization_list.json"),
        ("/organizations", {"full_service": "true"}, "organization.json"),
        ("/service_at_locations", {"full": "true"}, "service_at_location.json"),
        ("/taxonomies", {}, "taxonomy.json"),
        ("/taxonomy_terms", {}, "taxonomy_term.json"),
    ],
)
def test_format_ndjson_streams_every_item_one_a_line_without_pages(client, hsds_lines, path, params, schema):
    add_contacts(25)
    paged = ok(client, path, **params, per_page=100)

    items = _ndjson(client, path, format="ndjson", **params)

    assert len(items) == paged["total_items"]
    assert items == paged["contents"]
    for item in items:
        assert_valid(item, schema)


# --- Organizations ----------------------------------------------------------------------------


def test_the_organizations_list_validates(client, hsds_lines):
    data = ok(client, "/organizations/")

    assert_valid_page(data, "compiled/organization_list.json")
    assert [org["name"] for org in data["contents"]] == [
        "Borås Stad",
        "Polismyndigheten",
        "Rädda Barnen",
        "SOS Alarm",
    ]
    assert all("services" not in org for org in data["contents"])


def test_organizations_with_full_or_full_service_nest_their_services(client, hsds_lines):
    plain = ok(client, "/organizations/", full="true")
    nested = ok(client, "/organizations/", full_service="true")

    for org in plain["contents"]:
        assert_valid(org, "organization.json")
        for service in org["services"]:
            assert_valid(service, LISTED_SERVICE)
            assert "schedules" not in service
    for org in nested["contents"]:
        for service in org["services"]:
            assert_valid(service, FULL_SERVICE)
            assert service["organization_id"] == org["id"]
    assert sum(len(org["services"]) for org in nested["contents"]) == 4


def test_an_organization_has_its_services_by_id_and_full_with_full_service(client, hsds_lines):
    org = str(hsds_lines["orostelefonen"].organisation_uuid)

    data = ok(client, f"/organizations/{org}/")
    full = ok(client, f"/organizations/{org}", full_service="1")

    assert_valid(data, "organization.json")
    assert data["name"] == "Rädda Barnen"
    assert [s["id"] for s in data["services"]] == [service_of(hsds_lines, "orostelefonen")]
    assert_valid(full["services"][0], FULL_SERVICE)
    assert "schedules" in full["services"][0]


def test_organizations_can_be_searched(client, hsds_lines):
    assert [org["name"] for org in ok(client, "/organizations/", search="rädda")["contents"]] == [
        "Rädda Barnen"
    ]


# --- Service at locations ---------------------------------------------------------------------


def test_service_at_locations_lists_the_lines_with_a_visiting_address(client, hsds_lines):
    data = ok(client, "/service_at_locations/")
    full = ok(client, "/service_at_locations/", full="true")

    assert_valid_page(data, "compiled/service_at_location_list.json")
    [item] = data["contents"]
    assert item["service_id"] == service_of(hsds_lines, "boras-stad-socialtjansten")
    assert_valid(item["service"], LISTED_SERVICE)
    [nested] = full["contents"]
    assert_valid(nested, "service_at_location.json")
    assert_valid(nested["service"], FULL_SERVICE)
    assert nested["service"]["schedules"]


def test_a_service_at_location_by_id_validates_and_is_fully_nested(client, hsds_lines):
    item = ok(client, "/service_at_locations/")["contents"][0]

    data = ok(client, f"/service_at_locations/{item['id']}/")

    assert_valid(data, "service_at_location.json")
    assert_valid(data["service"], FULL_SERVICE)
    assert data["location"] == item["location"]


def test_service_at_locations_filter_by_postcode(client, hsds_lines):
    assert ok(client, "/service_at_locations/", postcode="50338")["total_items"] == 1
    assert ok(client, "/service_at_locations/", postcode="503 38")["total_items"] == 1
    assert ok(client, "/service_at_locations/", postcode="11122")["total_items"] == 0


def test_proximity_is_refused_with_a_reason(client, hsds_lines):
    response = get(client, "/service_at_locations/", postcode="50338", proximity="1000")

    assert response.status_code == 400
    assert response.json()["parameter"] == "proximity"
    assert "postcode" in response.json()["message"]


# --- Taxonomies -------------------------------------------------------------------------------


def test_the_topics_and_audiences_are_two_taxonomies_with_stable_ids(client, hsds_lines):
    data = ok(client, "/taxonomies/")

    assert_valid_page(data, "taxonomy.json")
    assert [t["id"] for t in data["contents"]] == [str(hsds.TOPICS.id), str(hsds.AUDIENCES.id)]
    assert str(hsds.TOPICS.id) == str(uuid.uuid5(hsds.TAXONOMY_NAMESPACE, "taxonomy:topics"))
    one = ok(client, f"/taxonomies/{hsds.AUDIENCES.id}")
    assert_valid(one, "taxonomy.json")
    assert one == data["contents"][1]


def test_the_terms_are_every_topic_and_audience(client, hsds_lines):
    data = ok(client, "/taxonomy_terms/", per_page=100)

    assert_valid_page(data, "taxonomy_term.json")
    codes = {(t["taxonomy_id"], t["code"]) for t in data["contents"]}
    assert (str(hsds.TOPICS.id), "heder") in codes
    assert (str(hsds.AUDIENCES.id), "anhoriga") in codes
    term = ok(client, f"/taxonomy_terms/{hsds.TOPICS.term_id('extremism')}/")
    assert_valid(term, "taxonomy_term.json")
    assert (term["name"], term["description"]) == ("Våldsbejakande extremism", "Om extremism.")


def test_the_terms_filter_by_taxonomy_parent_and_top_only(client, hsds_lines):
    topics = ok(client, "/taxonomy_terms/", taxonomy_id=str(hsds.TOPICS.id))
    top = ok(client, "/taxonomy_terms/", top_only="true", per_page=100)
    children = ok(client, "/taxonomy_terms/", parent_id=str(hsds.TOPICS.term_id("heder")))

    assert {t["code"] for t in topics["contents"]} == {"extremism", "heder"}
    assert top["total_items"] == ok(client, "/taxonomy_terms/")["total_items"]
    assert children["total_items"] == 0
    assert [t["code"] for t in ok(client, "/taxonomy_terms/", search="heder")["contents"]] == ["heder"]


# --- Errors -----------------------------------------------------------------------------------


ENDPOINTS_WITH_IDS = [
    "/services",
    "/organizations",
    "/service_at_locations",
    "/taxonomies",
    "/taxonomy_terms",
]


@pytest.mark.parametrize(
    ("path", "parameter"),
    [
        ("/services/", "fulll"),
        ("/services/", "full_service"),
        ("/services/", "postcode"),
        ("/organizations/", "organization_id"),
        ("/taxonomies/", "taxonomy_id"),
        ("/taxonomy_terms/", "full"),
        ("/service_at_locations/", "minimal"),
        ("/", "page"),
        ("/openapi.json", "x"),
    ],
)
def test_a_parameter_the_endpoint_does_not_take_is_a_json_400_naming_it(client, hsds_lines, path, parameter):
    response = get(client, path, **{parameter: "1"})

    assert response.status_code == 400
    body = response.json()
    assert_valid(body, error_schema())
    assert body["parameter"] == parameter
    assert parameter in body["message"]


def test_a_parameter_of_another_endpoint_is_refused_on_an_item_too(client, hsds_lines):
    response = get(client, f"/services/{service_of(hsds_lines, '112')}/", full="true")

    assert response.status_code == 400
    assert response.json()["parameter"] == "full"


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
        ("minimal=true&per_page=1001", "per_page"),
        ("format=ndjson&per_page=1000", "per_page"),
        ("modified_after=yesterday", "modified_after"),
        ("modified_after=2026-13-45", "modified_after"),
        ("modified_after=2026-02-30T25:00:00", "modified_after"),
        ("modified_after=%00", "modified_after"),
        ("modified_after=9999-12-31T23:59:59-14:00", "modified_after"),
        ("modified_after=0001-01-01T00:00:00%2B14:00", "modified_after"),
        ("organization_id=nope", "organization_id"),
        ("taxonomy_term_id=123", "taxonomy_term_id"),
        ("taxonomy_id=%00", "taxonomy_id"),
        ("full=maybe", "full"),
        ("minimal=2", "minimal"),
        ("format=xml", "format"),
    ],
)
def test_a_bad_value_gets_a_clear_json_400(client, hsds_lines, query, parameter):
    response = client.get(f"{API}/services/?{query}")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert_valid(body, error_schema())
    assert body["parameter"] == parameter
    assert parameter in body["message"]


@pytest.mark.parametrize("path", ENDPOINTS_WITH_IDS)
def test_an_id_that_is_not_a_uuid_is_a_json_400(client, hsds_lines, path):
    response = get(client, f"{path}/nope/")

    assert response.status_code == 400
    assert response.json()["parameter"] == "id"


@pytest.mark.parametrize("path", ENDPOINTS_WITH_IDS)
def test_an_unknown_id_is_a_json_404(client, hsds_lines, path):
    response = get(client, f"{path}/00000000-0000-0000-0000-000000000000")

    assert response.status_code == 404
    assert_valid(response.json(), error_schema())
    assert response.json()["error"] == "not_found"


@pytest.mark.parametrize("path", ["/nope", "/services/x/y/", "/locations/", "/services.json", "/%00"])
def test_an_unknown_path_under_the_api_is_a_json_404(client, hsds_lines, path):
    response = get(client, path)

    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


def test_the_api_refuses_to_change_anything_in_json_even_with_csrf_checks(hsds_lines):
    client = Client(enforce_csrf_checks=True)

    response = client.post(f"{API}/services/", {})

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert_valid(response.json(), error_schema())


@pytest.mark.parametrize("value", ["%00", "'; DROP TABLE support_supportcontact; --", "x" * 5000, "<script>"])
def test_an_odd_search_is_an_empty_result(client, hsds_lines, value):
    response = client.get(f"{API}/services/", {"search": value})

    assert response.status_code == 200
    assert response.json()["total_items"] == 0


@pytest.mark.parametrize("page", ["50", "99999999999999999999999999"])
def test_a_page_past_the_end_is_empty_not_an_error(client, hsds_lines, page):
    data = ok(client, "/services/", page=page)

    assert_valid_page(data, LISTED_SERVICE)
    assert data["contents"] == [] and data["empty"]


def test_inactive_services_are_not_exported(client, hsds_lines):
    contact = hsds_lines["orostelefonen"]
    contact.is_active = False
    contact.save()

    assert get(client, f"/services/{contact.uuid}/").status_code == 404
    assert ok(client, "/services/")["total_items"] == 3


# --- Query counts -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "queries"),
    [
        ("/services/", 3),  # count, page, audiences
        ("/services/?full=true", 9),  # + topics, languages, phones, their languages, hours, exceptions
        ("/services/?minimal=true", 2),
        ("/services/?taxonomy_term_id=" + str(hsds.AUDIENCES.term_id("alla")), 5),  # + topics, audiences
        (
            "/services/?organization_id="
            + str(SupportContact(organisation="Rädda Barnen").organisation_uuid),
            4,
        ),
        ("/organizations/", 1),
        ("/organizations/?full_service=true", 9),
        ("/service_at_locations/", 3),
        ("/service_at_locations/?full=true", 9),
        ("/taxonomies/", 0),
        ("/taxonomy_terms/", 2),
    ],
)
def test_the_lists_run_a_fixed_number_of_queries(
    client, hsds_lines, django_assert_num_queries, path, queries
):
    with django_assert_num_queries(queries):
        assert client.get(API + path).status_code == 200
    add_contacts(10)
    for index in range(3):
        make_contact(
            f"walk-in-{index}",
            street_address="Storgatan 1",
            postal_code="503 30",
            city="Borås",
            county="Västra Götalands län",
            phones=["033-35 70 00"],
        )
    with django_assert_num_queries(queries):
        assert client.get(API + path).status_code == 200


# --- Every endpoint with every parameter, against the schemas ---------------------------------

ORG = str(SupportContact(organisation="Borås Stad").organisation_uuid)
TERM = str(hsds.TOPICS.term_id("heder"))
SERVICE_FILTERS = [
    {},
    {"search": "borås"},
    {"page": "1", "per_page": "2"},
    {"format": "json"},
    {"taxonomy_term_id": TERM},
    {"taxonomy_id": str(hsds.TOPICS.id)},
    {"organization_id": ORG},
    {"modified_after": "2000-01-01"},
    {"full": "true"},
    {"full": "false"},
]
EVERY_CALL = [
    *(
        ("/services", params, LISTED_SERVICE, True)
        for params in SERVICE_FILTERS
        if params.get("full") != "true"
    ),
    *(("/services", {**params, "full": "true"}, FULL_SERVICE, True) for params in SERVICE_FILTERS),
    ("/services", {"minimal": "true", "modified_after": "2000-01-01"}, LISTED_SERVICE, True),
    *(
        ("/service_at_locations", params, "compiled/service_at_location_list.json", True)
        for params in SERVICE_FILTERS
    ),
    ("/service_at_locations", {"postcode": "50338", "full": "true"}, "service_at_location.json", True),
    (
        "/organizations",
        {"search": "borås", "page": "1", "per_page": "5", "format": "json"},
        "organization.json",
        True,
    ),
    ("/organizations", {"full": "true"}, "organization.json", True),
    ("/organizations", {"full_service": "true"}, "organization.json", True),
    (
        "/taxonomies",
        {"search": "support", "page": "1", "per_page": "1", "format": "json"},
        "taxonomy.json",
        True,
    ),
    (
        "/taxonomy_terms",
        {"search": "h", "page": "1", "per_page": "5", "format": "json", "taxonomy_id": str(hsds.TOPICS.id)},
        "taxonomy_term.json",
        True,
    ),
    ("/taxonomy_terms", {"top_only": "true"}, "taxonomy_term.json", True),
    ("/taxonomy_terms", {"parent_id": TERM}, "taxonomy_term.json", True),
    (f"/organizations/{ORG}", {}, "organization.json", False),
    (f"/organizations/{ORG}", {"full_service": "true"}, "organization.json", False),
    (f"/taxonomies/{hsds.TOPICS.id}", {}, "taxonomy.json", False),
    (f"/taxonomy_terms/{TERM}", {}, "taxonomy_term.json", False),
]


@pytest.mark.parametrize(("path", "params", "schema", "paged"), EVERY_CALL)
def test_every_endpoint_with_every_parameter_answers_valid_hsds(
    client, hsds_lines, path, params, schema, paged
):
    data = ok(client, path, **params)

    if paged:
        assert_valid_page(data, schema)
        items = data["contents"]
    else:
        assert_valid(data, schema)
        items = [data]
    for item in items:
        for service in item.get("services", []):
            assert_valid(service, FULL_SERVICE if "schedules" in service else LISTED_SERVICE)
        if "service" in item:
            assert_valid(item["service"], FULL_SERVICE if "schedules" in item["service"] else LISTED_SERVICE)


def test_a_service_and_a_service_at_location_by_id_validate(client, hsds_lines):
    social = hsds_lines["boras-stad-socialtjansten"]

    assert_valid(ok(client, f"/services/{social.uuid}"), FULL_SERVICE)
    link = ok(client, f"/service_at_locations/{hsds.service_at_location_id(social.uuid)}")
    assert_valid(link, "service_at_location.json")
    assert_valid(link["service"], FULL_SERVICE)
