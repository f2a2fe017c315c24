"""Pages get a stored search vector (as news, events, publications and support lines have):
/sok/ computed a vector over every language's title, lead and body at each search."""

import django.contrib.postgres.search
from django.db import migrations


def fill_vectors(apps, schema_editor):
    from cks_portal.pages.models import Page as CurrentPage

    Page = apps.get_model("pages", "Page")
    Page.objects.update(search_vector=CurrentPage.search_document())


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
