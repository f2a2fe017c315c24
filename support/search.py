"""Support contacts in the site-wide search (/sok/): someone typing "orostelefon" or
"anhörig" should find the line to call before anything else."""

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from cks_portal.core import search
from support.models import SupportContact


class SupportProvider(search.SiteSearchProvider):
    """Active contacts only; one query."""

    kind = "support"
    label = _("Support and advice")

    def matching(self, query, now, count):
        search_query = search.websearch_query(query)
        return (
            SupportContact.objects.active()
            .only("name", "slug", "organisation", "summary")
            .filter(search_vector=search_query)
            .annotate(rank=search.rank(F("search_vector"), search_query))
            .order_by("-rank", "order", "name_sv")[:count]
        )

    def result(self, contact, query):
        return search.SearchResult(
            title=contact.t.name,
            url=contact.get_absolute_url(),
            snippet=search.highlight_terms(contact.t.summary, query),
            meta=contact.organisation,
            lang=contact.t.name.lang,
        )


site_results = SupportProvider()
