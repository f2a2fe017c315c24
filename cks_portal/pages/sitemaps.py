from cks_portal.core.sitemaps import I18nSitemap
from cks_portal.pages.models import Page


class PageSitemap(I18nSitemap):
    changefreq = "monthly"

    def items(self):
        return Page.objects.published().order_by("slug").only("slug", "updated_at")

    def lastmod(self, page):
        return page.updated_at


SITEMAPS = {"pages": PageSitemap}
