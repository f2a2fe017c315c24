"""Pages join the site's one publishing workflow (cks_portal.core.publishing).

"Published" (is_published) becomes the state "published" with a publish time, a cleared box
the state "draft". A page had no creation time; the first record of its history is the
nearest thing, and the time of this migration where there is none. History records are
converted too, so an older version restores with the state it had."""

import django.utils.timezone
from django.db import migrations, models
from django.db.models import Min
from django.utils import timezone


def forwards(apps, schema_editor):
    Page = apps.get_model("cks_portal", "Page")
    HistoricalPage = apps.get_model("cks_portal", "HistoricalPage")
    now = timezone.now()
    first_seen = dict(
        HistoricalPage.objects.values("id").annotate(first=Min("history_date")).values_list("id", "first")
    )
    for page in Page.objects.all():
        page.state = "published" if page.is_published else "draft"
        page.publish_at = first_seen.get(page.pk) or now
        page.save(update_fields=["state", "publish_at"])
    HistoricalPage.objects.filter(is_published=True).update(state="published")
    HistoricalPage.objects.filter(is_published=False).update(state="draft")
    for page_id, first in first_seen.items():
        HistoricalPage.objects.filter(id=page_id).update(publish_at=first)


def backwards(apps, schema_editor):
    # Public again only what the public sees now: a public state whose time has come.
    public = models.Q(state__in=["published", "scheduled"], publish_at__lte=timezone.now())
    for name in ("Page", "HistoricalPage"):
        model = apps.get_model("cks_portal", name)
        model.objects.filter(public).update(is_published=True)
        model.objects.exclude(public).update(is_published=False)


def state():
    return models.CharField(
        choices=[
            ("draft", "Draft"),
            ("scheduled", "Scheduled"),
            ("published", "Published"),
            ("withdrawn", "Withdrawn"),
        ],
        db_index=True,
        default="published",
        help_text="Draft and withdrawn are seen only by staff. Scheduled goes live by itself at the publish time; published is visible from the publish time.",
        max_length=12,
        verbose_name="state",
    )


def publish_at():
    return models.DateTimeField(
        db_index=True,
        default=django.utils.timezone.now,
        help_text="Shown as the publishing date. A time in the future keeps the item hidden until then.",
        verbose_name="publish time",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("cks_portal", "0004_page_help_text"),
    ]

    operations = [
        migrations.AddField(model_name="page", name="state", field=state()),
        migrations.AddField(model_name="page", name="publish_at", field=publish_at()),
        migrations.AddField(model_name="historicalpage", name="state", field=state()),
        migrations.AddField(model_name="historicalpage", name="publish_at", field=publish_at()),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="page", name="is_published"),
        migrations.RemoveField(model_name="historicalpage", name="is_published"),
    ]
