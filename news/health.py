"""What the editors should fix (content health, cks_portal/core/content_health.py): news past
the outdated threshold still among the home page's latest, upcoming events that lack a place,
a last day to register or a number of seats, and registrations the purge should have deleted."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cks_portal.core.content_health import ITEMS_SHOWN, HealthItem, HealthSection
from cks_portal.core.publishing import State
from news.models import Event, NewsItem, Registration, RegistrationMode

# The home page shows this many of the latest news items (news.views.home_context).
HOME_NEWS = 3


def sections(today):
    now = timezone.now()
    return [_outdated_on_home(now), _incomplete_events(now), _registrations_to_purge(now)]


def _outdated_on_home(now):
    section = HealthSection(
        "news-outdated-home", _("Outdated news still on the home page"), "news.change_newsitem"
    )
    cutoff = now - timedelta(days=settings.NEWS_OUTDATED_AFTER)
    for item in NewsItem.objects.published().defer("body")[:HOME_NEWS]:
        if item.publish_at < cutoff:
            detail = _("published %(date)s; write a newer item or withdraw it") % {
                "date": date_format(timezone.localtime(item.publish_at), "DATE_FORMAT")
            }
            section.items.append(
                HealthItem(item.title, reverse("admin:news_newsitem_change", args=[item.pk]), detail)
            )
    return section


def _incomplete_events(now):
    registration = ~Q(registration_mode=RegistrationMode.NONE)
    events = (
        Event.objects.exclude(state=State.WITHDRAWN)
        .filter(end__gte=now)
        .filter(
            # Neither a place nor a link to join online (Event.clean asks for one).
            Q(venue="", address="", locality="", online_url="")
            | (registration & Q(registration_deadline__isnull=True))
            | Q(registration_mode=RegistrationMode.FORM, capacity__isnull=True)
        )
        .order_by("start", "pk")
        .defer("body")
    )
    section = HealthSection(
        "news-events",
        _("Upcoming events without a place, a last day to register or seats"),
        "news.change_event",
    )
    section.total = events.count()
    for event in events[:ITEMS_SHOWN]:
        missing = []
        if not event.has_place and not event.online_url:
            missing.append(_("no place"))
        if event.registration_mode != RegistrationMode.NONE and event.registration_deadline is None:
            missing.append(_("no last day to register"))
        if event.registration_mode == RegistrationMode.FORM and event.capacity is None:
            missing.append(_("no number of seats"))
        section.items.append(
            HealthItem(event.title, reverse("admin:news_event_change", args=[event.pk]), ", ".join(missing))
        )
    return section


def _registrations_to_purge(now):
    cutoff = now - timedelta(days=settings.REGISTRATION_RETENTION_DAYS)
    events = (
        Registration.objects.ended_before(cutoff)
        .values("event_id", "event__title")
        .annotate(count=Count("pk"))
        .order_by("event__end", "event_id")
    )
    section = HealthSection(
        "news-purge",
        _("Registrations past their retention time, still not deleted"),
        "news.delete_registration",
    )
    events = list(events)
    section.total = len(events)
    changelist = reverse("admin:news_registration_changelist")
    for row in events[:ITEMS_SHOWN]:
        detail = ngettext(
            "%(count)s registration; check that the nightly purge runs",
            "%(count)s registrations; check that the nightly purge runs",
            row["count"],
        ) % {"count": row["count"]}
        section.items.append(
            HealthItem(row["event__title"], f"{changelist}?event__id__exact={row['event_id']}", detail)
        )
    return section
