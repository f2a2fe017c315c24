from cks_portal.core import i18n
from cks_portal.core.sitemaps import I18nSitemap
from knowledge_bank.models import Publication


class PublicationSitemap(I18nSitemap):
    changefreq = "monthly"

    def items(self):
        # A publication's title is its own; its summary is what is translated.
        return (
            Publication.objects.published()
            .order_by("slug")
            .only("slug", "summary", "updated_at", *i18n.REVIEW_COLUMNS)
        )

    def get_languages_for_item(self, publication):
        return i18n.languages_of(publication, "summary")

    def lastmod(self, publication):
        return publication.updated_at


SITEMAPS = {"publications": PublicationSitemap}
