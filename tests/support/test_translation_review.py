"""Reviewed and outdated translations, through the admin's forms and the public pages.

An editor changes the Swedish text of a support line; its Finnish translation is then marked
outdated in the change form and in the list of translations to review until a translator marks
it reviewed. The editor decides per item whether text no translator has reviewed is shown."""

import pytest
from django.core.cache import cache

from cks_portal.core.roles import SUPPORT_EDITOR
from support.models import SupportContact
from tests.admin_forms import form_data
from tests.factories import add_contacts, make_contact, seed_hours
from tests.html import element, elements

SWEDISH = "För dig som är orolig för någon."
FINNISH = "Sinulle, joka olet huolissasi läheisestäsi."


def nearest_lang(node):
    for candidate in (node, *node.ancestors):
        if "lang" in candidate.attrs:
            return candidate.attrs["lang"]
    return None


@pytest.fixture
def contact(db):
    return make_contact(
        "orostelefonen",
        name="Rädda Barnens orostelefon",
        summary=SWEDISH,
        summary_fi=FINNISH,
        hours=seed_hours(),
    )


def change_url(contact):
    return f"/admin/support/supportcontact/{contact.pk}/change/"


def save(client, contact, **changes):
    url = change_url(contact)
    data = {**form_data(client.get(url)), **changes}
    response = client.post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    contact.refresh_from_db()
    return data


def marks(client, contact, lang):
    """The marks beside `lang`'s translated fields in the change form: {column: kind}."""
    html = client.get(change_url(contact)).content.decode()
    found = {}
    for mark in elements(html, "strong", class_="translation-mark", data_language=lang):
        help_box = next(node for node in mark.ancestors if node.attrs.get("id", "").endswith("_helptext"))
        column = help_box.attrs["id"].removeprefix("id_").removesuffix("_helptext")
        kind = "outdated" if "translation-outdated" in mark.attrs["class"] else "unreviewed"
        found[column] = kind
    return found


def review_list(client):
    """(item, language code, outdated?) for each row of the admin's "Translations to review"."""
    response = client.get("/admin/translations/")
    assert response.status_code == 200
    html = response.content.decode()
    rows = [row for row in elements(html, "tr") if "data-language" in row.attrs]
    return [
        (
            next(cell for cell in elements(html, "a") if row in cell.ancestors).text,
            row.attrs["data-language"],
            "translation-outdated" in row.attrs.get("class", ""),
        )
        for row in rows
    ]


def test_a_swedish_edit_marks_the_finnish_summary_outdated_until_a_translator_reviews_it(
    staff_client, contact
):
    editor = staff_client(SUPPORT_EDITOR)
    # Written by the factory and never reviewed: unreviewed, in the form and in the list.
    assert marks(editor, contact, "fi") == {"summary_fi": "unreviewed"}
    assert review_list(editor) == [("Rädda Barnens orostelefon", "fi", False)]
    assert contact.translations_to_review == ["fi"]

    # A translator reads it and ticks the box.
    save(editor, contact, translation_reviewed_fi="on")
    assert marks(editor, contact, "fi") == {}
    assert review_list(editor) == []
    assert contact.translations_to_review == []
    assert form_data(editor.get(change_url(contact)))["translation_reviewed_fi"] == "on"

    # An editor changes the Swedish summary and saves the form as it is otherwise.
    data = save(editor, contact, summary_sv="För dig som oroar dig för en närstående.")
    assert data["translation_reviewed_fi"] == "on"  # the box was ticked, and left alone
    assert marks(editor, contact, "fi") == {"summary_fi": "outdated"}
    assert review_list(editor) == [("Rädda Barnens orostelefon", "fi", True)]
    assert contact.translations_to_review == ["fi"]
    assert "translation_reviewed_fi" not in form_data(editor.get(change_url(contact)))
    # Only the changed field's translation is outdated; the list filter finds the item.
    changelist = editor.get("/admin/support/supportcontact/?to_review=fi").content.decode()
    assert element(changelist, "a", "Rädda Barnens orostelefon")
    assert not elements(
        editor.get("/admin/support/supportcontact/?to_review=ar").content.decode(),
        "a",
        "Rädda Barnens orostelefon",
    )

    # The translator checks the Finnish against the new Swedish and ticks the box again.
    save(editor, contact, translation_reviewed_fi="on")
    assert marks(editor, contact, "fi") == {}
    assert review_list(editor) == []
    assert contact.translations_to_review == []


def test_a_new_translation_of_a_reviewed_item_needs_a_review_of_its_own(staff_client, contact):
    editor = staff_client(SUPPORT_EDITOR)
    save(editor, contact, translation_reviewed_fi="on")

    save(editor, contact, summary_ar="لمن يقلق على شخص قريب منه.")

    assert marks(editor, contact, "fi") == {}
    assert marks(editor, contact, "ar") == {"summary_ar": "unreviewed"}
    assert contact.translations_to_review == ["ar"]
    # A translator who edits a reviewed translation with the box still ticked keeps it reviewed.
    save(editor, contact, summary_fi="Sinulle, joka olet huolissasi jostakusta läheisestä.")
    assert marks(editor, contact, "fi") == {}


