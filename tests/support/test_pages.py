import datetime
import json
import re

import pytest
from django.core.cache import cache
from django.utils import timezone, translation

from support.models import Language, OpeningException, PhoneNumber, SupportContact
from tests.conftest import sitemap_text
from tests.factories import add_contacts, make_contact
from tests.html import elements


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_the_demo_orostelefon_page_shows_its_number_hours_and_languages(client, demo):
    # About the demo content itself: the line's facts from the centre's page (support/demo.py).
    # The tests below check how a line is shown, each with a line of its own.
    html = client.get("/stod/orostelefonen/").content.decode()

    assert elements(html, "a", "020-100 200", class_="support-phone", href="tel:+4620100200")
    assert '<th scope="row">Mån–fre</th><td>09.00–12.00, 13.00–16.00</td>' in html
    for language in ["Svenska", "Engelska", "Arabiska", "Kurdiska"]:
        assert language in html


def test_the_orostelefon_page_shows_the_number_as_a_tel_link(client, orostelefon):
    html = client.get("/stod/orostelefonen/").content.decode()

    assert elements(html, "a", "020-100 200", class_="support-phone", href="tel:+4620100200")


def test_the_orostelefon_page_shows_both_daily_intervals_grouped(client, orostelefon):
    html = client.get("/stod/orostelefonen/").content.decode()

    assert '<th scope="row">Mån–fre</th><td>09.00–12.00, 13.00–16.00</td>' in html
    assert "Lör–sön" in html


def test_the_orostelefon_page_shows_the_four_languages_and_the_anonymity_note(client, orostelefon):
    html = client.get("/stod/orostelefonen/").content.decode()

    for language in ["Svenska", "Engelska", "Arabiska", "Kurdiska"]:
        assert language in html
    assert elements(html, "span", "العربية", lang="ar", dir="rtl")
    assert "samtalet syns inte på telefonräkningen" in html
    # The seed says "Kurdish"; CLDR's own name for "ku" would say Kurmanji ("kurdî (kurmancî)").
    assert elements(html, "span", "Kurdî", lang="ku")
    assert not elements(html, "span", "kurdî (kurmancî)", lang="ku")


def test_the_orostelefon_page_shows_the_open_state_of_the_clock(client, orostelefon):
    html = client.get("/stod/orostelefonen/").content.decode()

    with translation.override("sv"):
        expected = orostelefon.opening_state(timezone.now()).text()
    assert expected in html
    assert ("Öppet nu" in expected) == ("status--open" in html)


def test_the_english_page_uses_english_texts_and_marks_swedish_only_text(client, orostelefon):
    html = client.get("/en/stod/orostelefonen/").content.decode()

    assert "Save the Children&#x27;s helpline for worried relatives" in html
    assert "Mon–Fri" in html
    assert "09:00–12:00, 13:00–16:00" in html
    assert "Arabic" in html and "Kurdish" in html
    assert "does not show on the phone bill" in html
    assert "In acute danger, call 112." in html


def test_the_detail_page_carries_json_ld_with_hours_and_languages(client, orostelefon):
    data = json_ld(client.get("/stod/orostelefonen/").content.decode())

    point = data["contactPoint"][0]
    assert data["@type"] == "Organization"
    assert point["@type"] == "ContactPoint"
    assert point["telephone"] == "+4620100200"
    assert {lang["alternateName"] for lang in point["availableLanguage"]} == {"sv", "en", "ar", "ku"}
    hours = {(h["opens"], h["closes"]) for h in point["hoursAvailable"]}
    assert hours == {("09:00", "12:00"), ("13:00", "16:00")}
    assert point["hoursAvailable"][0]["dayOfWeek"][0] == "https://schema.org/Monday"
    assert len(point["hoursAvailable"][0]["dayOfWeek"]) == 5


