"""The public pages' reads of support lines, and what they remember.

Lines with their hours, phones and exceptions are kept by the cache layer
(`cks_portal.core.page_cache.memo`) until content changes or the day ends: the exceptions a line
carries are those near the day (`OpeningException.objects.near`), so the day is part of
each name. Only rows are kept; whether a line is open is worked out from them on every
request, at its moment."""

from django.utils import timezone

from cks_portal.core.page_cache import memo, memo_page
from support.models import Audience, Language, SupportContact


def _name(name, now):
    return f"support:{name}:{timezone.localdate(now).isoformat()}"


def filter_languages():
    """The languages some active line answers in: the choices of the list's filter."""
    return memo(
        "support:filter:languages", lambda: list(Language.objects.filter(contacts__is_active=True).distinct())
    )


def filter_audiences():
    """The groups some active line is for: the choices of the list's filter."""
    return memo(
        "support:filter:audiences", lambda: list(Audience.objects.filter(contacts__is_active=True).distinct())
    )


def contacts_page(now, per_page, number, *, language=None, audience=None):
    """Page `number` of the active lines, in their order, narrowed to those that answer in
    `language` and are for `audience`. Each filter joins one row per line (a line has a
    language or a group once), so the result needs no DISTINCT."""
    contacts = SupportContact.objects.active()
    if language:
        contacts = contacts.filter(languages=language)
    if audience:
        contacts = contacts.filter(audiences=audience)
    # The id breaks ties in the order, so that no line is on two pages or on none.
    contacts = contacts.order_by("order", "name_sv", "pk").for_cards(now)
    name = f"list:language={language and language.code}&audience={audience and audience.slug}"
    return memo_page(_name(name, now), contacts, per_page, number, lazy=True)


def active_contact(slug, now):
    """The active line at `slug`, with what its page prints, or None; an address with no
    line is not remembered."""
    return memo(
        _name(f"detail:{slug}", now),
        lambda: SupportContact.objects.active().for_listing(now).filter(slug=slug).first(),
        remember_none=False,
    )


def featured_contacts(now, count):
    """The first `count` featured lines, for the home page."""
    return memo(
        _name(f"home:{count}", now),
        lambda: list(SupportContact.objects.active().filter(is_featured=True).for_home(now)[:count]),
    )
