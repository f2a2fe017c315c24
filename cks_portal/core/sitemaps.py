from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.urls import reverse

from cks_portal.core import registry


class I18nSitemap(Sitemap):
    """Every URL in Swedish and in English, with hreflang alternates, in pages of `limit` URLs
    (/sitemap.xml is the index of the pages)."""

    i18n = True
    languages = ["sv", "en"]
    alternates = True
    x_default = True
    # Far below the protocol's 50,000, so one page stays a fraction of a second to build.
    limit = 2000

    @property
    def paginator(self):
        # Django's own pairs every item with every language in a list of all items, loaded
        # for each page and for the index; this loads one page's items, and counts in SQL.
        return Paginator(_InLanguages(self.items(), self._languages()), self.limit)

    def get_latest_lastmod(self):
        # Django's reads every item's lastmod for the index; the index goes without it.
        return None


class _InLanguages:
    """The (item, language) pairs of `items` in every language, as a lazy sequence."""

    def __init__(self, items, languages):
        self.items, self.languages = items, list(languages)

    def __len__(self):
        count = self.items.count() if hasattr(self.items, "query") else len(self.items)
        return count * len(self.languages)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop
        per_item = len(self.languages)
        first, last = start // per_item, -(-stop // per_item)
        pairs = [(item, language) for item in self.items[first:last] for language in self.languages]
        offset = first * per_item
        return pairs[start - offset : stop - offset]


class SectionSitemap(I18nSitemap):
    changefreq = "daily"

    def items(self):
        # Home and search are the core's; every app adds its own index pages (registry).
        return registry.sitemap_sections()

    def location(self, item):
        return reverse(item)


SITEMAPS = {"sections": SectionSitemap}
