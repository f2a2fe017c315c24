"""Which fields of a publication have a column per language (cks_portal/core/i18n.py).

Titles stay as published: a report is cited by the title it was issued under."""

from cks_portal.core.i18n import register
from knowledge_bank.models import Publication

register(Publication, ["summary"])
