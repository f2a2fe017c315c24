import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import make_staff


@pytest.fixture(autouse=True)
def second_factor_required(settings):
    settings.OTP_REQUIRED = True


def current_code(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


def log_in_with_password(client, user):
    response = client.post(
        "/admin/login/?next=/admin/", {"username": user.username, "password": "pw-" + user.username}
    )
    assert response.status_code == 302
    return response


def test_the_settings_require_two_factor_when_debug_is_off():
    import subprocess
    import sys

    code = "import cks_portal.settings as s; print(s.OTP_REQUIRED)"
    env = {"DJANGO_SECRET_KEY": "x" * 50, "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    dev = subprocess.run(
        [sys.executable, "-c", code],
        env={**env, "DJANGO_DEBUG": "1"},
        capture_output=True,
        text=True,
        check=True,
    )

    assert out.stdout.strip() == "True"
    assert dev.stdout.strip() == "False"


def test_a_password_alone_does_not_open_the_admin(client, db, django_user_model):
    user = make_staff(django_user_model, "anna", "Redaktör")

    log_in_with_password(client, user)
    response = client.get("/admin/")

    assert response.status_code == 302
    assert client.get(response["Location"], follow=True).redirect_chain[-1][0].startswith("/admin/2fa/setup/")


def test_a_staff_member_sets_up_an_authenticator_and_gets_backup_codes(
    client, db, django_user_model, settings
):
    # django-otp slows down guessing after a wrong code; this test types the right one at once.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    user = make_staff(django_user_model, "anna", "Redaktör")
    log_in_with_password(client, user)

    setup = client.get("/admin/2fa/setup/")
    assert setup.status_code == 200
    assert "<svg" in setup.content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)

    wrong = client.post(
        "/admin/2fa/setup/", {"code": "000000" if current_code(device) != "000000" else "111111"}
    )
    assert "Koden stämmer inte" in wrong.content.decode()

    done = client.post("/admin/2fa/setup/", {"code": current_code(device)})
    assert done.status_code == 200
    assert StaticDevice.objects.get(user=user).token_set.count() == 10
    assert client.get("/admin/").status_code == 200


def test_a_confirmed_device_is_asked_for_at_the_next_login(client, db, django_user_model):
    user = make_staff(django_user_model, "anna", "Redaktör")
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)

    log_in_with_password(client, user)
    assert client.get("/admin/", follow=True).redirect_chain[-1][0].startswith("/admin/2fa/?next=")

    response = client.post("/admin/2fa/?next=/admin/", {"code": current_code(device), "next": "/admin/"})

    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_backup_code_works_once(client, db, django_user_model):
    user = make_staff(django_user_model, "anna", "Redaktör")
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    backup = StaticDevice.objects.create(user=user, name="backup")
    backup.token_set.create(token="abcd1234")

    log_in_with_password(client, user)
    assert client.post("/admin/2fa/", {"code": "abcd1234"}).status_code == 302
    client.logout()
    log_in_with_password(client, user)

    assert client.post("/admin/2fa/", {"code": "abcd1234"}).status_code == 200


def test_the_next_parameter_cannot_send_anyone_off_site(client, db, django_user_model):
    user = make_staff(django_user_model, "anna", "Redaktör")
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    log_in_with_password(client, user)

    response = client.post("/admin/2fa/", {"code": current_code(device), "next": "//evil.example/admin/"})

    assert response["Location"] == "/admin/"


def test_the_two_factor_pages_need_a_password_login_first(client, db):
    assert client.get("/admin/2fa/").status_code == 302
    assert client.get("/admin/2fa/setup/").status_code == 302
