"""Editable pages become an app of their own (label "pages").

The tables stay as they are (cks_portal_page, cks_portal_historicalpage): only Django's state
moves here, and the content types follow, so permissions, the staff roles' groups and the
admin log keep pointing at the same rows. cks_portal 0006 removes the pages from the core's
state."""

import cks_portal.core.models
import cks_portal.core.richtext
import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models


MODELS = ("page", "historicalpage")


def _relabel(apps, old, new):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label=old, model__in=MODELS).update(app_label=new)


def move_content_types(apps, schema_editor):
    # A fresh database has no content types yet (post_migrate makes them): nothing to move.
    _relabel(apps, "cks_portal", "pages")


def move_content_types_back(apps, schema_editor):
    _relabel(apps, "pages", "cks_portal")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("contenttypes", "0002_remove_content_type_name"),
        ("cks_portal", "0005_page_publishing_workflow"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='HistoricalPage',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('publish_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, help_text='Shown as the publishing date. A time in the future keeps the item hidden until then.', verbose_name='publish time')),
                        ('title', models.CharField(max_length=200, verbose_name='title')),
                        ('title_en', models.CharField(blank=True, max_length=200, verbose_name='title in English')),
                        ('slug', models.SlugField(help_text='The page is shown under this address: “om-oss” gives /om-oss/.', max_length=100, validators=[cks_portal.core.models.validate_page_slug], verbose_name='address')),
                        ('lead', models.TextField(blank=True, help_text='One or two sentences shown in bold under the title.', verbose_name='lead')),
                        ('lead_en', models.TextField(blank=True, verbose_name='lead in English')),
                        ('body', cks_portal.core.richtext.RichTextField(blank=True, help_text='Headings, lists, links and tables are kept; scripts and styles are removed.', verbose_name='body')),
                        ('body_en', cks_portal.core.richtext.RichTextField(blank=True, verbose_name='body in English')),
                        ('state', models.CharField(choices=[('draft', 'Draft'), ('scheduled', 'Scheduled'), ('published', 'Published'), ('withdrawn', 'Withdrawn')], db_index=True, default='published', help_text='Draft and withdrawn are seen only by staff. Scheduled goes live by itself at the publish time; published is visible from the publish time.', max_length=12, verbose_name='state')),
                        ('show_in_footer', models.BooleanField(default=False, verbose_name='link in footer')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('updated_by', models.ForeignKey(blank=True, db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='changed by')),
                    ],
                    options={
                        'verbose_name': 'historical page',
                        'verbose_name_plural': 'historical pages',
                        'db_table': 'cks_portal_historicalpage',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='Page',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('publish_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, help_text='Shown as the publishing date. A time in the future keeps the item hidden until then.', verbose_name='publish time')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='last changed')),
                        ('title', models.CharField(max_length=200, verbose_name='title')),
                        ('title_en', models.CharField(blank=True, max_length=200, verbose_name='title in English')),
                        ('slug', models.SlugField(help_text='The page is shown under this address: “om-oss” gives /om-oss/.', max_length=100, unique=True, validators=[cks_portal.core.models.validate_page_slug], verbose_name='address')),
                        ('lead', models.TextField(blank=True, help_text='One or two sentences shown in bold under the title.', verbose_name='lead')),
                        ('lead_en', models.TextField(blank=True, verbose_name='lead in English')),
                        ('body', cks_portal.core.richtext.RichTextField(blank=True, help_text='Headings, lists, links and tables are kept; scripts and styles are removed.', verbose_name='body')),
                        ('body_en', cks_portal.core.richtext.RichTextField(blank=True, verbose_name='body in English')),
                        ('state', models.CharField(choices=[('draft', 'Draft'), ('scheduled', 'Scheduled'), ('published', 'Published'), ('withdrawn', 'Withdrawn')], db_index=True, default='published', help_text='Draft and withdrawn are seen only by staff. Scheduled goes live by itself at the publish time; published is visible from the publish time.', max_length=12, verbose_name='state')),
                        ('show_in_footer', models.BooleanField(default=False, verbose_name='link in footer')),
                        ('updated_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='changed by')),
                    ],
                    options={
                        'verbose_name': 'page',
                        'verbose_name_plural': 'pages',
                        'db_table': 'cks_portal_page',
                        'ordering': ['title'],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back, elidable=False),
    ]
