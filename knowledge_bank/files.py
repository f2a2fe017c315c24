"""Uploaded files: checked by what they contain, not by what they are called."""

import logging

from django.conf import settings
from django.utils.translation import gettext as _

from cks_portal.core import cldr
from cks_portal.core.uploads import MB, check_pdf_content, validate_size

logger = logging.getLogger(__name__)


def validate_pdf(file):
    """Refuse a file over the knowledge bank's size limit, one that does not start like a PDF,
    and one that pypdf cannot open."""
    validate_size(
        file,
        settings.KNOWLEDGE_BANK_MAX_UPLOAD_MB * MB,
        _("The file is %(size)s; the limit is %(limit)s MB. Upload a smaller file or link to it instead."),
        describe=describe_size,
    )
    check_pdf_content(file)


def extract_pdf_text(file):
    """All text pypdf finds in the PDF, page after page. Raises on a file it cannot read."""
    from pypdf import PdfReader

    reader = PdfReader(file)
    pages = [(page.extract_text() or "") for page in reader.pages]
    return "\n".join(" ".join(text.split()) for text in pages).replace("\x00", "")


def describe_size(size):
    """“2,3 MB” in the active language's units and numbers (CLDR, as the event pages write a
    programme's size)."""
    return "" if size is None else cldr.file_size(size)


def describe_file(size):
    """“PDF, 2,3 MB” in the active language's number format."""
    return _("PDF, %(size)s") % {"size": describe_size(size)} if size else _("PDF")
