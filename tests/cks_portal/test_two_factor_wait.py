"""After a wrong code django-otp refuses every code for a while; the page says how long."""

import re

from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from cks_portal.core.roles import EDITOR
from tests.conftest import make_staff, totp_code


def test_a_right_code_typed_too_soon_after_a_wrong_one_is_told_to_wait(
    db, two_factor_on, django_user_model, settings
):
    settings.OTP_TOTP_THROTTLE_FACTOR = 20
    user = make_staff(django_user_model, "anna", EDITOR)
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    client = Client()
    client.post("/admin/login/?next=/admin/", {"username": "anna", "password": "pw-anna"})

    wrong = client.post("/admin/2fa/", {"code": "000000" if totp_code(device) != "000000" else "111111"})
    right_too_soon = client.post("/admin/2fa/", {"code": totp_code(device)})

    for response in (wrong, right_too_soon):
        html = response.content.decode()
        assert response.status_code == 200
        seconds = re.search(r"Vänta (\d+) sekunder", html)
        assert seconds and 1 <= int(seconds.group(1)) <= 20, html[html.find("errorlist") :][:300]


def test_the_set_up_page_also_says_how_long_to_wait(db, two_factor_on, django_user_model, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 20
    make_staff(django_user_model, "bo", EDITOR)
    client = Client()
    client.post("/admin/login/?next=/admin/", {"username": "bo", "password": "pw-bo"})
    client.get("/admin/2fa/setup/")
    device = TOTPDevice.objects.get(user__username="bo", confirmed=False)

    client.post("/admin/2fa/setup/", {"code": "000000" if totp_code(device) != "000000" else "111111"})
    response = client.post("/admin/2fa/setup/", {"code": totp_code(device)})

    assert re.search(r"Vänta \d+ sekunder", response.content.decode())
