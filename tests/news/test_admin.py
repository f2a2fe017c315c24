from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from news.models import NewsItem
from tests.admin_forms import form_data
from tests.conftest import make_staff
from tests.html import elements


def _jpeg():
    buffer = BytesIO()
    Image.new("RGB", (900, 500), (10, 80, 140)).save(buffer, "JPEG")
    return SimpleUploadedFile("bild.jpg", buffer.getvalue(), content_type="image/jpeg")


def _form(**extra):
    return {
        "title": "Från admin",
        "slug": "fran-admin",
        "lead": "Ingress.",
        "body": "<p>Text</p>",
        "state": "published",
        "publish_at_0": "2026-01-01",
        "publish_at_1": "10:00:00",
        "language": "sv",
        "image_alt": "",
        **extra,
    }


def test_an_editor_gets_the_rich_text_editor_on_news_events_and_pages(client, db, django_user_model):
    client.force_login(make_staff(django_user_model, "redaktor", "Redaktör"))

    for path in ["/admin/news/newsitem/add/", "/admin/news/event/add/", "/admin/pages/page/add/"]:
        body = client.get(path).content.decode()
        assert "data-cks-richtext" in body, path
        assert 'src="/static/js/richtext-editor.js" type="module"' in body, path
        assert "importmap" not in body, path


def test_saving_an_image_without_alt_text_in_the_admin_is_refused_with_a_clear_message(
    client, db, django_user_model
):
    editor = make_staff(django_user_model, "redaktor", "Redaktör")
    client.force_login(editor)

    response = client.post("/admin/news/newsitem/add/", _form(image=_jpeg()))

    assert response.status_code == 200
    assert "Beskriv vad bilden visar" in response.content.decode()
    assert not NewsItem.objects.exists()

    response = client.post("/admin/news/newsitem/add/", _form(image=_jpeg(), image_is_decorative="on"))
    assert response.status_code == 302
    item = NewsItem.objects.get()
    assert item.updated_by == editor
    assert item.image_width == 900


def test_the_admin_sanitises_the_body_and_the_page_shows_who_changed_it(client, db, django_user_model):
    client.force_login(
        make_staff(django_user_model, "redaktor", "Redaktör", first_name="Rut", last_name="Redaktör")
    )

    client.post("/admin/news/newsitem/add/", _form(body='<p onclick="x()">Hej</p><script>alert(1)</script>'))

    assert NewsItem.objects.get().body == "<p>Hej</p>"
    client.logout()
    body = client.get("/nyheter/fran-admin/").content.decode()
    assert "Ändrad av" in body and "Rut Redaktör" in body


def test_the_admin_list_links_to_a_preview(client, db, django_user_model):
    client.force_login(make_staff(django_user_model, "redaktor", "Redaktör"))
    client.post("/admin/news/newsitem/add/", _form(state="draft"))

    body = client.get("/admin/news/newsitem/?state__exact=draft").content.decode()
    assert elements(body, "a", "Förhandsvisa", href="/nyheter/fran-admin/")


def test_an_item_with_an_image_can_be_saved_again_without_a_new_upload(client, db, django_user_model):
    client.force_login(make_staff(django_user_model, "redaktor", "Redaktör"))
    client.post("/admin/news/newsitem/add/", _form(image=_jpeg(), image_alt="Blå yta"))
    item = NewsItem.objects.get()

    url = f"/admin/news/newsitem/{item.pk}/change/"
    response = client.post(url, {**form_data(client.get(url)), "title": "Ny rubrik"})

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "Ny rubrik" and item.image


def test_the_admins_event_list_puts_the_latest_events_first(db, staff_client):
    from cks_portal.core.roles import EDITOR
    from tests.factories import make_event

    make_event("for-tio-ar-sedan", days_ahead=-3650, title="Gammalt evenemang")
    make_event("forra-manaden", days_ahead=-30, title="Förra månadens evenemang")
    make_event("nasta-vecka", days_ahead=7, title="Nästa veckas evenemang")
    editor = staff_client(EDITOR)

    body = editor.get("/admin/news/event/").content.decode()

    positions = [body.index(title) for title in ("Nästa veckas", "Förra månadens", "Gammalt evenemang")]
    assert positions == sorted(positions)
