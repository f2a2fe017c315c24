"""What the apps register in AppConfig.ready() reaches the site (cks_portal/core/registry.py)."""

import pytest

from cks_portal.core.roles import EDITOR
from tests.admin_forms import form_data
from tests.publishing import published_form


@pytest.mark.django_db
@pytest.mark.parametrize(
    "slug", ["stod", "nyheter", "kalender", "kunskapsbank", "sok", "admin", "en", "fi", "ar", "kmr", "ti"]
)
def test_an_editor_cannot_give_a_page_an_address_an_app_or_the_site_uses(staff_client, slug):
    client = staff_client(EDITOR)
    url = "/admin/pages/page/add/"
    data = {**form_data(client.get(url)), "title_sv": "Sidan", "slug": slug, **published_form()}

    response = client.post(url, data)

    assert response.status_code == 200
    assert "används redan av en annan del av webbplatsen" in response.content.decode()


@pytest.mark.django_db
def test_the_main_navigation_lists_every_apps_section_in_order(client):
    html = client.get("/sok/").content.decode()

    hrefs = ["/stod/", "/nyheter/", "/kalender/", "/kunskapsbank/", "/om-oss/"]
    positions = [html.index(f'href="{href}"') for href in hrefs]
    assert positions == sorted(positions)
