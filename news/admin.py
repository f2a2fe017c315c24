import csv

from django.contrib import admin, messages
from django.db import models
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from cks_portal.core.admin import ConflictGuardMixin, RecordsEditorMixin
from cks_portal.core.content_checks_admin import ContentChecksMixin
from cks_portal.core.publishing import PublishingAdminMixin
from cks_portal.core.uploads import KeepUploadsMixin
from news import registration as reg
from news.models import Event, NewsItem, Registration, RegistrationStatus

PUBLISHING_FIELDS = ["state", "publish_at", "language", "topics", "created_at", "updated_at", "updated_by"]


class PublishableAdmin(
    PublishingAdminMixin, KeepUploadsMixin, ConflictGuardMixin, RecordsEditorMixin, SimpleHistoryAdmin
):
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

    @admin.display(description=_("page"))
    def preview_link(self, obj):
        label = _("View") if obj.is_published else _("Preview")
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), label)


@admin.register(NewsItem)
class NewsItemAdmin(ContentChecksMixin, PublishableAdmin):
    content_checks = {"lead": {}, "body": {"rich": True}}
    image_alt_check = ("image", "image_alt", "image_is_decorative")
    list_display = ["title", "status", "publish_at", "updated_by", "preview_link"]
    search_fields = ["title", "lead", "body", "byline"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body", "byline", "byline_url"]}),
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


class RegistrationInline(admin.TabularInline):
    """The registrations of an event, read-only: they change through the form, the cancel
    link or the registration's own admin page, so the waiting list is always served in order."""

    model = Registration
    fields = ["name", "email", "organisation", "needs", "status", "created_at"]
    readonly_fields = fields
    extra = 0
    max_num = 0
    can_delete = False
    show_change_link = True
    ordering = ["status", "queued_at", "pk"]


@admin.register(Event)
class EventAdmin(ContentChecksMixin, PublishableAdmin):
    content_checks = {"summary": {}, "body": {"rich": True}}
    list_display = [
        "title",
        "start",
        "status",
        "registration_mode",
        "registrations",
        "updated_by",
        "preview_link",
    ]
    inlines = [RegistrationInline]
    list_filter = ["state", "registration_mode", "topics"]
    date_hierarchy = "start"
    # Latest first, as the news list: the events editors work on (the coming ones, then the
    # ones just held, whose registrations are followed up) are on the first page, and years
    # of past events come after them instead of before. The model's order (soonest first)
    # is kept for the public calendar.
    ordering = ["-start", "-pk"]
    search_fields = ["title", "summary", "body", "venue", "organiser"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        (
            _("Time and place"),
            {
                "fields": [
                    "start",
                    "end",
                    "time_note",
                    "venue",
                    "address",
                    ("postal_code", "locality"),
                    "online_url",
                    "organiser",
                    "organiser_url",
                ]
            },
        ),
        (
            _("Registration"),
            {
                "fields": [
                    "registration_mode",
                    "registration_email",
                    "registration_deadline",
                    "capacity",
                    "programme",
                ]
            },
        ),
        (_("Publishing"), {"fields": PUBLISHING_FIELDS}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_registration_counts()

    @admin.display(description=_("registrations"), ordering="confirmed_count")
    def registrations(self, obj):
        if obj.registration_mode != "form":
            return "–"
        seats = f"{obj.confirmed_count} / {obj.capacity}" if obj.capacity else str(obj.confirmed_count)
        label = seats
        if obj.waitlisted_count:
            label = gettext("%(seats)s (+%(waiting)s waiting)") % {
                "seats": seats,
                "waiting": obj.waitlisted_count,
            }
        url = reverse("admin:news_registration_changelist") + f"?event__id__exact={obj.pk}"
        return format_html('<a href="{}">{}</a>', url, label)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "capacity" in form.changed_data and obj.registration_mode == "form":
            # More seats: the waiting list moves up at once and the people are told.
            promoted = reg.fill_free_seats(request, obj)
            if promoted:
                self.message_user(
                    request,
                    gettext("%(count)s people moved up from the waiting list and were e-mailed.")
                    % {"count": len(promoted)},
                    messages.SUCCESS,
                )


def _spreadsheet_safe(value):
    """Text a spreadsheet will not run as a formula (a cell starting with = + - @ would)."""
    value = str(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "organisation", "event", "status", "created_at"]
    list_filter = ["status", "event"]
    list_select_related = ["event"]
    search_fields = ["name", "email", "organisation", "event__title"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "event",
        "status",
        "language",
        "consent",
        "created_at",
        "updated_at",
        "queued_at",
        "confirmed_at",
        "cancelled_at",
    ]
    fields = ["event", "name", "email", "organisation", "needs", *readonly_fields[1:]]
    actions = ["export_csv", "cancel_registrations"]

    def has_add_permission(self, request):
        # People register through the form, which counts the seats; the admin only follows up.
        return False

    @admin.action(description=_("Export the selected registrations as CSV (for Excel)"), permissions=["view"])
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="anmalningar-{stamp}.csv"'
        # The byte-order mark makes Excel read the file as UTF-8 (å, ä, ö); ";" is the list
        # separator Excel expects with Swedish settings.
        response.write("\ufeff")
        writer = csv.writer(response, delimiter=";")
        writer.writerow(
            [
                gettext("Event"),
                gettext("Starts"),
                gettext("Name"),
                gettext("E-mail"),
                gettext("Organisation"),
                gettext("Special needs"),
                gettext("Status"),
                gettext("Registered"),
            ]
        )
        for registration in queryset.select_related("event").order_by("event__start", "status", "queued_at"):
            writer.writerow(
                _spreadsheet_safe(value)
                for value in [
                    registration.event.title,
                    timezone.localtime(registration.event.start).strftime("%Y-%m-%d %H:%M"),
                    registration.name,
                    registration.email,
                    registration.organisation,
                    registration.needs,
                    registration.get_status_display(),
                    timezone.localtime(registration.created_at).strftime("%Y-%m-%d %H:%M"),
                ]
            )
        return response

    @admin.action(
        description=_("Cancel the selected registrations (the waiting list moves up)"),
        permissions=["change"],
    )
    def cancel_registrations(self, request, queryset):
        cancelled = 0
        for registration in queryset.exclude(status=RegistrationStatus.CANCELLED).select_related("event"):
            reg.cancel(request, registration)
            cancelled += 1
        self.message_user(
            request, gettext("%(count)s registrations cancelled.") % {"count": cancelled}, messages.SUCCESS
        )
