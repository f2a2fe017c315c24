"""A curator uploads a PDF through the admin's real add and change forms (issue 14, defect 1)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from cks_portal.core.publishing import State
from cks_portal.core.roles import LIBRARIAN
from knowledge_bank.demo import make_pdf
from knowledge_bank.models import Publication
from tests.admin_forms import form_data

URL = "/admin/knowledge_bank/publication/"


def pdf_upload(word, name="rapport.pdf"):
    content = make_pdf("Rapport", [f"Texten i filen nämner ordet {word} och inget annat gör det."])
    return SimpleUploadedFile(name, content, content_type="application/pdf"), content


def add_form(client, **fields):
    data = form_data(client.get(URL + "add/"))
    data.update(
        title="Rapport om skolans arbete",
        slug="rapport-om-skolans-arbete",
        year="2025",
        summary_sv="En sammanfattning som inte nämner filens ord.",
        state=State.PUBLISHED,
    )
    data.update(fields)
    return data


def assert_found_by(word, title):
    visitor = Client()
    assert title in visitor.get("/kunskapsbank/", {"q": word}).content.decode()
    assert title in visitor.get("/sok/", {"q": word}).content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_curator_uploads_a_pdf_and_the_publication_is_found_by_a_word_only_in_the_pdf(staff_client):
    client = staff_client(LIBRARIAN)
    upload, content = pdf_upload("zorbelinska")

    response = client.post(URL + "add/", add_form(client, file=upload))

    assert response.status_code == 302, response.content.decode()[:2000]
    publication = Publication.objects.get(slug="rapport-om-skolans-arbete")
    with publication.file.open("rb") as stored:
        assert stored.read() == content
    assert publication.file_size == len(content)
    assert_found_by("zorbelinska", "Rapport om skolans arbete")


@pytest.mark.django_db(transaction=True)
def test_a_curator_replaces_the_pdf_through_the_change_form(staff_client):
    client = staff_client(LIBRARIAN)
    first, _ = pdf_upload("zorbelinska")
    client.post(URL + "add/", add_form(client, file=first))
    publication = Publication.objects.get()
    change_url = f"{URL}{publication.pk}/change/"
    second, content = pdf_upload("kvistramonik", name="ny-version.pdf")

    data = form_data(client.get(change_url))
    data["file"] = second
    response = client.post(change_url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    publication.refresh_from_db()
    assert publication.file.name.endswith(".pdf") and "ny-version" in publication.file.name
    with publication.file.open("rb") as stored:
        assert stored.read() == content
    assert_found_by("kvistramonik", "Rapport om skolans arbete")
    assert (
        "Rapport om skolans arbete"
        not in Client().get("/kunskapsbank/", {"q": "zorbelinska"}).content.decode()
    )


@pytest.mark.django_db(transaction=True)
def test_a_file_that_only_looks_like_a_pdf_is_refused_with_a_message(staff_client):
    client = staff_client(LIBRARIAN)
    fake = SimpleUploadedFile("rapport.pdf", b"<html>not a pdf</html>", content_type="application/pdf")

    response = client.post(URL + "add/", add_form(client, file=fake))

    assert response.status_code == 200
    assert "Bara PDF-filer kan laddas upp" in response.content.decode()
    assert not Publication.objects.exists()
