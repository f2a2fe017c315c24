from cks_portal.core.models import Topic
from tests.factories import make_event, make_news


def _grow(count, offset=0):
    topic, _ = Topic.objects.get_or_create(slug="samverkan", defaults={"name": "Samverkan"})
    for n in range(offset, offset + count):
        make_news(f"n{n}", days_ago=n + 1).topics.add(topic)
        make_event(f"e{n}", days_ahead=n + 1)
        make_event(f"p{n}", days_ahead=-(n + 2))


def _count(client, path, django_assert_max_num_queries, expected):
    # The first request after a change also works out what the page cache's generation and
    # the memos need (tests/cks_portal/test_query_budget.py keeps that within budget); the
    # counts here are those of every later request.
    assert client.get(path).status_code == 200
    with django_assert_max_num_queries(expected) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_the_list_detail_and_calendar_pages_use_a_fixed_number_of_queries(
    client, db, django_assert_max_num_queries
):
    _grow(3)
    # The upcoming events, both counts and a published item with its related news are
    # remembered until a change: no query at all.
    counts = {
        "/nyheter/": 0,
        "/nyheter/n0/": 0,
        "/kalender/": 0,
        "/kalender/?page=2": 0,
        "/kalender/tidigare/": 0,
        "/kalender/e0/": 1,
        "/en/kalender/": 0,
    }
    few = {path: _count(client, path, django_assert_max_num_queries, most) for path, most in counts.items()}
    _grow(25, offset=3)
    many = {path: _count(client, path, django_assert_max_num_queries, most) for path, most in counts.items()}
    assert many == few  # the same queries whatever the data


def test_the_remembered_years_topics_and_counts_follow_every_change(client, db):
    topic, _ = Topic.objects.get_or_create(slug="samverkan", defaults={"name": "Samverkan"})
    make_news("ny", days_ago=1)
    first = client.get("/nyheter/").context
    assert first["page_obj"].paginator.count == 1
    assert list(first["topics"]) == []

    old = make_news("gammal", days_ago=400)
    old.topics.add(topic)
    make_event("forra", days_ahead=-3)

    second = client.get("/nyheter/").context
    assert second["page_obj"].paginator.count == 2
    assert len(second["years"]()) == 2  # a callable: the kept filter asks only when it renders
    assert [t.slug for t in second["topics"]] == ["samverkan"]
    assert client.get("/kalender/tidigare/").context["page_obj"].paginator.count == 1
    assert client.get("/kalender/").context["page_obj"].paginator.count == 0

    assert [i.slug for i in client.get("/nyheter/", {"topic": "samverkan"}).context["page_obj"]] == ["gammal"]

    old.delete()
    assert client.get("/nyheter/").context["page_obj"].paginator.count == 1
    assert [i.slug for i in client.get("/nyheter/").context["page_obj"]] == ["ny"]
    # No news on the topic any more: the page says so and shows all news.
    assert client.get("/nyheter/", {"topic": "samverkan"}).context["topic"] is None


def test_a_remembered_news_page_follows_edits_and_never_shows_a_draft_to_readers(
    client, db, django_user_model
):
    from news.models import State
    from tests.conftest import make_staff

    item = make_news("andras", days_ago=1, title="Första rubriken")
    assert "Första rubriken" in client.get("/nyheter/andras/").content.decode()
    item.title = "Andra rubriken"
    item.save()
    assert "Andra rubriken" in client.get("/nyheter/andras/").content.decode()

    item.state = State.DRAFT
    item.save()
    assert client.get("/nyheter/andras/").status_code == 404
    client.force_login(make_staff(django_user_model, "redaktor", "Redaktör"))
    assert "Andra rubriken" in client.get("/nyheter/andras/").content.decode()
    client.logout()
    assert client.get("/nyheter/andras/").status_code == 404
