import json
from datetime import timedelta

from django.contrib import admin
from django.contrib.admin import helpers
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from cks_portal.core import i18n
from cks_portal.core.admin import ConflictGuardMixin, RecordsEditorMixin, TranslationReviewMixin
from cks_portal.core.content_checks_admin import ContentChecksMixin
from cks_portal.core.publishing import PublishingAdminMixin
from cks_portal.core.uploads import KeepUploadsMixin
from knowledge_bank.models import Author, Publication, PublicationAuthor


class BrokenLinkFilter(admin.SimpleListFilter):
    title = _("external link")
    parameter_name = "link"

    def lookups(self, request, model_admin):
        return [("broken", _("Broken links")), ("unchecked", _("Not checked yet"))]

    def queryset(self, request, queryset):
        if self.value() == "broken":
            return queryset.filter(link_checked_at__isnull=False).filter(
                Q(link_status__isnull=True) | Q(link_status__gte=400)
            )
        if self.value() == "unchecked":
            return queryset.exclude(external_url="").filter(link_checked_at__isnull=True)
        return queryset


class ReviewDueFilter(admin.SimpleListFilter):
    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("due", _("Review due")), ("soon", _("Due within 30 days"))]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "due":
            return queryset.filter(review_date__lte=today)
        if self.value() == "soon":
            return queryset.filter(review_date__gt=today, review_date__lte=today + timedelta(days=30))
        return queryset


class PublicationAuthorInline(admin.TabularInline):
    model = PublicationAuthor
    autocomplete_fields = ["author"]
    extra = 1
    verbose_name = _("author")
    verbose_name_plural = _("authors")
    # Django builds the link from the verbose name with a capital first letter ("Lägg till
    # ytterligare Författare"); the whole sentence reads right in both languages.
    add_text = _("Add another author")


class InlineAddTextFormSet(helpers.InlineAdminFormSet):
    """An inline whose `add_text` says what its "add another" link reads."""

    def inline_formset_data(self):
        data = json.loads(super().inline_formset_data())
        data["options"]["addText"] = str(self.opts.add_text)
        return json.dumps(data)


@admin.register(Author)
class AuthorAdmin(ConflictGuardMixin, SimpleHistoryAdmin):
    list_display = ["family_name", "given_name"]
    search_fields = ["family_name", "given_name"]


@admin.register(Publication)
class PublicationAdmin(
    ContentChecksMixin,
    PublishingAdminMixin,
    KeepUploadsMixin,
    TranslationReviewMixin,
    ConflictGuardMixin,
    RecordsEditorMixin,
    TranslationAdmin,
    SimpleHistoryAdmin,
):
    content_checks = {"summary": {"audience": "professionals"}}
    list_display = [
        "title",
        "type",
        "year",
        "language",
        "status",
        "featured",
        "featured_order",
        "link_status",
        "review_date",
    ]
    list_editable = ["featured_order"]
    list_filter = ["state", "type", "topics", "language", "featured", BrokenLinkFilter, ReviewDueFilter]
    search_fields = [
        "title",
        "subtitle",
        *i18n.columns("summary"),
        "publisher",
        "authors__family_name",
        "authors__given_name",
    ]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["topics"]
    inlines = [PublicationAuthorInline]
    date_hierarchy = "publish_at"
    readonly_fields = [
        "file_size",
        "link_status",
        "link_error",
        "link_checked_at",
        "link_response_ms",
        "updated_at",
        "updated_by",
    ]
    # Django 6 makes https the default scheme for typed-in links; curators get it already.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    actions = [*PublishingAdminMixin.actions, "feature", "unfeature"]
    published_message = ngettext_lazy(
        "%(count)d publication was published.", "%(count)d publications were published.", "count"
    )
    withdrawn_message = ngettext_lazy(
        "%(count)d publication was withdrawn.", "%(count)d publications were withdrawn.", "count"
    )
    fieldsets = [
        (None, {"fields": ["title", "subtitle", "slug", "type", "year", "date", "publisher", "language"]}),
        (_("Content"), {"fields": ["summary", "topics", "audience"]}),
        (_("File and links"), {"fields": ["file", "file_size", "external_url", "isbn", "doi"]}),
        (_("Curation"), {"fields": ["state", "publish_at", "featured", "featured_order", "review_date"]}),
        (_("Link check"), {"fields": ["link_status", "link_error", "link_checked_at", "link_response_ms"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("file_text", "search_vector")

    def get_inline_formsets(self, request, formsets, inline_instances, obj=None):
        inline_formsets = super().get_inline_formsets(request, formsets, inline_instances, obj)
        for inline_formset in inline_formsets:
            if getattr(inline_formset.opts, "add_text", None):
                inline_formset.__class__ = InlineAddTextFormSet
        return inline_formsets

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Authors and topics are saved after the publication; the vector includes them.
        form.instance.update_search_vector()

    # Each action saves every publication it changes, as the change form does (see
    # cks_portal.core.bulk): history with the curator and the reason, fresh public pages, and a
    # new version that refuses a change form opened before the action.
    @admin.action(description=_("Add to the featured selection"), permissions=["change"])
    def feature(self, request, queryset):
        count = queryset.save_each(
            request.user, _("Added to the featured selection with a bulk action in the list"), featured=True
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d publication was added to the featured selection.",
                "%(count)d publications were added to the featured selection.",
                count,
            )
            % {"count": count},
        )

    @admin.action(description=_("Remove from the featured selection"), permissions=["change"])
    def unfeature(self, request, queryset):
        count = queryset.save_each(
            request.user,
            _("Removed from the featured selection with a bulk action in the list"),
            featured=False,
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d publication was removed from the featured selection.",
                "%(count)d publications were removed from the featured selection.",
                count,
            )
            % {"count": count},
        )
