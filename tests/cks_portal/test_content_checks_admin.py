"""The content checks in the admin: the URL the change form's script posts to, and the warnings
after a save (issue 19). Staff come in through the admin's login and code step (`staff_client`)."""

from django.contrib.messages import WARNING, get_messages

from cks_portal.core.roles import EDITOR, LIBRARIAN, SUPPORT_EDITOR
from news.models import NewsItem
from tests.admin_forms import form_data
from tests.factories import make_contact, make_news
from tests.html import element, elements

NEWS_CHECKS = "/admin/news/newsitem/content-checks/"
CONTACT_CHECKS = "/admin/support/supportcontact/content-checks/"

VAGUE_BODY = '<h2>Om dagen</h2><h4>Program</h4><p>Anmäl dig <a href="/kalender/">klicka här</a>.</p>'
CLEAN_BODY = '<h2>Om dagen</h2><h3>Program</h3><p>Läs <a href="/kalender/">programmet för dagen</a>.</p>'


def _sections(response):
    html = response.content.decode()
    return {section.attrs["data-content-checks-for"]: section for section in elements(html, "section")}


def _rules(html, section):
    return [item.attrs["data-rule"] for item in elements(html, "li") if section in item.ancestors]


def test_an_editor_gets_the_notes_for_each_field_with_why_and_how(db, staff_client):
    editor = staff_client(EDITOR)

    response = editor.post(
        NEWS_CHECKS,
        {"lead": "En kort ingress.", "body": VAGUE_BODY, "image_alt": "IMG_2041.jpg", "image": ""},
    )

    assert response.status_code == 200
    html = response.content.decode()
    sections = _sections(response)
    assert set(sections) == {"lead", "body", "image_alt"}
    assert _rules(html, sections["lead"]) == []
    assert sorted(_rules(html, sections["body"])) == ["heading-level", "link-text"]
    assert _rules(html, sections["image_alt"]) == ["image-alt"]
    # Each note: the message, the passage it is about, and the rule's why and how behind <details>.
    link_note = element(html, "li", data_rule="link-text")
    assert [q.text for q in elements(html, "q") if link_note in q.ancestors] == ["klicka här"]
    details = [d for d in elements(html, "details") if link_note in d.ancestors]
    assert len(details) == 1
    texts = [p.text for p in elements(html, "p") if details[0] in p.ancestors]
    assert texts[0].startswith("Varför:") and texts[1].startswith("Så här:")


def test_clean_text_gets_empty_sections_so_the_notes_go_away(db, staff_client):
    editor = staff_client(EDITOR)

    response = editor.post(
        NEWS_CHECKS,
        {"lead": "En kort ingress.", "body": CLEAN_BODY, "image_alt": "Två personer vid ett bord"},
    )

    html = response.content.decode()
    assert set(_sections(response)) == {"lead", "body", "image_alt"}
    assert elements(html, "li") == []


def test_an_alt_text_is_not_asked_for_when_there_is_no_image_or_it_is_decoration(db, staff_client):
    editor = staff_client(EDITOR)

    without_image = editor.post(NEWS_CHECKS, {"image_alt": "", "image": ""})
    decorative = editor.post(NEWS_CHECKS, {"image_alt": "", "image": "1", "image_is_decorative": "1"})
    informative = editor.post(NEWS_CHECKS, {"image_alt": "", "image": "1"})

    assert elements(without_image.content.decode(), "li") == []
    assert elements(decorative.content.decode(), "li") == []
    assert [li.attrs["data-rule"] for li in elements(informative.content.decode(), "li")] == ["image-alt"]


def test_publications_are_read_with_the_professionals_aim_and_contacts_with_the_residents(db, staff_client):
    # LIX 42 ("medium"): above the residents' aim of 40, within the professionals' 50.
    text = (
        "Rapporten visar hur arbetet mot våldsbejakande extremism har ordnats i fem kommuner och vad "
        "det har gett under de år som studien pågick. Den visar att samverkan mellan skolan och "
        "socialtjänsten går bäst när det är klart vem som har ansvar för vad. "
    ) * 2
    librarian = staff_client(LIBRARIAN)
    support_editor = staff_client(SUPPORT_EDITOR)

    publication = librarian.post("/admin/knowledge_bank/publication/content-checks/", {"summary_sv": text})
    contact = support_editor.post(CONTACT_CHECKS, {"summary_sv": text})

    assert "lix" not in [li.attrs["data-rule"] for li in elements(publication.content.decode(), "li")]
    assert "lix" in [li.attrs["data-rule"] for li in elements(contact.content.decode(), "li")]


def test_only_staff_who_may_add_or_change_the_model_can_ask(db, staff_client, client):
    editor = staff_client(EDITOR)
    support_editor = staff_client(SUPPORT_EDITOR)

    assert editor.post(CONTACT_CHECKS, {"summary_sv": "Text."}).status_code == 403
    assert support_editor.post(NEWS_CHECKS, {"lead": "Text."}).status_code == 403
    assert support_editor.post(CONTACT_CHECKS, {"summary_sv": "Text."}).status_code == 200