def test_the_detail_page_lists_the_coming_exceptions_with_their_reason(client, orostelefon):
    day = timezone.localdate() + datetime.timedelta(days=3)
    OpeningException.objects.create(contact=orostelefon, start_date=day, reason="Personalutbildning")
    OpeningException.objects.create(
        contact=orostelefon, start_date=day - datetime.timedelta(days=30), reason="Gammal avvikelse"
    )

    response = client.get("/stod/orostelefonen/")

    html = response.content.decode()
    assert "Personalutbildning" in html
    assert "Gammal avvikelse" not in html
    closed_rows = [h for h in json_ld(html)["contactPoint"][0]["hoursAvailable"] if "validFrom" in h]
    assert closed_rows == [
        {
            "@type": "OpeningHoursSpecification",
            "validFrom": day.isoformat(),
            "validThrough": day.isoformat(),
            "opens": "00:00",
            "closes": "00:00",
            "description": "Personalutbildning",
        }
    ]


def test_the_list_shows_every_active_contact_with_its_state_and_phone(client, lines):
    SupportContact.objects.filter(slug="112").update(is_active=False)

    html = client.get("/stod/").content.decode()

    assert "Rädda Barnens orostelefon" in html
    assert elements(html, "a", "114 14", href="tel:11414")
    assert "112 – vid akut fara" not in html
    assert html.count('class="status status--') == 3
    assert "Vid akut fara, ring 112." in html


def test_an_inactive_contact_has_no_page(client, orostelefon):
    SupportContact.objects.filter(slug="orostelefonen").update(is_active=False)

    assert client.get("/stod/orostelefonen/").status_code == 404


def test_the_list_filters_by_language(client, lines):
    html = client.get("/stod/?language=ku").content.decode()

    assert "Rädda Barnens orostelefon" in html
    assert "Polisen, 114 14" not in html
    assert "1 stödlinje" in html


def test_the_list_filters_by_audience(client, lines):
    html = client.get("/stod/?audience=unga").content.decode()

    assert "Socialtjänsten i Borås Stad" in html
    assert "Rädda Barnens orostelefon" not in html


def test_the_list_filters_by_language_and_audience_together(client, lines):
    html = client.get("/stod/?language=sv&audience=kommuner-och-organisationer").content.decode()

    assert "Rädda Barnens orostelefon" in html
    assert "Socialtjänsten i Borås Stad" not in html


@pytest.mark.parametrize(
    "query",
    [
        "language=xx",
        "audience=nobody",
        "language=%00",
        "language=" + "a" * 5000,
        "audience=<script>alert(1)</script>",
        "language=sv&language=en",
        "language[]=sv",
    ],
)
def test_a_bad_filter_value_gets_a_clear_message_not_an_error(client, lines, query):
    response = client.get("/stod/?" + query)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "Rädda Barnens orostelefon" in html


def test_an_unknown_language_says_so_in_swedish_and_in_english(client, lines):
    assert "Vi har ingen stödlinje på det språket." in client.get("/stod/?language=xx").content.decode()
    assert "We have no support line in that language." in client.get("/en/stod/?language=xx").content.decode()


def test_staff_text_is_escaped_on_the_pages(client, db):
    make_contact(
        slug="elak",
        name="<script>alert(1)</script>",
        summary='"><img src=x onerror=alert(1)>',
        organisation="</script><script>alert(2)</script>",
        description="<p>Hej</p><script>alert(3)</script>",
    )

    for url in ["/stod/", "/stod/elak/"]:
        html = client.get(url).content.decode()
        assert "<script>alert" not in html
        assert "<img src=x" not in html
    assert json_ld(client.get("/stod/elak/").content.decode())["name"] == "</script><script>alert(2)</script>"


def test_the_home_page_shows_the_featured_contacts_with_their_state(client, lines):
    html = client.get("/").content.decode()

    assert 'href="tel:+4620100200">020-100 200</a>' in html
    assert "Rädda Barnens orostelefon" in html
    assert "Öppet nu – dygnet runt" in html  # 112 and 114 14
    assert "Socialtjänsten i Borås Stad" not in html  # not featured


