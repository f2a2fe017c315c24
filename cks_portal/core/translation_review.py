"""Which translations a translator has reviewed, and which went out of date when the Swedish changed.

For every item of a model with reviewed translations (`i18n.ReviewedTranslations`) and every
language it has a translation in, one `TranslationReview` row remembers, field by field, a
digest of the Swedish text the translation was written against and a digest of the
translation, and whether (by whom, when) a translator reviewed it. After every save of the item
(the admin's form, a history restore, the demo, a script: the `post_save` signal) the row is
brought up to date:

- a field whose translation changed was written against today's Swedish, and the language is
  unreviewed again;
- a field whose Swedish changed while its translation stayed is outdated: the digests differ;
- a restore that brings back the Swedish a translation was written against makes it current
  again, because only digests are compared.

The languages that wait for review (unreviewed or outdated) are copied to the item's own row
(`translations_to_review`), which is what the public pages read (`i18n.shows_translation`) and
what the admin's list filter asks; the rest of the detail is for the admin.

The digests are of the text with its white space folded, so re-wrapping a paragraph does not
make its translations outdated.
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from cks_portal.core import i18n

# model -> the names of its translated fields, filled by `i18n.register`.
TRACKED = {}


def track(model, fields):
    TRACKED[model] = tuple(fields)
    post_save.connect(_saved, sender=model, dispatch_uid=f"translation_review_saved:{model._meta.label}")
    post_delete.connect(
        _deleted, sender=model, dispatch_uid=f"translation_review_deleted:{model._meta.label}"
    )


def tracked_models():
    return list(TRACKED)


def translation_languages():
    """Every content language but Swedish, the source."""
    return [lang for lang in i18n.content_languages() if lang != i18n.DEFAULT_LANGUAGE]


def digest(value):
    return hashlib.sha256(" ".join(str(value or "").split()).encode()).hexdigest()[:16]


def _text(obj, field, lang):
    value = getattr(obj, i18n.column(field, lang), None)
    return value if value and str(value).strip() else None


def swedish_digests(obj, fields):
    return {field: digest(getattr(obj, i18n.column(field, i18n.DEFAULT_LANGUAGE))) for field in fields}


def _records(obj):
    from cks_portal.core.models import TranslationReview

    content_type = ContentType.objects.get_for_model(type(obj), for_concrete_model=False)
    rows = TranslationReview.objects.filter(content_type=content_type, object_id=obj.pk)
    return content_type, {row.language: row for row in rows.select_related("reviewed_by")}


class LanguageState:
    """One language of one item, as the admin shows it."""

    def __init__(self, lang, record, swedish):
        self.lang = lang
        self.record = record
        self.outdated = record.outdated_fields(swedish) if record else []

    @property
    def translated(self):
        return self.record is not None

    @property
    def reviewed(self):
        """Reviewed by a translator against the Swedish text as it is now."""
        return bool(self.record and self.record.reviewed_at and not self.outdated)

    @property
    def needs_review(self):
        return self.translated and not self.reviewed


def states(obj):
    """{language: LanguageState} for every translation language of a saved item (one query)."""
    fields = TRACKED[type(obj)]
    records = _records(obj)[1] if obj.pk else {}
    swedish = swedish_digests(obj, fields)
    return {lang: LanguageState(lang, records.get(lang), swedish) for lang in translation_languages()}


def refresh(obj, decisions=None, reviewer=None):
    """Bring the item's review rows and its `translations_to_review` up to date with its saved
    text. `decisions` ({language: True/False}) are a translator's marks from the admin form:
    True reviews the translation against today's Swedish, False takes the review back."""
    from cks_portal.core.models import TranslationReview

    fields = TRACKED[type(obj)]
    content_type, records = _records(obj)
    swedish = swedish_digests(obj, fields)
    decisions = decisions or {}
    now = timezone.now()
    to_review = []
    for lang in translation_languages():
        written = {field: digest(text) for field in fields if (text := _text(obj, field, lang)) is not None}
        record = records.get(lang)
        if not written:
            if record is not None:
                record.delete()
            continue
        if record is None:
            record = TranslationReview(content_type=content_type, object_id=obj.pk, language=lang)
        before = (dict(record.sources), dict(record.translations), record.reviewed_at, record.reviewed_by_id)
        sources = {}
        rewritten = False
        for field, translation in written.items():
            if record.translations.get(field) == translation and field in record.sources:
                sources[field] = record.sources[field]
            else:
                # New or changed translation: written against the Swedish as it is now.
                sources[field] = swedish[field]
                rewritten = True
        record.sources, record.translations = sources, written
        if rewritten:
            record.reviewed_at, record.reviewed_by = None, None
        decision = decisions.get(lang)
        if decision is True:
            record.sources = {field: swedish[field] for field in written}
            record.reviewed_at, record.reviewed_by = now, reviewer
        elif decision is False:
            record.reviewed_at, record.reviewed_by = None, None
        after = (record.sources, record.translations, record.reviewed_at, record.reviewed_by_id)
        if record.pk is None or before != after:
            record.save()
        if record.reviewed_at is None or record.outdated_fields(swedish):
            to_review.append(lang)
    if list(obj.translations_to_review or []) != to_review:
        obj.translations_to_review = to_review
        type(obj)._base_manager.filter(pk=obj.pk).update(translations_to_review=to_review)


