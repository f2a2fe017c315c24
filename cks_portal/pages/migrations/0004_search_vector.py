"""Pages get a stored search vector (as news, events, publications and support lines have):
/sok/ computed a vector over every language's title, lead and body at each search."""

import django.contrib.postgres.search
from django.db import migrations


def fill_vectors(apps, schema_editor):
    from cks_portal.core.i18n import searchable_columns
    from cks_portal.core.search import weighted_vector

    Page = apps.get_model("pages", "Page")
    weights = {"title": "A", "lead": "B", "body": "C"}
    document = weighted_vector(
        *((name, weight) for field, weight in weights.items() for name in searchable_columns(field, reviewed=True))
    )
    Page.objects.update(search_vector=document)


class Migration(migrations.Migration):
    dependencies = [("pages", "0003_translation_review")]

    operations = [
        migrations.AddField(
            model_name="page",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(fill_vectors, migrations.RunPython.noop, elidable=True),
    ]
