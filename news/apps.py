from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News and calendar")

    def ready(self):
        from cks_portal.core import page_cache, registry
        from cks_portal.core.media import protect_files
        from news import health, images, search, selectors, sitemaps, views
        from news.models import Event, NewsItem

        # A draft's image (with its smaller copies) and programme stay private until it is out.
        protect_files(NewsItem, "image", public=NewsItem.objects.published, owners=images.original_lookup)
        protect_files(Event, "programme", public=Event.objects.published)
        # Scheduled items going live and events ending change pages without a save.
        page_cache.register_scheduled_changes(selectors.scheduled_changes)
        # What the site needs from this app (cks_portal/core/registry.py): the core imports no app.
        page_cache.watch_app(self.label)
        registry.register_home_box(
            "news", _("Latest news"), "news/_home_news.html", context=views.home_context, order=20
        )
        registry.register_home_box(
            "events", _("Upcoming events"), "news/_home_events.html", context=views.home_context, order=30
        )
        registry.register_search_provider(search.news_results, order=30)
        registry.register_search_provider(search.event_results, order=40)
        registry.register_sitemaps(sitemaps.SITEMAPS, order=20)
        registry.register_sitemap_sections("news:index", "news:calendar", "news:past_events", order=20)
        registry.register_navigation(_("News"), "news:index", "/nyheter/", order=20)
        registry.register_navigation(_("Calendar"), "news:calendar", "/kalender/", order=30)
        registry.register_reserved_slugs("nyheter", "kalender")
        registry.register_content_health(health.sections, order=20)
        page_cache.register_query_parameters("news:index", "q", "topic", "year", "page")
        page_cache.register_query_parameters("news:calendar", "page")
        page_cache.register_query_parameters("news:past_events", "page")
