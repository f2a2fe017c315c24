"""PostgreSQL only: the GIN index that makes `search_vector @@ query` fast. SQLite has no
such index type and searches with its fallback, so there this migration does nothing."""

from django.db import migrations

INDEX = "knowledge_bank_publication_search_vector_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON knowledge_bank_publication USING gin (search_vector)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("knowledge_bank", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index)]