def test_anonymous_visitors_are_sent_to_the_login_and_get_is_refused(db, client, staff_client):
    from django.test import Client

    anonymous = Client()
    response = anonymous.post(NEWS_CHECKS, {"lead": "Text."})
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=")

    editor = staff_client(EDITOR)
    assert editor.get(NEWS_CHECKS).status_code == 405


def test_the_check_needs_the_csrf_token(db, staff_client):
    from django.test import Client

    editor = staff_client(EDITOR)
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = editor.cookies

    assert strict.post(NEWS_CHECKS, {"lead": "Text."}).status_code == 403


def test_the_change_form_marks_the_checked_fields_and_loads_the_script(db, staff_client):
    editor = staff_client(EDITOR)

    html = editor.get("/admin/news/newsitem/add/").content.decode()

    assert element(html, "textarea", name="body").attrs["data-content-checks"] == NEWS_CHECKS
    assert element(html, "textarea", name="lead").attrs["data-content-checks"] == NEWS_CHECKS
    assert element(html, "input", name="image_alt").attrs["data-content-checks"] == NEWS_CHECKS
    assert element(html, "script", src="/static/js/content-checks.js", type="module")


def test_saving_news_with_problems_saves_it_and_shows_the_notes_as_warnings(db, staff_client):
    editor = staff_client(EDITOR)
    url = "/admin/news/newsitem/add/"
    data = {
        **form_data(editor.get(url)),
        "title": "Seminarium om dialog",
        "slug": "seminarium-om-dialog",
        "lead": "Välkommen till en dag om samtal.",
        "body": VAGUE_BODY,
        "publish_at_0": "2026-01-01",
        "publish_at_1": "10:00:00",
    }

    response = editor.post(url, data, follow=True)

    assert NewsItem.objects.filter(slug="seminarium-om-dialog").exists()
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level == WARNING]
    warnings += [li.text for li in elements(response.content.decode(), "li", class_="warning")]
    assert any(text.startswith("Brödtext:") and "klicka här" in text for text in warnings), warnings
    assert any(text.startswith("Brödtext:") and "nivå 4" in text for text in warnings), warnings


def test_saving_clean_news_shows_no_warnings(db, staff_client):
    editor = staff_client(EDITOR)
    item = make_news("ren", body=CLEAN_BODY, lead="Välkommen till en dag om samtal.")
    url = f"/admin/news/newsitem/{item.pk}/change/"

    response = editor.post(url, form_data(editor.get(url)), follow=True)

    assert response.redirect_chain, "the form was not saved"
    assert elements(response.content.decode(), "li", class_="warning") == []


def test_a_support_contact_is_checked_on_save_too(db, staff_client):
    support_editor = staff_client(SUPPORT_EDITOR)
    contact = make_contact("stodlinjen", summary="Ring oss. KLICKA HÄR FÖR MER INFORMATION OM STÖD.")
    url = f"/admin/support/supportcontact/{contact.pk}/change/"

    response = support_editor.post(url, form_data(support_editor.get(url)), follow=True)

    assert response.redirect_chain, "the form was not saved"
    warnings = [li.text for li in elements(response.content.decode(), "li", class_="warning")]
    # The field as the translation admin labels it: the Swedish column of the summary.
    assert any(text.startswith("Sammanfattning [sv]:") for text in warnings), warnings


def test_only_a_rule_of_severity_error_stops_the_save(db, staff_client, monkeypatch):
    from cks_portal.core import content_checks

    blocking = content_checks.Rule("test-error", "Testfel", "Varför.", "Så här.", content_checks.ERROR)

    def check_text(text, **options):
        return [content_checks.Finding(blocking, "Det här får inte sparas.")] if "STOPP" in text else []

    monkeypatch.setattr(content_checks, "check_text", check_text)
    editor = staff_client(EDITOR)
    item = make_news("stopp")
    url = f"/admin/news/newsitem/{item.pk}/change/"

    refused = editor.post(url, {**form_data(editor.get(url)), "lead": "STOPP här."})
    saved = editor.post(url, {**form_data(editor.get(url)), "lead": "Vanlig text."})

    assert refused.status_code == 200
    assert elements(refused.content.decode(), "li", "Det här får inte sparas.")
    assert saved.status_code == 302
    item.refresh_from_db()
    assert item.lead == "Vanlig text."


def test_each_language_column_is_checked_in_its_own_language(db, staff_client):
    # LIX 42: a note in Swedish for residents; the English column is not measured with LIX.
    text = (
        "Rapporten visar hur arbetet mot våldsbejakande extremism har ordnats i fem kommuner och vad "
        "det har gett under de år som studien pågick. Den visar att samverkan mellan skolan och "
        "socialtjänsten går bäst när det är klart vem som har ansvar för vad. "
    ) * 2
    support_editor = staff_client(SUPPORT_EDITOR)

    html = support_editor.get("/admin/support/supportcontact/add/").content.decode()
    assert element(html, "textarea", name="summary_sv").attrs["data-content-checks"] == CONTACT_CHECKS
    assert element(html, "textarea", name="summary_en").attrs["data-content-checks"] == CONTACT_CHECKS

    response = support_editor.post(CONTACT_CHECKS, {"summary_sv": text, "summary_en": text})
    html = response.content.decode()
    sections = _sections(response)
    assert _rules(html, sections["summary_sv"]) == ["lix"]
    assert "lix" not in _rules(html, sections["summary_en"])
