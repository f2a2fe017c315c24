"""A database that ran 0002–0010 before they were squashed has the GIN index under the
name 0002 gave it in raw SQL; give it the name `Publication.Meta.indexes` declares. On a
fresh database, where the squashed migration created it by that name, this does nothing."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("knowledge_bank", "0010_address_help_text")]

    operations = [
        migrations.RunSQL(
            "ALTER INDEX IF EXISTS knowledge_bank_publication_search_vector_gin RENAME TO kb_search_idx",
            migrations.RunSQL.noop,
        )
    ]
