"""News images: the upload check and the smaller copies (renditions) drawn for srcset.

Renditions get names derived from the original's (photo.jpg -> photo-800w.jpg), so a page can
list them without asking the database or the disk.
"""

import re
from io import BytesIO
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from cks_portal.core.uploads import validate_size

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}


def validate_image(file):
    """Refuse files that are too large, are not really JPEG/PNG/WebP images, or have so many
    pixels that decoding them would exhaust the server's memory."""
    if getattr(file, "_committed", False):
        return  # already stored, so it was checked when it was uploaded
    validate_size(
        file, settings.NEWS_IMAGE_MAX_BYTES, _("The image is %(size)s MB; the largest allowed is %(max)s MB.")
    )
    position = file.tell() if hasattr(file, "tell") else None
    try:
        file.seek(0)
        with Image.open(file) as image:
            width, height = image.size
            if width * height > settings.NEWS_IMAGE_MAX_PIXELS:
                raise ValidationError(
                    _(
                        "The image is %(width)s × %(height)s pixels; it may have at most %(max)s million pixels."
                    ),
                    params={
                        "width": width,
                        "height": height,
                        "max": settings.NEWS_IMAGE_MAX_PIXELS // 1_000_000,
                    },
                )
            if image.format not in ALLOWED_FORMATS:
                raise ValidationError(_("Upload a JPEG, PNG or WebP image."))
            image.verify()
        # verify() reads a PNG's checksums but not a JPEG's pixels: a file cut off while it
        # was copied passes it and fails later, while the copies are drawn. Decoding every
        # pixel now (the size is known to be bounded) turns that into a message at upload.
        file.seek(0)
        with Image.open(file) as image:
            try:
                image.load()
            except OSError:
                raise ValidationError(
                    _(
                        "The image file is not whole: it ends before the picture does, perhaps because "
                        "it was cut off when it was copied or downloaded. Save or export it again and "
                        "upload the new file."
                    )
                ) from None
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError):
        raise ValidationError(
            _("The file is not an image this site can show. Upload a JPEG, PNG or WebP image.")
        ) from None
    finally:
        if position is not None:
            file.seek(position)


def without_metadata(file):
    """The uploaded image again, as a file without the metadata a camera or phone writes into
    it (EXIF with the GPS position, camera and owner, XMP, comments), so the stored original
    gives away no more than the picture does. The turn the EXIF orientation asked for is made
    on the pixels first, so the picture still shows the right way up. The colour profile is
    kept. A JPEG is encoded once more at high quality; PNG stays lossless.

    Returns (file, width, height)."""
    file.seek(0)
    with Image.open(file) as original:
        image_format = original.format
        icc_profile = original.info.get("icc_profile")
        image = ImageOps.exif_transpose(original)
        if image is original:
            image = original.copy()
    buffer = BytesIO()
    options = {"icc_profile": icc_profile} if icc_profile else {}
    if image_format == "JPEG":
        if image.mode not in ("RGB", "L", "CMYK"):
            image = image.convert("RGB")
        image.save(buffer, "JPEG", quality=92, optimize=True, **options)
    elif image_format == "WEBP":
        image.save(buffer, "WEBP", quality=92, **options)
    else:
        image.save(buffer, "PNG", optimize=True, **options)
    return ContentFile(buffer.getvalue(), name=PurePosixPath(file.name).name), image.width, image.height


def rendition_name(name, width):
    path = PurePosixPath(name)
    return str(path.with_name(f"{path.stem}-{width}w.jpg"))


RENDITION_NAME = re.compile(r"^(?P<original>(?:.*/)?[^/]+)-\d+w\.jpg$")


def original_lookup(field, name):
    """A Q for the rows whose image in `field` the stored file `name` was drawn from
    (news/2026/photo-800w.jpg belongs to news/2026/photo.<any extension>), or None when
    `name` is not a rendition's name. The protected media use it to find a copy's owner."""
    match = RENDITION_NAME.match(name)
    if match is None:
        return None
    return Q(**{f"{field}__regex": "^" + re.escape(match["original"]) + r"\.[^./]+$"})


def rendition_list(fieldfile, width, height, widths):
    """[(url, width, height)] of the renditions that exist for an image of this size."""
    storage = fieldfile.storage
    found = [
        (storage.url(rendition_name(fieldfile.name, w)), w, round(height * w / width))
        for w in widths
        if w < width
    ]
    found.append((storage.url(rendition_name(fieldfile.name, width)), width, height))
    return found


def make_renditions(fieldfile, widths):
    """Write a JPEG copy of the image at each width narrower than it, plus one at full size
    (which also drops any metadata, such as GPS positions, the camera put in the original)."""
    storage = fieldfile.storage
    fieldfile.open("rb")
    try:
        with Image.open(fieldfile) as original:
            original.load()
            image = original.convert("RGB")
    finally:
        fieldfile.close()
    for width in [w for w in widths if w < image.width] + [image.width]:
        name = rendition_name(fieldfile.name, width)
        if storage.exists(name):
            continue
        copy = (
            image
            if width == image.width
            else image.resize((width, round(image.height * width / image.width)), Image.LANCZOS)
        )
        buffer = BytesIO()
        copy.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
        storage.save(name, ContentFile(buffer.getvalue()))
