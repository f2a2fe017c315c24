"""The calendar files (issue 18): ORGANIZER as a mailto: address, a UID that does not change
with the host name the calendar was read from, and a LOCATION for every event."""

import icalendar


def _events(response):
    return {
        str(event["SUMMARY"]): event
        for event in icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    }


def test_every_event_has_a_location_an_organizer_to_write_to_and_a_lasting_uid(
    client, event_factory, settings
):
    settings.SITE_ID_DOMAIN = "cks.example.se"
    on_site = event_factory(
        "pa-plats",
        title="På plats",
        venue="Stadshuset",
        address="Kungsgatan 55",
        locality="Borås",
        organiser="Brå",
        registration_mode="email",
        registration_email="anmalan@example.se",
        registration_deadline=None,
    )
    online = event_factory("digitalt", title="Digitalt", online_url="https://meet.example.org/s")
    unknown = event_factory("utan-plats", title="Utan plats")

    read_here = _events(client.get("/kalender/kalender.ics", HTTP_HOST="localhost"))
    read_there = _events(client.get("/kalender/kalender.ics", HTTP_HOST="127.0.0.1"))

    assert {title: str(event["UID"]) for title, event in read_here.items()} == {
        "På plats": f"event-{on_site.pk}@cks.example.se",
        "Digitalt": f"event-{online.pk}@cks.example.se",
        "Utan plats": f"event-{unknown.pk}@cks.example.se",
    }
    assert {title: str(e["UID"]) for title, e in read_there.items()} == {
        title: str(e["UID"]) for title, e in read_here.items()
    }
    assert str(read_here["På plats"]["LOCATION"]) == "Stadshuset, Kungsgatan 55, Borås"
    assert str(read_here["Digitalt"]["LOCATION"]) == "https://meet.example.org/s"
    # Nothing is known of where: the event's page, where readers can see what is.
    assert str(read_here["Utan plats"]["LOCATION"]) == f"http://localhost/kalender/{unknown.slug}/"
    organizer = read_here["På plats"]["ORGANIZER"]
    assert str(organizer) == "mailto:anmalan@example.se"
    assert organizer.params["CN"] == "Brå"
    centre = read_here["Utan plats"]["ORGANIZER"]
    assert str(centre) == f"mailto:{settings.SITE_CONTACT_EMAIL}"
    assert centre.params["CN"] == settings.SITE_ORGANISATION


def test_one_events_file_has_the_same_uid_as_the_calendar(client, event_factory):
    event = event_factory("seminarium", venue="Stadshuset")

    [single] = _events(client.get(f"/kalender/{event.slug}.ics")).values()
    [in_feed] = _events(client.get("/kalender/kalender.ics")).values()

    assert single["UID"] == in_feed["UID"]
    assert str(single["ORGANIZER"]).startswith("mailto:")
