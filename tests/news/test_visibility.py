import datetime
from datetime import timedelta

import feedparser

from news.models import NewsItem, State
from tests.conftest import make_staff

PLACES = [
    "/nyheter/",
    "/nyheter/rss/",
    "/nyheter/atom/",
    "/sitemap-news.xml",
    "/",
    "/nyheter/?q=Schemalagd",
    "/sok/?q=Schemalagd",
]


NOON = datetime.datetime(2026, 3, 4, 12, 0, tzinfo=datetime.UTC)


def test_a_scheduled_item_is_absent_everywhere_before_its_time_and_present_after(
    client, news_factory, time_machine
):
    time_machine.move_to(NOON, tick=False)
    item = news_factory("schemalagd", title="Schemalagd nyhet", state=State.SCHEDULED, days_ago=0)
    item.publish_at = NOON + timedelta(seconds=2)
    item.save()

    for path in PLACES:
        assert "schemalagd" not in client.get(path).content.decode(), path
    assert client.get("/nyheter/schemalagd/").status_code == 404

    time_machine.move_to(NOON + timedelta(seconds=3), tick=False)  # no command is run: the time passes

    for path in PLACES:
        assert "schemalagd" in client.get(path).content.decode(), path
    assert client.get("/nyheter/schemalagd/").status_code == 200


def test_a_draft_gives_404_to_the_public_and_renders_for_staff(client, db, django_user_model, news_factory):
    news_factory("utkast", title="Ett utkast", state=State.DRAFT)

    assert client.get("/nyheter/utkast/").status_code == 404

    client.force_login(make_staff(django_user_model, "redaktor", "Redaktör"))
    response = client.get("/nyheter/utkast/")
    assert response.status_code == 200
    assert "Ett utkast" in response.content.decode()
    assert "Förhandsvisning" in response.content.decode()
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_staff_without_news_permissions_get_404_for_a_draft(client, db, django_user_model, news_factory):
    news_factory("utkast", state=State.DRAFT)
    client.force_login(make_staff(django_user_model, "bibliotekarie", "Kunskapsbank"))

    assert client.get("/nyheter/utkast/").status_code == 404


def test_unpublished_items_and_events_are_hidden(client, news_factory, event_factory):
    news_factory("borttagen", state=State.WITHDRAWN)
    event_factory("installt", state=State.DRAFT)

    assert client.get("/nyheter/borttagen/").status_code == 404
    assert client.get("/kalender/installt/").status_code == 404
    assert client.get("/kalender/installt.ics").status_code == 404
    assert "installt" not in client.get("/kalender/kalender.ics").content.decode()
    assert "installt" not in client.get("/kalender/").content.decode()


def test_published_is_the_only_definition_of_visible(news_factory):
    news_factory("synlig")
    news_factory("framtida", days_ago=-1)
    news_factory("utkast", state=State.DRAFT)

    assert [i.slug for i in NewsItem.objects.published()] == ["synlig"]


def test_the_feeds_parse_cleanly(client, news_factory):
    news_factory("forsta", title="Första <nyheten> & mer")
    for path in ["/nyheter/rss/", "/nyheter/atom/"]:
        feed = feedparser.parse(client.get(path).content)

        assert not feed.bozo, (path, feed.get("bozo_exception"))
        assert feed.entries[0].title == "Första <nyheten> & mer"
        assert feed.entries[0].link.endswith("/nyheter/forsta/")


def test_the_feeds_are_linked_from_the_head(client, news_factory):
    body = client.get("/nyheter/").content.decode()

    assert 'type="application/rss+xml"' in body
    assert 'type="application/atom+xml"' in body
