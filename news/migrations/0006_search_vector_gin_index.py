"""The GIN indexes that make `search_vector @@ query` fast for news items and events.

Declared in the models' Meta.indexes since issue 15. Before that this migration created them
in raw SQL as news_newsitem_search_vector_gin and news_event_search_vector_gin, which the
migration state never knew; 0010 renames those on a database that has them."""

import django.contrib.postgres.indexes
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("news", "0005_fill_search_vectors")]

    operations = [
        migrations.AddIndex(
            model_name="newsitem",
            index=django.contrib.postgres.indexes.GinIndex(fields=["search_vector"], name="news_newsitem_search_idx"),
        ),
        migrations.AddIndex(
            model_name="event",
            index=django.contrib.postgres.indexes.GinIndex(fields=["search_vector"], name="news_event_search_idx"),
        ),
    ]
