"""An editor's whole news journey through the real admin, two-factor on (issue 14): create a
news item with an image, meet one validation error, fix it, schedule it, preview it, and see
it go live by itself at its time. The clock is moved forward instead of waiting."""

import datetime
import re
from datetime import timedelta
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from PIL import Image

from cks_portal.core.roles import EDITOR
from news.models import NewsItem, State
from tests.admin_forms import form_data
from tests.factories import make_news, make_topic

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _production_like(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PAGE_CACHE_SECONDS = 300  # readers are served from the page cache, as in production


def _photo():
    buffer = BytesIO()
    Image.new("RGB", (1000, 560), (30, 90, 60)).save(buffer, "JPEG")
    return SimpleUploadedFile("klassrum.jpg", buffer.getvalue(), content_type="image/jpeg")


def _news_form(publish_at, **extra):
    local = timezone.localtime(publish_at)
    return {
        "title": "Nytt stöd till skolorna",
        "slug": "nytt-stod-till-skolorna",
        "lead": "Skolorna får ett nytt stöd i det förebyggande arbetet.",
        "body": "<p>Stödet börjar gälla i höst.</p>",
        "byline": "Redaktionen",
        "state": State.SCHEDULED,
        "publish_at_0": local.strftime("%Y-%m-%d"),
        "publish_at_1": local.strftime("%H:%M:%S"),
        "language": "sv",
        "image": _photo(),
        "image_alt": "",
        **extra,
    }


def test_an_editor_schedules_news_with_an_image_previews_it_and_it_goes_live_at_its_time(
    staff_client, time_machine
):
    morning = datetime.datetime(2026, 3, 4, 8, 0, tzinfo=datetime.UTC)
    time_machine.move_to(morning, tick=False)
    editor = staff_client(EDITOR)
    reader = Client()
    goes_live = morning + timedelta(hours=2)
    assert reader.get("/nyheter/").status_code == 200  # the list is now in the page cache

    assert editor.get("/admin/news/newsitem/add/").status_code == 200
    # First try: an image without its alternative text.
    first = editor.post("/admin/news/newsitem/add/", _news_form(goes_live))
    assert first.status_code == 200
    assert "Beskriv vad bilden visar" in first.content.decode()
    assert 'value="Nytt stöd till skolorna"' in first.content.decode()  # the input is kept
    assert not NewsItem.objects.exists()

    # The retry, with the text written (and the image chosen again where the form lost it).
    retry = editor.post(
        "/admin/news/newsitem/add/", _news_form(goes_live, image_alt="En lärare samtalar med elever")
    )
    assert retry.status_code == 302, retry.content.decode()[:3000]
    item = NewsItem.objects.get()
    assert item.state == State.SCHEDULED and item.publish_at == goes_live
    assert item.updated_by == editor.user
    assert item.image and item.renditions

    # Before its time: readers do not find it, the editor previews it.
    url = item.get_absolute_url()
    assert reader.get(url).status_code == 404
    assert "Nytt stöd till skolorna" not in reader.get("/nyheter/").content.decode()
    preview = editor.get(url)
    assert preview.status_code == 200
    page = preview.content.decode()
    assert "Förhandsvisning" in page and "Schemalagd" in page
    assert 'alt="En lärare samtalar med elever"' in page
    assert re.search(r'srcset="[^"]*-480w\.jpg 480w', page)

    # At its time it is live for everyone, without anybody touching it.
    time_machine.move_to(goes_live + timedelta(seconds=1), tick=False)
    live = reader.get(url)
    assert live.status_code == 200
    assert "Förhandsvisning" not in live.content.decode()
    assert 'alt="En lärare samtalar med elever"' in live.content.decode()
    assert "Nytt stöd till skolorna" in reader.get("/nyheter/").content.decode()


def test_an_editors_change_in_the_admin_shows_on_the_kept_pages_of_the_related_news(staff_client):
    """A news item's page is kept rendered with its related news and its JSON-LD
    (news/detail.html): a related item renamed through the admin's change form shows there at
    once, and so does the item's own new headline."""
    topic = make_topic("samverkan")
    forum = make_news("forum", title="Forum om samverkan")
    forum.topics.add(topic)
    network = make_news("natverk", title="Nytt nätverk för kommuner", days_ago=5)
    network.topics.add(topic)
    editor = staff_client(EDITOR)
    reader = Client()
    assert "Nytt nätverk för kommuner" in reader.get("/nyheter/forum/").content.decode()

    for item, title in ((network, "Nätverket byter namn"), (forum, "Forum om samverkan i länet")):
        change = f"/admin/news/newsitem/{item.pk}/change/"
        data = form_data(editor.get(change))
        data["title"] = title
        saved = editor.post(change, data)
        assert saved.status_code == 302, saved.content.decode()[:3000]

    page = reader.get("/nyheter/forum/").content.decode()
    assert "Nätverket byter namn" in page
    assert "Nytt nätverk för kommuner" not in page
    assert '"headline": "Forum om samverkan i länet"' in page
