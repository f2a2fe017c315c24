from cks_portal.core import i18n
from cks_portal.core.sitemaps import I18nSitemap
from cks_portal.pages.models import Page


class PageSitemap(I18nSitemap):
    changefreq = "monthly"

    def items(self):
        # The titles in every language come with `only("title")` (cks_portal/core/i18n.py).
        return (
            Page.objects.published()
            .order_by("slug")
            .only("slug", "title", "updated_at", *i18n.REVIEW_COLUMNS)
        )

    def get_languages_for_item(self, page):
        if page.is_easy_read:
            return [i18n.DEFAULT_LANGUAGE]
        return i18n.languages_of(page, "title")

    def lastmod(self, page):
        return page.updated_at


SITEMAPS = {"pages": PageSitemap}
