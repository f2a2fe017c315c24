"""The footer's phone link is in international form, so it dials from any phone and country."""


def test_the_footer_links_the_phone_number_in_international_form(client, db, settings):
    settings.SITE_CONTACT_PHONE = "033-35 70 00"

    html = client.get("/kalender/").content.decode()

    assert '<a href="tel:+4633357000">033-35 70 00</a>' in html
