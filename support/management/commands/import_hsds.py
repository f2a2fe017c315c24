"""manage.py import_hsds https://example.se/api/hsds — take in another directory's services."""

from django.core.management.base import BaseCommand, CommandError

from support.hsds_import import HsdsImportError, sync


class Command(BaseCommand):
    help = (
        "Import the services of an HSDS 3.0 API as support contacts, or bring earlier imports up to "
        "date. Local edits are kept; where the source changed the same field, the admin shows the "
        "conflict. Nothing is written if the source fails."
    )

    def add_arguments(self, parser):
        parser.add_argument("base_url", help="The API's address, for example https://example.se/api/hsds")
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Show new contacts on the site at once (by default they wait, hidden, for an editor).",
        )

    def handle(self, base_url, publish, **options):
        try:
            report = sync(base_url, publish=publish)
        except HsdsImportError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"{report.source_url}: {report.summary()}")
        for contact in report.conflicts:
            self.stdout.write(
                f"  conflict: {contact.name_sv} (/admin/support/supportcontact/{contact.pk}/change/)"
            )
