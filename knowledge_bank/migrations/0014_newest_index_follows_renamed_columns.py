from django.db import migrations, models


class Migration(migrations.Migration):
    """0012 renamed `status` and `published_at`; PostgreSQL's index followed the columns by
    itself, but the migration state still names the old ones in the index's expressions. This
    brings the state in line and touches nothing in the database."""

    dependencies = [
        ("knowledge_bank", "0013_changed_by_and_publishing_fields"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveIndex(model_name="publication", name="kb_newest_idx"),
                migrations.AddIndex(
                    model_name="publication",
                    index=models.Index(
                        models.OrderBy(models.F("year"), descending=True),
                        models.OrderBy(models.F("date"), descending=True, nulls_last=True),
                        models.F("title"),
                        models.F("id"),
                        models.F("state"),
                        models.F("type"),
                        models.F("language"),
                        models.F("publish_at"),
                        include=("topic_ids",),
                        name="kb_newest_idx",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
