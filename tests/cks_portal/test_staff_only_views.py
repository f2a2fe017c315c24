"""What staff see beyond anonymous readers needs the whole login: password and code.

A session that gave the password but skipped the code step is treated as anonymous on the
public side, as the admin already does (issue 14, defect 6)."""

import pytest
from django.test import Client

from cks_portal.core.roles import EDITOR
from news.models import State
from tests.conftest import make_staff
from tests.factories import make_event, make_news


@pytest.fixture
def drafts(db):
    make_news(slug="utkast", state=State.DRAFT, title="Hemligt utkast")
    make_event(slug="planerat-seminarium", state=State.DRAFT, title="Planerat seminarium")
    return ["/nyheter/utkast/", "/kalender/planerat-seminarium/"]


@pytest.fixture
def password_only_client(two_factor_on, django_user_model):
    """An editor who typed the password and then left the code step unanswered."""
    user = make_staff(django_user_model, "halvvags", EDITOR)
    client = Client()
    response = client.post(
        "/admin/login/?next=/admin/", {"username": user.username, "password": "pw-halvvags"}
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 302  # the admin sends them to the code step
    return client


def test_a_password_only_session_cannot_preview_drafts(drafts, password_only_client):
    for url in drafts:
        assert Client().get(url).status_code == 404
        assert password_only_client.get(url).status_code == 404, url


def test_a_verified_editor_previews_drafts(drafts, staff_client):
    editor = staff_client(EDITOR)

    for url in drafts:
        assert editor.get(url).status_code == 200, url
