from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News and calendar")

    def ready(self):
        from cks_portal import page_cache
        from cks_portal.media import protect_files
        from news import images, selectors
        from news.models import Event, NewsItem

        # A draft's image (with its smaller copies) and programme stay private until it is out.
        protect_files(NewsItem, "image", public=NewsItem.objects.published, owners=images.original_lookup)
        protect_files(Event, "programme", public=Event.objects.published)
        # Scheduled items going live and events ending change pages without a save.
        page_cache.register_scheduled_changes(selectors.scheduled_changes)
