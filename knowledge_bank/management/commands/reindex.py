from django.core.management.base import BaseCommand
from tqdm import tqdm

from cks_portal.core import compounds, i18n, page_cache, suggestions
from cks_portal.core.models import Topic
from knowledge_bank.models import Publication


class Command(BaseCommand):
    help = (
        "Re-read every publication's file (size and text) and rebuild its compound parts, "
        "its words in the search vocabulary and its search vector. "
        "A file that cannot be read is reported and skipped; the rest are still indexed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-files", action="store_true", help="Only rebuild vectors; do not re-read files."
        )

    def handle(self, *args, **options):
        ids = list(Publication.objects.order_by("pk").values_list("pk", flat=True))
        failures = []
        progress = tqdm(ids, desc="reindex", unit="pub", file=self.stderr, disable=options["verbosity"] == 0)
        for pk in progress:
            # One publication at a time keeps memory flat whatever the size of the files.
            publication = Publication.objects.get(pk=pk)
            if publication.file and not options["no_files"]:
                try:
                    publication.read_file()
                except Exception as error:  # any broken file must not stop the run
                    failures.append(f"{publication.slug}: {type(error).__name__}: {error}")
                    publication.file_text = ""
                Publication.objects.filter(pk=pk).update(
                    file_size=publication.file_size, file_text=publication.file_text
                )
            # The compound parts and the vocabulary follow the text (cks_portal/core/compounds.py).
            Publication.objects.filter(pk=pk).update(
                search_parts=compounds.parts(*publication.searched_texts())
            )
            if publication.is_published:
                suggestions.remember_words(*publication.searched_texts()[:-1])
            publication.update_search_vector()
        # The topics' names are searched words too.
        rows = Topic.objects.values_list(*i18n.columns("name"))
        suggestions.remember_words(*(name for row in rows for name in row))
        # The rows were written with update(), which no signal hears; search results and
        # snippets may have changed.
        page_cache.content_changed()
        for failure in failures:
            self.stderr.write(self.style.WARNING(f"Could not read the file of {failure}"))
        self.stdout.write(
            self.style.SUCCESS(
                f"Re-indexed {len(ids)} publications; {len(failures)} files could not be read."
            )
        )
