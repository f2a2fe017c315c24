"""A rank is computed with the query's words joined by OR (core migration 0013,
`cks_rank_query`): ts_rank's score of an AND compares every pair of its words' positions, which
made a three-word search at 100,000 publications spend 7-10 ms ranking (docs/benchmarks.md)."""

import pytest
from django.db import connection

from knowledge_bank.models import Publication
from tests.factories import make_publication

pytestmark = pytest.mark.django_db


def rank_query(text):
    with connection.cursor() as cursor:
        cursor.execute("SELECT cks_rank_query(websearch_to_tsquery('swedish', %s))::text", [text])
        return cursor.fetchone()[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("risk skydd faktorer", "'risk' | 'skydd' | 'faktor'"),
        ("narkotika -alkohol", "'narkotik'"),  # a word the rows must not hold adds nothing
        ('"våld i nära relationer"', "'våld' | 'när' | 'relation'"),
        ("radikalisering", "'radikalisering'"),
        ("it's", "'it' | 's'"),
    ],
)
def test_the_rank_query_is_the_words_joined_by_or(text, expected):
    assert rank_query(text) == expected


def test_a_prefix_is_kept():
    with connection.cursor() as cursor:
        cursor.execute("SELECT cks_rank_query(to_tsquery('swedish', 'pilot:* & enkät'))::text")
        assert cursor.fetchone()[0] == "'pilot':* | 'enkät'"


def test_a_query_without_words_is_left_as_it_is():
    assert rank_query("") == ""


def test_the_search_ranks_with_it_and_still_prefers_the_title():
    in_title = make_publication("Risk och skydd", summary="Om faktorer i skolan.")
    make_publication("Rapport", summary="Risk, skydd och faktorer nämns här.")

    ranked = list(Publication.objects.search("risk skydd faktorer").order_by("-rank"))

    assert ranked[0] == in_title
    sql, params = Publication.objects.search("risk skydd faktorer").query.sql_with_params()
    assert "cks_rank_query(%s::tsquery)" in sql
    assert "'risk' & 'skydd' & 'faktor'" in params
