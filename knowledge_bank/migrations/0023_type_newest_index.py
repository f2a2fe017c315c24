"""The newest-first order within each type (kb_type_newest_idx), for the walk of a search
filtered by one type: it reads that type's entries alone instead of stepping over every other
type's in kb_newest_idx (knowledge_bank/models.py)."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cks_portal', '0014_thesaurus_rewrite_is_stable'),
        ('knowledge_bank', '0022_summary_vector'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name='publication',
            index=models.Index(models.F('type'), models.OrderBy(models.F('year'), descending=True), models.OrderBy(models.F('date'), descending=True, nulls_last=True), models.F('title'), models.F('id'), models.F('state'), models.F('language'), models.F('publish_at'), include=('topic_ids',), name='kb_type_newest_idx'),
        ),
    ]
