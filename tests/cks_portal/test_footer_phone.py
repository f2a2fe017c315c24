"""The footer's phone link is in international form, so it dials from any phone and country."""

from tests.html import elements


def test_the_footer_links_the_phone_number_in_international_form(client, db, settings):
    settings.SITE_CONTACT_PHONE = "033-35 70 00"

    html = client.get("/kalender/").content.decode()

    assert elements(html, "a", "033-35 70 00", href="tel:+4633357000")
