"""News items and events in the site-wide search: the stored vector, what is found, and how."""

import json
from datetime import timedelta

import pytest
from django.contrib.postgres.search import SearchQuery
from django.core.exceptions import FieldDoesNotExist
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cks_portal.core import thesaurus
from cks_portal.core.search import SEARCH_CONFIG
from news.models import Event, NewsItem, State
from news.search import event_results, news_results


def matches(model, word):
    return set(model.objects.filter(search_vector=SearchQuery(word, config=SEARCH_CONFIG)))


def titles(group):
    return [result.title for result in group.results]


def test_the_vector_is_filled_when_an_item_is_created(news_factory, event_factory):
    item = news_factory("ny", title="Om extremism", lead="Skolan samverkar.", body="<p>Socialtjänsten</p>")
    event = event_factory("seminarium", title="Seminarium", venue="Stadshuset", body="<p>Fika</p>")

    assert all(matches(NewsItem, word) == {item} for word in ("extremism", "skolan", "socialtjänsten"))
    assert all(matches(Event, word) == {event} for word in ("seminarium", "stadshuset", "fika", "kort"))


def test_the_vector_follows_an_edit(news_factory, event_factory):
    item = news_factory("ny", title="Om extremism")
    event = event_factory("seminarium", venue="Stadshuset")

    item.title = "Om hedersförtryck"
    item.save()
    event.venue = "Kulturhuset"
    event.save()

    assert matches(NewsItem, "extremism") == set()
    assert matches(NewsItem, "hedersförtryck") == {item}
    assert matches(Event, "stadshuset") == set()
    assert matches(Event, "kulturhuset") == {event}


def test_the_vector_is_kept_out_of_the_change_history(db):
    for model in (NewsItem, Event):
        with pytest.raises(FieldDoesNotExist):
            model.history.model._meta.get_field("search_vector")


def test_a_word_only_in_the_body_is_found(news_factory, event_factory):
    news_factory("ny", body="<p>Ett samtal om <strong>desinformation</strong> i skolan.</p>")
    event_factory("seminarium", body="<p>Vi talar om desinformation.</p>")

    assert titles(news_results("desinformation", 5)) == ["Nyhet ny"]
    assert titles(event_results("desinformation", 5)) == ["Evenemang seminarium"]


def test_a_word_is_found_in_another_form_of_it(news_factory, event_factory):
    news_factory("ny", body="<p>Gängen rekryterar unga.</p>")
    event_factory("seminarium", title="Seminarium för kommuner")

    assert titles(news_results("gängens", 5)) == ["Nyhet ny"]
    assert titles(event_results("kommunerna", 5)) == ["Seminarium för kommuner"]


@pytest.mark.parametrize("state", [State.DRAFT, State.WITHDRAWN, State.SCHEDULED])
def test_an_item_that_is_not_public_is_never_found(news_factory, event_factory, state):
    days_ago = -1 if state == State.SCHEDULED else 1  # a scheduled item's time has not come
    news_factory("dold", title="Dold extremism", state=state, days_ago=days_ago)
    event_factory(
        "dolt", title="Dolt extremism", state=state, publish_at=timezone.now() - timedelta(days=days_ago)
    )

    assert news_results("extremism", 5).results == []
    assert event_results("extremism", 5).results == []


def test_a_match_in_the_title_ranks_above_newer_matches_in_the_body(news_factory):
    news_factory("titel", title="Radikalisering på nätet", days_ago=30)
    for n in range(3):
        news_factory(f"brod{n}", body="<p>Något om radikalisering bland mycket annat.</p>", days_ago=n)

    group = news_results("radikalisering", 2)

    assert titles(group)[0] == "Radikalisering på nätet"
    assert group.has_more


def test_only_the_newest_matches_up_to_the_cap_are_ranked(news_factory, settings):
    settings.SITE_SEARCH_CANDIDATES = 2
    news_factory("titel", title="Radikalisering på nätet", days_ago=30)
    for n in range(2):
        news_factory(f"brod{n}", body="<p>Något om radikalisering.</p>", days_ago=n)

    assert titles(news_results("radikalisering", 5)) == ["Nyhet brod0", "Nyhet brod1"]


def test_each_group_takes_one_query(news_factory, event_factory, django_assert_max_num_queries):
    for n in range(3):
        news_factory(f"ny{n}", title="Extremism")
        event_factory(f"seminarium{n}", title="Extremism")

    # As in a request, where the thesaurus rewrite of the words is asked for once for all groups.
    with thesaurus.remembering():
        thesaurus.rewritten("extremism")
        with django_assert_max_num_queries(1):
            news_results("extremism", 2)
        with django_assert_max_num_queries(1):
            event_results("extremism", 2)


def _plan_nodes(node):
    yield node
    for child in node.get("Plans", []):
        yield from _plan_nodes(child)


def _fill(model, count):
    """`count` rows, one in ten about radicalisation, with their vectors and statistics."""
    now = timezone.now()
    common = {"state": State.PUBLISHED, "publish_at": now - timedelta(days=1)}
    if model is NewsItem:
        rows = [NewsItem(slug=f"n{n}", title=f"Nyhet {n}", lead="Ingress.", **common) for n in range(count)]
    else:
        rows = [
            Event(slug=f"e{n}", title=f"Evenemang {n}", summary="Kort.", start=start, end=start, **common)
            for n, start in ((n, now + timedelta(hours=n)) for n in range(count))
        ]
    for n, row in enumerate(rows):
        row.body = "<p>Om radikalisering i skolan.</p>" if n % 10 == 0 else "<p>Om trygghet i skolan.</p>"
    model.objects.bulk_create(rows)
    model.objects.update(search_vector=model.search_document())
    table = model._meta.db_table
    with connection.cursor() as cursor:
        # What VACUUM ANALYZE does after a load, but allowed inside the test's transaction.
        cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [f"{table}_search_idx"])
        cursor.execute(f"ANALYZE {table}")


@pytest.mark.parametrize(
    ("results", "model", "newest_index"),
    [(news_results, NewsItem, "news_newsitem_publish_at"), (event_results, Event, "news_event_start_idx")],
)
def test_the_search_reads_the_stored_vector_through_an_index(db, results, model, newest_index):
    """A table this small may well be read sequentially; with that made as costly as it is at
    10,000 rows, the plan must find the matches with the GIN index or walk the newest-first
    index, and it must never compute a vector."""
    _fill(model, 500)
    with CaptureQueriesContext(connection) as queries:
        assert results("radikalisering", 5).results
    # The first statement asks for the thesaurus rewrite of the words; the search is the last.
    sql = queries.captured_queries[-1]["sql"]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        # At 500 rows the costs of the plans are close, and the planner sometimes picked the
        # index on `state` and a sort (seen once in CI): a sort costs what it would at 10,000
        # rows too, which leaves the GIN index or the newest-first walk.
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute(f"EXPLAIN (VERBOSE, FORMAT JSON) {sql}")
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    nodes = list(_plan_nodes(plan[0]["Plan"]))
    table = model._meta.db_table
    indexes = {node["Index Name"] for node in nodes if "Index Name" in node}

    assert "to_tsvector" not in json.dumps(plan)
    assert not [n for n in nodes if n["Node Type"] == "Seq Scan" and n.get("Relation Name") == table]
    assert f"{table}_search_idx" in indexes or any(i.startswith(newest_index) for i in indexes), indexes