def test_the_sitemap_lists_the_contact_pages(client, orostelefon):
    body = sitemap_text(client)

    assert "<loc>http://testserver/stod/orostelefonen/</loc>" in body
    assert "<loc>http://testserver/en/stod/orostelefonen/</loc>" in body


def _queries(client, path, django_assert_max_num_queries, cold, warm):
    """The numbers of queries of the first request after a change (at most `cold`: it also
    finds when the page cache's generation ends and fills the memos) and of every later one
    (at most `warm`)."""
    cache.clear()
    with django_assert_max_num_queries(cold) as first:
        assert client.get(path).status_code == 200
    with django_assert_max_num_queries(warm) as later:
        assert client.get(path).status_code == 200
    return len(first), len(later)


def test_the_list_page_runs_a_fixed_number_of_queries(client, lines, django_assert_max_num_queries):
    # Cold: the generation's end, the two filters' choices, the count, and what the cards
    # print for the lines on the page (six). Warm: all of it is remembered until a change.
    paths = ["/stod/", "/stod/?page=3", "/stod/?language=sv&audience=alla&page=2"]
    few = _queries(client, paths[0], django_assert_max_num_queries, cold=10, warm=0)
    add_contacts(45)
    for path in paths:
        assert _queries(client, path, django_assert_max_num_queries, cold=10, warm=0) == few, path


def test_the_detail_page_runs_a_fixed_number_of_queries(client, orostelefon, django_assert_max_num_queries):
    few = _queries(client, "/stod/orostelefonen/", django_assert_max_num_queries, cold=9, warm=0)
    for days in range(1, 10):
        OpeningException.objects.create(
            contact=orostelefon, start_date=timezone.localdate() + datetime.timedelta(days=days)
        )
    for number in ["08-123 456 78", "070-123 45 67"]:
        PhoneNumber.objects.create(contact=orostelefon, number=number, order=5).languages.set(
            Language.objects.all()
        )
    assert _queries(client, "/stod/orostelefonen/", django_assert_max_num_queries, cold=9, warm=0) == few


def test_the_home_page_support_box_runs_a_fixed_number_of_queries(
    client, lines, django_assert_num_queries, django_assert_max_num_queries
):
    from support.views import home_context

    request = client.get("/").wsgi_request
    # The box needs only the lines, their phones and their hours (four queries, and one for
    # the generation's end), then it is remembered until a change.
    cold_counts = []
    for more in (0, 10):
        add_contacts(more)
        cache.clear()
        with django_assert_max_num_queries(5) as cold:
            home_context(request)
        cold_counts.append(len(cold))
        with django_assert_num_queries(0):
            home_context(request)
    assert cold_counts[0] == cold_counts[1]  # the same queries whatever the data


def test_a_swedish_only_reason_is_marked_as_swedish_on_english_pages(client, orostelefon):
    OpeningException.objects.create(
        contact=orostelefon, start_date=timezone.localdate(), reason="Personaldag"
    )

    html = client.get("/en/stod/orostelefonen/").content.decode()

    assert elements(html, "span", "(Personaldag)", class_="support-reason", lang="sv")


def test_a_filter_error_is_tied_to_its_field_for_screen_readers(client, lines):
    html = client.get("/stod/", {"language": "xx", "audience": "alla"}).content.decode()

    (select,) = elements(html, "select", name="language")
    assert select.attrs["aria-invalid"] == "true"
    (message,) = elements(html, "p", class_="invalid-feedback", id=select.attrs["aria-describedby"])
    assert message.text.startswith("Vi har ingen stödlinje")
    # The valid choice is kept, the other field is not marked.
    (audience,) = elements(html, "select", name="audience")
    assert elements(html, "option", value="alla", selected="")
    assert "aria-invalid" not in audience.attrs
