"""Each role opens and saves its own models' change forms through the real admin, with
two-factor on, and is refused another role's (a GET of the form, then a POST of it)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cks_portal.core.models import Topic
from cks_portal.core.roles import EDITOR, LIBRARIAN, SUPPORT_EDITOR
from cks_portal.pages.models import Page
from knowledge_bank.models import Author, Publication
from news.models import Event, NewsItem, State
from support.models import Audience, Language
from tests.admin_forms import form_data
from tests.factories import make_contact, seed_hours


def page():
    return Page.objects.create(slug="om-oss", title="Om oss", body="<p>Text.</p>")


def news_item():
    return NewsItem.objects.create(
        slug="nyhet",
        title="Nyhet",
        lead="Ingress.",
        body="<p>Text.</p>",
        state=State.PUBLISHED,
        publish_at=timezone.now() - timedelta(days=1),
    )


def event():
    start = timezone.now() + timedelta(days=10)
    return Event.objects.create(
        slug="seminarium",
        title="Seminarium",
        summary="Om dagen.",
        start=start,
        end=start + timedelta(hours=3),
        state=State.PUBLISHED,
        publish_at=timezone.now() - timedelta(days=1),
    )


def topic():
    return Topic.objects.create(name="Radikalisering", slug="radikalisering")


def publication():
    return Publication.objects.create(
        title="Rapport",
        slug="rapport",
        year=2024,
        summary="Om rapporten.",
        state=State.PUBLISHED,
    )


def author():
    return Author.objects.create(family_name="Andersson", given_name="Anna")


def contact():
    line = make_contact(hours=seed_hours(), closed_on_holidays=True)
    line.phones.create(number="020-100 200")  # the inlines are posted back too
    return line


def language():
    return Language.objects.create(code="ar", name="arabiska", native_name="العربية")


def audience():
    return Audience.objects.create(slug="anhoriga", name="Anhöriga")


# role -> [(make the object, the field an editor changes, the new value)]
OWN = {
    EDITOR: [
        (page, "title", "Om oss i dag"),
        (news_item, "title", "Ny rubrik"),
        (event, "title", "Nytt namn"),
    ],
    LIBRARIAN: [
        (topic, "name", "Våldsbejakande extremism"),
        (publication, "title", "Ny titel"),
        (author, "family_name", "Berg"),
    ],
    SUPPORT_EDITOR: [
        (contact, "name", "Orostelefonen"),
        (language, "name", "arabiska (levantinsk)"),
        (audience, "name", "Närstående"),
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
