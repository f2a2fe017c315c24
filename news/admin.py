from django.contrib import admin
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from cks_portal.admin import ConflictGuardMixin, RecordsEditorMixin
from news.models import Event, NewsItem

PUBLISHING_FIELDS = ["state", "publish_at", "language", "topics", "created_at", "updated_at", "updated_by"]


class PublishableAdmin(ConflictGuardMixin, RecordsEditorMixin, SimpleHistoryAdmin):
    """What both admins share: filters by state and topic, the preview link, who changed it."""

    list_filter = ["state", "topics", "language"]
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["created_at", "updated_at", "updated_by"]
    autocomplete_fields = ["topics"]
    list_select_related = ["updated_by"]
    save_on_top = True
    # Editors paste addresses without a scheme; https is what Django 6 will assume anyway.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    @admin.display(description=_("state"), ordering="state")
    def status(self, obj):
        return obj.status_label

    @admin.display(description=_("page"))
    def preview_link(self, obj):
        label = _("View") if obj.is_published else _("Preview")
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), label)


@admin.register(NewsItem)
class NewsItemAdmin(PublishableAdmin):
    list_display = ["title", "status", "publish_at", "updated_by", "preview_link"]
    search_fields = ["title", "lead", "body", "byline"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body", "byline"]}),
        (
            _("Image"),
            {
                "fields": ["image", "image_alt", "image_is_decorative", "image_caption", "image_credit"],
                "description": _("An image needs an alternative text unless it is only decoration."),
            },
        ),
        (_("Source"), {"fields": ["source_name", "source_url"]}),
        (_("Publishing"), {"fields": PUBLISHING_FIELDS}),
    ]


@admin.register(Event)
class EventAdmin(PublishableAdmin):
    list_display = ["title", "start", "status", "registration_mode", "updated_by", "preview_link"]
    list_filter = ["state", "registration_mode", "topics"]
    date_hierarchy = "start"
    search_fields = ["title", "summary", "body", "venue", "organiser"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        (_("Time and place"), {"fields": ["start", "end", "time_note", "venue", "address", "organiser"]}),
        (
            _("Registration"),
            {"fields": ["registration_mode", "registration_email", "registration_deadline", "programme"]},
        ),
        (_("Publishing"), {"fields": PUBLISHING_FIELDS}),
    ]
