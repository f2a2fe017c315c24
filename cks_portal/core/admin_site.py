from django.conf import settings
from django.contrib import admin
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from cks_portal.core import content_health

# The "Translations to review" page lists at most this many; the lists' filter finds the rest.
REVIEW_LIST_LIMIT = 500


def needs_second_factor(user):
    """True for a staff user who has given a password but not yet a one-time code."""
    return settings.OTP_REQUIRED and user.is_authenticated and user.is_staff and not user.is_verified()


def is_verified_staff(user):
    """True for staff who have passed the whole login: the password and, when two-factor is
    required, the code. Whatever staff get beyond anonymous readers (draft previews, files of
    unpublished content) asks this, so a session stopped at the code step sees the public site."""
    return user.is_active and user.is_staff and not needs_second_factor(user)


class CksAdminSite(admin.AdminSite):
    """The admin, in Swedish, that lets staff in only after their second factor when required."""

    site_header = _("%(site)s – administration") % {"site": settings.SITE_NAME}
    site_title = settings.SITE_NAME
    index_title = _("Content and settings")

    # Models from libraries whose own names are English codes ("TOTP device").
    model_names = {"otp_totp.totpdevice": _("Authenticator apps")}

    def get_app_list(self, request, app_label=None):
        app_list = super().get_app_list(request, app_label)
        for app in app_list:
            for model in app["models"]:
                key = f"{app['app_label']}.{model['object_name'].lower()}"
                model["name"] = self.model_names.get(key, model["name"])
        return app_list

    def get_urls(self):
        # The admin's wrapper sends every request without permission, log-out included, back
        # to the login, so a staff member stopped at the code step could not log out.
        # Still POST-only and CSRF-checked, as the admin's own log-out.
        log_out = csrf_protect(never_cache(self.logout))
        return [
            path("logout/", log_out, name="logout"),
            path(
                "translations/",
                self.admin_view(self.translations_to_review),
                name="translations_to_review",
            ),
            *super().get_urls(),
        ]

    def translations_to_review(self, request):
        """Every item and language whose translation waits for a translator: never reviewed, or
        its Swedish text changed since (cks_portal/core/translation_review.py), with a link to
        the item's change form. Only the models the staff member may see."""
        from cks_portal.core import translation_review
        from cks_portal.core.admin import language_name, review_state_text

        models = [
            model
            for model in translation_review.tracked_models()
            if model in self._registry and self._registry[model].has_view_or_change_permission(request)
        ]
        rows = [
            {
                "kind": model._meta.verbose_name,
                "item": str(item),
                "url": reverse(
                    f"{self.name}:{model._meta.app_label}_{model._meta.model_name}_change", args=[item.pk]
                ),
                "language": language_name(state.lang),
                "lang": state.lang,
                "outdated": bool(state.outdated),
                "state": review_state_text(model, state),
            }
            for model, item, state in translation_review.waiting(models)
        ]
        context = {
            **self.each_context(request),
            "title": _("Translations to review"),
            "rows": rows[:REVIEW_LIST_LIMIT],
            "total": len(rows),
        }
        return TemplateResponse(request, "admin/translations_to_review.html", context)

    def index(self, request, extra_context=None):
        # What this user's role should fix (support contacts to verify, broken links …).
        extra_context = {
            **(extra_context or {}),
            "content_health": content_health.sections_for_user(request.user),
        }
        return super().index(request, extra_context)

    def has_permission(self, request):
        return super().has_permission(request) and not needs_second_factor(request.user)

    def login(self, request, extra_context=None):
        if needs_second_factor(request.user):
            return redirect_to_second_factor(request)
        return super().login(request, extra_context)


def redirect_to_second_factor(request):
    user = request.user
    has_device = user.totpdevice_set.filter(confirmed=True).exists()
    url = reverse("two_factor_verify" if has_device else "two_factor_setup")
    next_url = request.GET.get("next") or request.get_full_path()
    return redirect(f"{url}?next={next_url}" if next_url.startswith("/admin/") else url)
