"""Uploaded files served by Django when they are stored on local disk.

In production the reverse proxy serves /media/ itself with the same headers (see
docs/deployment.md); with object storage the bucket does. This view is the fallback and
what development and the tests use.
"""

import mimetypes

from django.conf import settings
from django.views.static import serve

# Uploaded file names never change meaning: storage never overwrites an existing name.
MEDIA_MAX_AGE = 60 * 60 * 24 * 365
INLINE_TYPES = {"image/jpeg", "image/png", "image/webp", "image/gif"}


def serve_media(request, path):
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    if content_type not in INLINE_TYPES:
        # Anything that is not a plain image is downloaded, never rendered by the browser
        # on this origin (an HTML or SVG file could otherwise run script here).
        response["Content-Disposition"] = "attachment"
    response["Cache-Control"] = f"public, max-age={MEDIA_MAX_AGE}, immutable"
    response["X-Content-Type-Options"] = "nosniff"
    return response
