"""Which fields of the support directory have a column per language (cks_portal/core/i18n.py).

The facts (numbers, hours, languages, anonymity) are data and need no translation; these are
the texts around them."""

from cks_portal.core.i18n import register
from support.models import Audience, Language, OpeningException, PhoneNumber, SupportContact

register(Language, ["name"])
register(Audience, ["name"])
register(
    SupportContact,
    ["name", "commissioned_by", "summary", "description", "anonymity_note", "hours_note"],
)
register(PhoneNumber, ["note"])
register(OpeningException, ["reason"])
