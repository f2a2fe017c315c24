"""The knowledge bank's history, search and index migrations 0002–0009 in one.

A database that applied 0002–0009 (every deployment before issue 15) marks this one as applied
and goes on to 0010; a fresh
database runs this instead. Every index is declared in `Publication.Meta.indexes`:
- kb_search_idx, GIN over the stored vector, for `search_vector @@ query`;
- kb_newest_idx, in the "newest first" order with the filtered columns as trailing keys and
  `topic_ids` included, so a search walks it and a list reads from it alone.
The search vector stays in the row (storage MAIN, and a 4 KB toast_tuple_target): a search
tests the vector of each row it walks, and reading it out of line from the TOAST table made
that several times slower (docs/benchmarks.md). The file's text is still moved out first.
"""

import django.contrib.postgres.indexes
import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models

import knowledge_bank.files

TABLE = "knowledge_bank_publication"


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
    replaces = [
        ("knowledge_bank", "0002_search_vector_gin_index"),
        ("knowledge_bank", "0003_history"),
        ("knowledge_bank", "0004_newest_index"),
        ("knowledge_bank", "0005_facet_covering_index"),
        ("knowledge_bank", "0006_newest_index_with_filters"),
        ("knowledge_bank", "0007_search_vector_inline"),
        ("knowledge_bank", "0008_publication_topic_ids"),
        ("knowledge_bank", "0009_newest_index_covers_topics"),
    ]

    dependencies = [
        ("knowledge_bank", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='HistoricalAuthor',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('family_name', models.CharField(help_text='For an organisation as author, write its name here and leave the given name empty.', max_length=200, verbose_name='family name or organisation')),
                ('given_name', models.CharField(blank=True, max_length=200, verbose_name='given name')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical author',
                'verbose_name_plural': 'historical authors',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalPublication',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('title', models.CharField(help_text='As printed on the publication, in its own language.', max_length=300, verbose_name='title')),
                ('subtitle', models.CharField(blank=True, max_length=300, verbose_name='subtitle')),
                ('slug', models.SlugField(help_text='Shown at /kunskapsbank/<address>/.', max_length=120, verbose_name='address')),
                ('publisher', models.CharField(blank=True, help_text='Who issued it.', max_length=200, verbose_name='publisher or organisation')),
                ('year', models.PositiveSmallIntegerField(db_index=True, validators=[django.core.validators.MinValueValidator(1900), django.core.validators.MaxValueValidator(2100)], verbose_name='year')),
                ('date', models.DateField(blank=True, help_text='Only if the exact date is known.', null=True, verbose_name='publication date')),
                ('type', models.CharField(choices=[('report', 'Report'), ('guide', 'Guide or handbook'), ('article', 'Research article'), ('book', 'Book'), ('film', 'Film'), ('web', 'Web resource'), ('policy', 'Policy document')], default='report', max_length=20, verbose_name='type')),
                ('language', models.CharField(choices=[('sv', 'Swedish'), ('en', 'English'), ('no', 'Norwegian'), ('da', 'Danish'), ('fi', 'Finnish'), ('de', 'German'), ('fr', 'French'), ('ar', 'Arabic')], default='sv', help_text="The publication's own language.", max_length=8, verbose_name='language')),
                ('audience', models.CharField(choices=[('professionals', 'Professionals in general'), ('school', 'School and youth work'), ('social-services', 'Social services'), ('decision-makers', 'Decision makers and managers'), ('researchers', 'Researchers and students'), ('public', 'Relatives and the public')], default='professionals', max_length=20, verbose_name='audience')),
                ('summary', models.TextField(help_text='Two to five sentences in your own words: what it is and who it helps.', verbose_name='summary')),
                ('summary_en', models.TextField(blank=True, verbose_name='summary in English')),
                ('file', models.TextField(blank=True, help_text='A PDF of at most 25 MB. Its text is indexed for search.', max_length=100, validators=[django.core.validators.FileExtensionValidator(['pdf']), knowledge_bank.files.validate_pdf], verbose_name='file')),
                ('file_size', models.PositiveBigIntegerField(blank=True, editable=False, null=True, verbose_name='file size in bytes')),
                ('external_url', models.URLField(blank=True, help_text='Where the publication can be read on another site.', max_length=500, verbose_name='external link')),
                ('isbn', models.CharField(blank=True, max_length=20, verbose_name='ISBN')),
                ('doi', models.CharField(blank=True, help_text='For example 10.1234/abcd, without https://doi.org/.', max_length=200, verbose_name='DOI')),
                ('featured', models.BooleanField(default=False, verbose_name='in the featured selection')),
                ('featured_order', models.PositiveSmallIntegerField(default=0, help_text='Lower numbers come first.', verbose_name='order in the featured selection')),
                ('review_date', models.DateField(blank=True, help_text='When a curator should check that it is still relevant.', null=True, verbose_name='review date')),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('published', 'Published'), ('withdrawn', 'Withdrawn')], default='draft', max_length=12, verbose_name='state')),
                ('published_at', models.DateTimeField(default=django.utils.timezone.now, help_text='A published item becomes visible from this moment.', verbose_name='publish at')),
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical publication',
                'verbose_name_plural': 'historical publications',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.RunSQL(
            [
                f"ALTER TABLE {TABLE} SET (toast_tuple_target = 4096)",
                f"ALTER TABLE {TABLE} ALTER COLUMN search_vector SET STORAGE MAIN",
            ],
            [
                f"ALTER TABLE {TABLE} RESET (toast_tuple_target)",
                f"ALTER TABLE {TABLE} ALTER COLUMN search_vector SET STORAGE EXTENDED",
            ],
        ),
        migrations.AddField(
            model_name="publication",
            name="topic_ids",
            field=models.CharField(blank=True, default="", editable=False, max_length=300),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="historicalpublication",
            name="slug",
            field=models.SlugField(help_text="Shown at /kunskapsbank/address/.", max_length=120, verbose_name="address"),
        ),
        migrations.AlterField(
            model_name="publication",
            name="slug",
            field=models.SlugField(
                help_text="Shown at /kunskapsbank/address/.", max_length=120, unique=True, verbose_name="address"
            ),
        ),
        migrations.AddIndex(
            model_name="publication",
            index=django.contrib.postgres.indexes.GinIndex(fields=["search_vector"], name="kb_search_idx"),
        ),
        migrations.AddIndex(
            model_name="publication",
            index=models.Index(
                models.OrderBy(models.F("year"), descending=True),
                models.OrderBy(models.F("date"), descending=True, nulls_last=True),
                models.F("title"),
                models.F("id"),
                models.F("status"),
                models.F("type"),
                models.F("language"),
                models.F("published_at"),
                include=("topic_ids",),
                name="kb_newest_idx",
            ),
        ),
    ]
