from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """Editable pages, an app of their own beside the core (docs/architecture.md)."""

    name = "cks_portal.pages"
    label = "pages"
    verbose_name = _("Pages")

    def ready(self):
        from cks_portal.core import page_cache, registry
        from cks_portal.pages import search, selectors, sitemaps, views

        # What the site needs from this app (cks_portal/core/registry.py): the core imports no app.
        page_cache.watch_app(self.label)
        page_cache.register_scheduled_changes(selectors.scheduled_changes)
        registry.register_home_context(views.home_context)
        registry.register_search_provider(search.page_results, order=50)
        registry.register_sitemaps(sitemaps.SITEMAPS, order=5)
        registry.register_navigation(_("About us"), "page", "/om-oss/", kwargs={"slug": "om-oss"}, order=90)
