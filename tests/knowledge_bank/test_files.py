import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from knowledge_bank.demo import make_pdf
from knowledge_bank.files import validate_pdf
from knowledge_bank.models import Publication


def upload(content, name="rapport.pdf"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_a_real_pdf_is_accepted_and_its_text_and_size_are_read(make_publication):
    publication = make_publication("Rapport", pdf=["Unik mening om trygghetsvandringar."])

    assert "trygghetsvandringar" in publication.file_text
    assert publication.file_size == publication.file.size
    assert publication.file_description.startswith("PDF, ")


def test_a_file_named_pdf_that_is_not_a_pdf_is_refused_with_a_clear_message():
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100

    with pytest.raises(ValidationError) as error:
        validate_pdf(upload(png))

    assert error.value.code == "not_pdf"
    assert "innehållet är inte en PDF" in error.value.messages[0]


def test_a_damaged_pdf_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_pdf(upload(b"%PDF-1.4\nthis is not really a pdf"))

    assert error.value.code == "unreadable_pdf"


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.KNOWLEDGE_BANK_MAX_UPLOAD_MB = 0

    with pytest.raises(ValidationError) as error:
        validate_pdf(upload(make_pdf("Titel", ["Text."])))

    assert error.value.code == "too_large"


def test_the_model_form_refuses_a_wrong_extension_and_a_fake_pdf(db):
    from django.forms import modelform_factory

    Form = modelform_factory(Publication, fields=["file"])
    for name, content in [("rapport.docx", make_pdf("T", ["x"])), ("rapport.pdf", b"<html>not a pdf</html>")]:
        form = Form(data={}, files={"file": upload(content, name)})
        assert not form.is_valid()
        assert "file" in form.errors


def test_the_size_is_shown_in_the_swedish_format():
    from django.utils import translation

    from knowledge_bank.files import describe_file

    with translation.override("sv"):
        assert describe_file(int(2.3 * 1024 * 1024)) == "PDF, 2,3 MB"


def test_the_admin_shows_the_refusal_to_a_curator(client, superuser, topics):
    client.force_login(superuser)
    data = {
        "title": "Falsk",
        "slug": "falsk",
        "type": "report",
        "year": "2024",
        "language": "sv",
        "audience": "professionals",
        "summary_sv": "S",
        "state": "draft",
        "publish_at_0": "2025-01-01",
        "publish_at_1": "10:00:00",
        "featured_order": "0",
        "credits-TOTAL_FORMS": "0",
        "credits-INITIAL_FORMS": "0",
        "file": upload(b"GIF89a not a pdf"),
    }
    response = client.post("/admin/knowledge_bank/publication/add/", data)

    assert response.status_code == 200
    assert not Publication.objects.exists()
    assert "PDF" in response.content.decode()
