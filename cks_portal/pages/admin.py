from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from cks_portal.core import i18n
from cks_portal.core.admin import ConflictGuardMixin, RecordsEditorMixin, TranslationReviewMixin
from cks_portal.core.content_checks_admin import ContentChecksMixin
from cks_portal.core.publishing import PublishingAdminMixin
from cks_portal.pages.models import Page


@admin.register(Page)
class PageAdmin(
    ContentChecksMixin,
    PublishingAdminMixin,
    TranslationReviewMixin,
    ConflictGuardMixin,
    RecordsEditorMixin,
    TranslationAdmin,
    SimpleHistoryAdmin,
):
    content_checks = {"lead": {}, "body": {"rich": True}}
    list_display = ["title", "slug", "status", "show_in_footer", "updated_at", "updated_by"]
    list_filter = ["state"]
    search_fields = [*i18n.columns("title"), "body_sv"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["updated_at", "updated_by"]
    list_select_related = ["updated_by"]
    history_list_display = ["title", "state"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body"]}),
        (_("Publishing"), {"fields": ["state", "publish_at", "show_in_footer", "updated_at", "updated_by"]}),
    ]
