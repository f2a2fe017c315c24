"""A quoted phrase of common words is found through the index of neighbouring word pairs
(core migration 0012, cks_portal/core/search.py PhraseCandidates, knowledge_bank.search._walk),
and finds exactly what the plain walk over every row finds."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from knowledge_bank import search as kb_search
from knowledge_bank.models import Publication
from tests.html import elements

URL = reverse("knowledge_bank:index")
PHRASE = '"våld i nära relationer"'


def sql(query, *params):
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchone()[0]


@pytest.mark.django_db
def test_a_vector_holds_its_words_and_its_pairs_of_neighbours():
    pairs = sql("SELECT cks_word_pairs(to_tsvector('swedish', %s))::text", "våld i nära relationer")

    # "i" is a stop word: "våld" and "nära" stand two positions apart.
    assert pairs == "'när' 'när relation 1' 'relation' 'våld' 'våld när 2'"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "pairs"),
    [
        ('"a b" c or "d e f"', "'a b 1' & 'c' | 'd e 1' & 'e f 1'"),
        ('"våld i nära relationer"', "'våld när 2' & 'när relation 1'"),
        # Words three positions apart are asked for as words.
        ('"våld i en av nära"', "'våld' & 'när'"),
        # No phrase, a negation, a prefix: nothing to narrow by.
        ("våld relationer", None),
        ('"våld i nära" -skola', None),
    ],
)
def test_a_query_becomes_the_pairs_its_matches_must_hold(query, pairs):
    found = sql("SELECT cks_word_pairs_query(websearch_to_tsquery('swedish', %s))::text", query)

    assert found == pairs


@pytest.mark.django_db
def test_a_prefix_or_a_quote_inside_a_phrase_is_handled():
    assert sql("SELECT cks_word_pairs_query(to_tsquery('simple', 'a:* <-> b'))") is None
    assert sql("SELECT cks_word_pairs_query(%s::tsquery)::text", "'o''neil' <-> 'x'") == "'o''neil x 1'"
    assert sql("SELECT cks_word_pairs(%s::tsvector) @@ %s::tsquery", "'o''neil':1 'x':2", "'o''neil x 1'")


@pytest.fixture
def corpus(make_publication, settings, monkeypatch):
    """Forty publications that all hold the phrase's words, a few of them as the phrase, and
    one that has only a word the thesaurus counts as the same ("relationsvåld"). The window
    of newest rows and the walk that counts as short are made small, so that the phrase
    counts as rare here."""
    monkeypatch.setattr(kb_search, "PHRASE_WINDOW", 10)
    monkeypatch.setattr(kb_search, "PHRASE_WALK_LIMIT", 40)
    settings.KNOWLEDGE_BANK_RESULT_CAP = 1000
    scattered = "Relationer mellan kommuner och nära samarbete mot våld i skolan."
    phrase = "Om våld i nära relationer och stödet till de utsatta."
    for number in range(40):
        text = phrase if number % 9 == 0 else scattered
        make_publication(
            f"Rapport {number}",
            year=1990 + number,
            type="report" if number % 2 else "guide",
            summary=text,
        )
    make_publication("Relationsvåld i Sverige", year=2001, summary="En översikt.")


def expected(query, **filters):
    """What the plain walk finds: every published match, newest first."""
    rows = Publication.objects.published().search(query, ranked=False).filter(**filters)
    return list(rows.order_by(*kb_search.NEWEST).values_list("pk", flat=True))


@pytest.mark.django_db
@pytest.mark.parametrize("filters", [{}, {"type": ["report"]}])
def test_a_rare_phrase_is_found_through_the_pairs_and_finds_what_the_walk_finds(corpus, filters):
    params = {"q": PHRASE, **filters}
    with CaptureQueriesContext(connection) as queries:
        found = kb_search.PublicationSearch(params).candidate_ids

    assert found == expected(PHRASE, **{f"{name}__in": values for name, values in filters.items()})
    assert len(found) >= 3  # the phrase, and the thesaurus's "relationsvåld"
    assert Publication.objects.get(title="Relationsvåld i Sverige").pk in found or filters
    through_pairs = [q["sql"] for q in queries.captured_queries if "cks_word_pairs(" in q["sql"]]
    assert through_pairs
    # Forty-one rows may well be read sequentially, and whether the planner thinks so depends on
    # whether autovacuum has analysed the table yet: with a sequential read made as costly as it
    # is at scale, the pairs must be found through their index.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + through_pairs[0])
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "kb_word_pairs_idx" in plan


@pytest.mark.django_db
@pytest.mark.parametrize("sort", ["relevance", "newest", "title"])
def test_a_rare_phrase_with_more_matches_than_the_cap_reads_the_pairs_once_for_a_filter(
    corpus, settings, monkeypatch, sort
):
    """The facets need the newest cap + 1 matches of the words alone, the page those that pass
    the filter: the rows the phrase index finds are read once, and the filtered ones picked
    from them, the same as the plain walk finds."""
    settings.KNOWLEDGE_BANK_RESULT_CAP = 3  # six matches: more than the cap
    monkeypatch.setattr(kb_search, "PHRASE_WALK_LIMIT", 20)  # one in the window of ten: rare
    monkeypatch.setattr(kb_search, "RARE_ROWS_FACTOR", 2)
    params = {"q": PHRASE, "type": ["report"], "sort": sort}
    with CaptureQueriesContext(connection) as queries:
        search = kb_search.PublicationSearch(params)
        found, words = search.candidate_ids, search.word_rows

    assert len(expected(PHRASE)) == 6
    assert found == expected(PHRASE, type__in=["report"])
    assert [row[0] for row in words] == expected(PHRASE)[:4]
    walks = [q["sql"] for q in queries.captured_queries if '"search_vector" @@' in q["sql"]]
    assert len(walks) == 2  # the window of newest rows, then the pairs
    assert "cks_word_pairs(" in walks[1]
    assert search.ordered_ids() == kb_search.PublicationSearch({**params, "page": "2"}).ordered_ids()

    # More matches than the rows read for the filter: the filtered walk reads the pairs again.
    monkeypatch.setattr(kb_search, "RARE_ROWS_FACTOR", 1)
    with CaptureQueriesContext(connection) as queries:
        assert kb_search.PublicationSearch(params).candidate_ids == found
    assert sum("cks_word_pairs(" in q["sql"] for q in queries.captured_queries) == 2


@pytest.mark.django_db
def test_the_results_page_of_a_rare_phrase_with_a_filter_lists_and_counts_what_the_walk_finds(
    client, corpus, settings, monkeypatch
):
    """Through the public page: the filtered results picked from the rows the pairs found once
    are the ones listed, in order, with their count, and the facets count the words alone."""
    settings.KNOWLEDGE_BANK_RESULT_CAP = 3
    monkeypatch.setattr(kb_search, "PHRASE_WALK_LIMIT", 20)
    monkeypatch.setattr(kb_search, "RARE_ROWS_FACTOR", 2)
    wanted = expected(PHRASE, type__in=["report"])
    assert 0 < len(wanted) <= 3 < len(expected(PHRASE))

    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, {"q": PHRASE, "type": "report", "sort": "newest"})

    assert response.status_code == 200
    html = response.content.decode()
    results = elements(html, "ol", class_="kb-result-list")[0]
    listed = [a.attrs["href"] for a in elements(html, "a") if results in a.ancestors]
    urls = {p.pk: p.get_absolute_url() for p in Publication.objects.filter(pk__in=wanted)}
    assert listed == [urls[pk] for pk in wanted]
    heading = elements(html, "h2", id="kb-results-title")[0].text
    assert heading.startswith(f"{len(wanted)} publikation")
    # The facets say "more than the cap" for the words alone: the newest cap + 1 are counted.
    assert elements(html, "p", class_="kb-facets__note")
    assert sum("cks_word_pairs(" in q["sql"] for q in queries.captured_queries) == 1


@pytest.mark.django_db
def test_a_common_phrase_is_found_among_the_newest_rows_without_the_pairs(corpus, settings):
    settings.KNOWLEDGE_BANK_RESULT_CAP = 3
    query = '"nära samarbete"'
    with CaptureQueriesContext(connection) as queries:
        found = kb_search.PublicationSearch({"q": query}).candidate_ids

    assert found == expected(query)[:4]
    assert not [q for q in queries.captured_queries if "cks_word_pairs(" in q["sql"]]


@pytest.mark.django_db
def test_the_results_page_of_a_phrase_lists_only_its_matches(client, corpus):
    html = client.get(URL, {"q": PHRASE}).content.decode()

    shown = {a.attrs["href"] for a in elements(html, "a") if a.attrs.get("href", "").startswith(f"{URL}pub-")}
    assert shown == {p.get_absolute_url() for p in Publication.objects.filter(pk__in=expected(PHRASE))}


@pytest.mark.django_db
def test_a_phrase_found_rare_is_looked_for_through_the_pairs_at_once_until_content_changes(
    client, corpus, make_publication
):
    """The window of newest rows is read once per phrase and generation of content: a request
    that found the phrase rare is remembered, and the next search for it (another filter,
    page or order) goes to the pairs at once and finds the same."""

    def searched(params):
        """The results' ids, and how many statements read the window of newest rows."""
        with CaptureQueriesContext(connection) as queries:
            response = client.get(URL, {"q": PHRASE, **params})
        found = [p.pk for p in response.context["page_obj"].object_list]
        return found, sum("= ANY((ARRAY(SELECT" in q["sql"] for q in queries.captured_queries)

    client.get(URL, {"q": "samarbete"})  # the generation's first request also asks when it ends
    first, first_count = searched({"type": "report"})
    again, again_count = searched({"type": "report", "sort": "newest"})
    assert sorted(first) == sorted(again)  # by relevance, then newest first
    assert again == expected(PHRASE, type__in=["report"])
    assert (first_count, again_count) == (1, 0)

    make_publication("Våld i nära relationer", year=2030, type="report", summary="Ny.")
    after, after_count = searched({"type": "report", "sort": "newest"})
    assert after == expected(PHRASE, type__in=["report"])
    assert after[0] == Publication.objects.get(title="Våld i nära relationer").pk
    assert after_count == 1