def _saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw:
        return
    decisions = getattr(instance, "_translation_decisions", None)
    reviewer = getattr(instance, "_translation_reviewer", None)
    if update_fields is not None and not decisions:
        columns = {i18n.column(field, lang) for field in TRACKED[sender] for lang in i18n.content_languages()}
        if not columns & set(update_fields):
            return
    refresh(instance, decisions, reviewer)
    instance._translation_decisions = None


def _deleted(sender, instance, **kwargs):
    from cks_portal.core.models import TranslationReview

    content_type = ContentType.objects.get_for_model(sender, for_concrete_model=False)
    TranslationReview.objects.filter(content_type=content_type, object_id=instance.pk).delete()


def waiting(models):
    """Every translation that waits for review, for the admin's list: (model, item, state) for
    each item of `models` and each of its languages that is unreviewed or outdated."""
    from cks_portal.core.models import TranslationReview

    found = []
    for model in models:
        items = list(model._default_manager.exclude(translations_to_review=[]).defer(*_heavy_columns(model)))
        if not items:
            continue
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        records = {}
        for row in TranslationReview.objects.filter(
            content_type=content_type, object_id__in=[item.pk for item in items]
        ).select_related("reviewed_by"):
            records[row.object_id, row.language] = row
        for item in items:
            swedish = swedish_digests(item, TRACKED[model])
            for lang in item.translations_to_review:
                state = LanguageState(lang, records.get((item.pk, lang)), swedish)
                if state.needs_review:
                    found.append((model, item, state))
    return found


def _heavy_columns(model):
    """Columns the list never prints and that can be large: a search vector, a publication's
    extracted text. The translated fields and their columns stay (deferring the bare name
    would defer every language's column)."""
    from django.contrib.postgres.search import SearchVectorField
    from django.db import models

    translated = set(TRACKED[model])
    translated |= {i18n.column(field, lang) for field in translated for lang in i18n.content_languages()}
    return [
        field.name
        for field in model._meta.concrete_fields
        if field.name not in translated
        and (isinstance(field, SearchVectorField) or type(field) is models.TextField)
    ]


def backfill(apps, model_label, fields):
    """For a data migration: review rows for the translations an item already has, all
    unreviewed, and the item's `translations_to_review`. Works on the migration's models."""
    app_label, model_name = model_label.split(".")
    model = apps.get_model(app_label, model_name)
    review_model = apps.get_model("cks_portal", "TranslationReview")
    content_type_model = apps.get_model("contenttypes", "ContentType")
    content_type, _ = content_type_model.objects.get_or_create(app_label=app_label, model=model_name.lower())
    for item in model._base_manager.all():
        swedish = swedish_digests(item, fields)
        to_review = []
        for lang in translation_languages():
            written = {
                field: digest(text) for field in fields if (text := _text(item, field, lang)) is not None
            }
            if not written:
                continue
            review_model.objects.update_or_create(
                content_type=content_type,
                object_id=item.pk,
                language=lang,
                defaults={"sources": {field: swedish[field] for field in written}, "translations": written},
            )
            to_review.append(lang)
        model._base_manager.filter(pk=item.pk).update(translations_to_review=to_review)
