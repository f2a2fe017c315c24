import pytest
from django.urls import reverse

from cks_portal.core.publishing import State
from tests.factories import SITE_PAGES, make_page, make_site_pages
from tests.html import element, elements


@pytest.fixture
def site_pages(db):
    return make_site_pages()


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/", "Centrum för kunskap och säkerhet"),
        ("/en/", "Centre for Knowledge and Safety"),
        *[(f"/{slug}/", title) for slug, title, _ in SITE_PAGES],
        *[(f"/en/{slug}/", title_en) for slug, _, title_en in SITE_PAGES],
    ],
)
def test_the_site_pages_render_in_their_language(client, site_pages, path, text):
    response = client.get(path)

    assert response.status_code == 200
    assert text in response.content.decode()
    assert elements(response.content, "html", lang="en" if path.startswith("/en/") else "sv")


@pytest.mark.parametrize(
    "path", ["/", "/stod/", "/nyheter/", "/kalender/", "/kunskapsbank/", "/sok/", "/om-oss/"]
)
def test_every_page_shows_the_112_notice(client, about_page, path):
    response = client.get(path)

    assert "Vid akut fara, ring 112." in response.content.decode()


def test_the_english_pages_say_112_in_english(client, db):
    assert "In acute danger, call 112." in client.get("/en/stod/").content.decode()


def test_the_language_switch_links_to_the_same_page_in_the_other_language(client, about_page):
    html = client.get("/om-oss/").content.decode()

    assert elements(html, "a", href="/en/om-oss/", lang="en", hreflang="en")


def test_the_language_switch_offers_only_languages_that_answer_each_named_in_itself(client, about_page):
    html = client.get("/om-oss/").content.decode()
    switch = element(html, "nav", **{"class": "language-switch"})
    links = [link for link in elements(html, "a") if switch in link.ancestors]

    named = {link.attrs["hreflang"]: link.text for link in links}
    assert named["fi"] == "Suomi"
    assert named["en"] == "English"
    assert named["sv"] == "Svenska"
    assert named["ar"] == "العربية"
    for link in links:
        assert client.get(link.attrs["href"]).status_code == 200, link.attrs["href"]


def test_a_page_shows_when_and_by_whom_it_was_last_changed(client, about_page, django_user_model):
    editor = django_user_model.objects.create_user("anna", first_name="Anna", last_name="Ek")
    about_page.updated_by = editor
    about_page.save()

    html = client.get("/om-oss/").content.decode()

    assert "Senast ändrad" in html
    assert "Anna Ek" in html


def test_an_english_page_marks_swedish_only_content_with_lang_sv(client, db):
    make_page("bara-svenska", "Bara på svenska")

    html = client.get("/en/bara-svenska/").content.decode()

    assert elements(html, "h1", "Bara på svenska", lang="sv")


def test_an_unpublished_page_is_not_found(client, db):
    make_page("utkast", "Utkast", state=State.DRAFT)

    assert client.get("/utkast/").status_code == 404


def test_the_page_body_is_sanitised_when_saved(db):
    page = make_page(
        "x",
        "x",
        body='<p onclick="alert(1)">Hej<script>alert(2)</script><a href="javascript:alert(3)">l</a></p>',
    )
    page.refresh_from_db()

    assert "onclick" not in page.body
    assert "<script" not in page.body
    assert "javascript:" not in page.body
    assert "Hej" in page.body


def test_the_page_title_is_escaped(client, db):
    make_page("x", "<script>alert(1)</script>")

    html = client.get("/x/").content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_a_missing_page_gets_the_friendly_404_in_swedish_and_english(client, db):
    sv = client.get("/finns-inte/")
    en = client.get("/en/finns-inte/")

    assert sv.status_code == en.status_code == 404
    assert "Vi hittade inte sidan" in sv.content.decode()
    assert "We could not find that page" in en.content.decode()


def test_the_500_page_renders_without_a_database(client, rf):
    from cks_portal.core.views import server_error

    response = server_error(rf.get("/"))

    assert response.status_code == 500
    assert "Vid akut fara, ring 112." in response.content.decode()


def test_the_page_query_count_is_fixed(client, about_page, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        client.get("/om-oss/")


def test_the_site_search_finds_pages(client, db):
    make_page("samarbeten", "Våra samarbeten", body="<p>Vi arbetar tillsammans med Säkerhetspolisen.</p>")
    make_page("kontakt", "Kontakta oss", body="<p>Ring eller skriv till oss.</p>")

    html = client.get(reverse("search"), {"q": "Säkerhetspolisen"}).content.decode()

    assert "Våra samarbeten" in html
    assert "Kontakta oss" not in html
