from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeBankConfig(AppConfig):
    name = "knowledge_bank"
    verbose_name = _("Knowledge bank")

    def ready(self):
        from cks_portal.core import page_cache, registry
        from cks_portal.core.media import protect_files
        from knowledge_bank import health, search, selectors, sitemaps, suggest, views
        from knowledge_bank.models import Publication

        # The PDF of a publication is public only while the publication is.
        protect_files(Publication, "file", public=Publication.objects.published)
        # A publication with a publish date ahead of now goes live without a save.
        page_cache.register_scheduled_changes(selectors.scheduled_changes)
        # What the site needs from this app (cks_portal/core/registry.py): the core imports no app.
        page_cache.watch_app(self.label)
        registry.register_home_box(
            "publications",
            _("From the knowledge bank"),
            "knowledge_bank/_home.html",
            context=views.home_context,
            order=40,
        )
        registry.register_search_provider(search.site_results, order=20)
        registry.register_suggestion_provider(suggest.suggestions, order=20)
        registry.register_sitemaps(sitemaps.SITEMAPS, order=30)
        registry.register_sitemap_sections("knowledge_bank:index", order=30)
        registry.register_navigation(_("Knowledge bank"), "knowledge_bank:index", "/kunskapsbank/", order=40)
        registry.register_reserved_slugs("kunskapsbank", "oai")
        registry.register_content_health(health.sections, order=30)
        filters = ("q", "topic", "type", "language", "decade", "sort")
        page_cache.register_query_parameters("knowledge_bank:index", *filters, "page")
        page_cache.register_query_parameters("knowledge_bank:export_results", *filters)
