from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectConfig(AppConfig):
    """The project's configuration as an app, for its management commands only (load_demo,
    load_scale_data, create_demo_admin): they fill the whole site, so they may import every app.
    It has no models."""

    name = "cks_portal"
    label = "project"
    verbose_name = _("Site")
