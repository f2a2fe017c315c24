from django.apps import AppConfig, apps
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

THIRD_PARTY_APP_NAMES = {
    "otp_totp": _("Two-factor login"),
    "otp_static": _("Two-factor login: backup codes"),
    "axes": _("Login lockouts"),
}


class CksPortalConfig(AppConfig):
    """The core every app builds on (docs/architecture.md). Its label is still "cks_portal",
    the package it grew out of, so topics keep their table, content types, permissions and
    migration history."""

    name = "cks_portal.core"
    label = "cks_portal"
    verbose_name = _("Site")

    def ready(self):
        from cks_portal.core import checks, page_cache, registry, sitemaps  # noqa: F401 - checks registers itself
        from cks_portal.core.roles import sync_role_permissions

        page_cache.connect_signals()
        page_cache.watch_app(self.label)
        # The core's own parts of the site; each app registers its parts the same way.
        registry.register_sitemaps(sitemaps.SITEMAPS, order=0)
        registry.register_sitemap_sections("home", order=0)
        registry.register_sitemap_sections("search", order=90)
        # The libraries' apps have no names of their own; the admin index showed their labels
        # (OTP_TOTP, AXES). An app's name is not part of its migrations, so setting it is safe.
        for label, name in THIRD_PARTY_APP_NAMES.items():
            if label in apps.app_configs:
                apps.get_app_config(label).verbose_name = name
        # Permissions exist only after every app has migrated, so roles are synced then.
        post_migrate.connect(sync_role_permissions, dispatch_uid="cks_portal.sync_roles")


class CksAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "cks_portal.core.admin_site.CksAdminSite"
