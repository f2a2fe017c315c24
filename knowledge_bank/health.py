"""What the knowledge bank's curators should fix (content health,
cks_portal/core/content_health.py): publications without a summary or a topic, and external
links that the link checker (`manage.py check_links`) found broken."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from cks_portal.core.content_health import ITEMS_SHOWN, HealthItem, HealthSection
from cks_portal.core.publishing import State
from knowledge_bank.models import Publication

PERMISSION = "knowledge_bank.change_publication"


def _change_url(publication):
    return reverse("admin:knowledge_bank_publication_change", args=[publication.pk])


def sections(today):
    listed = Publication.objects.exclude(state=State.WITHDRAWN).only("pk", "title", "summary_sv")
    incomplete = listed.filter(Q(summary_sv="") | Q(topics__isnull=True)).distinct().order_by("title", "pk")
    missing = HealthSection(
        "knowledge-bank-incomplete", _("Publications without a summary or a topic"), PERMISSION
    )
    missing.total = incomplete.count()
    for publication in incomplete.prefetch_related("topics")[:ITEMS_SHOWN]:
        lacks = []
        if not publication.summary_sv:
            lacks.append(_("no summary"))
        if not publication.topics.all():
            lacks.append(_("no topic"))
        missing.items.append(HealthItem(publication.title, _change_url(publication), ", ".join(lacks)))

    broken_links = (
        Publication.objects.exclude(state=State.WITHDRAWN)
        .filter(link_checked_at__isnull=False)
        .filter(Q(link_status__isnull=True) | Q(link_status__gte=400))
        .only("pk", "title", "link_status", "link_error")
        .order_by("title", "pk")
    )
    broken = HealthSection(
        "knowledge-bank-links",
        _("Publications whose link the link checker found broken"),
        PERMISSION,
        total=broken_links.count(),
        list_url=reverse("admin:knowledge_bank_publication_changelist") + "?link=broken",
    )
    for publication in broken_links[:ITEMS_SHOWN]:
        detail = publication.link_error or (
            _("answered %(status)s") % {"status": publication.link_status} if publication.link_status else ""
        )
        broken.items.append(HealthItem(publication.title, _change_url(publication), detail))
    return [missing, broken]
