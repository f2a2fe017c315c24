"""The content checks (cks_portal/core/content_checks.py) in the admin's change forms.

An admin declares which of its fields are checked and how:

    class NewsItemAdmin(ContentChecksMixin, ...):
        content_checks = {"body": {"rich": True, "audience": "residents"}, "lead": {}}
        image_alt_check = ("image", "image_alt", "image_is_decorative")

and gets two things. While the editor writes, static/js/content-checks.js posts the checked
fields to the admin URL `<app>/<model>/content-checks/` and shows the findings it gets back
under each field. After a save, the same findings are shown as warning messages, so an editor
without JavaScript learns about them too. Findings never stop a save, except those of a rule
with severity ERROR (none today), which the form reports as an error on the field.
"""

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext

from cks_portal.core import content_checks, i18n

# Characters of one field that are checked; longer text is checked up to here. The rules read
# the whole text at every keystroke pause, so a pasted book must not tie up a worker.
MAX_CHECKED_CHARS = 100_000
TRUE_VALUES = {"1", "on", "true", "True"}


@dataclass
class FieldFindings:
    name: str
    label: str
    findings: list


def name_split_inputs(form):
    """Gives the date and the time box of a date-and-time field their own accessible names.

    The admin labels such a field as a whole (its <label> points at no box) and writes "Date:"
    and "Time:" as plain text beside the boxes, so a screen reader announced two unnamed boxes
    and axe-core reported them. The checked forms are the ones editors write in."""
    for field in form.base_fields.values():
        if isinstance(field.widget, forms.SplitDateTimeWidget):
            date, time = field.widget.widgets
            label = capfirst(field.label or "")
            date.attrs.setdefault("aria-label", gettext("%(field)s, date") % {"field": label})
            time.attrs.setdefault("aria-label", gettext("%(field)s, time") % {"field": label})


class ContentChecksFormMixin:
    """Refuses a save only for findings of severity ERROR."""

    content_checks_admin = None

    def clean(self):
        cleaned = super().clean()
        admin = self.content_checks_admin
        if admin is None:
            return cleaned
        data = {name: value for name, value in cleaned.items() if isinstance(value, str)}
        image = admin.image_alt_check
        if image and image[0] in cleaned:
            data[image[0]] = "1" if cleaned.get(image[0]) else ""
        if image and len(image) > 2 and cleaned.get(image[2]):
            data[image[2]] = "1"
        for result in admin.content_check_results(data):
            for finding in result.findings:
                if finding.severity == content_checks.ERROR and result.name in self.fields:
                    self.add_error(result.name, finding.message)
        return cleaned