@pytest.mark.django_db(transaction=True)
def test_restoring_the_swedish_text_a_translation_was_reviewed_against_makes_it_current_again(staff_client):
    contact = make_contact("orostelefonen", summary=SWEDISH, summary_fi=FINNISH)
    editor = staff_client(SUPPORT_EDITOR)
    save(editor, contact, translation_reviewed_fi="on")
    reviewed = contact.history.order_by("-history_id").first()
    save(editor, contact, summary_sv="En ändring som blev fel.")
    assert marks(editor, contact, "fi") == {"summary_fi": "outdated"}

    version_url = f"/admin/support/supportcontact/{contact.pk}/history/{reviewed.history_id}/"
    response = editor.post(version_url, form_data(editor.get(version_url)))

    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.summary_sv == SWEDISH
    assert marks(editor, contact, "fi") == {}
    assert contact.translations_to_review == []


def test_with_unreviewed_text_hidden_the_finnish_page_shows_the_swedish_marked_as_swedish(
    staff_client, client, contact
):
    editor = staff_client(SUPPORT_EDITOR)
    finnish_page = client.get("/fi/stod/orostelefonen/").content.decode()
    assert nearest_lang(element(finnish_page, "p", FINNISH)) == "fi"  # shown while unreviewed

    url = change_url(contact)
    data = form_data(editor.get(url))
    assert data["show_unreviewed"] == "on"
    del data["show_unreviewed"]  # the editor clears the box
    assert editor.post(url, data).status_code == 302
    contact.refresh_from_db()
    assert not contact.show_unreviewed

    page = client.get("/fi/stod/orostelefonen/").content.decode()
    assert element(page, "html").attrs["lang"] == "fi"
    assert nearest_lang(element(page, "p", SWEDISH)) == "sv"
    assert FINNISH not in page
    listing = client.get("/fi/stod/").content.decode()
    assert FINNISH not in listing
    assert nearest_lang(element(listing, "p", SWEDISH)) == "sv"

    # Once a translator has reviewed it, the Finnish text is shown again.
    save(editor, contact, translation_reviewed_fi="on")
    page = client.get("/fi/stod/orostelefonen/").content.decode()
    assert nearest_lang(element(page, "p", FINNISH)) == "fi"


def _queries(client, path, django_assert_max_num_queries, cold):
    cache.clear()
    with django_assert_max_num_queries(cold) as first:
        assert client.get(path).status_code == 200
    return len(first)


def test_hiding_unreviewed_text_costs_no_query(client, contact, django_assert_max_num_queries):
    # The same budgets as the Swedish pages (tests/support/test_pages.py).
    add_contacts(12)
    for item in SupportContact.objects.exclude(pk=contact.pk):
        item.summary_fi = f"Suomeksi {item.slug}."
        item.save()
    assert FINNISH in client.get("/fi/stod/").content.decode()
    budgets = [("/fi/stod/", 10), ("/fi/stod/orostelefonen/", 9)]
    shown = {path: _queries(client, path, django_assert_max_num_queries, cold) for path, cold in budgets}
    SupportContact.objects.update(show_unreviewed=False)
    hidden = {path: _queries(client, path, django_assert_max_num_queries, cold) for path, cold in budgets}
    assert hidden == shown
    assert FINNISH not in client.get("/fi/stod/orostelefonen/").content.decode()
    assert "Suomeksi" not in client.get("/fi/stod/").content.decode()


def test_the_demo_shows_its_unreviewed_arabic_text(client, demo):
    contact = SupportContact.objects.get(slug="orostelefonen")
    assert contact.show_unreviewed
    assert set(contact.translations_to_review) == {"en", "fi", "ar", "so", "fa", "ckb", "kmr", "ti"}

    html = client.get("/ar/stod/orostelefonen/").content.decode()

    assert element(html, "html").attrs["dir"] == "rtl"
    heading = element(html, "h1")
    assert heading.text == contact.name_ar
    assert nearest_lang(heading) == "ar"
    assert nearest_lang(element(html, "p", contact.summary_ar)) == "ar"
    for slug in ("om-oss", "tillganglighet", "personuppgifter"):
        page = client.get(f"/ar/{slug}/").content.decode()
        assert nearest_lang(element(page, "h1")) == "ar", slug


def _found_on_sok(client, words):
    response = client.get("/sok/", {"q": words})
    return [result.url for group in response.context["groups"] for result in group.results]


def test_a_held_back_translation_is_not_searched_until_it_is_shown(staff_client, client, contact):
    """The page shows Swedish while the Finnish text is held back, so /sok/ must not find the
    line by Finnish words; it does again once a translator has reviewed them."""
    editor = staff_client(SUPPORT_EDITOR)
    assert _found_on_sok(client, "huolissasi") == ["/stod/orostelefonen/"]

    url = change_url(contact)
    data = form_data(editor.get(url))
    del data["show_unreviewed"]  # the editor holds back unreviewed text
    assert editor.post(url, data).status_code == 302
    assert _found_on_sok(client, "huolissasi") == []
    assert _found_on_sok(client, "orolig") == ["/stod/orostelefonen/"]  # the Swedish still is

    save(editor, contact, translation_reviewed_fi="on")
    assert _found_on_sok(client, "huolissasi") == ["/stod/orostelefonen/"]
