"""Each publication keeps a copy of its topics' ids in its row (`Publication.topic_ids`), so
the search reads them with the row; this fills the copy for the publications there are."""

from django.db import migrations, models


def fill(apps, schema_editor):
    Publication = apps.get_model("knowledge_bank", "Publication")
    through = Publication.topics.through
    topics = {}
    for publication_id, topic_id in through.objects.values_list("publication_id", "topic_id").iterator():
        topics.setdefault(publication_id, []).append(topic_id)
    groups = {}
    for publication_id, ids in topics.items():
        groups.setdefault(" ".join(str(i) for i in sorted(ids)), []).append(publication_id)
    for value, pks in groups.items():
        for start in range(0, len(pks), 10_000):
            Publication.objects.filter(pk__in=pks[start : start + 10_000]).update(topic_ids=value)


class Migration(migrations.Migration):
    dependencies = [("knowledge_bank", "0007_search_vector_inline")]

    operations = [
        migrations.AddField(
            model_name="publication",
            name="topic_ids",
            field=models.CharField(blank=True, default="", editable=False, max_length=300),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
