"""Editable pages leave the core app for cks_portal.pages (label "pages"): their tables stay,
only Django's state moves (pages 0001 takes it over)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("cks_portal", "0005_page_publishing_workflow"),
        ("pages", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(model_name="page", name="updated_by"),
                migrations.DeleteModel(name="HistoricalPage"),
                migrations.DeleteModel(name="Page"),
            ],
            database_operations=[],
        ),
    ]
