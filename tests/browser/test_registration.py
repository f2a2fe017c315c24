import re

import pytest
from django.core import mail

from news.models import Registration

pytestmark = pytest.mark.browser

SEMINAR = "/kalender/kunskapsseminarium-forebyggande-av-valdsbejakande-extremism/"


def test_a_visitor_registers_for_the_demo_seminar_and_gets_an_email(page, site_url, assert_accessible):
    mail.outbox.clear()
    page.goto(site_url + SEMINAR)
    assert_accessible(page)
    page.get_by_role("link", name="Till anmälningsformuläret").click()
    page.get_by_text("säkerhetscookie").wait_for()
    assert_accessible(page)

    page.get_by_label("E-postadress").fill("inte en adress")
    page.get_by_role("button", name="Anmäl dig").click()
    assert page.get_by_text("Skriv ditt namn.").is_visible()
    assert page.get_by_label("E-postadress").input_value() == "inte en adress"
    assert_accessible(page)

    page.get_by_label("Namn").fill("Åsa Öberg")
    page.get_by_label("E-postadress").fill("asa.oberg@example.se")
    page.get_by_label("Organisation").fill("Borås Stad")
    page.get_by_label("Särskilda behov").fill("Vegetarisk kost")
    # A click on the words ticks the box: box and words are one unit, side by side.
    page.get_by_text("Jag har läst hur mina uppgifter").click()
    assert page.get_by_label("Jag har läst").is_checked()
    box = page.get_by_label("Jag har läst").bounding_box()
    words = page.get_by_text("Jag har läst hur mina uppgifter").bounding_box()
    assert abs(box["y"] - words["y"]) < words["height"] and box["x"] < words["x"]
    page.get_by_role("button", name="Anmäl dig").click()

    # The page after sending says only "check your e-mail"; the e-mail has the personal link.
    page.get_by_role("heading", name="Kolla din e-post").wait_for()
    assert_accessible(page)
    # The demo also has an old registration of a past event (for content health).
    registration = Registration.objects.get(event__slug=SEMINAR.strip("/").removeprefix("kalender/"))
    assert registration.name == "Åsa Öberg"
    (message,) = mail.outbox
    assert message.to == ["asa.oberg@example.se"]
    assert "/avboka/" in message.body

    page.goto(re.search(r"https?://\S+/anmalan/[^/\s]+/(?=\s)", message.body).group(0))
    assert page.get_by_text("Du är anmäld till").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Avboka min anmälan").click()
    assert_accessible(page)
    page.get_by_role("button", name="Ja, avboka min anmälan").click()
    page.get_by_text("är avbokad").wait_for()
    registration.refresh_from_db()
    assert registration.status == "cancelled"


def test_robots_that_fill_the_hidden_field_are_stopped_and_people_never_see_it(page, site_url):
    page.goto(site_url + SEMINAR + "anmalan/")

    assert not page.locator("#id_website").is_visible() or page.locator(".hp-field").bounding_box()["x"] < 0
    assert page.locator(".hp-field").get_attribute("aria-hidden") == "true"
