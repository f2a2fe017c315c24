"""Store the width and height of news images saved without them.

The demo saved its images through FieldFile.save with a nameless ContentFile, which leaves
both columns empty; Django then opened every such file each time the item was loaded. A file
that is missing on this server is skipped (the row keeps NULL, as before)."""

from django.core.files.images import get_image_dimensions
from django.db import migrations


def store_dimensions(apps, schema_editor):
    NewsItem = apps.get_model("news", "NewsItem")
    storage = NewsItem._meta.get_field("image").storage
    rows = NewsItem.objects.exclude(image="").filter(image_width__isnull=True).values_list("pk", "image")
    for pk, name in rows:
        try:
            with storage.open(name) as file:
                width, height = get_image_dimensions(file)
        except OSError:
            continue
        if width and height:
            NewsItem.objects.filter(pk=pk).update(image_width=width, image_height=height)


class Migration(migrations.Migration):
    dependencies = [("news", "0011_publishing_workflow")]

    operations = [migrations.RunPython(store_dimensions, migrations.RunPython.noop, elidable=True)]
