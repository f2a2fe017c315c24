from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupportConfig(AppConfig):
    name = "support"
    verbose_name = _("Support and advice")

    def ready(self):
        from cks_portal.core import page_cache, registry
        from support import api, health, search, sitemaps, views

        # What the site needs from this app (cks_portal/core/registry.py): the core imports no app.
        page_cache.watch_app(self.label)
        registry.register_home_box(
            "support",
            _("Need support or advice?"),
            "support/_home.html",
            context=views.home_context,
            order=10,
            modifier="support",
        )
        registry.register_search_provider(search.site_results, order=10)
        registry.register_sitemaps(sitemaps.SITEMAPS, order=10)
        registry.register_sitemap_sections("support:index", order=10)
        registry.register_navigation(_("Support"), "support:index", "/stod/", order=10)
        registry.register_reserved_slugs("stod")
        registry.register_content_health(health.sections, order=10)
        page_cache.register_query_parameters("support:index", "language", "audience", "page")

        for name, parameters in api.PARAMETERS.items():
            page_cache.register_query_parameters(f"hsds:{name}", *parameters)
