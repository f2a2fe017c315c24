"""The changelist's bulk actions follow the same rules as saving one publication (issue 14,
defect 7): history with the curator and a reason, cached pages out of date at once, and a
change form opened before the action refused."""

import re

import pytest
from django.test import Client

from cks_portal.core.publishing import State
from cks_portal.core.roles import LIBRARIAN
from tests.admin_forms import form_data

URL = "/admin/knowledge_bank/publication/"
TITLE = "Handbok om våldsbejakande extremism"


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300  # the cache itself starts empty (tests/conftest.py)


def sitemap_locations(client):
    """Every page address in the sitemap, following a sitemap index to its sitemaps."""
    body = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", body)
    if "<sitemapindex" not in body:
        return locations
    pages = []
    for location in locations:
        path = re.sub(r"^https?://[^/]+", "", location).replace("&amp;", "&")
        pages += re.findall(r"<loc>([^<]+)</loc>", client.get(path).content.decode())
    return pages


def public_views(visitor, publication):
    """What an anonymous visitor sees of the publication on each public page."""
    detail = visitor.get(publication.get_absolute_url())
    return {
        "home": TITLE in visitor.get("/").content.decode(),
        "knowledge bank": TITLE in visitor.get("/kunskapsbank/").content.decode(),
        "knowledge bank search": TITLE in visitor.get("/kunskapsbank/", {"q": "handbok"}).content.decode(),
        "site search": TITLE in visitor.get("/sok/", {"q": "handbok"}).content.decode(),
        "detail": detail.status_code,
        "sitemap": any(loc.endswith(publication.get_absolute_url()) for loc in sitemap_locations(visitor)),
    }


@pytest.mark.django_db(transaction=True)
def test_a_bulk_withdraw_takes_the_item_off_every_public_page_at_once_and_shows_in_its_history(
    staff_client, make_publication, page_cache
):
    publication = make_publication(TITLE, featured=True, summary="Om våldsbejakande extremism.")
    # Logging in adds the curator to a group, which changes content's generation: do it first.
    client = staff_client(LIBRARIAN)
    curator = client.user
    curator.first_name, curator.last_name = "Karin", "Kurator"
    curator.save()
    visitor = Client()
    assert public_views(visitor, publication) == {
        "home": True,
        "knowledge bank": True,
        "knowledge bank search": True,
        "site search": True,
        "detail": 200,
        "sitemap": True,
    }
    assert visitor.get("/kunskapsbank/")["X-Page-Cache"] == "hit"

    response = client.post(URL, {"action": "withdraw", "_selected_action": [publication.pk]}, follow=True)

    assert response.status_code == 200
    assert "1 publikation drogs tillbaka" in response.content.decode()
    assert public_views(visitor, publication) == {
        "home": False,
        "knowledge bank": False,
        "knowledge bank search": False,
        "site search": False,
        "detail": 404,
        "sitemap": False,
    }
    record = publication.history.order_by("-history_id").first()
    assert record.state == State.WITHDRAWN
    assert record.history_user == curator
    assert record.history_change_reason == "Drogs tillbaka med en massåtgärd i listan"
    history = client.get(f"{URL}{publication.pk}/history/").content.decode()
    assert "Drogs tillbaka med en massåtgärd i listan" in history
    assert curator.get_username() in history or "Karin Kurator" in history


@pytest.mark.django_db(transaction=True)
def test_a_change_form_opened_before_a_bulk_action_is_refused_on_save(staff_client, make_publication):
    publication = make_publication(TITLE)
    client = staff_client(LIBRARIAN)
    change_url = f"{URL}{publication.pk}/change/"
    stale = form_data(client.get(change_url))

    client.post(URL, {"action": "withdraw", "_selected_action": [publication.pk]})
    stale["summary_sv"] = "En ny sammanfattning."
    response = client.post(change_url, stale)

    assert response.status_code == 200
    assert "Någon annan har sparat det här efter att du öppnade det" in response.content.decode()
    publication.refresh_from_db()
    assert publication.state == State.WITHDRAWN
    assert publication.summary != "En ny sammanfattning."


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("action", "before", "after", "reason"),
    [
        (
            "publish",
            {"state": State.DRAFT},
            {"state": "published"},
            "Publicerades med en massåtgärd i listan",
        ),
        (
            "feature",
            {"featured": False},
            {"featured": True},
            "Lades till i urvalet med en massåtgärd i listan",
        ),
        (
            "unfeature",
            {"featured": True},
            {"featured": False},
            "Togs bort ur urvalet med en massåtgärd i listan",
        ),
    ],
)
def test_every_bulk_action_writes_history_with_the_curator_and_a_reason(
    staff_client, make_publication, action, before, after, reason
):
    publications = [make_publication(f"{TITLE} {n}", **before) for n in range(2)]
    client = staff_client(LIBRARIAN)

    client.post(URL, {"action": action, "_selected_action": [p.pk for p in publications]})

    for publication in publications:
        record = publication.history.order_by("-history_id").first()
        assert {field: getattr(record, field) for field in after} == after
        assert record.history_user == client.user
        assert record.history_change_reason == reason
