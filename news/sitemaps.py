from cks_portal.core.sitemaps import I18nSitemap
from news.models import Event, NewsItem


class NewsSitemap(I18nSitemap):
    changefreq = "monthly"

    def items(self):
        return NewsItem.objects.published().only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class EventSitemap(I18nSitemap):
    changefreq = "weekly"

    def items(self):
        return Event.objects.published().only("slug", "updated_at")

    def lastmod(self, event):
        return event.updated_at


SITEMAPS = {"news": NewsSitemap, "events": EventSitemap}
