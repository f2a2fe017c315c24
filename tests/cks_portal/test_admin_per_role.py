"""Each role opens and saves its own models' change forms through the real admin, with
two-factor on, and is refused another role's (a GET of the form, then a POST of it)."""

import pytest

from cks_portal.core.models import Topic
from cks_portal.core.roles import EDITOR, LIBRARIAN, SUPPORT_EDITOR
from tests.admin_forms import form_data
from tests.factories import (
    make_audience,
    make_author,
    make_event,
    make_language,
    make_news,
    make_orostelefon,
    make_page,
    make_publication,
    make_thesaurus_entry,
    make_topic,
)

# role -> [(make the object, the field an editor changes, the new value)]
OWN = {
    EDITOR: [
        (make_page, "title_sv", "Om oss i dag"),
        (make_news, "title", "Ny rubrik"),
        # A published event needs a place or a link to join online (Event.clean).
        (lambda: make_event(venue="Stadshuset", locality="Borås"), "title", "Nytt namn"),
    ],
    LIBRARIAN: [
        (make_topic, "name_sv", "Våldsbejakande extremism"),
        (make_publication, "title", "Ny titel"),
        (make_author, "family_name", "Berg"),
        (make_thesaurus_entry, "terms", "VBE\nvåldsbejakande extremism\nviolent extremism"),
    ],
    SUPPORT_EDITOR: [
        (make_orostelefon, "name_sv", "Orostelefonen"),  # with a phone: the inlines are posted too
        (lambda: make_language("ar"), "name_sv", "arabiska (levantinsk)"),
        (lambda: make_audience("anhoriga", "Anhöriga"), "name_sv", "Närstående"),
    ],
}


def change_url(obj):
    return f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/change/"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("role", [EDITOR, LIBRARIAN, SUPPORT_EDITOR])
def test_each_role_saves_its_own_models_and_is_refused_the_others(staff_client, role):
    client = staff_client(role)
    for make, field, value in OWN[role]:
        obj = make()
        url = change_url(obj)
        response = client.post(url, {**form_data(client.get(url)), field: value})
        assert response.status_code == 302, (url, response.content.decode()[-3000:])
        obj.refresh_from_db()
        assert getattr(obj, field) == value, url

    for other, models in OWN.items():
        if other == role:
            continue
        for make, field, value in models:
            obj = make()
            url = change_url(obj)
            if isinstance(obj, Topic):
                # Editors and support editors choose topics in their forms: they may look, not change.
                assert client.get(url).status_code == 200
                assert client.post(url, {"name": value}).status_code == 403
            else:
                assert client.get(url).status_code == 403, url
                assert client.post(url, {field: value}).status_code == 403, url
            obj.refresh_from_db()
            assert getattr(obj, field) != value
