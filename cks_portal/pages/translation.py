"""Which fields of a page have a column per language (cks_portal/core/i18n.py)."""

from cks_portal.core.i18n import register
from cks_portal.pages.models import Page

register(Page, ["title", "lead", "body"])
