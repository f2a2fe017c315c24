"""OAI-PMH at /oai/: every verb and every error, each answer validated against the protocol's
schema and the schemas of oai_dc and MODS (tests/knowledge_bank/schemas)."""

import datetime
import gzip

import hypothesis
import pytest
import time_machine
from django.core import signing
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from hypothesis import strategies as st

from cks_portal.core.models import validate_page_slug
from cks_portal.core.publishing import State
from knowledge_bank import oai
from tests.factories import make_publication, make_topic
from tests.knowledge_bank.oai_schemas import validate

pytestmark = pytest.mark.django_db

NS = {
    "oai": oai.OAI,
    "dc": oai.DC,
    "oai_dc": oai.OAI_DC,
    "mods": oai.MODS,
    "id": oai.OAI_IDENTIFIER,
}
START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


def harvest(client, method="get", **params):
    """The validated answer to a request with `params` as its arguments."""
    response = getattr(client, method)("/oai/", params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    return validate(response.content)


def error_code(document):
    errors = document.findall("oai:error", NS)
    return errors[0].get("code") if errors else None


def texts(document, path):
    return [element.text for element in document.findall(path, NS)]


def identifier(publication):
    return f"oai:boras.se:kunskapsbank/{publication.pk}"


def withdraw(publication):
    publication.refresh_from_db()  # as the admin's form and bulk action load it
    publication.state = State.WITHDRAWN
    publication.save()
    return publication


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


@pytest.fixture
def library(clock):
    """Four published publications a minute apart, a draft, a scheduled one and a withdrawn
    one, by name."""
    radical = make_topic("radikalisering", "Radikalisering")
    honour = make_topic("hedersrelaterat-vald", "Hedersrelaterat våld")
    found = {}
    for number, (name, kind, topics) in enumerate(
        [
            ("rapport", "report", [radical]),
            ("handbok", "guide", [radical, honour]),
            ("film", "film", []),
            ("artikel", "article", [honour]),
        ]
    ):
        clock.move_to(START + datetime.timedelta(minutes=number))
        found[name] = make_publication(
            f"Titel {name}",
            slug=name,
            type=kind,
            topics=topics,
            authors=[("Andersson", "Anna"), ("Borås Stad", "")],
            publisher="Borås Stad",
            publish_at=timezone.now(),
        )
    clock.move_to(START + datetime.timedelta(minutes=10))
    found["draft"] = make_publication("Utkast", slug="utkast", state=State.DRAFT)
    found["scheduled"] = make_publication(
        "Kommande", slug="kommande", state=State.SCHEDULED, publish_at=START + datetime.timedelta(days=2)
    )
    found["withdrawn"] = withdraw(make_publication("Indragen", slug="indragen", topics=[honour]))
    return found


# --- Identify, ListMetadataFormats, ListSets -------------------------------------------------


def test_identify_describes_the_repository(client, library):
    document = harvest(client, verb="Identify")
    identify = document.find("oai:Identify", NS)
    assert identify.findtext("oai:baseURL", namespaces=NS) == "http://testserver/oai/"
    assert identify.findtext("oai:protocolVersion", namespaces=NS) == "2.0"
    assert identify.findtext("oai:adminEmail", namespaces=NS) == "boras.stad@boras.se"
    assert identify.findtext("oai:earliestDatestamp", namespaces=NS) == "2026-03-02T09:00:00Z"
    assert identify.findtext("oai:deletedRecord", namespaces=NS) == "transient"
    assert identify.findtext("oai:granularity", namespaces=NS) == "YYYY-MM-DDThh:mm:ssZ"
    assert texts(document, ".//id:repositoryIdentifier") == ["boras.se"]
    assert document.find("oai:request", NS).attrib == {"verb": "Identify"}


def test_identify_answers_on_an_empty_knowledge_bank(client):
    harvest(client, verb="Identify")


def test_the_repository_identifier_comes_from_the_settings(client, library, settings):
    settings.OAI_REPOSITORY_IDENTIFIER = "cks.example.se"
    document = harvest(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    assert texts(document, ".//oai:identifier")[0].startswith("oai:cks.example.se:kunskapsbank/")


def test_list_metadata_formats_offers_dublin_core_and_mods(client, library):
    document = harvest(client, verb="ListMetadataFormats")
    assert texts(document, ".//oai:metadataPrefix") == ["oai_dc", "mods"]
    assert texts(document, ".//oai:metadataNamespace") == [oai.OAI_DC, oai.MODS]
    for_one = harvest(client, verb="ListMetadataFormats", identifier=identifier(library["rapport"]))
    assert texts(for_one, ".//oai:metadataPrefix") == ["oai_dc", "mods"]


def test_a_withdrawn_publication_has_no_metadata_formats(client, library):
    document = harvest(client, verb="ListMetadataFormats", identifier=identifier(library["withdrawn"]))
    assert error_code(document) == "noMetadataFormats"


def test_list_sets_names_the_types_and_topics(client, library):
    document = harvest(client, verb="ListSets")
    specs = texts(document, ".//oai:setSpec")
    assert specs[:2] == ["type", "type:report"]
    assert {"topic", "topic:radikalisering", "topic:hedersrelaterat-vald", "type:film"} <= set(specs)
    names = dict(zip(specs, texts(document, ".//oai:setName"), strict=True))
    assert names["type:report"] == "Rapport"
    assert names["topic:hedersrelaterat-vald"] == "Hedersrelaterat våld"


# --- Records -------------------------------------------------------------------------------


def test_get_record_in_dublin_core(client, library):
    publication = library["handbok"]
    publication.refresh_from_db()
    publication.doi = "10.1234/abcd"
    publication.isbn = "978-91-0000-000-0"
    publication.save()
    document = harvest(client, verb="GetRecord", identifier=identifier(publication), metadataPrefix="oai_dc")
    header = document.find(".//oai:header", NS)
    assert header.findtext("oai:identifier", namespaces=NS) == identifier(publication)
    assert header.findtext("oai:datestamp", namespaces=NS) == "2026-03-02T09:10:00Z"
    assert texts(header, "oai:setSpec") == [
        "type:guide",
        "topic:hedersrelaterat-vald",
        "topic:radikalisering",
    ]
    dc = document.find(".//oai_dc:dc", NS)
    assert texts(dc, "dc:title") == ["Titel handbok"]
    # An organisation is one name, a person "Family, Given".
    assert texts(dc, "dc:creator") == ["Andersson, Anna", "Borås Stad"]
    assert texts(dc, "dc:subject") == ["Hedersrelaterat våld", "Radikalisering"]
    assert texts(dc, "dc:identifier") == [
        "http://testserver/kunskapsbank/handbok/",
        "https://doi.org/10.1234/abcd",
        "urn:isbn:978-91-0000-000-0",
    ]
    assert texts(dc, "dc:type") == ["Text", "Vägledning eller handbok"]
    assert texts(dc, "dc:language") == ["sv"]
    assert texts(dc, "dc:date") == ["2020"]


def test_get_record_in_mods(client, library):
    publication = library["rapport"]
    publication.refresh_from_db()
    publication.subtitle = "En uppföljning"
    publication.date = datetime.date(2020, 2, 14)
    publication.save()
    document = harvest(client, verb="GetRecord", identifier=identifier(publication), metadataPrefix="mods")
    record = document.find(".//mods:mods", NS)
    assert record.findtext("mods:titleInfo/mods:subTitle", namespaces=NS) == "En uppföljning"
    names = record.findall("mods:name", NS)
    assert [name.get("type") for name in names] == ["personal", "corporate"]
    assert texts(names[0], "mods:namePart") == ["Andersson", "Anna"]
    assert texts(names[1], "mods:namePart") == ["Borås Stad"]
    assert record.findtext("mods:originInfo/mods:dateIssued", namespaces=NS) == "2020-02-14"
    assert record.findtext("mods:originInfo/mods:publisher", namespaces=NS) == "Borås Stad"
    assert record.findtext("mods:recordInfo/mods:recordIdentifier", namespaces=NS) == identifier(publication)


def test_a_publication_with_a_file_links_to_it(client, clock):
    publication = make_publication("Med fil", pdf=["Ett stycke."])
    document = harvest(client, verb="GetRecord", identifier=identifier(publication), metadataPrefix="mods")
    urls = texts(document, ".//mods:location/mods:url")
    assert urls == [
        f"http://testserver/kunskapsbank/{publication.slug}/",
        f"http://testserver/kunskapsbank/{publication.slug}/fil/",
    ]
    dc = harvest(client, verb="GetRecord", identifier=identifier(publication), metadataPrefix="oai_dc")
    assert texts(dc, ".//dc:format") == ["application/pdf"]


def test_text_is_escaped_and_characters_xml_cannot_hold_are_dropped(client, clock):
    publication = make_publication('<b>Fet</b> & "citat"\x0b\x1f', summary="Rad\x01ett <script>")
    document = harvest(client, verb="GetRecord", identifier=identifier(publication), metadataPrefix="oai_dc")
    assert texts(document, ".//dc:title") == ['<b>Fet</b> & "citat"']
    assert texts(document, ".//dc:description") == ["Radett <script>"]


def test_drafts_scheduled_and_never_public_withdrawn_publications_do_not_appear(client, library):
    never_public = make_publication("Hemlig", slug="hemlig", state=State.DRAFT)
    withdraw(never_public)
    document = harvest(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    shown = texts(document, ".//oai:identifier")
    for name in ("draft", "scheduled"):
        assert identifier(library[name]) not in shown
    assert identifier(never_public) not in shown
    for name in ("draft", "scheduled"):
        found = harvest(
            client, verb="GetRecord", identifier=identifier(library[name]), metadataPrefix="oai_dc"
        )
        assert error_code(found) == "idDoesNotExist"


def test_a_withdrawn_publication_is_a_deleted_record(client, library, clock):
    clock.move_to(START + datetime.timedelta(hours=1))
    withdraw(library["rapport"])
    document = harvest(client, verb="ListRecords", metadataPrefix="oai_dc")
    deleted = [
        record
        for record in document.findall(".//oai:record", NS)
        if record.find("oai:header", NS).get("status") == "deleted"
    ]
    assert [record.findtext("oai:header/oai:identifier", namespaces=NS) for record in deleted] == [
        identifier(library["withdrawn"]),
        identifier(library["rapport"]),
    ]
    assert all(record.find("oai:metadata", NS) is None for record in deleted)
    assert deleted[1].findtext("oai:header/oai:datestamp", namespaces=NS) == "2026-03-02T10:00:00Z"
    one = harvest(client, verb="GetRecord", identifier=identifier(library["rapport"]), metadataPrefix="mods")
    assert one.find(".//oai:header", NS).get("status") == "deleted"
    assert one.find(".//oai:metadata", NS) is None


def test_a_scheduled_publication_enters_with_its_publish_time_as_datestamp(client, library, clock):
    clock.move_to(START + datetime.timedelta(days=2, seconds=30))
    document = harvest(client, verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": "2026-03-04"})
    assert texts(document, ".//oai:identifier") == [identifier(library["scheduled"])]
    assert texts(document, ".//oai:datestamp") == ["2026-03-04T09:00:00Z"]


# --- Selective harvesting ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bounds", "expected"),
    [
        ({"from": "2026-03-02T09:01:00Z"}, ["handbok", "film", "artikel", "withdrawn"]),
        ({"until": "2026-03-02T09:01:00Z"}, ["rapport", "handbok"]),
        ({"from": "2026-03-02T09:01:00Z", "until": "2026-03-02T09:02:00Z"}, ["handbok", "film"]),
        (
            {"from": "2026-03-02", "until": "2026-03-02"},
            ["rapport", "handbok", "film", "artikel", "withdrawn"],
        ),
        ({"until": "2026-03-01"}, None),
        ({"from": "2026-03-03"}, None),
    ],
)
def test_from_and_until_include_the_moments_they_name(client, library, bounds, expected):
    # Datestamps: rapport 09:00, handbok 09:01, film 09:02, artikel 09:03, withdrawn 09:10.
    document = harvest(client, verb="ListIdentifiers", metadataPrefix="oai_dc", **bounds)
    if expected is None:
        assert error_code(document) == "noRecordsMatch"
    else:
        assert texts(document, ".//oai:identifier") == [identifier(library[name]) for name in expected]


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("type", ["rapport", "handbok", "film", "artikel", "withdrawn"]),
        ("type:film", ["film"]),
        ("topic", ["rapport", "handbok", "artikel", "withdrawn"]),
        ("topic:hedersrelaterat-vald", ["handbok", "artikel", "withdrawn"]),
        ("topic:okant", None),
        ("type:okand", None),
        ("annat", None),
    ],
)
def test_a_set_narrows_the_list(client, library, spec, expected):
    document = harvest(client, verb="ListIdentifiers", metadataPrefix="mods", set=spec)
    if expected is None:
        assert error_code(document) == "noRecordsMatch"
    else:
        assert texts(document, ".//oai:identifier") == [identifier(library[name]) for name in expected]


# --- Resumption ----------------------------------------------------------------------------


@pytest.mark.parametrize("verb", ["ListIdentifiers", "ListRecords"])
def test_a_long_list_comes_in_pages(client, library, settings, verb):
    settings.OAI_PAGE_SIZE = 2
    seen, cursors = [], []
    document = harvest(client, verb=verb, metadataPrefix="oai_dc")
    while True:
        seen += texts(document, ".//oai:header/oai:identifier")
        token = document.find(".//oai:resumptionToken", NS)
        cursors.append((token.get("cursor"), token.get("completeListSize")))
        if not token.text:
            break
        assert token.get("expirationDate") == "2026-03-03T09:10:00Z"
        document = harvest(client, verb=verb, resumptionToken=token.text)
        assert document.find("oai:request", NS).attrib == {"verb": verb, "resumptionToken": token.text}
    assert seen == [
        identifier(library[name]) for name in ("rapport", "handbok", "film", "artikel", "withdrawn")
    ]
    assert cursors == [("0", "5"), ("2", "5"), ("4", "5")]


def test_a_list_that_fits_one_page_has_no_resumption_token(client, library):
    document = harvest(client, verb="ListRecords", metadataPrefix="oai_dc")
    assert document.find(".//oai:resumptionToken", NS) is None


def test_a_publication_changed_during_a_harvest_is_not_lost(client, library, settings, clock):
    settings.OAI_PAGE_SIZE = 2
    first = harvest(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    token = first.find(".//oai:resumptionToken", NS).text
    clock.move_to(START + datetime.timedelta(minutes=30))
    library["rapport"].save()  # already sent: it moves to the end of the list
    second = harvest(client, verb="ListIdentifiers", resumptionToken=token)
    assert texts(second, ".//oai:identifier") == [identifier(library["film"]), identifier(library["artikel"])]


def test_a_resumption_token_expires(client, library, settings, clock):
    settings.OAI_PAGE_SIZE = 2
    first = harvest(client, verb="ListRecords", metadataPrefix="oai_dc")
    token = first.find(".//oai:resumptionToken", NS).text
    clock.move_to(START + datetime.timedelta(days=1, minutes=11))
    assert error_code(harvest(client, verb="ListRecords", resumptionToken=token)) == "badResumptionToken"


@pytest.mark.parametrize(
    "token",
    [
        "nonsense",
        signing.dumps({"v": "ListRecords"}, salt=oai.TOKEN_SALT),
        signing.dumps({"v": "ListRecords", "m": "oai_dc"}, salt="another salt"),
        "list-identifiers-token",
    ],
    # Signed tokens differ from one collection to the next (they carry the time): fixed ids let
    # every pytest-xdist worker collect the same tests.
    ids=["nonsense", "missing-metadata-prefix", "wrong-salt", "list-identifiers-token"],
)
def test_a_bad_resumption_token_is_refused(client, library, settings, token):
    settings.OAI_PAGE_SIZE = 2
    if token == "list-identifiers-token":
        first = harvest(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
        token = first.find(".//oai:resumptionToken", NS).text
    document = harvest(client, verb="ListRecords", resumptionToken=token)
    assert error_code(document) == "badResumptionToken"
    assert document.find("oai:request", NS).get("resumptionToken") == token


# --- Errors --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({}, "badVerb"),
        ({"verb": "Nonsense"}, "badVerb"),
        ({"verb": ["Identify", "Identify"]}, "badVerb"),
        ({"verb": "Identify", "extra": "1"}, "badArgument"),
        ({"verb": "ListRecords"}, "badArgument"),
        ({"verb": "GetRecord", "metadataPrefix": "oai_dc"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": ["oai_dc", "mods"]}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "yesterday"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2026-02-30"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2026-03-02T09:00:00"}, "badArgument"),
        (
            {
                "verb": "ListRecords",
                "metadataPrefix": "oai_dc",
                "from": "2026-03-02",
                "until": "2026-03-03T00:00:00Z",
            },
            "badArgument",
        ),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2026-03-03", "until": "2026-03-02"},
            "badArgument",
        ),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "a b"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "a b"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "resumptionToken": "x"}, "badArgument"),
        ({"verb": "Identify", "resumptionToken": "x"}, "badArgument"),
        ({"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "a b"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "marc21"}, "cannotDisseminateFormat"),
        (
            {"verb": "GetRecord", "metadataPrefix": "marc21", "identifier": "oai:boras.se:kunskapsbank/1"},
            "cannotDisseminateFormat",
        ),
        (
            {
                "verb": "GetRecord",
                "metadataPrefix": "oai_dc",
                "identifier": "oai:boras.se:kunskapsbank/999999",
            },
            "idDoesNotExist",
        ),
        (
            {"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "oai:boras.se:kunskapsbank/0001"},
            "idDoesNotExist",
        ),
        (
            {"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "oai:other.se:kunskapsbank/1"},
            "idDoesNotExist",
        ),
        (
            {
                "verb": "GetRecord",
                "metadataPrefix": "oai_dc",
                "identifier": "oai:boras.se:kunskapsbank/99999999999999999999",
            },
            "idDoesNotExist",
        ),
        ({"verb": "ListMetadataFormats", "identifier": "urn:x"}, "idDoesNotExist"),
        ({"verb": "ListSets", "resumptionToken": "x"}, "badResumptionToken"),
        ({"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "until": "1999-01-01"}, "noRecordsMatch"),
    ],
)
def test_every_error_is_its_protocol_code_in_a_valid_answer(client, library, params, code):
    document = harvest(client, **params)
    assert error_code(document) == code
    assert document.find("oai:error", NS).text
    request = document.find("oai:request", NS)
    assert request.text == "http://testserver/oai/"
    if code in ("badVerb", "badArgument"):
        assert request.attrib == {}


def test_an_empty_knowledge_bank_matches_no_records(client):
    assert error_code(harvest(client, verb="ListRecords", metadataPrefix="mods")) == "noRecordsMatch"


# --- HTTP ----------------------------------------------------------------------------------


def test_a_harvester_may_post_its_arguments_as_a_form(client, library):
    document = harvest(
        client,
        method="post",
        verb="GetRecord",
        metadataPrefix="oai_dc",
        identifier=identifier(library["film"]),
    )
    assert texts(document, ".//dc:title") == ["Titel film"]


def test_post_needs_no_csrf_token(library):
    strict = Client(enforce_csrf_checks=True)
    assert error_code(harvest(strict, method="post", verb="Identify")) is None


def test_head_answers_without_a_body(client, library):
    response = client.head("/oai/", {"verb": "Identify"})
    assert response.status_code == 200
    assert response.content == b""


def test_other_methods_are_refused(client):
    assert client.put("/oai/?verb=Identify").status_code == 405


def test_answers_are_never_cached(client, library, settings):
    settings.PAGE_CACHE_SECONDS = 300
    response = client.get("/oai/", {"verb": "Identify"})
    assert "no-cache" in response["Cache-Control"]
    assert client.get("/oai/")["Cache-Control"].startswith("max-age=0")
    assert "X-Page-Cache" not in client.get("/oai/").headers


def test_answers_are_compressed_for_a_harvester_that_accepts_gzip(client, library):
    # Identify announces <compression>gzip</compression>.
    response = client.get(
        "/oai/", {"verb": "ListRecords", "metadataPrefix": "mods"}, HTTP_ACCEPT_ENCODING="gzip"
    )
    assert response["Content-Encoding"] == "gzip"
    validate(gzip.decompress(response.content))


def test_no_editable_page_can_take_the_address():
    with pytest.raises(ValidationError):
        validate_page_slug("oai")


def test_a_page_of_records_costs_the_same_few_queries(client, library, settings, django_assert_num_queries):
    settings.OAI_PAGE_SIZE = 3
    # The rows, their authors and the list's size; and, once per cache generation, the next
    # scheduled change and the topics' names (knowledge_bank.selectors.topic_labels).
    with django_assert_num_queries(5):
        first = harvest(client, verb="ListRecords", metadataPrefix="mods")
    for number in range(20):
        make_publication(f"Fler {number}", authors=[("Berg", "Bo")], topics=[make_topic("radikalisering")])
    token = first.find(".//oai:resumptionToken", NS).text
    harvest(client, verb="ListRecords", resumptionToken=token)  # the new generation's names
    # A later page: the rows and their authors, however many there are; the size travels in
    # the token.
    with django_assert_num_queries(2):
        harvest(client, verb="ListRecords", resumptionToken=token)


# --- Whatever a client sends ---------------------------------------------------------------

ARGUMENT_NAMES = ["identifier", "metadataPrefix", "from", "until", "set", "resumptionToken", "other"]
odd_values = st.one_of(
    st.text(max_size=80),
    st.sampled_from(
        [
            "",
            "oai_dc",
            "mods",
            "oai:boras.se:kunskapsbank/1",
            "oai:boras.se:kunskapsbank/-1",
            "2026-03-02",
            "2026-03-02T09:00:00Z",
            "0000-01-01",
            "9999-12-31T23:59:59Z",
            "type:report",
            "topic:",
            "\x00",
            "\ufffe",
            "\u202e",
            "<script>&",
            "a" * 3000,
        ]
    ),
)


@pytest.mark.parametrize("verb", [*oai.VERBS, "identify", ""])
def test_any_arguments_get_a_valid_answer(verb, library):
    client = Client(raise_request_exception=False)

    @hypothesis.settings(
        max_examples=30, deadline=None, suppress_health_check=[hypothesis.HealthCheck.function_scoped_fixture]
    )
    @hypothesis.given(params=st.dictionaries(st.sampled_from(ARGUMENT_NAMES), odd_values, max_size=4))
    def check(params):
        response = client.get("/oai/", {"verb": verb, **params})
        assert response.status_code == 200, params
        validate(response.content)

    check()


@pytest.mark.parametrize(
    ("identifier", "echoed"),
    [
        ("oai:boras.se:kunskapsbank/1", True),
        ("oai:example.org:elsewhere/1", True),
        ("a:ä", True),
        ("relative/path", True),
        (":", False),  # found by the test above: a colon with no scheme before it
        ("1a:b", False),
        ("ä:ö", False),
        ("%zz", False),
        ("a#b#c", False),
        ("http://host:port/", False),
        ("//host:", False),  # libxml2 refuses an empty port
        ("[::1]", False),
    ],
)
@pytest.mark.parametrize("verb", ["GetRecord", "ListMetadataFormats"])
def test_an_identifier_is_written_back_only_when_the_schema_takes_it(
    library, client, verb, identifier, echoed
):
    """The answer echoes the identifier in <request> (an unknown one is idDoesNotExist); one the
    schema's anyURI refuses is a bad argument, whose <request> carries no arguments."""
    params = {"verb": verb, "identifier": identifier}
    if verb == "GetRecord":
        params["metadataPrefix"] = "oai_dc"

    response = client.get("/oai/", params)

    validate(response.content)
    assert (b"badArgument" not in response.content) is echoed
