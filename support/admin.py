import datetime

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.forms.models import BaseInlineFormSet
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from cks_portal.core import i18n
from cks_portal.core.admin import ConflictGuardMixin, RecordsEditorMixin, TranslationReviewMixin
from cks_portal.core.content_checks_admin import ContentChecksMixin
from support import hsds_import
from support.models import (
    VERIFY_EVERY_DAYS,
    Audience,
    ImportedService,
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


class ImportedFilter(admin.SimpleListFilter):
    title = _("origin")
    parameter_name = "imported"

    def lookups(self, request, model_admin):
        return [
            ("conflict", _("Imported, with a conflict to decide")),
            ("yes", _("Imported from another directory")),
            ("no", _("Made here")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "conflict":
            return queryset.filter(imported_from__conflict_since__isnull=False)
        if self.value() == "yes":
            return queryset.filter(imported_from__isnull=False)
        if self.value() == "no":
            return queryset.filter(imported_from__isnull=True)
        return queryset


class HsdsImportForm(forms.Form):
    base_url = forms.URLField(
        label=_("Address of the HSDS API"),
        assume_scheme="https",
        help_text=_("For example https://example.se/api/hsds — the address its /services list lives under."),
    )
    publish = forms.BooleanField(
        label=_("Show new contacts on the site at once"),
        required=False,
        help_text=_("Otherwise they are imported hidden, for you to check and show."),
    )


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
    list_display = ["name", "organisation", "verified", "is_active", "is_featured", "order", "origin"]
    list_editable = ["order"]
    list_filter = [VerifiedFilter, ImportedFilter, "is_active", "is_featured", "audiences", "languages"]
    list_select_related = ["imported_from"]
    actions = ["sync_from_sources"]
    change_list_template = "admin/support/supportcontact/change_list.html"
    search_fields = [*i18n.columns("name"), "organisation", "phones__number"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["audiences", "languages", "topics"]
    readonly_fields = ["hours_preview", "uuid", "created_at", "updated_at", "updated_by", "import_state"]
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
        (_("Checking the facts"), {"fields": ["last_verified", "source_url", "import_state"]}),
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

    @admin.display(description=_("origin"))
    def origin(self, obj):
        record = getattr(obj, "imported_from", None)
        if record is None:
            return ""
        if record.has_conflict:
            return format_html('<strong class="errornote">{}</strong>', gettext("conflict with the source"))
        return gettext("imported")

    @admin.display(description=_("imported from"))
    def import_state(self, obj):
        record = getattr(obj, "imported_from", None) if obj and obj.pk else None
        if record is None:
            return gettext("Made here, not imported.")
        text = format_html(
            "{} <code>{}</code>, {} {}.",
            record.source_url,
            record.remote_id,
            gettext("last synced"),
            timezone.localtime(record.last_synced_at).strftime("%Y-%m-%d %H:%M"),
        )
        if record.has_conflict:
            url = reverse("admin:support_supportcontact_hsds_conflict", args=[obj.pk])
            text = format_html(
                '{} <a href="{}"><strong>{}</strong></a>',
                text,
                url,
                gettext("The source changed what was edited here: decide"),
            )
        return text

    def get_urls(self):
        urls = [
            path(
                "import-hsds/",
                self.admin_site.admin_view(self.hsds_import_view),
                name="support_supportcontact_hsds_import",
            ),
            path(
                "<int:pk>/hsds-conflict/",
                self.admin_site.admin_view(self.hsds_conflict_view),
                name="support_supportcontact_hsds_conflict",
            ),
        ]
        return urls + super().get_urls()

    def _may_import(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def hsds_import_view(self, request):
        """Import or update the services of another HSDS API (support/hsds_import.py)."""
        if not self._may_import(request):
            raise PermissionDenied
        form = HsdsImportForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                report = hsds_import.sync(
                    form.cleaned_data["base_url"], publish=form.cleaned_data["publish"], user=request.user
                )
            except hsds_import.HsdsImportError as error:
                form.add_error("base_url", gettext("Nothing was imported. %(error)s") % {"error": error})
            else:
                level = messages.WARNING if report.conflicts else messages.SUCCESS
                messages.add_message(request, level, f"{report.source_url}: {report.summary()}")
                return redirect(reverse("admin:support_supportcontact_changelist") + "?imported=yes")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Import from another directory (HSDS)"),
            "form": form,
            "sources": ImportedService.objects.values_list("source_url", flat=True)
            .distinct()
            .order_by("source_url"),
        }
        return TemplateResponse(request, "admin/support/supportcontact/hsds_import.html", context)

    def hsds_conflict_view(self, request, pk):
        """The local values beside the source's, and the editor's choice between them."""
        contact = get_object_or_404(SupportContact.objects.select_related("imported_from"), pk=pk)
        if not self.has_change_permission(request, contact):
            raise PermissionDenied
        record = getattr(contact, "imported_from", None)
        if record is None:
            raise PermissionDenied
        if request.method == "POST" and record.has_conflict:
            choice = request.POST.get("choice")
            if choice in ("remote", "local"):
                hsds_import.resolve(record, take_remote=choice == "remote", user=request.user)
                messages.success(
                    request,
                    gettext("The source's values were taken.")
                    if choice == "remote"
                    else gettext("The values made here were kept."),
                )
                return redirect(reverse("admin:support_supportcontact_change", args=[contact.pk]))
        local = hsds_import.local_values(contact, timezone.localdate())
        rows = [
            (hsds_import.field_label(name), hsds_import.readable(local[name]), hsds_import.readable(value))
            for name, value in record.remote_values.items()
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": contact,
            "title": gettext("Conflict with the source: %(name)s") % {"name": contact.name_sv},
            "record": record,
            "rows": rows,
        }
        return TemplateResponse(request, "admin/support/supportcontact/hsds_conflict.html", context)

    @admin.action(description=_("Sync the selected imported contacts from their sources"))
    def sync_from_sources(self, request, queryset):
        if not self._may_import(request):
            raise PermissionDenied
        sources = sorted(
            set(
                queryset.filter(imported_from__isnull=False).values_list(
                    "imported_from__source_url", flat=True
                )
            )
        )
        if not sources:
            messages.warning(request, gettext("None of the selected contacts was imported."))
        for source in sources:
            try:
                report = hsds_import.sync(source, user=request.user)
            except hsds_import.HsdsImportError as error:
                messages.error(request, gettext("Nothing was imported. %(error)s") % {"error": error})
            else:
                level = messages.WARNING if report.conflicts else messages.SUCCESS
                messages.add_message(request, level, f"{report.source_url}: {report.summary()}")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        record = getattr(obj, "imported_from", None) if obj is not None else None
        if record is not None and request.method == "GET" and record.has_conflict:
            messages.warning(
                request,
                gettext(
                    "The source of this imported contact changed fields that were also edited here. "
                    "Its values wait beside yours under “Checking the facts”: decide which to keep."
                ),
            )
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
