from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News and calendar")

    def ready(self):
        from cks_portal.media import protect_files
        from news import images
        from news.models import Event, NewsItem

        # A draft's image (with its smaller copies) and programme stay private until it is out.
        protect_files(NewsItem, "image", public=NewsItem.objects.published, owners=images.original_lookup)
        protect_files(Event, "programme", public=Event.objects.published)
