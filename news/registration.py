"""The registrant's side of a registration: their personal link, their e-mail, the rate limit.

The personal link carries the registration's id and the moment it stops working (the end of
the event), signed with the site's secret key, so nobody can guess or alter it and no extra
secret has to be stored with the registration.
"""

import logging

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from cks_portal.client_address import client_address

logger = logging.getLogger(__name__)

# A namespace for the signature, not a secret: the secret is SECRET_KEY.
TOKEN_SALT = "news.registration.link"  # noqa: S105


class LinkExpired(Exception):
    """The link was genuine but the event it was for has ended."""


def make_token(registration):
    # A plain Signer, not signing.dumps: the link carries its own expiry ("until"), so a
    # signing timestamp would add nothing but make the same registration's link change
    # from one second to the next.
    return signing.Signer(salt=TOKEN_SALT).sign_object(
        {"r": registration.pk, "until": int(registration.event.end.timestamp())}
    )


def read_token(token):
    """The registration id in a personal link.

    Raises signing.BadSignature for a link that was altered or made up, LinkExpired for a
    genuine link whose event is over.
    """
    try:
        data = signing.Signer(salt=TOKEN_SALT).unsign_object(token)
    except ValueError as error:  # signed by us, but not a payload this code wrote
        raise signing.BadSignature("unreadable payload") from error
    if not isinstance(data, dict) or not isinstance(data.get("r"), int):
        raise signing.BadSignature("unexpected payload")
    if timezone.now().timestamp() > data.get("until", 0):
        raise LinkExpired
    return data["r"]


def status_url(registration):
    """The personal page of the registration, in the language the person used."""
    with translation.override(registration.language):
        return reverse(
            "news:registration",
            kwargs={"slug": registration.event.slug, "token": make_token(registration)},
        )


def cancel_url(registration):
    with translation.override(registration.language):
        return reverse(
            "news:registration_cancel",
            kwargs={"slug": registration.event.slug, "token": make_token(registration)},
        )


def _send(request, registration, template):
    """Sends one e-mail in the registrant's language. A failing mail server is logged, not
    shown as an error: the registration is saved and the page shows the same links."""
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "event": registration.event,
            "status_url": request.build_absolute_uri(status_url(registration)),
            "cancel_url": request.build_absolute_uri(cancel_url(registration)),
            "site_name": settings.SITE_NAME,
        }
        subject = " ".join(render_to_string(f"news/email/{template}_subject.txt", context).split())
        body = render_to_string(f"news/email/{template}.txt", context)
    try:
        send_mail(subject, body, None, [registration.email])
    except Exception:
        logger.exception("Could not send the %s e-mail for registration %s", template, registration.pk)
        return False
    return True


def send_confirmation(request, registration):
    """Tells the person that they have a seat or a place on the waiting list."""
    return _send(request, registration, "registration_received")


def send_promotion(request, registration):
    """Tells someone on the waiting list that a seat has become free for them."""
    return _send(request, registration, "registration_promoted")


def rate_limited(request):
    """True when this client has sent more registrations than allowed in the current window.

    Counts per client address in the cache; every call counts one submission. The address comes
    from cks_portal.client_address, as for the login lockout: behind the proxy it is the address
    nginx saw, never one the client wrote into X-Forwarded-For.
    """
    key = "news:registration:rate:" + (client_address(request) or "unknown")
    cache.add(key, 0, timeout=settings.REGISTRATION_RATE_WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:
        # The window ran out between add() and incr(): this submission starts a new one.
        cache.set(key, 1, timeout=settings.REGISTRATION_RATE_WINDOW)
        count = 1
    return count > settings.REGISTRATION_RATE_LIMIT
