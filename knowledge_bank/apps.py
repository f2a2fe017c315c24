from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeBankConfig(AppConfig):
    name = "knowledge_bank"
    verbose_name = _("Knowledge bank")

    def ready(self):
        from cks_portal import page_cache
        from cks_portal.media import protect_files
        from knowledge_bank import selectors
        from knowledge_bank.models import Publication

        # The PDF of a publication is public only while the publication is.
        protect_files(Publication, "file", public=Publication.objects.published)
        # A publication with a publish date ahead of now goes live without a save.
        page_cache.register_scheduled_changes(selectors.scheduled_changes)
