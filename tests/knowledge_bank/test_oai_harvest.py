"""A real harvester, Sickle, harvests /oai/ from a running server, page by page."""

import datetime

import pytest
from django.utils import timezone
from sickle import Sickle
from sickle.iterator import OAIResponseIterator

from cks_portal.core.publishing import State
from tests.factories import make_publication, make_topic

pytestmark = pytest.mark.django_db(transaction=True)


def identifier(publication):
    return f"oai:boras.se:kunskapsbank/{publication.pk}"


@pytest.fixture
def collection(settings):
    """Eight published publications, two withdrawn after publishing, a draft and a scheduled
    one; three records to a page."""
    settings.OAI_PAGE_SIZE = 3
    topic = make_topic("radikalisering", "Radikalisering")
    published = [
        make_publication(
            f"Rapport {number}",
            slug=f"rapport-{number}",
            authors=[("Andersson", "Anna"), ("Borås Stad", "")],
            topics=[topic],
            type="guide" if number % 2 else "report",
        )
        for number in range(8)
    ]
    withdrawn = []
    for number in range(2):
        publication = make_publication(f"Indragen {number}", slug=f"indragen-{number}")
        publication.refresh_from_db()
        publication.state = State.WITHDRAWN
        publication.save()
        withdrawn.append(publication)
    make_publication("Utkast", slug="utkast", state=State.DRAFT)
    make_publication(
        "Kommande",
        slug="kommande",
        state=State.SCHEDULED,
        publish_at=timezone.now() + datetime.timedelta(days=3),
    )
    return published, withdrawn


def test_a_full_harvest_returns_every_publication_once_and_the_withdrawn_as_deleted(live_server, collection):
    published, withdrawn = collection
    harvester = Sickle(f"{live_server.url}/oai/", timeout=30)
    records = list(harvester.ListRecords(metadataPrefix="oai_dc"))
    identifiers = [record.header.identifier for record in records]
    assert len(identifiers) == len(set(identifiers)) == 10
    assert {record.header.identifier for record in records if not record.deleted} == {
        identifier(publication) for publication in published
    }
    assert {record.header.identifier for record in records if record.deleted} == {
        identifier(publication) for publication in withdrawn
    }
    first = next(record for record in records if record.header.identifier == identifier(published[0]))
    assert first.metadata["title"] == ["Rapport 0"]
    assert first.metadata["creator"] == ["Andersson, Anna", "Borås Stad"]
    assert first.header.setSpecs == ["type:report", "topic:radikalisering"]


def test_the_harvest_takes_several_pages_by_post_too(live_server, collection):
    harvester = Sickle(
        f"{live_server.url}/oai/", http_method="POST", iterator=OAIResponseIterator, timeout=30
    )
    pages = list(harvester.ListIdentifiers(metadataPrefix="mods"))
    assert len(pages) == 4  # ten records, three to a page
    token = pages[-1].xml.find(".//{http://www.openarchives.org/OAI/2.0/}resumptionToken")
    assert token.text is None
    assert token.get("completeListSize") == "10"


def test_a_harvester_reads_identify_the_sets_and_one_record_in_mods(live_server, collection):
    published, _withdrawn = collection
    harvester = Sickle(f"{live_server.url}/oai/", timeout=30)
    identify = harvester.Identify()
    assert identify.deletedRecord == "transient"
    assert identify.granularity == "YYYY-MM-DDThh:mm:ssZ"
    specs = [item.setSpec for item in harvester.ListSets()]
    assert {"type:guide", "type:report", "topic:radikalisering"} <= set(specs)
    formats = [item.metadataPrefix for item in harvester.ListMetadataFormats()]
    assert formats == ["oai_dc", "mods"]
    record = harvester.GetRecord(identifier=identifier(published[1]), metadataPrefix="mods")
    assert record.metadata["title"] == ["Rapport 1"]
    assert record.metadata["namePart"] == ["Andersson", "Anna", "Borås Stad"]
