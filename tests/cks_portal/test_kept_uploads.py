"""A file chosen in an admin form survives a validation error (issue 14, usability): the
error page says which file is kept, and the retry without choosing it again saves it."""

import re
from datetime import timedelta
from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from cks_portal.core import uploads
from cks_portal.core.publishing import State
from cks_portal.core.roles import EDITOR, LIBRARIAN
from knowledge_bank.demo import make_pdf
from knowledge_bank.models import Publication
from news.models import NewsItem
from tests.admin_forms import form_data

PUBLICATIONS = "/admin/knowledge_bank/publication/"
NEWS = "/admin/news/newsitem/"


def pdf():
    return make_pdf("Rapport", ["Text som bara står i filen: blomsterkvastar."])


def jpeg():
    buffer = BytesIO()
    Image.new("RGB", (900, 500), (10, 80, 140)).save(buffer, "JPEG")
    return buffer.getvalue()


def files_under(root):
    return {path for path in Path(root).rglob("*") if path.is_file()}


def publication_form(client, **fields):
    data = form_data(client.get(PUBLICATIONS + "add/"))
    data.update(
        title="Rapport med bilaga",
        slug="rapport-med-bilaga",
        year="2025",
        summary_sv="En sammanfattning.",
        state=State.PUBLISHED,
    )
    data.update(fields)
    return data


@pytest.mark.django_db(transaction=True)
def test_a_curator_keeps_the_pdf_after_a_missing_title_and_saves_it_on_the_retry(staff_client):
    client = staff_client(LIBRARIAN)
    content = pdf()
    media_before = files_under(settings.MEDIA_ROOT)
    kept_before = files_under(settings.KEPT_UPLOADS_ROOT)

    refused = client.post(
        PUBLICATIONS + "add/",
        publication_form(client, title="", file=SimpleUploadedFile("bilaga.pdf", content, "application/pdf")),
    )

    assert refused.status_code == 200
    html = refused.content.decode()
    assert "Vald fil: bilaga.pdf (behålls från ditt förra försök)" in html
    assert 'name="file__kept"' in html
    # Kept in the private directory, not among the files /media/ serves.
    assert files_under(settings.MEDIA_ROOT) == media_before
    [kept] = files_under(settings.KEPT_UPLOADS_ROOT) - kept_before
    assert kept.read_bytes() == content

    retry = form_data(refused)
    retry["title"] = "Rapport med bilaga"
    response = client.post(PUBLICATIONS + "add/", retry)

    assert response.status_code == 302, response.content.decode()[:2000]
    publication = Publication.objects.get(slug="rapport-med-bilaga")
    with publication.file.open("rb") as stored:
        assert stored.read() == content
    assert Path(publication.file.name).name.startswith("bilaga")
    assert "blomsterkvastar" in publication.file_text
    assert not kept.exists()


@pytest.mark.django_db(transaction=True)
def test_an_editor_keeps_the_news_image_after_a_missing_alt_text_and_saves_it_on_the_retry(staff_client):
    client = staff_client(EDITOR)
    data = form_data(client.get(NEWS + "add/"))
    data.update(title="Nyhet med bild", slug="nyhet-med-bild", lead="Ingress.", state="published")

    refused = client.post(
        NEWS + "add/", {**data, "image": SimpleUploadedFile("foto.jpg", jpeg(), "image/jpeg")}
    )

    assert refused.status_code == 200
    assert "Vald fil: foto.jpg (behålls från ditt förra försök)" in refused.content.decode()
    retry = form_data(refused)
    retry["image_alt"] = "En blå yta."
    response = client.post(NEWS + "add/", retry)

    assert response.status_code == 302, response.content.decode()[:2000]
    item = NewsItem.objects.get(slug="nyhet-med-bild")
    assert item.image.name.endswith(".jpg")
    assert item.image_width == 900
    assert item.updated_by == client.user


