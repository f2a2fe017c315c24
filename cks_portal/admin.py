from django.conf import settings
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from cks_portal.models import Page, Topic

admin.site.site_header = _("%(site)s – administration") % {"site": settings.SITE_NAME}
admin.site.site_title = settings.SITE_NAME
admin.site.index_title = _("Content and settings")


class RecordsEditorMixin:
    """Stores who saved an object last; the public pages show it as "Changed by"."""

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Page)
class PageAdmin(RecordsEditorMixin, admin.ModelAdmin):
    list_display = ["title", "slug", "is_published", "show_in_footer", "updated_at", "updated_by"]
    list_filter = ["is_published"]
    search_fields = ["title", "title_en", "body"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["updated_at", "updated_by"]
    list_select_related = ["updated_by"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body"]}),
        (_("English version"), {"fields": ["title_en", "lead_en", "body_en"]}),
        (
            _("Publishing"),
            {"fields": ["is_published", "show_in_footer", "updated_at", "updated_by"]},
        ),
    ]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "slug"]
    search_fields = ["name", "name_en"]
    prepopulated_fields = {"slug": ["name"]}
