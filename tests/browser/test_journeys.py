"""The journeys real people take, each done with the mouse and with the keyboard alone."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from tests.conftest import make_staff

SEMINAR = "kunskapsseminarium-forebyggande-av-valdsbejakande-extremism"

pytestmark = pytest.mark.browser


def test_a_resident_on_a_phone_finds_the_orostelefon_and_calls_it(page, site_url, visitor):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + "/")

    visitor.use(page.locator(".support-home").get_by_role("link", name="Rädda Barnens orostelefon"))

    page.wait_for_url(re.compile(r"/stod/orostelefonen/$"))
    assert page.get_by_role("heading", level=1, name="Rädda Barnens orostelefon").is_visible()
    state = page.locator(".status").first
    assert state.is_visible()
    assert re.match(r"(Öppet nu|Stängt)", state.inner_text())
    languages = page.locator("dt", has_text="Språk").locator("xpath=following-sibling::dd[1]").inner_text()
    for language in ["Svenska", "Engelska", "Arabiska", "Kurdiska"]:
        assert language in languages
    call = page.get_by_role("link", name="020-100 200").first
    assert call.get_attribute("href") == "tel:+4620100200"
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0

    # Activating the link hands tel:+4620100200 to the phone; headless Chromium reports it as
    # a request for that URL (and then has nothing to open it with).
    with page.expect_request(lambda request: request.url.startswith("tel:")) as call_request:
        visitor.use(call)
    assert call_request.value.url == "tel:+4620100200"


def test_a_professional_searches_narrows_opens_downloads_and_cites(page, site_url, visitor):
    page.goto(site_url + "/kunskapsbank/")

    visitor.fill(page.get_by_label("Sök publikationer"), "extremism")
    visitor.use(page.get_by_role("button", name="Sök", exact=True))
    page.wait_for_url(re.compile(r"q=extremism"))
    before = page.locator(".kb-result").count()

    visitor.use(page.locator(".kb-facets a", has_text=re.compile(r"^\s*Rapport \(\d+\)")))
    page.wait_for_url(re.compile(r"type=report"))
    visitor.use(page.locator(".kb-facets a", has_text=re.compile(r"^\s*Svenska \(\d+\)")))
    page.wait_for_url(re.compile(r"language=sv"))
    assert "q=extremism" in page.url and "type=report" in page.url
    assert 0 < page.locator(".kb-result").count() <= before
    assert page.locator(".kb-facet__link--selected").count() == 2

    # The first result with a file, whatever the ranking puts first.
    result = page.locator(".kb-result").filter(has_text="PDF").first.locator("h3 a")
    title = result.inner_text()
    visitor.use(result)
    page.wait_for_url(re.compile(r"/kunskapsbank/[\w-]+/$"))
    assert page.locator("h1").inner_text() == title

    with page.expect_download() as download:
        visitor.use(page.locator(".kb-access a", has_text="Ladda ner"))
    assert download.value.suggested_filename.endswith(".pdf")
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    with page.expect_download() as citation:
        visitor.use(page.get_by_role("link", name="BibTeX", exact=True))
    assert citation.value.suggested_filename.endswith(".bib")
    with open(citation.value.path(), encoding="utf-8") as bibtex:
        assert title.split()[0] in bibtex.read()


def test_an_editor_writes_schedules_previews_and_publishes_a_news_item(
    page, browser, site_url, visitor, django_user_model, tmp_path
):
    make_staff(django_user_model, "redaktor", "Redaktör")
    photo = tmp_path / "seminarium.png"
    Image.new("RGB", (1200, 675), (40, 90, 140)).save(photo)
    title = "Nytt stödmaterial för skolor"

    page.goto(site_url + "/admin/login/")
    visitor.fill(page.locator("#id_username"), "redaktor")
    visitor.fill(page.locator("#id_password"), "pw-redaktor")
    visitor.use(page.locator("input[type=submit]"))
    page.wait_for_url(re.compile(r"/admin/$"))

    page.goto(site_url + "/admin/news/newsitem/add/")
    visitor.fill(page.locator("#id_title"), title)
    visitor.fill(page.locator("#id_lead"), "CKS har tagit fram ett stöd för skolpersonal.")
    visitor.fill(
        page.locator(".prose-editor .ProseMirror[contenteditable]"), "Materialet finns att ladda ner."
    )
    with page.expect_file_chooser() as chooser:
        visitor.use(page.locator("#id_image"), key="Space")
    chooser.value.set_files(photo)
    visitor.fill(page.locator("#id_image_alt"), "Lärare i samtal med elever i ett klassrum")
    tomorrow = timezone.localdate() + timedelta(days=1)
    visitor.choose(page.locator("#id_state"), "scheduled")
    visitor.fill(page.locator("#id_publish_at_0"), tomorrow.isoformat())
    visitor.fill(page.locator("#id_publish_at_1"), "10:00:00")
    with page.expect_navigation():
        visitor.use(page.locator("input[name=_continue]").last)
    expect(page.locator(".messagelist .success")).to_be_visible()

    # The preview is the real page; only staff can see it until the time comes.
    visitor.use(page.locator("a.viewsitelink"), backwards=True)
    page.wait_for_url(re.compile(r"/nyheter/[\w-]+/$"))
    item_url = page.url
    assert page.locator(".preview-notice").is_visible()
    assert page.get_by_role("heading", level=1, name=title).is_visible()
    assert page.get_by_role("img", name="Lärare i samtal med elever i ett klassrum").is_visible()
    anonymous = browser.new_context()
    assert anonymous.request.get(item_url).status == 404

    page.go_back()
    visitor.choose(page.locator("#id_state"), "published")
    visitor.fill(page.locator("#id_publish_at_0"), timezone.localdate().isoformat())
    visitor.fill(page.locator("#id_publish_at_1"), "00:00:00")
    with page.expect_navigation():
        visitor.use(page.locator("input[name=_continue]").last)
    expect(page.locator(".messagelist .success")).to_be_visible()

    reader = anonymous.new_page()
    reader.goto(site_url + "/nyheter/")
    reader.get_by_role("link", name=title).click()
    assert reader.url == item_url
    assert reader.locator(".preview-notice").count() == 0
    assert reader.get_by_role("img", name="Lärare i samtal med elever i ett klassrum").is_visible()
    anonymous.close()


def test_a_visitor_registers_for_the_seminar_and_cancels_through_the_emailed_link(page, site_url, visitor):
    from django.core import mail

    from news.models import Registration, RegistrationStatus

    mail.outbox.clear()
    page.goto(site_url + "/kalender/")
    visitor.use(page.get_by_role("link", name=re.compile("Kunskapsseminarium")).first)
    page.wait_for_url(re.compile(r"/kalender/kunskapsseminarium"))
    visitor.use(page.get_by_role("link", name="Till anmälningsformuläret"))
    page.wait_for_url(re.compile(r"/anmalan/$"))

    visitor.fill(page.get_by_label("Namn"), "Åsa Öberg")
    visitor.fill(page.get_by_label("E-postadress"), "asa.oberg@example.se")
    visitor.fill(page.get_by_label("Organisation"), "Borås Stad")
    visitor.use(page.get_by_label("Jag har läst"), key="Space")
    visitor.use(page.get_by_role("button", name="Anmäl dig"))

    # The same neutral page for everyone; what happened is told by e-mail, with the links.
    page.get_by_role("heading", name="Kolla din e-post").wait_for()
    (message,) = mail.outbox
    link = re.search(r"https?://\S+/avboka/\S*", message.body).group(0)

    # The person opens the link from their e-mail, then confirms the cancellation.
    page.goto(link)
    visitor.use(page.get_by_role("button", name="Ja, avboka min anmälan"))
    page.get_by_text("är avbokad").wait_for()
    assert Registration.objects.get(event__slug=SEMINAR).status == RegistrationStatus.CANCELLED
