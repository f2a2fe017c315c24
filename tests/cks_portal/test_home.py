"""The home page reads its four boxes from page_cache.memo: no query once warm, and every
change of content shows at once."""

import datetime

from django.core.cache import cache

from knowledge_bank.models import Publication
from news.models import State
from tests.factories import add_contacts, make_event, make_news, make_publication, make_support_lines


def test_the_home_page_makes_no_query_once_warm_whatever_the_data(
    client, about_page, django_assert_num_queries, django_assert_max_num_queries
):
    # Something in every box to begin with, so that the first count already has each query.
    make_support_lines()
    make_news("forsta")
    make_event("forsta")
    make_publication("Utvald rapport", featured=True, authors=[("Ek", "Anna")])
    cold_counts = []
    for more in (0, 10):
        for number in range(more):
            make_news(f"mer-{number}", days_ago=number + 1)
            make_event(f"mer-{number}", days_ahead=number + 1)
        add_contacts(more)
        cache.clear()
        # Cold: the generation's end, the about page, four for the support box, the latest
        # news, the next events and the featured publications.
        with django_assert_max_num_queries(9) as cold:
            assert client.get("/").status_code == 200
        cold_counts.append(len(cold))
        with django_assert_num_queries(0):
            assert client.get("/").status_code == 200
    assert cold_counts[0] == cold_counts[1]  # the same queries whatever the data


def test_the_home_page_shows_new_news_events_and_featured_publications_at_once(client, small_site):
    client.get("/")
    make_news("allra-senast", days_ago=0, title="Allra senaste nyheten")
    make_event("strax", days_ahead=0.5, title="Evenemang som snart börjar")
    publication = Publication.objects.published().filter(featured=False).first()
    publication.featured, publication.featured_order = True, 0
    publication.save()

    html = client.get("/").content.decode()
    assert "Allra senaste nyheten" in html
    assert "Evenemang som snart börjar" in html
    assert publication.title in html


def test_a_scheduled_news_item_reaches_the_home_page_at_its_time(client, db, time_machine):
    noon = datetime.datetime(2026, 3, 4, 11, 0, tzinfo=datetime.UTC)
    time_machine.move_to(noon, tick=False)
    item = make_news("schemalagd", days_ago=0, title="Schemalagd nyhet")
    item.state, item.publish_at = State.SCHEDULED, noon + datetime.timedelta(minutes=5)
    item.save()
    assert "Schemalagd nyhet" not in client.get("/").content.decode()

    time_machine.move_to(noon + datetime.timedelta(minutes=6), tick=False)
    assert "Schemalagd nyhet" in client.get("/").content.decode()
