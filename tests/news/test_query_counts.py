from cks_portal.models import Topic
from tests.news.conftest import make_event, make_news


def _grow(count, offset=0):
    topic, _ = Topic.objects.get_or_create(slug="samverkan", defaults={"name": "Samverkan"})
    for n in range(offset, offset + count):
        make_news(f"n{n}", days_ago=n + 1).topics.add(topic)
        make_event(f"e{n}", days_ahead=n + 1)
        make_event(f"p{n}", days_ahead=-(n + 2))


def _count(client, path, django_assert_num_queries, expected):
    with django_assert_num_queries(expected):
        assert client.get(path).status_code == 200


def test_the_list_detail_and_calendar_pages_use_a_fixed_number_of_queries(
    client, db, django_assert_num_queries
):
    _grow(3)
    counts = {"/nyheter/": 4, "/nyheter/n0/": 3, "/kalender/": 3, "/kalender/e0/": 1, "/en/kalender/": 3}
    for path, expected in counts.items():
        _count(client, path, django_assert_num_queries, expected)
    _grow(25, offset=3)
    for path, expected in counts.items():
        _count(client, path, django_assert_num_queries, expected)
