"""Content in the site's other languages, from the editor's form to the resident's page."""

from django.utils import translation

from cks_portal.core import search
from cks_portal.core.roles import SUPPORT_EDITOR
from support.models import SupportContact
from tests.admin_forms import form_data
from tests.factories import make_contact, seed_hours
from tests.html import element


def nearest_lang(node):
    """The language a screen reader uses for `node`: its own lang, else its nearest ancestor's."""
    for candidate in (node, *node.ancestors):
        if "lang" in candidate.attrs:
            return candidate.attrs["lang"]
    return None


def test_an_editor_adds_a_finnish_summary_and_the_finnish_page_shows_it(staff_client):
    contact = make_contact(
        "orostelefonen",
        name="Rädda Barnens orostelefon",
        summary="För dig som är orolig för någon.",
        hours=seed_hours(),
        is_anonymous=True,
        anonymity_note="Samtalet syns inte på telefonräkningen.",
    )
    editor = staff_client(SUPPORT_EDITOR)
    url = f"/admin/support/supportcontact/{contact.pk}/change/"
    form = editor.get(url)
    data = form_data(form)
    # The form shows each language of a field together, the Swedish one required.
    assert data["summary_sv"] == "För dig som är orolig för någon."
    assert data["summary_fi"] == ""
    assert element(form.content, "textarea", name="summary_sv").attrs.get("required") is not None
    assert element(form.content, "textarea", name="summary_fi").attrs.get("required") is None

    data["summary_fi"] = "Sinulle, joka olet huolissasi läheisestäsi."
    response = editor.post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else response

    contact.refresh_from_db()
    assert contact.summary_fi == "Sinulle, joka olet huolissasi läheisestäsi."
    assert contact.summary_sv == "För dig som är orolig för någon."  # the Swedish text is untouched

    page = editor.get("/fi/stod/orostelefonen/")
    assert page.status_code == 200
    html = page.content.decode()
    assert element(html, "html").attrs["lang"] == "fi"
    summary = element(html, "p", "Sinulle, joka olet huolissasi läheisestäsi.")
    assert nearest_lang(summary) == "fi"
    # No Finnish name or anonymity note: the Swedish ones, marked as Swedish.
    assert nearest_lang(element(html, "h1", "Rädda Barnens orostelefon")) == "sv"
    assert nearest_lang(element(html, "span", "Samtalet syns inte på telefonräkningen.")) == "sv"

    # The Swedish page is as it was, and so is the English one, which has no translation.
    swedish = editor.get("/stod/orostelefonen/").content.decode()
    assert nearest_lang(element(swedish, "p", "För dig som är orolig för någon.")) == "sv"
    english = editor.get("/en/stod/orostelefonen/").content.decode()
    assert nearest_lang(element(english, "p", "För dig som är orolig för någon.")) == "sv"


def test_a_blank_translation_falls_back_to_swedish_marked_as_swedish(db):
    contact = make_contact("linjen", summary="Stöd.", summary_fi="   ", summary_en="Support.")
    with translation.override("fi"):
        assert (contact.t.summary, contact.t.summary.lang) == ("Stöd.", "sv")
    with translation.override("en"):
        assert (contact.t.summary, contact.t.summary.lang) == ("Support.", "en")
    with translation.override("ar"):
        assert (contact.t.summary, contact.t.summary.lang) == ("Stöd.", "sv")


def test_the_search_vector_reads_every_language(db):
    make_contact("linjen", summary="Stöd.", summary_en="Support for worried parents.", summary_fi="Tukea.")
    make_contact("annan", summary="Något annat.")

    def found(words):
        query = search.websearch_query(words)
        return list(SupportContact.objects.filter(search_vector=query).values_list("slug", flat=True))

    assert found("Tukea") == ["linjen"]
    assert found("parents") == ["linjen"]
    assert found("Stöd") == ["linjen"]
