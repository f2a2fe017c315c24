from cks_portal.core.sitemaps import I18nSitemap
from support.models import SupportContact


class SupportContactSitemap(I18nSitemap):
    changefreq = "weekly"

    def items(self):
        return SupportContact.objects.active().order_by("slug").only("slug", "updated_at")

    def lastmod(self, contact):
        return contact.updated_at


SITEMAPS = {"support": SupportContactSitemap}
