import datetime

from django import forms
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import router, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from cks_portal.core import i18n, translation_review
from cks_portal.core.models import ThesaurusEntry, Topic


class RecordsEditorMixin:
    """Stores who saved an object last; the public pages show it as "Changed by".

    The same request user is written to the object's history record by simple-history, so
    the page and the history always name the same person."""

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


VERSION_FIELD = "_based_on_version"


def readable_value(field, value):
    """A stored value as the editor chose it in the form: the label of a choice, yes or no,
    a time in Stockholm time, a dash for nothing. Used wherever the admin shows a change."""
    if value is None or value == "":
        return "–"
    if field.flatchoices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return date_format(value, "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "DATE_FORMAT")
    return value


class ReadableHistory(HistoricalRecordContextHelper):
    def prepare_delta_change_value(self, change, value):
        value = super().prepare_delta_change_value(change, value)
        if isinstance(value, list):
            return value
        return readable_value(self.model._meta.get_field(change.field), value)


class ConflictGuardMixin:
    """No lost updates: a change form remembers which version of the object it was based on.

    The version is the id of the object's newest history record. If someone else saved in the
    meantime, the form is refused with a list of what they changed; the editor's own input stays
    in the form, and saving again (after merging by hand) is then based on the newest version.
    The row is locked while the check and the save run, inside the admin's transaction.

    Every admin with history uses this mixin, so it also makes the history pages readable:
    changes are shown as the form shows them (see `readable_value`), as in the conflict message.
    """

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableHistory(self.model, historical_record)

    def set_history_delta_changes(self, request, historical_records, *args, **kwargs):
        super().set_history_delta_changes(request, historical_records, *args, **kwargs)
        for record in historical_records:
            # The history list prints the reason as it is; "None" means nothing was given.
            if record.history_change_reason is None:
                record.history_change_reason = ""

    def get_form(self, request, obj=None, change=False, **kwargs):
        base = kwargs.get("form", self.form)
        kwargs["form"] = type(f"Guarded{base.__name__}", (ConflictGuardForm, base), {})
        return super().get_form(request, obj, change=change, **kwargs)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # simple-history's view for an old version saves outside any transaction, where the
        # row lock of the conflict check is not allowed; the admin's own change view is atomic.
        # It also saves for anyone who may only view the model: restoring is changing.
        if request.method == "POST" and not self.has_change_permission(request):
            raise PermissionDenied
        with transaction.atomic(using=router.db_for_write(self.model)):
            return super().history_form_view(request, object_id, version_id, extra_context)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        *rest, (name, options) = fieldsets
        return [*rest, (name, {**options, "fields": [*options["fields"], VERSION_FIELD]})]


def latest_version(obj, lock=False):
    model = type(obj)
    if lock:
        # Evaluated for the lock only: a second editor waits here until the first has saved.
        list(model._default_manager.select_for_update().filter(pk=obj.pk).values_list("pk", flat=True))
    record = obj.history.order_by("-history_id").only("history_id").first()
    return record.history_id if record else 0


class ConflictGuardForm(forms.ModelForm):
    _based_on_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields[VERSION_FIELD].initial = latest_version(self.instance)

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk:
            return cleaned
        based_on = cleaned.get(VERSION_FIELD)
        current = latest_version(self.instance, lock=True)
        if based_on is None:
            # Without the version nobody can tell whether the form is stale, so it is not
            # saved. The newest version goes into the form: saving again is a choice made
            # after reading this, as after a conflict.
            self.data = self.data.copy()
            self.data[self.add_prefix(VERSION_FIELD)] = current
            raise ValidationError(
                _(
                    "The form did not say which version of the item it was based on, so it cannot "
                    "tell whether someone else has saved in the meantime. Nothing has been saved, and "
                    "your text is still in the form. Check the item's history; if your text should "
                    "replace what is there now, save again."
                ),
                code="no_version",
            )
        if current != based_on:
            changes = self._changes_since(based_on, current)
            # The next save is a deliberate choice made after seeing the conflict.
            self.data = self.data.copy()
            self.data[self.add_prefix(VERSION_FIELD)] = current
            raise ValidationError(
                format_html(
                    "{}{}",
                    _(
                        "Someone else saved this item after you opened it. Nothing has been saved "
                        "from your form, and your text is still in it. Compare with their changes "
                        "below, merge by hand, and save again."
                    ),
                    format_html_join("", "<br>• {}: {}", changes),
                ),
                code="conflict",
            )
        return cleaned

    def _changes_since(self, based_on, current):
        history = self.instance.history
        old = history.filter(history_id=based_on).first()
        new = history.filter(history_id=current).select_related("history_user").first()
        if old is None or new is None:
            return []
        who = (
            (new.history_user.get_full_name() or new.history_user.get_username())
            if new.history_user
            else _("unknown")
        )
        rows = []
        for change in new.diff_against(old).changes:
            field = self.instance._meta.get_field(change.field)
            rows.append((f"{field.verbose_name} ({who})", str(readable_value(field, change.new))[:300]))
        return rows


def review_field_name(lang):
    return f"translation_reviewed_{lang}"


def language_name(lang):
    return str(dict(settings.LANGUAGES).get(lang, lang))


def review_state_text(model, state):
    """A sentence about one language's translation of an item, for the editor."""
    if not state.translated:
        return gettext("No translation yet.")
    if state.outdated:
        names = ", ".join(str(model._meta.get_field(field).verbose_name) for field in state.outdated)
        return gettext("Outdated: the Swedish text has changed since it was translated (%(fields)s).") % {
            "fields": names
        }
    if state.reviewed:
        record = state.record
        who = (
            record.reviewed_by.get_full_name() or record.reviewed_by.get_username()
            if record.reviewed_by
            else "–"
        )
        return gettext("Reviewed by %(name)s on %(date)s.") % {
            "name": who,
            "date": date_format(timezone.localtime(record.reviewed_at), "DATE_FORMAT"),
        }
    return gettext("Not reviewed by a translator yet.")


class _TranslationReviewFormBase(forms.ModelForm):
    """A box per language, "reviewed by a translator", and beside each translated field a mark
    when its translation is outdated or not reviewed (cks_portal/core/translation_review.py)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        model = self._meta.model
        self.review_states = translation_review.states(self.instance)
        for lang, state in self.review_states.items():
            box = self.fields.get(review_field_name(lang))
            if box is not None:
                box.label = gettext("%(language)s: reviewed by a translator") % {
                    "language": language_name(lang)
                }
                box.initial = state.reviewed
                box.help_text = review_state_text(model, state)
            if not state.translated:
                continue
            for field in translation_review.TRACKED[model]:
                column = self.fields.get(i18n.column(field, lang))
                if column is None or field not in state.record.translations:
                    continue
                if field in state.outdated:
                    kind, text = (
                        "outdated",
                        gettext("Outdated: the Swedish text has changed since this was translated."),
                    )
                elif state.record.reviewed_at is None:
                    kind, text = "unreviewed", gettext("Not reviewed by a translator.")
                else:
                    continue
                column.help_text = format_html(
                    '<strong class="translation-mark translation-{}" data-language="{}">{}</strong> {}',
                    kind,
                    lang,
                    text,
                    column.help_text,
                )

    def review_decisions(self):
        """{language: True/False} for the boxes the editor ticked or cleared. A box left as it
        was decides nothing, so that a change to the Swedish text alone leaves the translations
        outdated; a ticked box stays a review when the translation itself was edited."""
        decisions = {}
        changed = set(self.changed_data)
        for lang in self.review_states:
            name = review_field_name(lang)
            if name not in self.fields:
                continue
            ticked = bool(self.cleaned_data.get(name))
            columns = {i18n.column(field, lang) for field in translation_review.TRACKED[self._meta.model]}
            if name in changed:
                decisions[lang] = ticked
            elif ticked and columns & changed:
                decisions[lang] = True
        return decisions


TranslationReviewForm = type(
    "TranslationReviewForm",
    (_TranslationReviewFormBase,),
    {
        review_field_name(lang): forms.BooleanField(required=False)
        for lang in translation_review.translation_languages()
    },
)


class TranslationsToReviewFilter(admin.SimpleListFilter):
    title = _("translations to review")
    parameter_name = "to_review"

    def lookups(self, request, model_admin):
        return [
            ("any", _("Any language")),
            *((lang, language_name(lang)) for lang in translation_review.translation_languages()),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "any":
            return queryset.exclude(translations_to_review=[])
        if value in translation_review.translation_languages():
            return queryset.filter(translations_to_review__contains=[value])
        return queryset


class TranslationReviewMixin:
    """For the admin of a model with reviewed translations (`i18n.ReviewedTranslations`): the
    editor's switch for unreviewed text and the translators' boxes in a "Translations" section,
    the marks beside the fields, and a list filter of items whose translations wait for review."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        base = kwargs.get("form", self.form)
        kwargs["form"] = type(f"Reviewed{base.__name__}", (TranslationReviewForm, base), {})
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        boxes = [review_field_name(lang) for lang in translation_review.translation_languages()]
        return [*fieldsets, (_("Translations"), {"fields": ["show_unreviewed", *boxes]})]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), TranslationsToReviewFilter]

    def save_model(self, request, obj, form, change):
        if isinstance(form, _TranslationReviewFormBase):
            obj._translation_decisions = form.review_decisions()
            obj._translation_reviewer = request.user
        super().save_model(request, obj, form, change)


@admin.register(Topic)
class TopicAdmin(ConflictGuardMixin, TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["name", "slug"]
    search_fields = i18n.columns("name")
    prepopulated_fields = {"slug": ["name"]}


@admin.register(ThesaurusEntry)
class ThesaurusEntryAdmin(ConflictGuardMixin, SimpleHistoryAdmin):
    """The search's thesaurus (cks_portal/core/thesaurus.py): a save applies to the next
    search; the page cache starts a new generation as for any content (page_cache.watch_app)."""

    list_display = ["__str__", "note", "updated_at"]
    search_fields = ["terms", "note"]
    fields = ["terms", "note"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "terms":
            field.widget.attrs.update(rows=6, cols=60)
        return field


# Backup codes are made and replaced by the two-factor set-up (cks_portal.core.two_factor); to reset a
# staff member's login, delete their authenticator app. The lists of codes need no admin page.
if admin.site.is_registered(StaticDevice):
    admin.site.unregister(StaticDevice)
