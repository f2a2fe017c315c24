"""PostgreSQL only: an index in the order of "newest first" (knowledge_bank.search.NEWEST), so
that a page of a list, or the newest 1,000 matches of a broad search, is read in index order
instead of sorting every row. SQLite cannot index NULLS LAST; there this does nothing."""

from django.db import migrations

INDEX = "kb_newest_idx"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON knowledge_bank_publication "
            "(year DESC, date DESC NULLS LAST, title, id)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("knowledge_bank", "0003_history")]

    operations = [migrations.RunPython(create_index, drop_index)]
