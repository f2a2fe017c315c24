"""What the support editors should fix (content health, cks_portal/core/content_health.py):
contacts whose facts nobody has checked for six months, phone numbers we cannot call, and
exceptions to the opening hours for days already passed."""

import datetime

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from cks_portal.core.content_health import ITEMS_SHOWN, HealthItem, HealthSection
from support.models import VERIFY_EVERY_DAYS, OpeningException, PhoneNumber, SupportContact

PERMISSION = "support.change_supportcontact"


def _change_url(contact_id):
    return reverse("admin:support_supportcontact_change", args=[contact_id])


def _date(day):
    return date_format(day, "DATE_FORMAT")


def sections(today):
    cutoff = today - datetime.timedelta(days=VERIFY_EVERY_DAYS)
    stale = (
        SupportContact.objects.filter(is_active=True)
        .not_verified_since(cutoff)
        .order_by("last_verified", "name_sv")
    )
    unverified = HealthSection(
        "support-unverified",
        _("Support contacts not verified for six months"),
        PERMISSION,
        total=stale.count(),
        list_url=reverse("admin:support_supportcontact_changelist") + "?verified=stale",
    )
    for contact in stale[:ITEMS_SHOWN]:
        detail = (
            _("last verified %(date)s") % {"date": _date(contact.last_verified)}
            if contact.last_verified
            else _("never verified")
        )
        unverified.items.append(HealthItem(contact.name, _change_url(contact.pk), detail))

    bad_numbers = HealthSection("support-phone", _("Phone numbers that cannot be called"), PERMISSION)
    phones = (
        PhoneNumber.objects.filter(contact__is_active=True)
        .select_related("contact")
        .order_by("contact__name_sv")
    )
    for phone in phones:
        try:
            phone.clean()
        except ValidationError:
            bad_numbers.total += 1
            if len(bad_numbers.items) < ITEMS_SHOWN:
                bad_numbers.items.append(
                    HealthItem(phone.contact.name, _change_url(phone.contact_id), phone.number)
                )

    past = OpeningException.objects.filter(end_date__lt=today).select_related("contact").order_by("end_date")
    old_exceptions = HealthSection(
        "support-exceptions", _("Exceptions to the opening hours for days already passed"), PERMISSION
    )
    old_exceptions.total = past.count()
    for exception in past[:ITEMS_SHOWN]:
        days = _date(exception.start_date)
        if exception.last_day != exception.start_date:
            days = f"{days}–{_date(exception.last_day)}"
        detail = f"{days}: {exception.reason}" if exception.reason else days
        old_exceptions.items.append(
            HealthItem(exception.contact.name, _change_url(exception.contact_id), detail)
        )

    return [unverified, bad_numbers, old_exceptions]
