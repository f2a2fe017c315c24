"""PostgreSQL only: the facets count the candidates by id; with the facet columns in the
index they are counted from it (index-only scan) instead of visiting 1,000 wide rows that
carry the file's text. SQLite has no INCLUDE; there this does nothing."""

from django.db import migrations

INDEX = "kb_facets_idx"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON knowledge_bank_publication (id) INCLUDE (year, type, language)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("knowledge_bank", "0004_newest_index")]

    operations = [migrations.RunPython(create_index, drop_index)]
