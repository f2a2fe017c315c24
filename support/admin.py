import datetime

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.models import BaseInlineFormSet
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from cks_portal.core import i18n
from cks_portal.core.admin import ConflictGuardMixin, RecordsEditorMixin, TranslationReviewMixin
from cks_portal.core.content_checks_admin import ContentChecksMixin
from support.models import (
    VERIFY_EVERY_DAYS,
    Audience,
    Language,
    OpeningException,
    OpeningInterval,
    PhoneNumber,
    SupportContact,
    Weekday,
)
from support.opening import find_overlap


class IntervalFormSet(BaseInlineFormSet):
    """Two lines of the same contact must not overlap, also across midnight."""

    def clean(self):
        super().clean()
        spans = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or form.errors:
                continue
            if data.get("weekday") is None or not data.get("opens") or not data.get("closes"):
                continue
            interval = OpeningInterval(
                weekday=data["weekday"],
                opens=data["opens"],
                closes=data["closes"],
                closes_next_day=data.get("closes_next_day", False),
            )
            spans.append((interval.weekday, interval.span))
        overlap = find_overlap(spans)
        if overlap:
            (day1, span1), (day2, span2) = overlap
            raise ValidationError(
                gettext("The opening hours %(first)s and %(second)s overlap. Join them into one line.")
                % {
                    "first": f"{Weekday(day1).label} {span1.label()}",
                    "second": f"{Weekday(day2).label} {span2.label()}",
                }
            )


class OpeningIntervalInline(admin.TabularInline):
    model = OpeningInterval
    formset = IntervalFormSet
    fields = ["weekday", "opens", "closes", "closes_next_day"]
    extra = 0


class OpeningExceptionInline(TranslationTabularInline):
    model = OpeningException
    fields = ["start_date", "end_date", "kind", "opens", "closes", "closes_next_day", "reason"]
    extra = 0


class PhoneNumberInline(TranslationTabularInline):
    model = PhoneNumber
    fields = ["number", "kind", "note", "languages", "order"]
    autocomplete_fields = ["languages"]
    extra = 0


class VerifiedFilter(admin.SimpleListFilter):
    title = _("facts verified")
    parameter_name = "verified"

    def lookups(self, request, model_admin):
        return [("stale", _("Not in the last six months")), ("recent", _("In the last six months"))]

    def queryset(self, request, queryset):
        cutoff = timezone.localdate() - datetime.timedelta(days=VERIFY_EVERY_DAYS)
        if self.value() == "stale":
            return queryset.not_verified_since(cutoff)
        if self.value() == "recent":
            return queryset.filter(last_verified__gte=cutoff)
        return queryset


# Links typed without a scheme get https://, not http:// (Django 6's default, chosen now).
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}


@admin.register(SupportContact)
class SupportContactAdmin(
    ContentChecksMixin,
    TranslationReviewMixin,
    ConflictGuardMixin,
    RecordsEditorMixin,
    TranslationAdmin,
    SimpleHistoryAdmin,
):
    content_checks = {"summary": {}, "description": {"rich": True}}
    formfield_overrides = HTTPS_URLS
    list_display = ["name", "organisation", "verified", "is_active", "is_featured", "order"]
    list_editable = ["order"]
    list_filter = [VerifiedFilter, "is_active", "is_featured", "audiences", "languages"]
    search_fields = [*i18n.columns("name"), "organisation", "phones__number"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["audiences", "languages", "topics"]
    readonly_fields = ["hours_preview", "uuid", "created_at", "updated_at", "updated_by"]
    inlines = [PhoneNumberInline, OpeningIntervalInline, OpeningExceptionInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "organisation", "organisation_website", "commissioned_by"]}),
        (
            _("Who it is for and what it helps with"),
            {"fields": ["summary", "description", "audiences", "topics", "languages"]},
        ),
        (
            _("Other ways to get in touch"),
            {"fields": ["email", "website", "chat_url", "is_anonymous", "anonymity_note"]},
        ),
        (_("Opening hours"), {"fields": ["closed_on_holidays", "hours_note", "hours_preview"]}),
        (
            _("Visiting address"),
            {
                "fields": ["street_address", "postal_code", "city", "county"],
                "description": _("Only for a line people can also visit; leave empty otherwise."),
            },
        ),
        (_("Checking the facts"), {"fields": ["last_verified", "source_url"]}),
        (
            _("Publishing"),
            {
                "fields": [
                    "is_active",
                    "is_featured",
                    "order",
                    "uuid",
                    "created_at",
                    "updated_at",
                    "updated_by",
                ]
            },
        ),
    ]

    @admin.display(description=_("verified"), ordering="last_verified")
    def verified(self, obj):
        if obj.needs_verification:
            return format_html('<strong class="errornote">{}</strong>', obj.last_verified or gettext("never"))
        return obj.last_verified

    @admin.display(description=_("how the hours will read"))
    def hours_preview(self, obj):
        if not obj.pk:
            return gettext("Save the contact to see a preview.")
        rows = format_html_join("", "<li>{}: {}</li>", obj.weekly_hours())
        exceptions = format_html_join(
            "",
            "<li>{}: {}</li>",
            ((e.start_date, e.get_kind_display()) for e in obj.upcoming_exceptions()),
        )
        holidays_note = (
            gettext("Closed on public holidays and on Midsummer Eve, Christmas Eve and New Year's Eve.")
            if obj.closed_on_holidays
            else ""
        )
        return format_html(
            "<ul>{}</ul><p>{}</p><ul>{}</ul><p><strong>{}</strong></p>",
            rows,
            holidays_note,
            exceptions,
            obj.opening_state().text(),
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        if obj is not None and request.method == "GET" and obj.needs_verification:
            messages.warning(
                request,
                gettext(
                    "The facts of this contact have not been verified in the last six months. "
                    "Check the number, hours and languages against the source and update “facts last verified”."
                ),
            )
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(Language)
class LanguageAdmin(TranslationAdmin):
    list_display = ["name", "native_name", "code"]
    search_fields = [*i18n.columns("name"), "native_name", "code"]


@admin.register(Audience)
class AudienceAdmin(TranslationAdmin):
    list_display = ["name", "slug", "order"]
    search_fields = i18n.columns("name")
    prepopulated_fields = {"slug": ["name"]}
