import datetime
import re
from datetime import timedelta
from io import BytesIO

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from knowledge_bank.demo import make_pdf
from news.models import NewsItem, RegistrationMode
from tests.conftest import sitemap_text
from tests.factories import make_event, make_news, make_topic
from tests.html import element, elements


def _jpeg(width=900, height=500):
    buffer = BytesIO()
    Image.new("RGB", (width, height), (10, 80, 140)).save(buffer, "JPEG")
    return SimpleUploadedFile("bild.jpg", buffer.getvalue(), content_type="image/jpeg")


def test_scripts_handlers_javascript_urls_and_styles_in_the_body_are_removed(client, db):
    make_news(
        "farlig",
        title='<script>alert("titel")</script>',
        lead="<b onmouseover=x()>ingress</b>",
        body='<p onclick="x()" style="color:red">Text</p><script>alert(1)</script>'
        '<a href="javascript:alert(1)">länk</a><img src=x onerror=alert(1)><style>p{}</style>',
    )
    body = client.get("/nyheter/farlig/").content.decode()

    assert "<script>alert" not in body
    assert "&lt;script&gt;alert(&quot;titel&quot;)&lt;/script&gt;" in body
    assert "onclick" not in body and "onerror" not in body and "onmouseover=x()>" not in body
    assert "javascript:" not in body
    assert 'style="color' not in body and "<style>" not in body
    assert "<p>Text</p>" in body


def test_saving_an_image_without_alt_text_is_refused_with_a_clear_message(db):
    item = make_news("bild")
    item.image = _jpeg()
    with pytest.raises(ValidationError) as error:
        item.full_clean()

    assert "Beskriv vad bilden visar" in str(error.value.message_dict["image_alt"])
    item.image_is_decorative = True
    item.full_clean()


def test_a_file_that_is_not_an_image_is_refused(db):
    item = make_news("falsk", image_alt="En bild")
    item.image = SimpleUploadedFile("bild.jpg", b"not an image at all", content_type="image/jpeg")
    with pytest.raises(ValidationError) as error:
        item.full_clean()

    assert "image" in error.value.message_dict


def test_an_image_with_too_many_pixels_is_refused(db, settings):
    settings.NEWS_IMAGE_MAX_PIXELS = 100_000
    item = make_news("stor", image_alt="En bild")
    item.image = _jpeg(1000, 500)
    with pytest.raises(ValidationError) as error:
        item.full_clean()

    assert "miljoner pixlar" in str(error.value.message_dict["image"])


def test_an_image_gets_renditions_with_srcset_width_and_height(client, db):
    item = make_news("med-bild", image_alt="Tre blå fält")
    item.image = _jpeg(900, 500)
    item.save()
    body = client.get("/nyheter/med-bild/").content.decode()

    assert "-480w.jpg 480w" in body and "-800w.jpg 800w" in body and "-900w.jpg 900w" in body
    assert 'width="900" height="500"' in body
    assert 'alt="Tre blå fält"' in body
    assert 'property="og:image"' in body


def test_the_outdated_notice_shows_on_an_old_item_and_not_on_a_new_one(client, db, settings):
    make_news("gammal", days_ago=settings.NEWS_OUTDATED_AFTER + 1)
    old = client.get("/nyheter/gammal/").content.decode()
    make_news("ny")
    new = client.get("/nyheter/ny/").content.decode()

    assert "kan innehålla inaktuell information" in old
    assert "kan innehålla inaktuell information" not in new


def test_the_detail_page_shows_changed_by_json_ld_open_graph_and_share_links(client, db):
    topic = make_topic("samverkan")
    make_news("forum", title="Forum om samverkan", byline="Frida Meinking").topics.add(topic)
    make_news("natverk", title="Nytt nätverk för kommuner", days_ago=5).topics.add(topic)

    body = client.get("/nyheter/forum/").content.decode()

    assert "Senast ändrad" in body
    assert '"@type": "NewsArticle"' in body
    assert 'property="og:title"' in body
    assert "https://www.linkedin.com/sharing/share-offsite/?url=http%3A%2F%2Ftestserver%2F" in body
    assert "Frida Meinking" in body
    related = element(body, "section", class_="related")
    assert "Relaterade nyheter" in related.text
    assert "Nytt nätverk för kommuner" in related.text


def test_bad_query_values_give_a_message_not_an_error(client, db):
    make_news("en-nyhet")
    for query in ["year=abc", "year=99999999999999999999", "topic=%00x", "page=-1", "page=zz", "page=99999"]:
        response = client.get(f"/nyheter/?{query}")
        assert response.status_code == 200, query
    assert "är inte ett årtal" in client.get("/nyheter/?year=abc").content.decode()
    assert "inga nyheter i det ämnet" in client.get("/nyheter/?topic=nope").content.decode()


