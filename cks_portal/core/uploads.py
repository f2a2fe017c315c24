"""A file chosen in an admin form survives a validation error.

A browser never sends a file input back with the form that was refused, so after any error
(a missing title, an alt text, someone else's save) the chosen image or PDF was gone and the
editor had to choose it again, often without noticing. Here, when a form is shown again with
errors, every upload that passed its own checks is copied to a private directory
(`KEPT_UPLOADS_ROOT`, never under MEDIA_ROOT, so it has no /media/ address), and the form
carries a signed token for it in a hidden input. The widget says which file is kept; a retry
without choosing a file again uses the kept one, and its checks run again on the way in.

Tokens are signed for one field and expire after `KEEP_FOR`; a token that does not verify is
not used, and the field says so, so that nothing is saved without the file the editor
believes is attached. Kept files are removed once used, and old ones on every new keep.

Use it in an admin through `KeepUploadsMixin`: every file and image field of the model gets
the widget and field below.
"""

import logging
import mimetypes
import secrets
import time
from datetime import timedelta
from pathlib import Path, PurePosixPath

from django import forms
from django.conf import settings
from django.contrib.admin.widgets import AdminFileWidget
from django.core import checks, signing
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

KEEP_FOR = timedelta(hours=6)
SALT = "cks_portal.core.uploads.kept"
KEPT_SUFFIX = "__kept"
DROP_SUFFIX = "__kept_drop"


MB = 1024 * 1024
PDF_MAGIC = b"%PDF-"


def _megabytes(size):
    return round(size / MB, 1)


