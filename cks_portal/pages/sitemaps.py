from cks_portal.pages.models import Page
from cks_portal.sitemaps import I18nSitemap


class PageSitemap(I18nSitemap):
    changefreq = "monthly"

    def items(self):
        return Page.objects.published().order_by("slug").only("slug", "updated_at")

    def lastmod(self, page):
        return page.updated_at


SITEMAPS = {"pages": PageSitemap}
