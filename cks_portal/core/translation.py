"""Which fields of the core's models have a column per language (cks_portal/core/i18n.py)."""

from cks_portal.core.i18n import register
from cks_portal.core.models import Topic

register(Topic, ["name"])
