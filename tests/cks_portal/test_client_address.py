"""The client's address behind nginx (issue 14, defect 4): one resolver for the login lockout,
the registration rate limit and the logs, which never trusts an address the client wrote."""

import pytest
from django.test import RequestFactory

from cks_portal.core.client_address import client_address
from tests.conftest import make_staff

NGINX = "127.0.0.1"


def request_from(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_a_proxy_the_client_is_the_peer_and_the_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0

    assert client_address(request_from("203.0.113.7")) == "203.0.113.7"
    assert client_address(request_from("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


def test_behind_one_proxy_the_client_is_the_address_nginx_appended(settings):
    settings.TRUSTED_PROXY_COUNT = 1

    # nginx's $proxy_add_x_forwarded_for: whatever the client sent, then the real peer.
    assert client_address(request_from(NGINX, "203.0.113.7")) == "203.0.113.7"


def test_behind_one_proxy_an_address_the_client_wrote_itself_is_not_believed(settings):
    settings.TRUSTED_PROXY_COUNT = 1

    forged = request_from(NGINX, "198.51.100.99, 10.0.0.1, 203.0.113.7")

    assert client_address(forged) == "203.0.113.7"


def test_behind_two_proxies_the_second_address_from_the_right_is_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 2

    assert client_address(request_from("10.0.0.2", "6.6.6.6, 203.0.113.7, 10.0.0.1")) == "203.0.113.7"


def test_a_request_that_did_not_come_through_the_proxy_falls_back_to_the_peer(settings):
    settings.TRUSTED_PROXY_COUNT = 1

    assert client_address(request_from("192.0.2.5")) == "192.0.2.5"
    assert client_address(request_from("192.0.2.5", "")) == "192.0.2.5"
    assert client_address(request_from("192.0.2.5", "not-an-address")) == "192.0.2.5"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2001:db8::1", "2001:db8::1"),
        ("2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"),
        ("[2001:db8::1]:443", "2001:db8::1"),
        ("::ffff:203.0.113.7", "203.0.113.7"),
        ("203.0.113.7:5123", "203.0.113.7"),
    ],
)
def test_ipv6_and_ports_come_out_in_one_form(settings, written, expected):
    settings.TRUSTED_PROXY_COUNT = 1

    assert client_address(request_from("::1", f"1.2.3.4, {written}")) == expected


def test_ipv6_peer_without_a_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 0

    assert client_address(request_from("2001:db8::7")) == "2001:db8::7"


# --- the lockout and the rate limit use it ----------------------------------------------------


def via_nginx(client, path, data, peer, forged=None):
    """A POST as gunicorn sees it behind the documented nginx: REMOTE_ADDR is nginx, and
    X-Forwarded-For is what the client sent (if anything) followed by the real peer."""
    forwarded = f"{forged}, {peer}" if forged else peer
    return client.post(path, data, REMOTE_ADDR=NGINX, HTTP_X_FORWARDED_FOR=forwarded)


@pytest.mark.django_db
def test_behind_nginx_five_wrong_logins_from_one_client_do_not_lock_out_another(
    client, settings, django_user_model
):
    settings.TRUSTED_PROXY_COUNT = 1
    make_staff(django_user_model, "anna", "Redaktör")
    for number in range(settings.AXES_FAILURE_LIMIT):
        via_nginx(client, "/admin/login/", {"username": f"guess{number}", "password": "x"}, "203.0.113.7")

    locked = via_nginx(client, "/admin/login/", {"username": "anna", "password": "pw-anna"}, "203.0.113.7")
    other = via_nginx(client, "/admin/login/", {"username": "anna", "password": "pw-anna"}, "198.51.100.4")

    assert locked.status_code == 429
    assert other.status_code == 302


@pytest.mark.django_db
def test_behind_nginx_a_forged_forwarded_for_does_not_escape_the_lockout(client, settings, django_user_model):
    settings.TRUSTED_PROXY_COUNT = 1
    make_staff(django_user_model, "anna", "Redaktör")
    for number in range(settings.AXES_FAILURE_LIMIT):
        via_nginx(client, "/admin/login/", {"username": f"guess{number}", "password": "x"}, "203.0.113.7")

    forged = via_nginx(
        client,
        "/admin/login/",
        {"username": "anna", "password": "pw-anna"},
        "203.0.113.7",
        forged="198.51.100.4",
    )

    assert forged.status_code == 429


def test_the_registration_rate_limit_counts_the_resolved_client(settings):
    from news.registration import rate_limited

    settings.TRUSTED_PROXY_COUNT = 1
    settings.REGISTRATION_RATE_LIMIT = 1
    first = request_from(NGINX, "203.0.113.7")
    again_forged = request_from(NGINX, "10.9.9.9, 203.0.113.7")
    someone_else = request_from(NGINX, "198.51.100.4")

    assert not rate_limited(first)
    assert rate_limited(again_forged)
    assert not rate_limited(someone_else)
