"""The stored search vector is kept compressed in the table's row (STORAGE MAIN) rather than in
the TOAST table beside it.

A search tests the vector of each row it reads, and ranks with it again: out of line, every
test fetched the value through the TOAST table's index, twice per row, and that was most of
the time of a search for a common word (docs/benchmarks.md). In the row it is read with the
row. PostgreSQL still moves a vector out of line when the row would not fit in a page (a long
report's), and the extracted file text, read only for the snippets of a page of results, is
moved out first. Existing vectors are written again so that they are stored the new way."""

from django.db import migrations

TABLE = "knowledge_bank_publication"


class Migration(migrations.Migration):
    dependencies = [("knowledge_bank", "0019_search_parts")]

    operations = [
        migrations.RunSQL(
            [
                f"ALTER TABLE {TABLE} ALTER COLUMN search_vector SET STORAGE MAIN",
                # A new value (not the stored one) is toasted by the column's new rule.
                f"UPDATE {TABLE} SET search_vector = search_vector || ''::tsvector "
                "WHERE search_vector IS NOT NULL",
            ],
            [f"ALTER TABLE {TABLE} ALTER COLUMN search_vector SET STORAGE EXTENDED"],
        ),
    ]
