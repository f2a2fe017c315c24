"""Support contacts in the site-wide search (/sok/): someone typing "orostelefon" or
"anhörig" should find the line to call before anything else."""

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from cks_portal import search
from support.models import SupportContact


def site_results(query, limit):
    """Active contacts only; one query."""
    contacts = SupportContact.objects.active().only(
        "name", "name_en", "slug", "organisation", "summary", "summary_en"
    )
    if search.uses_postgres():
        search_query = search.websearch_query(query)
        contacts = (
            contacts.filter(search_vector=search_query)
            .annotate(rank=search.rank(F("search_vector"), search_query))
            .order_by("-rank", "order", "name")
        )
    else:
        condition = search.fallback_filter(
            query,
            ["name", "name_en", "organisation", "summary", "summary_en", "description", "description_en"],
        )
        contacts = contacts.filter(condition).order_by("order", "name") if condition else contacts.none()
    found = list(contacts[: limit + 1])
    results = [
        search.SearchResult(
            title=contact.t.name,
            url=contact.get_absolute_url(),
            snippet=search.highlight_terms(contact.t.summary, query),
            meta=contact.organisation,
            lang=contact.t.name.lang,
        )
        for contact in found[:limit]
    ]
    return search.SearchGroup(
        kind="support", label=_("Support and advice"), results=results, has_more=len(found) > limit
    )
