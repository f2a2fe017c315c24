"""Keep the search vectors in the table rows, then compute the vector of every existing news
item and event, one UPDATE per table.

By default PostgreSQL moves a row's largest value out of line once the row passes 2 kB, and for
a news item that is the vector: a search then fetches it from the TOAST table for every row it
tests, which made finding the newest 1,000 matches slower (docs/benchmarks.md). With storage MAIN the
body goes out of line instead, and only the detail page reads it. The weights are a frozen copy
of the models' SEARCH_WEIGHTS at the time.
"""

from functools import reduce

from django.contrib.postgres.search import SearchVector
from django.db import migrations

TABLES = ("news_newsitem", "news_event")
CONFIG = "swedish"
WEIGHTS = {
    "NewsItem": (("title", "A"), ("lead", "B"), ("body", "C")),
    "Event": (("title", "A"), ("summary", "B"), ("venue", "B"), ("body", "C")),
}


def keep_vectors_inline(apps, schema_editor):
    for table in TABLES:
        schema_editor.execute(f"ALTER TABLE {table} ALTER COLUMN search_vector SET STORAGE MAIN")


def fill_vectors(apps, schema_editor):
    for name, weights in WEIGHTS.items():
        vectors = [SearchVector(field, weight=weight, config=CONFIG) for field, weight in weights]
        model = apps.get_model("news", name)
        model.objects.using(schema_editor.connection.alias).update(
            search_vector=reduce(lambda left, right: left + right, vectors)
        )


class Migration(migrations.Migration):
    dependencies = [("news", "0004_search_vector")]

    operations = [
        migrations.RunPython(keep_vectors_inline, migrations.RunPython.noop),
        migrations.RunPython(fill_vectors, migrations.RunPython.noop),
    ]