def check_pdf_content(file):
    """Refuse a file that does not start like a PDF, or that pypdf cannot open. Without a size
    limit: the caller applies its own (the knowledge bank and news attachments share this check)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    file.seek(0)
    head = file.read(1024)
    file.seek(0)
    if PDF_MAGIC not in head:
        raise ValidationError(
            gettext(
                "The file is named like a PDF, but its content is not a PDF. Only PDF files can be uploaded."
            ),
            code="not_pdf",
        )
    try:
        reader = PdfReader(file)
        len(reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        logger.info("Refused a PDF that pypdf cannot open: %s", error)
        raise ValidationError(
            gettext(
                "The PDF file is damaged or encrypted and cannot be read. Save it again as PDF and retry."
            ),
            code="unreadable_pdf",
        ) from None
    finally:
        file.seek(0)


def validate_size(file, max_bytes, message, describe=_megabytes):
    """The one upload size check; the limits themselves are settings. `message` may use
    %(size)s (the file's size through `describe`, megabytes by default) and %(max)s or
    %(limit)s (the limit in whole megabytes)."""
    if file.size > max_bytes:
        raise ValidationError(
            message,
            code="too_large",
            params={"size": describe(file.size), "max": max_bytes // MB, "limit": max_bytes // MB},
        )


class _KeptFileLost:
    """What the widget returns for a token that does not verify; the field refuses it."""


KEPT_FILE_LOST = _KeptFileLost()


def kept_storage():
    """Outside MEDIA_ROOT, the only upload directory the site and the proxy serve; several
    app servers must share it, as they share MEDIA_ROOT (docs/deployment.md)."""
    return FileSystemStorage(location=settings.KEPT_UPLOADS_ROOT)


@checks.register(checks.Tags.security)
def kept_uploads_are_not_served(app_configs, **kwargs):
    kept = Path(settings.KEPT_UPLOADS_ROOT).resolve()
    media = Path(settings.MEDIA_ROOT).resolve()
    if kept == media or media in kept.parents:
        return [
            checks.Error(
                "KEPT_UPLOADS_ROOT is inside MEDIA_ROOT.",
                hint=(
                    "Files kept after a refused form belong to unsaved drafts; /media/ would "
                    "serve them to anyone."
                ),
                id="cks_portal.E101",
            )
        ]
    return []


def keep(upload, field_name):
    """Copy `upload` to the private storage; returns the signed token that brings it back."""
    storage = kept_storage()
    _remove_expired(storage)
    upload.seek(0)
    stored = storage.save(secrets.token_hex(16), upload)
    upload.seek(0)
    original = PurePosixPath(upload.name).name
    return signing.dumps({"file": stored, "name": original, "field": field_name}, salt=SALT)


def reopen(token, field_name):
    """The kept upload behind `token` as an UploadedFile, or None when the token is forged,
    expired, meant for another field or its file is gone."""
    try:
        kept = signing.loads(token, salt=SALT, max_age=KEEP_FOR)
    except signing.BadSignature:
        logger.info("A kept-upload token for %s did not verify", field_name)
        return None
    storage = kept_storage()
    if kept.get("field") != field_name or not storage.exists(kept["file"]):
        return None
    content_type = mimetypes.guess_type(kept["name"])[0] or "application/octet-stream"
    upload = UploadedFile(
        storage.open(kept["file"], "rb"),
        name=kept["name"],
        content_type=content_type,
        size=storage.size(kept["file"]),
    )
    upload.kept_token, upload.kept_file = token, kept["file"]
    return upload


def forget(upload):
    """Remove the kept copy behind an upload that came from `reopen`, once it is saved."""
    stored = getattr(upload, "kept_file", None)
    if stored:
        upload.close()
        kept_storage().delete(stored)


def _remove_expired(storage):
    try:
        _dirs, names = storage.listdir("")
    except FileNotFoundError:
        return
    oldest = time.time() - KEEP_FOR.total_seconds()
    for name in names:
        try:
            if storage.get_modified_time(name).timestamp() < oldest:
                storage.delete(name)
        except OSError:
            pass  # another process removed it first


class KeptUploadWidget(AdminFileWidget):
    """The admin's file input, plus the file kept from the last attempt, if any."""

    kept_text = _("Chosen file: %(name)s (kept from your last attempt)")

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.kept_token, self.kept_name = None, None

    def value_from_datadict(self, data, files, name):
        if not files.get(name) and data.get(name + KEPT_SUFFIX) and name + DROP_SUFFIX not in data:
            upload = self._reopened(data[name + KEPT_SUFFIX], name)
            if upload is None:
                return KEPT_FILE_LOST
            files = files.copy()
            files[name] = upload
        return super().value_from_datadict(data, files, name)

    def _reopened(self, token, name):
        # The form reads a field's value more than once (cleaning, changed_data): open it once.
        cached = getattr(self, "_reopen_cache", None)
        if cached is None or cached[0] != token:
            cached = (token, reopen(token, name))
            self._reopen_cache = cached
        return cached[1]

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        if not self.kept_token:
            return html
        drop_id = f"id_{name}{DROP_SUFFIX}"
        return format_html(
            '{}<input type="hidden" name="{}" value="{}">'
            '<p class="kept-upload">{} <input type="checkbox" name="{}" id="{}">'
            ' <label for="{}">{}</label></p>',
            html,
            name + KEPT_SUFFIX,
            self.kept_token,
            self.kept_text % {"name": self.kept_name},
            name + DROP_SUFFIX,
            drop_id,
            drop_id,
            gettext("Do not use this file"),
        )


class KeptUploadFieldMixin:
    def clean(self, data, initial=None):
        if data is KEPT_FILE_LOST:
            raise ValidationError(
                _(
                    "The file kept from your last attempt could not be used (it was too old or "
                    "the form was altered). Choose the file again."
                ),
                code="kept_file_lost",
            )
        return super().clean(data, initial)


class KeptUploadFileField(KeptUploadFieldMixin, forms.FileField):
    pass


class KeptUploadImageField(KeptUploadFieldMixin, forms.ImageField):
    pass


def keep_uploads(form):
    """After `form` was refused: keep each file it received that passed its checks, and make
    its widget say so. Call it before the form is shown again."""
    if not form.is_bound:
        return
    for name, field in form.fields.items():
        widget = field.widget
        if not isinstance(widget, KeptUploadWidget) or name in form.errors:
            continue
        upload = form.cleaned_data.get(name)
        if not isinstance(upload, UploadedFile):
            continue
        token = getattr(upload, "kept_token", None) or keep(upload, form.add_prefix(name))
        widget.kept_token, widget.kept_name = token, PurePosixPath(upload.name).name


class KeepUploadsMixin:
    """For a ModelAdmin: the model's file and image fields keep their upload across a refused
    save (see the module's docstring)."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.FileField):
            kwargs["widget"] = KeptUploadWidget
            image = isinstance(db_field, models.ImageField)
            kwargs["form_class"] = KeptUploadImageField if image else KeptUploadFileField
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def render_change_form(self, request, context, *args, **kwargs):
        # Shown after a POST only when the form or an inline was refused.
        if request.method == "POST" and "adminform" in context:
            keep_uploads(context["adminform"].form)
        return super().render_change_form(request, context, *args, **kwargs)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        for name in form.fields:
            forget(form.cleaned_data.get(name))