@pytest.mark.django_db(transaction=True)
def test_a_kept_file_is_checked_again_and_a_second_error_keeps_it_still(staff_client):
    client = staff_client(LIBRARIAN)
    refused = client.post(
        PUBLICATIONS + "add/",
        publication_form(client, title="", file=SimpleUploadedFile("bilaga.pdf", pdf(), "application/pdf")),
    )
    again = form_data(refused)
    again["year"] = "99999"

    refused_again = client.post(PUBLICATIONS + "add/", again)

    assert refused_again.status_code == 200
    assert "Vald fil: bilaga.pdf" in refused_again.content.decode()
    retry = form_data(refused_again)
    retry.update(title="Rapport med bilaga", year="2025")
    assert client.post(PUBLICATIONS + "add/", retry).status_code == 302
    assert Path(Publication.objects.get().file.name).name.startswith("bilaga")


@pytest.mark.django_db(transaction=True)
def test_a_tampered_token_is_not_used_and_the_field_says_so(staff_client):
    client = staff_client(LIBRARIAN)
    refused = client.post(
        PUBLICATIONS + "add/",
        publication_form(client, title="", file=SimpleUploadedFile("bilaga.pdf", pdf(), "application/pdf")),
    )
    retry = form_data(refused)
    retry["title"] = "Rapport med bilaga"
    retry["file__kept"] = re.sub(r".$", lambda m: "A" if m.group(0) != "A" else "B", retry["file__kept"])

    response = client.post(PUBLICATIONS + "add/", retry)

    assert response.status_code == 200
    assert "Filen som sparades från ditt förra försök kunde inte användas" in response.content.decode()
    assert not Publication.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_an_expired_token_is_not_used(staff_client, monkeypatch):
    client = staff_client(LIBRARIAN)
    refused = client.post(
        PUBLICATIONS + "add/",
        publication_form(client, title="", file=SimpleUploadedFile("bilaga.pdf", pdf(), "application/pdf")),
    )
    retry = form_data(refused)
    retry["title"] = "Rapport med bilaga"
    monkeypatch.setattr(uploads, "KEEP_FOR", timedelta(seconds=-1))

    response = client.post(PUBLICATIONS + "add/", retry)

    assert response.status_code == 200
    assert "Filen som sparades från ditt förra försök kunde inte användas" in response.content.decode()
    assert not Publication.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_editor_can_decide_not_to_use_the_kept_file(staff_client):
    client = staff_client(LIBRARIAN)
    refused = client.post(
        PUBLICATIONS + "add/",
        publication_form(client, title="", file=SimpleUploadedFile("bilaga.pdf", pdf(), "application/pdf")),
    )
    retry = form_data(refused)
    retry.update(title="Rapport med bilaga", file__kept_drop="on")

    assert client.post(PUBLICATIONS + "add/", retry).status_code == 302
    assert not Publication.objects.get().file


@pytest.mark.django_db(transaction=True)
def test_an_editor_keeps_the_event_programme_after_an_error_and_saves_it_on_the_retry(staff_client):
    from news.models import Event

    client = staff_client(EDITOR)
    data = form_data(client.get("/admin/news/event/add/"))
    data.update(
        title="",
        slug="seminarium-med-program",
        summary="Ett seminarium.",
        venue="Stadshuset",  # a published event says where it is held (issue 18)
        state="published",
        start_0="2030-03-01",
        start_1="09:00:00",
        end_0="2030-03-01",
        end_1="12:00:00",
    )
    content = pdf()

    refused = client.post(
        "/admin/news/event/add/",
        {**data, "programme": SimpleUploadedFile("program.pdf", content, "application/pdf")},
    )

    assert refused.status_code == 200
    assert "Vald fil: program.pdf (behålls från ditt förra försök)" in refused.content.decode()
    retry = form_data(refused)
    retry["title"] = "Seminarium med program"
    response = client.post("/admin/news/event/add/", retry)

    assert response.status_code == 302, response.content.decode()[:2000]
    with Event.objects.get(slug="seminarium-med-program").programme.open("rb") as stored:
        assert stored.read() == content


def test_the_system_check_refuses_a_kept_uploads_directory_inside_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.KEPT_UPLOADS_ROOT = tmp_path / "kept"

    assert [error.id for error in uploads.kept_uploads_are_not_served(None)] == ["cks_portal.E101"]

    settings.KEPT_UPLOADS_ROOT = tmp_path.parent / "kept-elsewhere"
    assert uploads.kept_uploads_are_not_served(None) == []
