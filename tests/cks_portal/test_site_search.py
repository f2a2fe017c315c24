import pytest
from django.urls import reverse

from news.models import NewsItem, State
from support.models import SupportContact
from tests.factories import make_news, make_orostelefon, make_page


def test_a_worried_relative_finds_the_support_line_first(client, db):
    make_orostelefon()
    make_news("ny-orostelefon", title="Orostelefonen har fått längre öppettider")
    make_page("om-oss", "Om oss", body="<p>Anhöriga kan ringa orostelefonen.</p>")

    response = client.get(reverse("search"), {"q": "orostelefon"})

    groups = response.context["groups"]
    assert {"news", "pages"} <= {g.kind for g in groups}
    assert groups[0].kind == "support"
    assert groups[0].results[0].url == "/stod/orostelefonen/"


def test_the_site_search_shows_no_draft_or_inactive_content(client, db):
    make_news("extremism", title="Ny rapport om extremism")
    make_orostelefon(summary="För anhöriga som oroar sig för extremism.")
    assert {"news", "support"} <= {
        g.kind for g in client.get(reverse("search"), {"q": "extremism"}).context["groups"]
    }

    NewsItem.objects.update(state=State.DRAFT)
    SupportContact.objects.update(is_active=False)

    groups = client.get(reverse("search"), {"q": "extremism"}).context["groups"]

    assert {g.kind for g in groups}.isdisjoint({"news", "support"})


@pytest.mark.parametrize("q", ["\x00", "a" * 10_000, '"', "-", "or", "’😀", "%", "_", "‮kod"])
def test_the_site_search_never_fails_on_odd_input(client, small_site, q):
    assert client.get("/sok/", {"q": q}).status_code == 200
