from cks_portal.core.sitemaps import I18nSitemap
from knowledge_bank.models import Publication


class PublicationSitemap(I18nSitemap):
    changefreq = "monthly"

    def items(self):
        return Publication.objects.published().order_by("slug").only("slug", "updated_at")

    def lastmod(self, publication):
        return publication.updated_at


SITEMAPS = {"publications": PublicationSitemap}
