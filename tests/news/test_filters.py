from datetime import timedelta

from django.utils import timezone

from news.models import State
from tests.conftest import make_staff
from tests.factories import make_event, make_news, make_topic


def test_the_archive_filters_by_topic_and_year(client, db):
    topic = make_topic("samverkan", "Samverkan")
    make_news("med-amne", title="Med ämne").topics.add(topic)
    make_news("utan-amne", title="Utan ämne")
    old = make_news("gammal", title="Gammal nyhet", days_ago=800)

    by_topic = client.get("/nyheter/?topic=samverkan").content.decode()
    by_year = client.get(f"/nyheter/?year={old.publish_at.year}").content.decode()

    assert "Med ämne" in by_topic and "Utan ämne" not in by_topic
    assert "Gammal nyhet" in by_year and "Med ämne" not in by_year


def test_the_archive_pages_through_old_news(client, db):
    for n in range(12):
        make_news(f"n{n}", title=f"Nyhet nummer {n}", days_ago=n + 1)

    first = client.get("/nyheter/").content.decode()
    second = client.get("/nyheter/?page=2").content.decode()

    assert "Nyhet nummer 0<" in first and "Nyhet nummer 11<" not in first
    assert "Nyhet nummer 11<" in second
    assert "Sida 2 av 2" in second


def test_an_oversized_image_is_refused(db, settings):
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from news.images import validate_image

    settings.NEWS_IMAGE_MAX_BYTES = 10
    try:
        validate_image(SimpleUploadedFile("x.jpg", b"x" * 100))
    except ValidationError as error:
        assert "största tillåtna" in error.messages[0]
    else:
        raise AssertionError("an oversized file was accepted")


def test_a_scheduled_event_is_hidden_until_its_time_and_previewable_by_staff(client, db, django_user_model):
    make_event(
        "senare",
        title="Senare seminarium",
        state=State.SCHEDULED,
        publish_at=timezone.now() + timedelta(hours=1),
    )

    for path in ["/kalender/", "/kalender/kalender.ics", "/", "/sitemap-events.xml", "/sok/?q=seminarium"]:
        assert "Senare seminarium" not in client.get(path).content.decode(), path
    assert client.get("/kalender/senare/").status_code == 404

    client.force_login(make_staff(django_user_model, "redaktor", "Redaktör"))
    body = client.get("/kalender/senare/").content.decode()
    assert "Senare seminarium" in body and "Schemalagd" in body
