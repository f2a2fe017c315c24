from django.conf import settings
from django.contrib.auth.models import Group
from django.core.mail import EmailMessage
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from cks_portal.core import content_health


def default_site_url():
    """The site's address as production configures it (the first trusted origin)."""
    origins = getattr(settings, "CSRF_TRUSTED_ORIGINS", [])
    return origins[0] if origins else "http://localhost:8000"


class Command(BaseCommand):
    help = (
        "E-mails each staff role (Redaktör, Kunskapsbank, Stödinformation) the content-health list "
        "the admin index shows it: what needs attention, each item with a link to fix it. A role "
        "with nothing to do gets no e-mail. Run weekly (docs/deployment.md: cks-portalen-digest.timer)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--site-url",
            default=None,
            help="The site's address for the links (default: the first CSRF_TRUSTED_ORIGINS entry).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Only say who would get what.")

    def handle(self, *args, site_url=None, dry_run=False, **options):
        site_url = (site_url or default_site_url()).rstrip("/")
        with translation.override(settings.LANGUAGE_CODE):
            sections = content_health.all_sections()
            sent = 0
            for role in content_health.roles():
                role_sections = content_health.sections_for_role(role, sections=sections)
                recipients = self.recipients(role)
                if not role_sections or not recipients:
                    continue
                if dry_run:
                    count = sum(section.count for section in role_sections)
                    self.stdout.write(f"{role}: {count} items to {len(recipients)} people")
                    continue
                self.send(role, role_sections, recipients, site_url)
                sent += 1
        if not dry_run:
            self.stdout.write(f"Sent {sent} digests.")

    @staticmethod
    def recipients(role):
        group = Group.objects.filter(name=role).first()
        if group is None:
            return []
        users = group.user_set.filter(is_active=True, is_staff=True).exclude(email="").order_by("email")
        return list(users.values_list("email", flat=True))

    @staticmethod
    def send(role, sections, recipients, site_url):
        context = {
            "role": role,
            "sections": sections,
            "site_url": site_url,
            "admin_url": site_url + reverse("admin:index"),
            "site_name": settings.SITE_NAME,
        }
        subject = _("%(site)s: content that needs attention (%(role)s)") % {
            "site": settings.SITE_NAME,
            "role": role,
        }
        body = render_to_string("cks_portal/email/content_digest.txt", context)
        EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, recipients).send()
