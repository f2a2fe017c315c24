"""The session gets a new key when the code step lets a staff member in.

Django cycles the key at the password step; without a second change, a key that leaked
between the two steps (before the code was typed) would become a fully verified session."""

from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from cks_portal.core.roles import EDITOR
from tests.conftest import make_staff, totp_code


def test_the_code_step_gives_the_session_a_new_key(db, two_factor_on, django_user_model, settings):
    user = make_staff(django_user_model, "anna", EDITOR)
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    client = Client()
    client.post("/admin/login/?next=/admin/", {"username": "anna", "password": "pw-anna"})
    before = client.cookies[settings.SESSION_COOKIE_NAME].value

    response = client.post("/admin/2fa/?next=/admin/", {"code": totp_code(device), "next": "/admin/"})

    assert response.status_code == 302
    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert after != before
    assert client.get("/admin/").status_code == 200
    # The key from before the code step opens nothing.
    stale = Client()
    stale.cookies[settings.SESSION_COOKIE_NAME] = before
    assert stale.get("/admin/").status_code == 302
