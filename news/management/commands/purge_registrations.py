from datetime import timedelta

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils import timezone

from news.models import Registration


class Command(BaseCommand):
    help = (
        "Deletes seminar registrations (name, e-mail, organisation, needs) of events that ended more "
        "than REGISTRATION_RETENTION_DAYS days ago (default 30). Run it once a day from cron, e.g. "
        "`15 3 * * * cd /srv/cks && .venv/bin/python manage.py purge_registrations`. "
        "The privacy page promises this deletion."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Override REGISTRATION_RETENTION_DAYS for this run.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be deleted.")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = settings.REGISTRATION_RETENTION_DAYS if days is None else days
        cutoff = timezone.now() - timedelta(days=days)
        old = Registration.objects.ended_before(cutoff)
        if dry_run:
            self.stdout.write(
                f"{old.count()} registrations would be deleted (events ended before {cutoff:%Y-%m-%d})."
            )
            return
        with transaction.atomic():
            deleted, _by_model = old.delete()
            # The admin's log names each registration it touched ("Anna Åberg (Seminar)"), also
            # one staff deleted by hand. Who changed a registration, and when, stays on record;
            # the person does not, once the registration is gone.
            remaining = Registration.objects.annotate(key=Cast("pk", CharField())).values("key")
            LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Registration)).exclude(
                object_id__in=remaining
            ).update(object_repr="–", change_message="")
        self.stdout.write(f"Deleted {deleted} registrations of events that ended before {cutoff:%Y-%m-%d}.")
