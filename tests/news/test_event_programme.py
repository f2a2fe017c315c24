"""An event's programme is checked by what the file contains, not by its name (issue 14,
defect 10), through the admin's add form as an editor with two-factor on."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from cks_portal.core.roles import EDITOR
from knowledge_bank.demo import make_pdf
from news.models import Event


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _event_form(programme, **extra):
    start = timezone.localtime() + timedelta(days=20)
    return {
        "title": "Seminarium med program",
        "slug": "seminarium-med-program",
        "summary": "Kort.",
        "body": "",
        "start_0": start.strftime("%Y-%m-%d"),
        "start_1": "09:00:00",
        "end_0": start.strftime("%Y-%m-%d"),
        "end_1": "16:00:00",
        "registration_mode": "none",
        "state": "draft",
        "publish_at_0": "2026-01-01",
        "publish_at_1": "10:00:00",
        "language": "sv",
        "programme": programme,
        "registrations-TOTAL_FORMS": "0",
        "registrations-INITIAL_FORMS": "0",
        "registrations-MIN_NUM_FORMS": "0",
        "registrations-MAX_NUM_FORMS": "0",
        **extra,
    }


def _upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def _odt():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
        archive.writestr("META-INF/manifest.xml", "<manifest:manifest/>")
    return buffer.getvalue()


def test_an_editor_uploads_a_real_pdf_programme(db, staff_client):
    editor = staff_client(EDITOR)

    response = editor.post(
        "/admin/news/event/add/", _event_form(_upload("program.pdf", make_pdf("Program", ["09.00 Kaffe"])))
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert Event.objects.get().programme.name.endswith(".pdf")


def test_an_opendocument_programme_is_accepted_when_it_is_one(db, staff_client):
    editor = staff_client(EDITOR)

    response = editor.post("/admin/news/event/add/", _event_form(_upload("program.odt", _odt())))

    assert response.status_code == 302, response.content.decode()[:2000]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("program.pdf", b"<html><script>alert(1)</script></html>", "inte en PDF"),
        ("program.pdf", b"%PDF-1.4\nnot really a pdf at all", "skadad"),
        ("program.docx", b"MZ\x90\x00 a program file", "inte ett Word-dokument"),
        ("program.odt", make_pdf("Program", ["x"]), "inte ett OpenDocument-dokument"),
    ],
    # A generated PDF carries its creation time: fixed ids let every pytest-xdist worker collect
    # the same tests.
    ids=["html-as-pdf", "broken-pdf", "executable-as-docx", "pdf-as-odt"],
)
def test_a_programme_that_is_not_what_its_name_says_is_refused(db, staff_client, name, content, message):
    editor = staff_client(EDITOR)

    response = editor.post("/admin/news/event/add/", _event_form(_upload(name, content)))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Event.objects.exists()


def test_a_programme_over_the_size_limit_is_refused(db, staff_client, settings):
    settings.NEWS_ATTACHMENT_MAX_BYTES = 1024
    editor = staff_client(EDITOR)
    pdf = make_pdf("Program", ["En lång rad text. " * 200] * 5)
    assert len(pdf) > 1024

    response = editor.post("/admin/news/event/add/", _event_form(_upload("program.pdf", pdf)))

    assert response.status_code == 200
    assert "största tillåtna" in response.content.decode()
    assert not Event.objects.exists()
