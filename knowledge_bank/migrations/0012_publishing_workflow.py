"""Publications join the site's one publishing workflow (cks_portal.core.publishing): `status` and
`published_at` become `state` and `publish_at`, the names pages, news and events use.

The columns are renamed, not copied, so the indexes that include them (kb_newest_idx and the
others made in raw SQL) follow. The old values draft, published and withdrawn are states of
the new workflow with the same meaning; a published publication whose time has not come was
already hidden until then, which is what "published" with a future publish time still means.
The mapping below therefore changes nothing on today's values; it is spelled out so that any
value outside the workflow becomes a draft (hidden) rather than something no list shows."""

from django.db import migrations

KNOWN = ["draft", "scheduled", "published", "withdrawn"]


def forwards(apps, schema_editor):
    for name in ("Publication", "HistoricalPublication"):
        apps.get_model("knowledge_bank", name).objects.exclude(state__in=KNOWN).update(state="draft")


def backwards(apps, schema_editor):
    # The old workflow had no "scheduled": the same thing was "published" with a future time.
    for name in ("Publication", "HistoricalPublication"):
        apps.get_model("knowledge_bank", name).objects.filter(state="scheduled").update(state="published")


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge_bank", "0011_search_index_name"),
    ]

    operations = [
        migrations.RenameField(model_name="publication", old_name="status", new_name="state"),
        migrations.RenameField(model_name="publication", old_name="published_at", new_name="publish_at"),
        migrations.RenameField(model_name="historicalpublication", old_name="status", new_name="state"),
        migrations.RenameField(
            model_name="historicalpublication", old_name="published_at", new_name="publish_at"
        ),
        migrations.RunPython(forwards, backwards),
    ]
