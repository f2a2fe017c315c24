"""PostgreSQL only: keep each publication's search vector in the table row itself.

A vector of a few pages of text is 2–3 KB, above the 2 KB at which PostgreSQL moves a value
out of the row into the TOAST table. A search walks the newest rows and tests each one's
vector, so each test cost a lookup in the TOAST index and reading its chunks: measured at
100,000 publications, the newest 1,001 matches of a common word took 12.5 ms this way and
3.5 ms with the vectors in the rows. With `toast_tuple_target` at 4 KB and the column's
storage MAIN, the file's text (EXTENDED) is still compressed and moved out first, and only a
vector too large for the row (a long report) goes to TOAST.

The UPDATE rewrites the existing vectors so that they follow the new storage; it rewrites
each row once, so run VACUUM afterwards on a large table."""

from django.db import migrations

TABLE = "knowledge_bank_publication"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {TABLE} SET (toast_tuple_target = 4096)")
    schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN search_vector SET STORAGE MAIN")
    # Concatenating an empty vector makes a new value, stored by the new rules.
    schema_editor.execute(
        f"UPDATE {TABLE} SET search_vector = search_vector || ''::tsvector WHERE search_vector IS NOT NULL"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {TABLE} RESET (toast_tuple_target)")
    schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN search_vector SET STORAGE EXTENDED")


class Migration(migrations.Migration):
    dependencies = [("knowledge_bank", "0006_newest_index_with_filters")]

    operations = [migrations.RunPython(forwards, backwards)]