def test_the_calendar_lists_upcoming_events_and_links_to_the_past_ones(client, db):
    make_event("kommande", title="Kommande seminarium")
    make_event("forra-manaden", days_ahead=-30, title="Tidigare seminarium")

    body = client.get("/kalender/").content.decode()
    assert "Kommande seminarium" in body
    assert "Tidigare seminarium" not in body
    assert elements(body, "a", "Tidigare evenemang", href="/kalender/tidigare/")

    past = client.get("/kalender/tidigare/").content.decode()
    assert "Tidigare seminarium" in past
    assert "Kommande seminarium" not in past
    assert elements(past, "a", "Kommande evenemang", href="/kalender/")


def test_the_calendar_pages_keep_every_event_once_in_order(client, db):
    for day in range(1, 46):
        make_event(f"kommande-{day}", days_ahead=day, title=f"Kommande {day:02d}")
        make_event(f"forra-{day}", days_ahead=-day, title=f"Forra {day:02d}")

    for path, prefix in [("/kalender/", "Kommande"), ("/kalender/tidigare/", "Forra")]:
        seen = []
        for number in (1, 2, 3):
            body = client.get(path, {"page": number}).content.decode()
            seen += re.findall(rf"{prefix} (\d\d)", body)
        # Soonest first on the calendar, latest first among the past: day 1 either way.
        assert [int(day) for day in seen] == list(range(1, 46)), path

    # A page number that is not one gets the nearest page, never an error.
    assert client.get("/kalender/", {"page": "x"}).status_code == 200
    assert "Kommande 41" in client.get("/kalender/", {"page": "99"}).content.decode()


def test_an_event_cannot_take_the_past_events_address(db):
    event = make_event("tidigare-test")
    event.slug = "tidigare"
    with pytest.raises(ValidationError, match="tidigare"):
        event.full_clean()


@pytest.fixture
def seminar(db, settings, tmp_path):
    """A seminar a month ahead, 09.30 to 15.30 Swedish time, with registration on the site, a
    deadline, a note on the time, an address and a programme."""
    settings.MEDIA_ROOT = tmp_path
    day = timezone.localdate() + timedelta(days=30)
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 30)))
    event = make_event(
        "kunskapsseminarium",
        title="Kunskapsseminarium om förebyggande arbete",
        start=start,
        end=start + timedelta(hours=6),
        time_note="Kaffe serveras från 09.00.",
        venue="Konferenslokalen",
        address="Odengatan 65, Stockholm",
        registration_mode=RegistrationMode.FORM,
        capacity=80,
        registration_deadline=day - timedelta(days=10),
    )
    event.programme.save(
        "program-kunskapsseminarium.pdf", ContentFile(make_pdf("Program", ["09.30 Välkommen"])), save=True
    )
    return event


def test_the_event_page_shows_the_registration_deadline_and_json_ld(client, seminar):
    body = client.get("/kalender/kunskapsseminarium/").content.decode()

    assert "Via webbplatsen" in body
    assert elements(body, "a", href="/kalender/kunskapsseminarium/anmalan/")
    assert "senast" in body
    assert "Kaffe serveras från 09.00." in body
    assert '"@type": "Event"' in body
    assert "program-kunskapsseminarium" in body


def test_the_icalendar_parses_and_carries_the_stockholm_time_zone(client, seminar):
    for path in ["/kalender/kalender.ics", "/kalender/kunskapsseminarium.ics"]:
        response = client.get(path)
        assert response["Content-Type"].startswith("text/calendar")
        calendar = icalendar.Calendar.from_ical(response.content)

        assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Stockholm"]
        event = next(e for e in calendar.walk("VEVENT") if "Kunskapsseminarium" in str(e["SUMMARY"]))
        start = event["DTSTART"]
        assert start.params["TZID"] == "Europe/Stockholm"
        assert (start.dt.hour, start.dt.minute) == (9, 30)
        assert "Odengatan 65" in str(event["LOCATION"])


def test_an_event_must_end_after_it_starts_and_email_registration_needs_an_address(db):
    event = make_event("fel")
    event.end = event.start - timedelta(hours=1)
    event.registration_mode = "email"
    with pytest.raises(ValidationError) as error:
        event.full_clean()

    assert {"end", "registration_email", "registration_deadline"} <= set(error.value.message_dict)


def test_the_home_page_shows_the_latest_news_and_next_events(client, db):
    make_news("studiebesok", title="Studiebesök från Vračar")
    make_event("seminarium", title="Kunskapsseminarium om förebyggande")

    body = client.get("/").content.decode()

    assert "Studiebesök från Vračar" in body
    assert "Kunskapsseminarium om förebyggande" in body


def test_the_sitemap_has_published_items_only(client, db):
    make_news("publicerad")
    make_news("utkast", state="draft")
    body = sitemap_text(client)

    assert "/nyheter/publicerad/" in body and "/en/nyheter/publicerad/" in body
    assert "/nyheter/utkast/" not in body


def test_english_pages_mark_swedish_articles_with_lang(client, db):
    make_news("svensk")
    body = client.get("/en/nyheter/svensk/").content.decode()

    assert elements(body, "h1", "Nyhet svensk", lang="sv")
    assert elements(body, "div", class_="richtext", lang="sv")
    assert elements(body, "article", class_="news-article")
    assert NewsItem.objects.get(slug="svensk").publish_at < timezone.now()
