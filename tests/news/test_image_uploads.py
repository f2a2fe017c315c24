"""News images through the admin's add form, uploaded by an editor with two-factor on
(issue 14: defect 9, location metadata in originals; defect 10, truncated JPEGs)."""

from io import BytesIO
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from cks_portal.core.roles import EDITOR
from news.images import rendition_name
from news.models import RENDITION_WIDTHS, NewsItem
from tests.factories import make_news

GPS_IFD = 0x8825
ORIENTATION = 0x0112


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _photo_with_location(size=(1000, 600)):
    """A camera-like JPEG: GPS position, camera make and owner, turned a quarter by its tag."""
    exif = Image.Exif()
    exif[ORIENTATION] = 6  # shown rotated 90° clockwise: 600 wide, 1000 tall
    exif[0x010F] = "Kameratillverkaren"
    exif[0x013B] = "Fotografens Namn"  # Artist
    exif[GPS_IFD] = {1: "N", 2: (57.0, 43.0, 12.0), 3: "E", 4: (12.0, 56.0, 3.0)}
    buffer = BytesIO()
    image = Image.new("RGB", size, (10, 80, 140))
    image.paste((240, 200, 20), (0, 0, 100, 100))  # a yellow corner to see which way is up
    image.save(buffer, "JPEG", exif=exif, quality=90)
    return buffer.getvalue()


def _form(image, **extra):
    return {
        "title": "Bild med plats",
        "slug": "bild-med-plats",
        "lead": "Ingress.",
        "body": "<p>Text</p>",
        "state": "draft",
        "publish_at_0": "2026-01-01",
        "publish_at_1": "10:00:00",
        "language": "sv",
        "image": SimpleUploadedFile("foto.jpg", image, content_type="image/jpeg"),
        "image_alt": "En blå yta",
        **extra,
    }


def _metadata(path):
    with Image.open(path) as image:
        exif = image.getexif()
        return image.size, dict(exif), exif.get_ifd(GPS_IFD), image.info


def test_an_editor_uploads_a_photo_and_no_copy_keeps_its_location_or_camera_details(
    db, staff_client, settings
):
    editor = staff_client(EDITOR)

    response = editor.post("/admin/news/newsitem/add/", _form(_photo_with_location()))

    assert response.status_code == 302, response.content.decode()[:2000]
    item = NewsItem.objects.get()
    original = Path(settings.MEDIA_ROOT) / item.image.name
    copies = [original] + [
        Path(settings.MEDIA_ROOT) / rendition_name(item.image.name, width)
        for width in [*[w for w in RENDITION_WIDTHS if w < 600], 600]
    ]
    for path in copies:
        assert path.exists(), path
        size, exif, gps, info = _metadata(path)
        assert "exif" not in info and "xmp" not in info, path
        assert gps == {}, path
        assert GPS_IFD not in exif and 0x010F not in exif and 0x013B not in exif, path
        assert b"Fotografens" not in path.read_bytes() and b"Kameratillverkaren" not in path.read_bytes()
        # The turn the camera asked for is done on the pixels, so it shows the right way up
        # everywhere: upright, with the yellow corner now at the top right.
        assert ORIENTATION not in exif or exif[ORIENTATION] == 1, path
        assert size[0] < size[1], path
    assert (item.image_width, item.image_height) == (600, 1000)
    with Image.open(original) as stored:
        assert stored.getpixel((595, 5))[0] > 200  # yellow: the corner turned with the picture


def test_a_jpeg_cut_in_half_is_refused_with_a_clear_message_and_nothing_is_saved(db, staff_client):
    editor = staff_client(EDITOR)
    whole = _photo_with_location()

    response = editor.post("/admin/news/newsitem/add/", _form(whole[: len(whole) // 2]))

    assert response.status_code == 200
    body = response.content.decode()
    assert "Bildfilen är inte hel" in body
    assert not NewsItem.objects.exists()


def test_a_photo_kept_over_a_validation_error_is_still_stored_without_its_location(
    db, staff_client, settings
):
    # The kept copy comes back as a fresh upload on the retry, so the same cleaning applies.
    from tests.admin_forms import form_data

    editor = staff_client(EDITOR)
    first = editor.post("/admin/news/newsitem/add/", _form(_photo_with_location(), image_alt=""))
    assert first.status_code == 200
    retry = form_data(first)
    retry["image_alt"] = "En blå yta"

    response = editor.post("/admin/news/newsitem/add/", retry)

    assert response.status_code == 302, response.content.decode()[:2000]
    item = NewsItem.objects.get()
    size, _exif, gps, info = _metadata(Path(settings.MEDIA_ROOT) / item.image.name)
    assert gps == {} and "exif" not in info
    assert size == (600, 1000)


def _jpeg(size):
    buffer = BytesIO()
    Image.new("RGB", size, (10, 80, 140)).save(buffer, "JPEG")
    return buffer.getvalue()


def test_an_image_saved_from_bytes_without_a_name_keeps_its_size_in_the_row(db):
    """FieldFile.save(name, ContentFile(data)) is how code (the demo) stores an image; Django
    leaves the size empty then, and an empty size makes every later load open the file."""
    item = make_news()
    item.image.save("bild.jpg", ContentFile(_jpeg((640, 360))), save=True)
    assert NewsItem.objects.filter(pk=item.pk).values_list("image_width", "image_height").get() == (640, 360)


def test_an_item_whose_image_file_is_gone_still_loads_on_the_pages_that_show_it(db, staff_client):
    item = make_news(slug="bild-saknas", image_alt="En blå yta")
    item.image.save("bild.jpg", ContentFile(_jpeg((640, 360)), name="bild.jpg"), save=True)
    item.image.storage.delete(item.image.name)

    loaded = NewsItem.objects.get(pk=item.pk)
    assert (loaded.image_width, loaded.image_height) == (640, 360)
    editor = staff_client(EDITOR)
    for url in ("/", "/nyheter/", "/nyheter/bild-saknas/", "/admin/"):
        assert editor.get(url).status_code == 200, url


def test_the_demo_news_images_have_their_size_stored(demo):
    sizes = list(NewsItem.objects.exclude(image="").values_list("image_width", "image_height"))
    assert sizes
    assert all(width and height for width, height in sizes)
