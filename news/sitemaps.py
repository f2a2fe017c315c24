from cks_portal.core import i18n
from cks_portal.core.sitemaps import I18nSitemap
from news.models import Event, NewsItem


class SwedishOnlySitemap(I18nSitemap):
    """News and events are written in Swedish only: in another language their pages show the
    Swedish text in translated chrome, so the sitemap lists them in Swedish alone."""

    def get_languages_for_item(self, item):
        return [i18n.DEFAULT_LANGUAGE]


class NewsSitemap(SwedishOnlySitemap):
    changefreq = "monthly"

    def items(self):
        return NewsItem.objects.published().only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class EventSitemap(SwedishOnlySitemap):
    changefreq = "weekly"

    def items(self):
        return Event.objects.published().only("slug", "updated_at")

    def lastmod(self, event):
        return event.updated_at


SITEMAPS = {"news": NewsSitemap, "events": EventSitemap}
