"""Uploaded files, served only when the content they belong to is public.

Each app says in its `AppConfig.ready()` which of its file fields hold uploads and what makes
an instance public (`protect_files`); this module knows no app. A file is served to everyone
when a public object owns it, to verified staff whatever owns it (a draft's image, the PDF of a
publication not yet out), and to nobody else: a file of a draft, a file left behind when an
upload was replaced, or a name that was never stored all answer 404, as an unknown address does.

Django decides; the bytes are sent by Django itself (development, tests) or, with
MEDIA_ACCEL_REDIRECT on, by nginx from an `internal` location named in `X-Accel-Redirect`
(docs/deployment.md), so that a path on disk is never reachable without this check.
With object storage (S3) this view is not routed and the bucket serves the files: see the
deployment guide for what that means for unpublished files.
"""

import mimetypes
import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

from django.conf import settings
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.views.static import serve

from cks_portal.core.admin_site import is_verified_staff

# Uploaded file names never change meaning: storage never overwrites an existing name.
MEDIA_MAX_AGE = 60 * 60 * 24 * 365
INLINE_TYPES = {"image/jpeg", "image/png", "image/webp", "image/gif"}
# The nginx location (marked `internal`) that X-Accel-Redirect points into.
ACCEL_PREFIX = "/_protected_media/"


@dataclass(frozen=True)
class ProtectedFiles:
    """The files stored in `field` of `model`. `public()` returns the queryset of instances
    the public may see; `owners(field, path)` returns a Q for the rows a stored path belongs
    to, for files derived from the stored one (an image's smaller copies)."""

    model: type
    field: str
    public: Callable
    owners: Callable | None = None

    def lookup(self, path):
        condition = Q(**{self.field: path})
        if self.owners is not None:
            derived = self.owners(self.field, path)
            if derived is not None:
                condition |= derived
        return condition

    def is_public(self, path):
        """One query."""
        return self.public().filter(self.lookup(path)).exists()


_registry = []


def protect_files(model, *fields, public, owners=None):
    """Serve the files in `fields` of `model` only while `public()` (a queryset of the
    instances the public may see) includes their owner. Called from AppConfig.ready()."""
    for field in fields:
        entry = ProtectedFiles(model, field, public, owners)
        if entry not in _registry:
            _registry.append(entry)


def is_public_file(path):
    """True when a public object owns the stored file `path` (or the file it was drawn from).
    At most one query per registered file field."""
    return any(entry.is_public(path) for entry in _registry)


def _clean(path):
    """The path as stored, or 404 for one that tries to leave the media folder."""
    normal = posixpath.normpath(path)
    if normal != path or normal.startswith(("/", "../")) or normal == "..":
        raise Http404
    return normal


def serve_media(request, path):
    path = _clean(path)
    if is_public_file(path):
        cache_control = f"public, max-age={MEDIA_MAX_AGE}, immutable"
    elif is_verified_staff(request.user):
        # A file the public may not see yet: never kept by a shared cache or the browser.
        cache_control = "private, no-store"
    else:
        raise Http404
    if settings.MEDIA_ACCEL_REDIRECT:
        response = HttpResponse(content_type=mimetypes.guess_type(path)[0] or "application/octet-stream")
        response["X-Accel-Redirect"] = ACCEL_PREFIX + quote(path)
    else:
        response = serve(request, path, document_root=settings.MEDIA_ROOT)
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    if content_type not in INLINE_TYPES:
        # Anything that is not a plain image is downloaded, never rendered by the browser
        # on this origin (an HTML or SVG file could otherwise run script here).
        response["Content-Disposition"] = "attachment"
    response["Cache-Control"] = cache_control
    response["X-Content-Type-Options"] = "nosniff"
    return response
