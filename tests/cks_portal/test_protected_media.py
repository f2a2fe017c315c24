"""Files of unpublished content are not served to the public (issue 14, defect 9).

A draft's image (and the smaller copies drawn from it), a draft publication's PDF and an
unpublished event's programme answer 404 to anonymous readers and to a session that skipped the
code step, are served to verified staff, and to everyone once the content is published."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from cks_portal.core.publishing import State
from cks_portal.core.roles import EDITOR, LIBRARIAN
from knowledge_bank.demo import make_pdf
from news.models import Event, NewsItem
from tests import factories
from tests.admin_forms import form_data


def jpeg(name="bild.jpg"):
    buffer = BytesIO()
    Image.new("RGB", (900, 500), (10, 80, 140)).save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def pdf(name="program.pdf"):
    return SimpleUploadedFile(
        name, make_pdf("Program", ["Förmiddag: föreläsning."]), content_type="application/pdf"
    )


def save(client, url, **fields):
    response = client.post(url, {**form_data(client.get(url)), **fields})
    assert response.status_code == 302, response.content.decode()[-3000:]


def status_codes(client, urls):
    return {client.get(url).status_code for url in urls}


@pytest.fixture
def anonymous():
    return Client()


@pytest.fixture
def make_publication(db):
    """A publication with a stored PDF. (Uploading through the admin is covered by the
    knowledge bank's tests; here only who may fetch the file matters.)"""

    def make(state=State.PUBLISHED):
        return factories.make_publication(pdf=["Text."], state=state)

    return make


def test_a_draft_news_image_and_its_copies_are_private_until_the_item_is_published(staff_client, anonymous):
    editor = staff_client(EDITOR)
    save(
        editor,
        "/admin/news/newsitem/add/",
        title="Utkast med bild",
        slug="utkast-med-bild",
        lead="Ingress.",
        body="<p>Text.</p>",
        state="draft",
        image=jpeg(),
        image_alt="En blå yta",
    )
    item = NewsItem.objects.get()
    urls = [item.image.url] + [url for url, _width, _height in item.renditions]
    assert len(urls) >= 3 and all(url.startswith("/media/news/") for url in urls)

    assert status_codes(anonymous, urls) == {404}
    assert status_codes(editor, urls) == {200}
    assert editor.get(urls[0])["Cache-Control"] == "private, no-store"

    save(editor, f"/admin/news/newsitem/{item.pk}/change/", state="published")

    assert status_codes(anonymous, urls) == {200}
    assert "public" in anonymous.get(urls[0])["Cache-Control"]


def test_an_unpublished_events_programme_is_private_until_the_event_is_published(staff_client, anonymous):
    editor = staff_client(EDITOR)
    event = factories.make_event("seminarium", state="draft", venue="Stadshuset", locality="Borås")
    save(editor, f"/admin/news/event/{event.pk}/change/", programme=pdf())
    event = Event.objects.get()
    url = event.programme.url

    assert anonymous.get(url).status_code == 404
    assert editor.get(url).status_code == 200

    save(editor, f"/admin/news/event/{event.pk}/change/", state="published")
    assert anonymous.get(url).status_code == 200


def test_a_draft_publications_pdf_is_private_until_it_is_published(staff_client, anonymous, make_publication):
    librarian = staff_client(LIBRARIAN)
    publication = make_publication(State.DRAFT)
    url = publication.file.url

    assert anonymous.get(url).status_code == 404
    assert librarian.get(url).status_code == 200
    assert librarian.get(url)["Content-Disposition"] == "attachment"

    save(librarian, f"/admin/knowledge_bank/publication/{publication.pk}/change/", state="published")
    assert anonymous.get(url).status_code == 200


def test_a_password_only_session_gets_no_unpublished_file(
    two_factor_on, django_user_model, anonymous, make_publication
):
    from tests.conftest import make_staff

    make_staff(django_user_model, "halvvags", LIBRARIAN)
    anonymous.post("/admin/login/?next=/admin/", {"username": "halvvags", "password": "pw-halvvags"})
    publication = make_publication(State.DRAFT)

    assert anonymous.get(publication.file.url).status_code == 404


def test_a_file_that_no_content_owns_is_not_served(db, settings, anonymous):
    from pathlib import Path

    left_behind = Path(settings.MEDIA_ROOT) / "news" / "2026" / "ersatt.jpg"
    left_behind.parent.mkdir(parents=True, exist_ok=True)
    left_behind.write_bytes(jpeg().read())

    assert anonymous.get("/media/news/2026/ersatt.jpg").status_code == 404


def test_behind_nginx_django_answers_with_the_internal_location_instead_of_the_bytes(
    settings, anonymous, make_publication
):
    settings.MEDIA_ACCEL_REDIRECT = True
    publication = make_publication()
    draft = make_publication(State.DRAFT)

    response = anonymous.get(publication.file.url)

    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/_protected_media/" + publication.file.name
    assert response.content == b""
    assert response["Content-Disposition"] == "attachment"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert anonymous.get(draft.file.url).status_code == 404
