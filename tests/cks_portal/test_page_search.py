"""Pages on /sok/ through their stored search vector: an edit in the admin, in any of the
site's languages, is found by the next search."""

from cks_portal.core.roles import EDITOR
from cks_portal.pages.models import Page
from tests.admin_forms import form_data
from tests.factories import make_page


def result_titles(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return [result.title for group in response.context["groups"] for result in group.results]


def test_an_edit_in_the_admin_in_another_language_is_found_by_the_next_search(staff_client, client):
    page = make_page(slug="om-oss", title="Om centrumet", lead="Vi arbetar förebyggande.")
    assert result_titles(client, "/sok/?q=kompassros") == []

    editor = staff_client(EDITOR)
    url = f"/admin/pages/page/{page.pk}/change/"
    data = form_data(editor.get(url))
    data["body_fi"] = "<p>Keskus käyttää kompassros-menetelmää.</p>"
    response = editor.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]

    assert Page.objects.filter(pk=page.pk, search_vector="kompassros").exists()
    assert result_titles(client, "/sok/?q=kompassros") == ["Om centrumet"]


def test_a_withdrawn_page_is_not_found(db, client):
    make_page(slug="gammal", title="Gammal sida", lead="Om kompassrosen.", state="withdrawn")
    assert result_titles(client, "/sok/?q=kompassrosen") == []