class ContentChecksMixin:
    """Checks of readability, headings, link texts, image descriptions and more, beside the
    fields while editing and as messages after a save (see the module's docstring)."""

    # field name -> options: "rich" (the field holds rich-text HTML), "audience" ("residents"
    # or "professionals"), "top_heading" (the first heading level the text may use).
    content_checks = {}
    # (image field, alt text field) or (image field, alt text field, "decorative" field).
    image_alt_check = None
    # The form field that says which language the item is written in ("sv" when missing).
    content_checks_language_field = "language"
    content_checks_audience = "residents"

    # --- the checks ----------------------------------------------------------------------

    def content_check_results(self, data):
        """FieldFindings for every checked field present in `data` (a dict of strings, as
        the form posts them), in the form's order; fields without findings included."""
        item_language = (data.get(self.content_checks_language_field) or "sv").strip() or "sv"
        results = []
        for name, options, language in self.content_checked_columns(data):
            text = (data.get(name) or "")[:MAX_CHECKED_CHARS]
            findings = content_checks.check_text(
                text,
                rich=options.get("rich", False),
                audience=options.get("audience", self.content_checks_audience),
                language=options.get("language", language or item_language),
                top_heading=options.get("top_heading", 2),
            )
            results.append(FieldFindings(name, self._content_check_label(name), findings))
        if self.image_alt_check:
            image_field, alt_field, *rest = self.image_alt_check
            if alt_field in data:
                alt = (data.get(alt_field) or "")[:MAX_CHECKED_CHARS]
                # An alt text written before the image is chosen is checked all the same.
                has_image = (data.get(image_field) or "") in TRUE_VALUES or bool(alt.strip())
                decorative = bool(rest) and (data.get(rest[0]) or "") in TRUE_VALUES
                findings = content_checks.check_image_alt(alt, has_image=has_image, decorative=decorative)
                results.append(FieldFindings(alt_field, self._content_check_label(alt_field), findings))
        return results

    def _content_check_label(self, name):
        try:
            return capfirst(self.model._meta.get_field(name).verbose_name)
        except Exception:  # a form-only field
            return name

    def content_checked_columns(self, present):
        """(form field, options, language) for each checked field among `present` (the
        posted or the form's field names). A field translated with modeltranslation is one
        form field per language, `summary_sv`, `summary_en` …: each is checked in its own
        language (readability only for Swedish). `language` None: the item's own language."""
        checked = []
        for name, options in self.content_checks.items():
            if name in present:
                checked.append((name, options, None))
                continue
            for code in i18n.content_languages():
                column = i18n.column(name, code)
                if column in present:
                    checked.append((column, options, code))
        return checked

    def content_checked_fields(self, present):
        names = [name for name, _options, _language in self.content_checked_columns(present)]
        if self.image_alt_check:
            names.append(self.image_alt_check[1])
        return names

    # --- the form ------------------------------------------------------------------------

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form = type(
            f"ContentChecked{form.__name__}",
            (ContentChecksFormMixin, form),
            {"content_checks_admin": self},
        )
        url = reverse(f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_content_checks")
        for name in self.content_checked_fields(form.base_fields):
            field = form.base_fields.get(name)
            if field is not None:
                field.widget.attrs.update({"data-content-checks": url})
        name_split_inputs(form)
        if self.image_alt_check:
            image = form.base_fields.get(self.image_alt_check[0])
            if image is not None:
                image.widget.attrs["data-content-checks-image"] = ""
            if len(self.image_alt_check) > 2:
                decorative = form.base_fields.get(self.image_alt_check[2])
                if decorative is not None:
                    decorative.widget.attrs["data-content-checks-decorative"] = ""
        return form

    @property
    def media(self):
        return super().media + forms.Media(
            css={"all": ["css/content-checks.css"]},
            js=[
                forms.Script("js/content-checks.js", type="module"),
                forms.Script("js/admin-accessible-names.js", type="module"),
            ],
        )

    # --- while editing -------------------------------------------------------------------

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_content_checks"
        view = self.admin_site.admin_view(self.content_checks_view)
        return [path("content-checks/", view, name=name), *super().get_urls()]

    def content_checks_view(self, request):
        """The findings for the posted fields, as HTML: one section per field (staff who may
        add or change this kind of item; POST with the CSRF token, as the form itself)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not (self.has_change_permission(request) or self.has_add_permission(request)):
            raise PermissionDenied
        data = {name: request.POST.get(name, "") for name in request.POST}
        results = self.content_check_results(data)
        response = TemplateResponse(request, "admin/content_checks/findings.html", {"results": results})
        response["Cache-Control"] = "no-store"
        return response

    # --- after a save --------------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        data = {name: value for name, value in form.cleaned_data.items() if isinstance(value, str)}
        if self.image_alt_check:
            image_field, _alt, *rest = self.image_alt_check
            data[image_field] = "1" if getattr(obj, image_field, None) else ""
            if rest:
                data[rest[0]] = "1" if getattr(obj, rest[0], False) else ""
        for result in self.content_check_results(data):
            for finding in result.findings:
                messages.warning(
                    request,
                    gettext("%(field)s: %(message)s") % {"field": result.label, "message": finding.message},
                )
