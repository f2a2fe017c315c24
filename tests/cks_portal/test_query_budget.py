"""Every public page stays within 10 SQL queries, and the number does not grow with the data."""

import io

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from knowledge_bank.models import Publication
from news.models import Event, NewsItem

BUDGET = 10


def public_urls():
    news = NewsItem.objects.published().exclude(slug__startswith="scale-").first()
    event = Event.objects.published().exclude(slug__startswith="scale-").first()
    publication = Publication.objects.published().exclude(slug__startswith="scale-").first()
    return [
        "/",
        "/en/",
        "/nyheter/",
        news.get_absolute_url(),
        "/nyheter/rss/",
        "/kalender/",
        "/kalender/tidigare/",
        event.get_absolute_url(),
        "/kalender/kalender.ics",
        "/stod/",
        "/stod/?language=sv",
        "/stod/orostelefonen/",
        "/kunskapsbank/",
        "/kunskapsbank/?q=radikalisering&language=sv",
        "/kunskapsbank/?q=radikalisering&page=2",
        publication.get_absolute_url(),
        "/sok/?q=radikalisering",
        "/om-oss/",
    ]


def query_counts(client):
    """Each page's queries with nothing kept rendered (as in a worker that has just started):
    a page reads less when another page already rendered some of its items (a knowledge-bank
    result's authors, for one), and the budget is for the page that reads the most."""
    counts = {}
    for url in public_urls():
        caches["frame"].clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(queries)
    return counts


@pytest.mark.django_db
def test_every_public_page_stays_within_the_query_budget_whatever_the_data_size(client, small_site):
    small = query_counts(client)
    call_command("load_scale_data", 60, contacts=10, text_chars=400, verbosity=0, stdout=io.StringIO())

    large = query_counts(client)

    assert large == small
    assert max(small.values()) <= BUDGET, small
