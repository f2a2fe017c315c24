"""A database migrated before issue 15 has the search indexes under the names 0006 gave them
in raw SQL; give them the names the models declare. Elsewhere (a fresh database, where 0006
created them by those names) this does nothing."""

from django.db import migrations

RENAMES = (
    ("news_newsitem_search_vector_gin", "news_newsitem_search_idx"),
    ("news_event_search_vector_gin", "news_event_search_idx"),
)


class Migration(migrations.Migration):
    dependencies = [("news", "0009_event_programme_checked_by_content")]

    operations = [
        migrations.RunSQL(
            [f"ALTER INDEX IF EXISTS {old} RENAME TO {new}" for old, new in RENAMES],
            migrations.RunSQL.noop,
        )
    ]
