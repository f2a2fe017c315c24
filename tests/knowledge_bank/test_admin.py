import datetime
import json
import re
from html import unescape

import pytest

from cks_portal.core.publishing import State
from cks_portal.core.roles import LIBRARIAN
from knowledge_bank.models import Publication
from tests.conftest import make_staff

URL = "/admin/knowledge_bank/publication/"


@pytest.fixture
def curator(db, django_user_model):
    return make_staff(django_user_model, "kurator", LIBRARIAN)


def test_a_curator_can_list_and_add_publications(client, curator):
    client.force_login(curator)

    assert client.get(URL).status_code == 200
    assert client.get(URL + "add/").status_code == 200
    assert client.get("/admin/knowledge_bank/author/").status_code == 200


def test_bulk_actions_publish_and_feature(client, curator, make_publication):
    drafts = [make_publication(f"Utkast {n}", state=State.DRAFT) for n in range(2)]
    client.force_login(curator)
    ids = [str(p.pk) for p in drafts]

    client.post(URL, {"action": "publish", "_selected_action": ids})
    client.post(URL, {"action": "feature", "_selected_action": ids})

    assert set(Publication.objects.published().filter(featured=True)) == set(drafts)
    client.post(URL, {"action": "unfeature", "_selected_action": ids[:1]})
    assert Publication.objects.filter(featured=True).count() == 1


def test_the_review_due_filter(client, curator, make_publication):
    make_publication("Gammal", review_date=datetime.date(2020, 1, 1))
    make_publication("Ny", review_date=datetime.date(2099, 1, 1))
    client.force_login(curator)

    html = client.get(URL, {"review": "due"}).content.decode()

    assert "Gammal" in html
    assert ">Ny<" not in html


def test_saving_in_the_admin_with_an_author_inline_indexes_the_author(client, superuser, make_publication):
    from knowledge_bank.models import Author

    author = Author.objects.create(family_name="Rostberg", given_name="Anna")
    client.force_login(superuser)
    data = {
        "title": "Ny rapport",
        "slug": "ny-rapport",
        "type": "report",
        "year": "2024",
        "language": "sv",
        "audience": "professionals",
        "summary_sv": "Sammanfattning.",
        "state": "published",
        "publish_at_0": "2025-01-01",
        "publish_at_1": "10:00:00",
        "featured_order": "0",
        "credits-TOTAL_FORMS": "1",
        "credits-INITIAL_FORMS": "0",
        "credits-0-author": str(author.pk),
        "credits-0-order": "0",
    }

    response = client.post(URL + "add/", data)

    assert response.status_code == 302, response.content.decode()[:3000]
    assert list(Publication.objects.search("Rostberg").values_list("slug", flat=True)) == ["ny-rapport"]


def test_the_publication_form_reads_right_to_a_curator(staff_client):
    """Issue 14: the address help text lost "<address>" as HTML, the authors sat below the link
    check, and the add link read "Lägg till ytterligare Publikationens författare"."""
    client = staff_client(LIBRARIAN)

    html = client.get(URL + "add/").content.decode()

    assert "Visas på /kunskapsbank/adress/." in html
    assert "/kunskapsbank//" not in html
    authors = html.index('id="credits-group"')
    assert html.index('name="language"') < authors < html.index('name="summary_sv"')
    inline = re.search(r'id="credits-group"[^>]*data-inline-formset="([^"]*)"', html)
    assert (
        json.loads(unescape(inline.group(1)))["options"]["addText"] == "Lägg till ytterligare en författare"
    )
    assert "Publikationens författare" not in html
