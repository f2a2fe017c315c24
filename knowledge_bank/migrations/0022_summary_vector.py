"""The Swedish summary's words as a stored vector, which PostgreSQL keeps current itself (a
generated column): the snippet of a search result asks whether the query matches the summary
without parsing its text (knowledge_bank/models.py, with_snippets)."""

import django.contrib.postgres.search
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('knowledge_bank', '0021_word_pairs_index'),
    ]

    operations = [
        migrations.AddField(
            model_name='publication',
            name='summary_vector',
            field=models.GeneratedField(db_persist=True, expression=django.contrib.postgres.search.SearchVector('summary_sv', config='swedish'), output_field=django.contrib.postgres.search.SearchVectorField()),
        ),
    ]
