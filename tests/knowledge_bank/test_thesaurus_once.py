"""A search asks for the thesaurus rewrite of its words once per request and gives its
statements the result as a constant (cks_portal/core/thesaurus.py, `rewritten`): folding the
rewrite while planning ran it again for every place a statement names the query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cks_portal.core import thesaurus
from cks_portal.core.models import ThesaurusEntry
from tests.factories import make_news, make_thesaurus_entry

pytestmark = pytest.mark.django_db

REWRITE = "cks_thesaurus_rewrite("


@pytest.fixture(autouse=True)
def vbe(db):
    ThesaurusEntry.objects.all().delete()
    make_thesaurus_entry("VBE", "våldsbejakande extremism", "violent extremism")


def captured(client, url, params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return response, [query["sql"] for query in queries]


@pytest.mark.parametrize(
    "params",
    [
        {"q": "VBE"},
        {"q": "våldsbejakande extremism skolan", "sort": "relevance"},
        {"q": '"våldsbejakande extremism"', "language": "sv", "type": "report"},
        {"q": "VBE", "sort": "title"},
    ],
    ids=["word", "relevance", "phrase-filtered", "by-title"],
)
def test_a_knowledge_bank_search_asks_for_the_rewrite_once(client, make_publication, params):
    for n in range(3):
        make_publication(
            f"Våldsbejakande extremism {n}",
            summary="Om våldsbejakande extremism i skolan.",
            type="report",
            language="sv",
        )

    response, statements = captured(client, reverse("knowledge_bank:index"), params)

    assert len(response.context["page_obj"].object_list) == 3
    assert sum(REWRITE in sql for sql in statements) == 1, statements


def test_the_site_search_asks_once_for_all_its_groups(client, make_publication):
    make_publication("Våldsbejakande extremism i skolan")
    make_news("vbe", title="Seminarium om våldsbejakande extremism")

    response, statements = captured(client, reverse("search"), {"q": "VBE"})

    titles = [result.title for group in response.context["groups"] for result in group.results]
    assert "Våldsbejakande extremism i skolan" in titles
    assert "Seminarium om våldsbejakande extremism" in titles
    assert sum(REWRITE in sql for sql in statements) == 1, statements
    # Every search statement got the rewritten query, with its alternatives, as a constant.
    searching = [sql for sql in statements if "::tsquery" in sql and REWRITE not in sql]
    assert len(searching) >= 4
    assert all("'vbe'" in sql and "'våldsbejak'' <-> ''extremism'" in sql for sql in searching), searching


def test_what_is_asked_for_is_forgotten_when_the_request_ends(client, make_publication):
    """The next request asks again, so a curator's change applies to the next search."""
    make_publication("Brottsförebyggande rådets rapport")
    url = reverse("knowledge_bank:index")

    assert client.get(url, {"q": "BRÅ"}).context["page_obj"].object_list == []
    make_thesaurus_entry("BRÅ", "Brottsförebyggande rådet")

    response, statements = captured(client, url, {"q": "BRÅ"})
    found = [publication.title for publication in response.context["page_obj"].object_list]
    assert found == ["Brottsförebyggande rådets rapport"]
    assert sum(REWRITE in sql for sql in statements) == 1


def test_a_query_asked_again_uses_the_remembered_rewrite_until_content_changes(client, make_publication):
    """The rewrite is remembered for the generation of content (page_cache.memo): the same
    words searched again, on either search page, cost no rewrite statement; a new thesaurus
    entry starts a new generation and the next search asks again, and finds by it."""
    make_publication("Brottsförebyggande rådets rapport")
    kb, site = reverse("knowledge_bank:index"), reverse("search")

    _response, first = captured(client, kb, {"q": "BRÅ"})
    _response, again = captured(client, kb, {"q": "BRÅ"})
    _response, elsewhere = captured(client, site, {"q": "BRÅ"})
    assert [sum(REWRITE in sql for sql in asked) for asked in (first, again, elsewhere)] == [1, 0, 0]

    make_thesaurus_entry("BRÅ", "Brottsförebyggande rådet")
    response, after = captured(client, kb, {"q": "BRÅ"})
    assert sum(REWRITE in sql for sql in after) == 1
    found = [publication.title for publication in response.context["page_obj"].object_list]
    assert found == ["Brottsförebyggande rådets rapport"]


def test_outside_a_request_each_call_asks_the_database(django_assert_num_queries):
    with django_assert_num_queries(2):
        thesaurus.rewritten("VBE")
        thesaurus.rewritten("VBE")
    with thesaurus.remembering(), django_assert_num_queries(1):
        assert thesaurus.rewritten("VBE") == thesaurus.rewritten("VBE")


@pytest.mark.parametrize(
    "text",
    [
        "VBE",
        "it's",
        "O''Brien",
        "back\\slash",
        r"c:\temp\new",
        "pilot:* & !enkät | (x)",
        '"våldsbejakande extremism" -skolan or VBE',
        "ÅÄÖ åäö",
        "😀 emoji",
        "och",  # a stop word only: an empty query
        "",
    ],
)
def test_the_rewritten_text_reads_back_as_the_same_query(text):
    """The constant a statement gets is the query the rewrite returned, whatever was typed:
    read back, it prints the same and matches the same texts. (Its tree may be shaped
    differently, `(a | b) | c` against `a | (b | c)`, so `=` on the two tsqueries can be false;
    pg_dump relies on the same reading back.)"""
    words = thesaurus.rewritten(text)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT %s::tsquery::text = cks_thesaurus_rewrite(websearch_to_tsquery('swedish', %s))::text",
            [words, text],
        )
        assert cursor.fetchone()[0] is True
        cursor.execute(
            """
            SELECT t, v @@ %s::tsquery, v @@ cks_thesaurus_rewrite(websearch_to_tsquery('swedish', %s))
            FROM unnest(%s::text[]) t, to_tsvector('swedish', t) v
            """,
            [words, text, TEXTS],
        )
        for row in cursor.fetchall():
            assert row[1] == row[2], row


TEXTS = [
    "VBE i skolan",
    "Våldsbejakande extremism och skolan",
    "Violent extremism online",
    "It's O'Brien's report",
    "pilot enkät x",
    "ÅÄÖ åäö 😀 emoji",
]
