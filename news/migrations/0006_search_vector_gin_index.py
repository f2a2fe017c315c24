"""PostgreSQL only: the GIN indexes that make `search_vector @@ query` fast for news items and
events. SQLite has no such index type and searches with its fallback; there this does nothing."""

from django.db import migrations

INDEXES = {
    "news_newsitem_search_vector_gin": "news_newsitem",
    "news_event_search_vector_gin": "news_event",
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for index, table in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {index} ON {table} USING gin (search_vector)")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for index in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {index}")


class Migration(migrations.Migration):
    dependencies = [("news", "0005_fill_search_vectors")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
