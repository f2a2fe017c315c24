"""News and event cards are kept rendered per item, language, layout and content generation
(news/_news_card.html, news/_event_card.html, the "frame" cache): once kept, a card must still
show each page its own version."""

import datetime
import json

import pytest
from django.core.cache import caches
from django.test import Client
from django.utils import timezone

from cks_portal.core.publishing import State
from tests.factories import make_event, make_news, make_topic
from tests.html import element, elements


def card(html, css_class, title):
    return next(li for li in elements(html, "li", class_=css_class) if title in li.text)


@pytest.mark.django_db
def test_a_saved_change_shows_on_the_kept_card_at_once(client):
    event = make_event(title="Seminarium om nätet")
    client.get("/kalender/")
    assert caches["frame"]._cache  # the cards are kept

    event.title = "Seminarium om sociala medier"
    event.save()

    html = client.get("/kalender/").content.decode()
    assert card(html, "event-card", "sociala medier")
    assert "Seminarium om nätet" not in html


@pytest.mark.django_db
def test_the_compact_card_of_the_home_page_is_not_the_calendars(client):
    make_event(title="Seminarium om nätet", summary="Sammanfattningen av seminariet.")
    home = client.get("/").content.decode()
    calendar = client.get("/kalender/").content.decode()

    assert "Sammanfattningen av seminariet." not in card(home, "event-card", "nätet").text
    assert "Sammanfattningen av seminariet." in card(calendar, "event-card", "nätet").text


@pytest.mark.django_db
def test_each_language_gets_its_own_card(client):
    start = timezone.make_aware(datetime.datetime(2031, 3, 14, 10, 0))
    make_event(title="Seminarium om nätet", start=start)
    swedish = client.get("/kalender/").content.decode()
    english = client.get("/en/kalender/").content.decode()

    assert "mars 2031" in card(swedish, "event-card", "nätet").text
    assert "Mar 2031" in card(english, "event-card", "nätet").text
    links = [a.attrs["href"] for a in elements(english, "a") if a.text == "Seminarium om nätet"]
    assert links and all(href.startswith("/en/") for href in links)


@pytest.mark.django_db
def test_a_news_card_follows_its_item_on_the_list_and_on_the_home_page(client):
    item = make_news(title="Nyhet om stödet")
    client.get("/nyheter/")
    client.get("/")

    item.title = "Ny rubrik om stödet"
    item.save()

    assert card(client.get("/nyheter/").content.decode(), "news-card", "Ny rubrik")
    assert card(client.get("/").content.decode(), "news-card", "Ny rubrik")


# --- Support lines: the card is kept, its open state is not ------------------------------------


@pytest.mark.django_db
def test_a_kept_support_card_still_says_whether_the_line_is_open_now(client, time_machine):
    from tests.factories import make_orostelefon

    stockholm = timezone.get_default_timezone()
    make_orostelefon()
    time_machine.move_to(datetime.datetime(2026, 11, 18, 11, 30, tzinfo=stockholm), tick=False)
    before = card(client.get("/stod/").content.decode(), "support-card", "orostelefon")

    time_machine.move_to(datetime.datetime(2026, 11, 18, 12, 30, tzinfo=stockholm), tick=False)
    after = card(client.get("/stod/").content.decode(), "support-card", "orostelefon")

    assert "Öppet nu" in before.text
    assert "Stängt – öppnar 13.00" in after.text
    assert "020-100 200" in after.text  # the kept part is still there


@pytest.mark.django_db
def test_a_saved_support_line_shows_on_its_kept_card_at_once(client):
    from tests.factories import make_orostelefon

    line = make_orostelefon()
    client.get("/stod/")

    line.summary = "En ny beskrivning av linjen."
    line.save()

    assert (
        "En ny beskrivning av linjen."
        in card(client.get("/stod/").content.decode(), "support-card", "orostelefon").text
    )


# --- Knowledge bank: the result's title and facts are kept, its snippet follows the query ----


@pytest.mark.django_db
def test_a_kept_result_shows_the_snippet_of_each_query(client):
    from tests.factories import make_publication

    make_publication("Rapport om skolan", summary="Om skolan och om fritiden i kommunen.")

    def marked(query):
        html = client.get("/kunskapsbank/", {"q": query}).content.decode()
        result = card(html, "kb-result", "Rapport om skolan")
        return [mark.text for mark in elements(html, "mark") if result in mark.ancestors]

    assert marked("skolan") == ["skolan"]
    assert marked("fritiden") == ["fritiden"]  # the same kept title, its own snippet


@pytest.mark.django_db
def test_the_kept_support_filter_shows_each_readers_own_choice(client):
    from tests.factories import make_support_lines

    make_support_lines()

    def selected(params):
        html = client.get("/stod/", params).content.decode()
        return [
            (option.parent.attrs["name"], option.attrs["value"])
            for option in elements(html, "option")
            if "selected" in option.attrs
        ]

    assert selected({}) == [("language", ""), ("audience", "")]
    assert ("language", "ar") in selected({"language": "ar"})
    assert selected({}) == [("language", ""), ("audience", "")]
    assert ("audience", "anhoriga") in selected({"audience": "anhoriga"})


