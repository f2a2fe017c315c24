"""Support lines' search vectors leave out the translations an editor holds back for review
(i18n.searchable_columns); recompute the stored ones."""

from django.db import migrations


def recompute(apps, schema_editor):
    from cks_portal.core.i18n import searchable_columns
    from cks_portal.core.search import weighted_vector

    SupportContact = apps.get_model("support", "SupportContact")
    document = weighted_vector(
        *((name, "A") for name in searchable_columns("name", reviewed=True)),
        ("organisation", "B"),
        *((name, "B") for name in searchable_columns("summary", reviewed=True)),
        *((name, "C") for name in searchable_columns("description", reviewed=True)),
    )
    SupportContact._base_manager.update(search_vector=document)


class Migration(migrations.Migration):
    dependencies = [("support", "0007_translation_review")]

    operations = [migrations.RunPython(recompute, migrations.RunPython.noop, elidable=True)]
