"""The content generation in the database, for a site without a shared cache (page_cache.py):
a sequence every worker reads, so memos kept in each process still end with any save."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("cks_portal", "0010_thesaurus_keeps_the_words_as_asked")]

    operations = [
        migrations.RunSQL(
            "CREATE SEQUENCE IF NOT EXISTS cks_content_generation",
            "DROP SEQUENCE IF EXISTS cks_content_generation",
        )
    ]
