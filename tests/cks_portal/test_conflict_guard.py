"""A change form must say which version it was based on; without it the save is refused.

A form posted without the version (an old tab from before the guard, a script, a browser
extension that drops hidden fields) would otherwise save over whatever another editor did."""

import pytest

from cks_portal.core.roles import EDITOR
from tests.admin_forms import form_data
from tests.factories import make_page


@pytest.mark.django_db(transaction=True)
def test_a_change_form_without_its_version_is_refused_and_the_input_is_kept(staff_client):
    anna = staff_client(EDITOR, username="anna")
    bo = staff_client(EDITOR, username="bo")
    page = make_page(lead="Första ingressen.")
    url = f"/admin/pages/page/{page.pk}/change/"
    bo_form = form_data(bo.get(url))
    anna.post(url, {**form_data(anna.get(url)), "lead_sv": "Annas ingress."})

    del bo_form["_based_on_version"]
    response = bo.post(url, {**bo_form, "title_sv": "Bos rubrik"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Inget har sparats" in html
    assert 'value="Bos rubrik"' in html
    page.refresh_from_db()
    assert (page.title, page.lead) == ("Om oss", "Annas ingress.")
