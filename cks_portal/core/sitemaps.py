from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.urls import reverse

from cks_portal.core import registry


class I18nSitemap(Sitemap):
    """Every URL in every language its page has, each with hreflang alternates to the others
    and an x-default (the Swedish address), in pages of at most `limit` URLs (/sitemap.xml is
    the index of the pages).

    A page has every site language unless `get_languages_for_item` says otherwise: content
    translated into some languages only names them there (`i18n.languages_of`), the same
    rule as the language switch and the hreflang links in each page's head."""

    i18n = True
    alternates = True
    x_default = True
    # Far below the protocol's 50,000, so one page stays a fraction of a second to build.
    limit = 2000

    @property
    def paginator(self):
        # Django's own pairs every item with every language in a list of all items, loaded
        # for each page and for the index; this loads one page's items, and counts in SQL.
        # A page of the sitemap holds whole items (limit // languages of them), so that an
        # item's addresses are never split between two pages and no page is empty.
        languages = self._languages()
        per_page = max(1, self.limit // len(languages)) * len(languages)
        return Paginator(_InLanguages(self.items(), languages, self.get_languages_for_item), per_page)

    def get_latest_lastmod(self):
        # Django's reads every item's lastmod for the index; the index goes without it.
        return None


class _InLanguages:
    """The (item, language) pairs of `items`, as a lazy sequence of a slot per item and site
    language; a slot whose language the item lacks (`languages_for`) is left out when read."""

    def __init__(self, items, languages, languages_for):
        self.items, self.languages, self.languages_for = items, list(languages), languages_for

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
        return [
            (item, language)
            for item, language in pairs[start - offset : stop - offset]
            if language in self.languages_for(item)
        ]


class SectionSitemap(I18nSitemap):
    changefreq = "daily"

    def items(self):
        # Home and search are the core's; every app adds its own index pages (registry).
        return registry.sitemap_sections()

    def location(self, item):
        return reverse(item)


SITEMAPS = {"sections": SectionSitemap}