@pytest.mark.django_db
def test_a_kept_support_page_follows_the_clock_and_a_save(client, time_machine):
    from tests.factories import make_orostelefon
    from tests.html import element

    stockholm = timezone.get_default_timezone()
    line = make_orostelefon()
    time_machine.move_to(datetime.datetime(2026, 11, 18, 11, 30, tzinfo=stockholm), tick=False)
    assert (
        "Öppet nu" in element(client.get("/stod/orostelefonen/").content.decode(), "p", class_="status").text
    )

    time_machine.move_to(datetime.datetime(2026, 11, 18, 12, 30, tzinfo=stockholm), tick=False)
    html = client.get("/stod/orostelefonen/").content.decode()
    assert "Stängt – öppnar 13.00" in element(html, "p", class_="status").text
    assert "020-100 200" in html  # the kept facts

    line.summary = "En ny beskrivning av linjen."
    line.save()
    assert element(client.get("/stod/orostelefonen/").content.decode(), "p", class_="lead").text == (
        "En ny beskrivning av linjen."
    )


@pytest.mark.django_db
def test_the_kept_news_filter_and_article_follow_each_request(client):
    from tests.factories import make_news

    item = make_news(title="Nyhet om stödet")
    client.get("/nyheter/")
    html = client.get("/nyheter/", {"q": "stödet"}).content.decode()
    assert element_value(html, "news-q") == "stödet"
    assert element_value(client.get("/nyheter/").content.decode(), "news-q") == ""

    client.get(item.get_absolute_url())
    item.lead = "En ny ingress."
    item.save()
    assert "En ny ingress." in client.get(item.get_absolute_url()).content.decode()


def element_value(html, id_):
    return next(e for e in elements(html, "input") if e.attrs.get("id") == id_).attrs.get("value", "")


# --- News item: the page's head, article, share links and related news are kept --------------


def _json_ld_url(html):
    return json.loads(element(html, "script", type="application/ld+json").text)["url"]


@pytest.mark.django_db
def test_a_kept_news_page_follows_a_save_of_a_related_item(client):
    topic = make_topic("samverkan")
    make_news("forum", title="Forum om samverkan").topics.add(topic)
    other = make_news("natverk", title="Nytt nätverk för kommuner", days_ago=5)
    other.topics.add(topic)
    assert "Nytt nätverk för kommuner" in client.get("/nyheter/forum/").content.decode()

    other.title = "Nätverket byter namn"
    other.save()
    html = client.get("/nyheter/forum/").content.decode()

    assert "Nätverket byter namn" in card(html, "news-card", "byter namn").text
    assert "Nytt nätverk för kommuner" not in html


@pytest.mark.django_db
def test_a_kept_news_page_follows_a_change_of_its_own_dates_and_title(client):
    item = make_news("forum", title="Forum om samverkan")
    client.get("/nyheter/forum/")

    item.title = "Forum om samverkan i länet"
    item.publish_at = timezone.make_aware(datetime.datetime(2026, 3, 2, 9, 0))
    item.save()
    html = client.get("/nyheter/forum/").content.decode()

    assert '"headline": "Forum om samverkan i länet"' in html
    assert 'content="2026-03-02T09:00:00+0100"' in html  # article:published_time


@pytest.mark.django_db
def test_each_address_of_the_site_gets_its_own_kept_news_page(client, settings):
    settings.ALLOWED_HOSTS = ["cks.example", "www.cks.example"]
    make_news("forum", title="Forum om samverkan")

    first = client.get("/nyheter/forum/", HTTP_HOST="cks.example").content.decode()
    second = client.get("/nyheter/forum/", HTTP_HOST="www.cks.example").content.decode()
    english = client.get("/en/nyheter/forum/", HTTP_HOST="cks.example").content.decode()

    assert _json_ld_url(first) == "http://cks.example/nyheter/forum/"
    assert _json_ld_url(second) == "http://www.cks.example/nyheter/forum/"
    assert _json_ld_url(english) == "http://cks.example/en/nyheter/forum/"
    assert "url=http%3A%2F%2Fwww.cks.example%2Fnyheter%2Fforum%2F" in second  # the share links
    assert "www.cks.example" not in first
    assert 'hreflang="sv"' in english  # what is not kept still follows the request
    assert '<html lang="en"' in english


@pytest.mark.django_db
def test_a_kept_draft_preview_never_reaches_a_reader(staff_client):
    item = make_news("utkast", title="Ett utkast", state=State.DRAFT)
    editor = staff_client("Redaktör")
    reader = Client()
    preview = editor.get("/nyheter/utkast/").content.decode()
    assert "Förhandsvisning" in preview
    assert '<meta name="robots" content="noindex">' in preview
    assert reader.get("/nyheter/utkast/").status_code == 404

    item.state = State.PUBLISHED
    item.save()
    published = reader.get("/nyheter/utkast/").content.decode()
    assert "Ett utkast" in published
    assert 'name="robots"' not in published
    assert "Förhandsvisning" not in published
