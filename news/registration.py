"""Registration for events: the one place where people are registered, cancelled and moved up
from the waiting list, and where they are e-mailed about it. The public views and the admin
only call the functions here.

Only the owner of a mailbox learns anything about the registration made with it: the page
after sending the form is the same whatever happened (a seat, the waiting list, an address
that was already registered), and what happened is told by e-mail. A second registration with
a known address changes nothing; the owner is e-mailed their personal link instead, so nobody
can read, change or cancel somebody else's registration by typing their address.

The personal link carries the registration's id and the moment it stops working (the end of
the event), signed with the site's secret key, so nobody can guess or alter it and no extra
secret has to be stored with the registration.
"""

import logging

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from cks_portal.core.client_address import client_address
from news.models import Event, Registration, RegistrationClosed, RegistrationStatus

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
    shown as an error: the registration stays saved, and the page after sending tells people
    to write to us if no e-mail arrives (the e-mail is the only way to the personal link)."""
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "event": registration.event,
            "status_url": request.build_absolute_uri(status_url(registration)),
            "cancel_url": request.build_absolute_uri(cancel_url(registration)),
            "site_name": settings.SITE_NAME,
            "site_contact_email": settings.SITE_CONTACT_EMAIL,
        }
        subject = " ".join(render_to_string(f"news/email/{template}_subject.txt", context).split())
        body = render_to_string(f"news/email/{template}.txt", context)
    try:
        send_mail(subject, body, None, [registration.email])
    except Exception:
        logger.exception("Could not send the %s e-mail for registration %s", template, registration.pk)
        return False
    return True


def _send_on_commit(request, registration, template):
    """Sends the e-mail once the transaction that changed the registration is committed, so
    nobody is told about a seat that a rollback took back. Outside a transaction it goes at once."""
    transaction.on_commit(lambda: _send(request, registration, template))


def register(request, event, *, name, email, organisation, needs="", language="sv"):
    """Registers a person for an event and e-mails them what happened.

    - A new address gets a seat, or a place on the waiting list when the seats are taken; the
      e-mail says which and carries the personal link.
    - An address already registered (confirmed or waiting) changes nothing: its owner is
      e-mailed their personal link and told that the form was sent again with their address.
    - An address whose registration was cancelled registers anew, as a new address would.

    The caller shows the same page in every case. Returns (registration, created). The event
    row is locked for the transaction, so two people sending the form at the same moment are
    counted one after the other and the seats are never overbooked. Raises RegistrationClosed
    when the event takes no registrations.
    """
    now = timezone.now()
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        if not event.registration_is_open:
            raise RegistrationClosed(event.registration_closed_reason)
        existing = Registration.objects.filter(event=event, email__iexact=email).first()
        if existing and existing.status != RegistrationStatus.CANCELLED:
            _send_on_commit(request, existing, "registration_repeated")
            return existing, False
        confirmed = Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED).count()
        registration = existing or Registration(event=event)
        registration.name, registration.email = name, email
        registration.organisation, registration.needs = organisation, needs
        registration.language = language
        registration.consent = True
        registration.queued_at = now
        registration.cancelled_at = None
        if event.capacity is None or confirmed < event.capacity:
            registration.status = RegistrationStatus.CONFIRMED
            registration.confirmed_at = now
        else:
            registration.status = RegistrationStatus.WAITLISTED
            registration.confirmed_at = None
        registration.save()
        _send_on_commit(request, registration, "registration_received")
        return registration, True


def fill_free_seats(request, event):
    """Moves people up from the waiting list, first in line first, while seats are free, and
    e-mails each of them. Returns the registrations that got a seat.

    Locks the event row, so it can run beside registrations and cancellations of the same
    event (call it after more seats were given, or after a cancellation)."""
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        if event.start <= timezone.now():
            return []
        waiting = Registration.objects.waiting_line().filter(event=event)
        if event.capacity is not None:
            confirmed = Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED).count()
            waiting = waiting[: max(event.capacity - confirmed, 0)]
        promoted = list(waiting)
        now = timezone.now()
        for registration in promoted:
            registration.status = RegistrationStatus.CONFIRMED
            registration.confirmed_at = now
            registration.save(update_fields=["status", "confirmed_at", "updated_at"])
            _send_on_commit(request, registration, "registration_promoted")
        return promoted


def cancel(request, registration):
    """Cancels the registration; a freed seat goes to the first on the waiting list, who is
    e-mailed. Cancelling twice changes nothing. Returns the registrations that moved up."""
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=registration.event_id)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status == RegistrationStatus.CANCELLED:
            return []
        current.status = RegistrationStatus.CANCELLED
        current.cancelled_at = timezone.now()
        current.save()
        registration.status, registration.cancelled_at = current.status, current.cancelled_at
        return fill_free_seats(request, event)


def rate_limited(request):
    """True when this client has sent more registrations than allowed in the current window.

    Counts per client address in the cache; every call counts one submission. The address comes
    from cks_portal.core.client_address, as for the login lockout: behind the proxy it is the address
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
