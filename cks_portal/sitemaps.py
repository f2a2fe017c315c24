from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from cks_portal.models import Page


class I18nSitemap(Sitemap):
    """Every URL in Swedish and in English, with hreflang alternates."""

    i18n = True
    languages = ["sv", "en"]
    alternates = True
    x_default = True


class SectionSitemap(I18nSitemap):
    changefreq = "daily"

    def items(self):
        return [
            "home",
            "support:index",
            "news:index",
            "news:calendar",
            "news:past_events",
            "knowledge_bank:index",
            "search",
        ]

    def location(self, item):
        return reverse(item)


class PageSitemap(I18nSitemap):
    changefreq = "monthly"

    def items(self):
        return Page.objects.published().order_by("slug").only("slug", "updated_at")

    def lastmod(self, page):
        return page.updated_at


SITEMAPS = {"sections": SectionSitemap, "pages": PageSitemap}
