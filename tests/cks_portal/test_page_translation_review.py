"""Reviewed translations of the editable pages, and of any save that is not the admin's form."""

from django.utils import translation

from cks_portal.core.roles import EDITOR
from cks_portal.pages.models import Page
from tests.admin_forms import form_data
from tests.factories import make_contact, make_page
from tests.html import element, elements


def nearest_lang(node):
    for candidate in (node, *node.ancestors):
        if "lang" in candidate.attrs:
            return candidate.attrs["lang"]
    return None


def waiting(client):
    """(item, language) for each row of the admin's "Translations to review"."""
    html = client.get("/admin/translations/").content.decode()
    rows = [row for row in elements(html, "tr") if "data-language" in row.attrs]
    links = elements(html, "a")
    return [
        (next(link for link in links if row in link.ancestors).text, row.attrs["data-language"])
        for row in rows
    ]


def test_an_editor_hides_the_unreviewed_english_page_and_a_review_brings_it_back(staff_client, client):
    page = make_page(
        title="Om oss", title_en="About us", body="<p>Vi arbetar.</p>", body_en="<p>We work.</p>"
    )
    editor = staff_client(EDITOR)
    url = f"/admin/pages/page/{page.pk}/change/"
    assert element(client.get("/en/om-oss/").content, "h1", "About us")

    data = form_data(editor.get(url))
    del data["show_unreviewed"]
    assert editor.post(url, data).status_code == 302

    html = client.get("/en/om-oss/").content.decode()
    heading = element(html, "h1", "Om oss")
    assert nearest_lang(heading) == "sv"
    assert "We work." not in html
    # The list of pages filters on it, and the review list names the page.
    assert elements(editor.get("/admin/pages/page/?to_review=en").content, "a", "Om oss")
    assert not elements(editor.get("/admin/pages/page/?to_review=fi").content, "a", "Om oss")
    assert waiting(editor) == [("Om oss", "en")]

    data = form_data(editor.get(url))
    data["translation_reviewed_en"] = "on"
    assert editor.post(url, data).status_code == 302

    html = client.get("/en/om-oss/").content.decode()
    assert nearest_lang(element(html, "h1", "About us")) == "en"
    assert "We work." in html
    assert waiting(editor) == []


def test_a_save_outside_the_admin_marks_the_translation_outdated(db):
    contact = make_contact("linjen", summary="Stöd.", summary_fi="Tukea.", show_unreviewed=False)
    assert contact.translations_to_review == ["fi"]
    with translation.override("fi"):
        assert (contact.t.summary, contact.t.summary.lang) == ("Stöd.", "sv")

    from cks_portal.core import translation_review

    translation_review.refresh(contact, {"fi": True})
    assert contact.translations_to_review == []
    with translation.override("fi"):
        assert (contact.t.summary, contact.t.summary.lang) == ("Tukea.", "fi")

    contact.summary_sv = "Stöd för anhöriga."
    contact.save()
    contact.refresh_from_db()
    assert contact.translations_to_review == ["fi"]
    assert translation_review.states(contact)["fi"].outdated == ["summary"]
    with translation.override("fi"):
        assert (contact.t.summary, contact.t.summary.lang) == ("Stöd för anhöriga.", "sv")

    # Removing the translation removes what there was to review.
    contact.summary_fi = ""
    contact.save()
    contact.refresh_from_db()
    assert contact.translations_to_review == []
    assert not translation_review.states(contact)["fi"].translated


def test_only_loads_what_the_review_needs(db):
    make_page(title_en="About us")
    page = Page.objects.only("title", "slug").get()
    with translation.override("en"):
        assert page.t.title == "About us"
    assert {"show_unreviewed", "translations_to_review"} <= page.__dict__.keys()
