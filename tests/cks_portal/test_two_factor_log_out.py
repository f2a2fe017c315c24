"""Someone stopped at the two-factor set-up or code step can log out from there."""

from django.test import Client

from cks_portal.core.roles import EDITOR
from tests.conftest import make_staff


def test_a_staff_member_without_an_authenticator_logs_out_from_the_set_up_page(
    db, two_factor_on, django_user_model
):
    make_staff(django_user_model, "anna", EDITOR)
    client = Client()
    client.post("/admin/login/?next=/admin/", {"username": "anna", "password": "pw-anna"})
    html = client.get("/admin/2fa/setup/").content.decode()
    assert 'action="/admin/logout/"' in html
    assert "Logga ut" in html

    response = client.post("/admin/logout/")

    assert response.status_code == 200
    assert client.get("/admin/2fa/setup/").status_code == 302
    assert "_auth_user_id" not in client.session


def test_the_log_out_still_needs_the_forms_csrf_token(db, two_factor_on, django_user_model):
    make_staff(django_user_model, "anna", EDITOR)
    client = Client(enforce_csrf_checks=True)
    client.get("/admin/login/")
    token = client.cookies["csrftoken"].value
    client.post(
        "/admin/login/?next=/admin/",
        {"username": "anna", "password": "pw-anna", "csrfmiddlewaretoken": token},
    )

    assert client.post("/admin/logout/").status_code == 403
    assert "_auth_user_id" in client.session
