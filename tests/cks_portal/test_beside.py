"""Statements run beside the request (cks_portal/core/beside.py), through the pages that use
them: /sok/ and the knowledge bank's search with filters. The tests commit their rows
(transaction=True), as a site does, so that another connection sees them; inside a test's
transaction everything runs on the request's own connection."""

import threading

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from cks_portal import warmup
from cks_portal.core import beside
from tests.factories import make_news, make_orostelefon, make_publication

pytestmark = pytest.mark.django_db(transaction=True)

KB = "/kunskapsbank/"


def _publication_walks(queries):
    """The statements that read publications in the newest-first order: the walks."""
    return [
        q["sql"]
        for q in queries.captured_queries
        if 'FROM "knowledge_bank_publication"' in q["sql"] and '."date" DESC NULLS LAST' in q["sql"]
    ]


def _kinds_and_titles(response):
    return [(group.kind, [result.title for result in group.results]) for group in response.context["groups"]]


def test_the_site_search_reads_the_publications_on_another_connection_and_shows_them(client, settings):
    make_publication("Radikalisering bland unga", summary="Om radikalisering.")
    make_news("radikalisering", title="Radikalisering i skolan")
    make_orostelefon(summary="För den som oroar sig för radikalisering.")

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/sok/", {"q": "radikalisering"})

    beside_groups = _kinds_and_titles(response)
    assert ("publications", ["Radikalisering bland unga"]) in beside_groups
    assert {"support", "news"} <= {kind for kind, _titles in beside_groups}
    # The request's own connection never read the publications: another one did.
    assert _publication_walks(queries) == []

    settings.SQL_BESIDE_THREADS = 0
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/sok/", {"q": "radikalisering"})

    assert _kinds_and_titles(response) == beside_groups
    assert len(_publication_walks(queries)) == 1


def _filtered_search(client, **params):
    response = client.get(KB, params)
    assert response.status_code == 200
    page = response.context["page_obj"]
    facets = {
        facet["name"]: [(v.value, v.count) for v in facet["values"]] for facet in response.context["facets"]
    }
    return [p.title for p in page.object_list], page.paginator.count, page.paginator.more_than_cap, facets


@pytest.mark.parametrize("q", ["radikalisering", ""])
def test_a_filtered_search_walks_the_filtered_matches_beside_the_words_and_finds_what_one_connection_finds(
    client, settings, q
):
    settings.KNOWLEDGE_BANK_RESULT_CAP = 3
    for number in range(10):
        make_publication(
            f"Rapport {number}",
            year=2000 + number,
            type="report" if number % 3 else "guide",
            summary="radikalisering " * (number % 4 + 1),
        )

    with CaptureQueriesContext(connection) as queries:
        found = _filtered_search(client, q=q, type="report")

    titles, count, more_than_cap, facets = found
    # The newest three reports: newest first without words; with them, in the order of their
    # rank, which one connection gives too (below).
    assert sorted(titles) == ["Rapport 5", "Rapport 7", "Rapport 8"]
    if not q:
        assert titles == ["Rapport 8", "Rapport 7", "Rapport 5"]
    assert (count, more_than_cap) == (3, True)
    assert dict(facets["type"]) == {"report": 2, "guide": 1}  # among the newest three matches
    # Only the words' walk ran here (and the page); the filtered walk ran beside it.
    assert len([sql for sql in _publication_walks(queries) if "LIMIT 4" in sql]) == 1

    settings.SQL_BESIDE_THREADS = 0
    with CaptureQueriesContext(connection) as queries:
        assert _filtered_search(client, q=q, type="report") == found
    assert len([sql for sql in _publication_walks(queries) if "LIMIT 4" in sql]) == 2


def test_when_the_words_match_few_the_walk_started_beside_is_dropped_and_the_filter_is_applied_here(
    client, settings
):
    settings.KNOWLEDGE_BANK_RESULT_CAP = 3
    for number in range(6):
        make_publication(f"Rapport {number}", year=2000 + number, type="report" if number % 2 else "guide")
    make_publication("Hedersvåld i familjen", year=2010, type="report", summary="Om hedersvåld.")
    make_publication("Hedersvåld och skolan", year=2011, type="guide", summary="Om hedersvåld.")

    found = _filtered_search(client, q="hedersvåld", type="report")

    assert found == (["Hedersvåld i familjen"], 1, False, found[3])
    assert dict(found[3]["type"]) == {"report": 1, "guide": 1}
    settings.SQL_BESIDE_THREADS = 0
    assert _filtered_search(client, q="hedersvåld", type="report") == found


def test_a_connection_beside_that_the_server_ended_is_opened_again_on_the_next_search(client):
    make_publication("Radikalisering bland unga", summary="Om radikalisering.")
    assert client.get("/sok/", {"q": "radikalisering"}).context["groups"][0].kind == "publications"

    # The database server ends the session beside (a restart, an administrator, a pooler).
    pids = []
    beside.on_each_thread(lambda: pids.append(connection.connection.info.backend_pid))
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", pids)
        assert cursor.fetchone() == (True,)

    response = client.get("/sok/", {"q": "radikalisering"})

    assert response.status_code == 200
    assert [result.title for result in response.context["groups"][0].results] == ["Radikalisering bland unga"]


def test_a_failure_beside_is_raised_when_its_result_is_asked_for(settings):
    def fails():
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 / 0")

    for threads in (1, 0):
        settings.SQL_BESIDE_THREADS = threads
        wait = beside.start(fails)
        with pytest.raises(Exception, match="division by zero"):
            wait()
    # The connection beside is usable again afterwards.
    settings.SQL_BESIDE_THREADS = 1
    assert beside.start(lambda: connection.cursor().execute("SELECT 2").fetchone()[0])() == 2


def test_inside_a_transaction_the_statement_runs_at_once_on_the_requests_own_connection():
    assert beside.start(threading.get_ident)() != threading.get_ident()

    with transaction.atomic():
        assert not beside.runs_beside()
        assert beside.start(threading.get_ident)() == threading.get_ident()


def test_a_new_worker_opens_the_connections_beside_before_its_first_request():
    beside.close()

    warmup.connect()  # gunicorn's post_fork

    opened = []
    beside.on_each_thread(lambda: opened.append(connection.connection is not None))
    assert opened == [True]
