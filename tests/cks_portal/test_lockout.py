import pytest
from axes.models import AccessAttempt

from tests.conftest import make_staff


@pytest.fixture
def anna(db, django_user_model):
    return make_staff(django_user_model, "anna", "Redaktör")


def attempt(client, username, password, ip="10.0.0.1"):
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_five_wrong_passwords_lock_the_account_out_with_a_clear_message(client, anna, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, "anna", "wrong").status_code == 200

    locked = attempt(client, "anna", "wrong")

    assert locked.status_code == 429
    assert "För många misslyckade inloggningar" in locked.content.decode()
    # Even the right password does not help now, from any client.
    assert attempt(client, "anna", "pw-anna", ip="10.0.0.2").status_code == 429


def test_one_client_trying_many_user_names_is_locked_out(client, anna, settings):
    for number in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, f"guess{number}", "wrong", ip="10.0.0.9")

    assert attempt(client, "anna", "pw-anna", ip="10.0.0.9").status_code == 429
    assert attempt(client, "anna", "pw-anna", ip="10.0.0.10").status_code == 302


def test_an_administrator_unlocks_by_deleting_the_access_attempts(client, anna, settings, superuser):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "anna", "wrong")
    admin_client = type(client)()
    admin_client.force_login(superuser)
    attempts = AccessAttempt.objects.filter(username="anna")

    page = admin_client.get("/admin/axes/accessattempt/")
    assert page.status_code == 200
    admin_client.post(
        "/admin/axes/accessattempt/",
        {"action": "delete_selected", "_selected_action": [a.pk for a in attempts], "post": "yes"},
    )

    assert not AccessAttempt.objects.filter(username="anna").exists()
    assert attempt(client, "anna", "pw-anna").status_code == 302


def test_a_successful_login_clears_earlier_failures(client, anna, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "anna", "wrong")
    assert attempt(client, "anna", "pw-anna").status_code == 302
    client.logout()

    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "anna", "wrong")

    assert attempt(client, "anna", "pw-anna").status_code == 302


def test_behind_the_proxy_one_visitor_guessing_does_not_lock_out_the_others(client, anna, settings):
    # Behind nginx every request comes from 127.0.0.1; the visitor is in X-Forwarded-For.
    settings.TRUSTED_PROXY_COUNT = 1

    def via_proxy(username, password, visitor):
        return client.post(
            "/admin/login/",
            {"username": username, "password": password},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=visitor,
        )

    for number in range(settings.AXES_FAILURE_LIMIT):
        via_proxy(f"guess{number}", "wrong", "203.0.113.7")

    assert via_proxy("anna", "pw-anna", "203.0.113.7").status_code == 429
    assert via_proxy("anna", "pw-anna", "198.51.100.4").status_code == 302
