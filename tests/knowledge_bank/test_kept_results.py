"""A knowledge-bank result's title and facts are kept rendered per publication, language and
content generation (knowledge_bank/_result.html). The authors are printed only there, so they
are read only for the results that are not kept (search.with_authors_unless_kept)."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_publication

pytestmark = pytest.mark.django_db

AUTHORS_TABLE = "knowledge_bank_publicationauthor"


@pytest.fixture
def reports(db):
    for n in range(3):
        make_publication(f"Rapport om gängkriminalitet {n}", authors=[(f"Lind{n}", "Anna"), ("Berg", "Omar")])


def get(client, path):
    with CaptureQueriesContext(connection) as queries:
        html = client.get(path).content.decode()
    return html, [q["sql"] for q in queries.captured_queries if AUTHORS_TABLE in q["sql"]]


def test_a_page_of_kept_results_reads_no_author(client, reports):
    first, author_queries = get(client, "/kunskapsbank/?q=gängkriminalitet")
    assert "Anna Lind0" in first
    assert len(author_queries) == 1

    again, author_queries = get(client, "/kunskapsbank/?q=gängkriminalitet")
    assert author_queries == []
    assert "Anna Lind0" in again and "Omar Berg" in again


def test_results_that_are_not_kept_get_their_authors_in_one_query(client, reports):
    get(client, "/kunskapsbank/?q=gängkriminalitet")
    caches["frame"].clear()  # another worker, or a fragment dropped as the least recently used

    html, author_queries = get(client, "/kunskapsbank/?q=gängkriminalitet")
    assert len(author_queries) == 1
    assert "Anna Lind2" in html


def test_another_language_renders_its_own_results_with_their_authors(client, reports):
    get(client, "/kunskapsbank/?q=gängkriminalitet")

    html, author_queries = get(client, "/en/kunskapsbank/?q=gängkriminalitet")
    assert len(author_queries) == 1
    assert "Anna Lind1" in html


def test_a_save_shows_a_changed_author_at_once(client, reports):
    get(client, "/kunskapsbank/?q=gängkriminalitet")
    from knowledge_bank.models import Author

    author = Author.objects.get(family_name="Berg")
    author.family_name = "Bergström"
    author.save()

    html, _queries = get(client, "/kunskapsbank/?q=gängkriminalitet")
    assert "Omar Bergström" in html
