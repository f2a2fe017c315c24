from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "demo-cks-portalen"  # noqa: S105 - development only, refused when DEBUG is off


class Command(BaseCommand):
    help = "Create (or reset) the demo superuser for local development. Refuses to run when DEBUG is off."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demo account is for development only (DJANGO_DEBUG is off).")
        user, _created = get_user_model().objects.get_or_create(
            username=DEMO_USERNAME, defaults={"first_name": "Demo", "last_name": "Redaktör"}
        )
        user.is_staff = True
        user.is_superuser = True
        user.set_password(DEMO_PASSWORD)
        user.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin: http://127.0.0.1:{settings_port()}/admin/  user: {DEMO_USERNAME}  password: {DEMO_PASSWORD}"
            )
        )


def settings_port():
    import os

    return os.environ.get("PORT", "8000")
