"""Phone numbers as Swedes type them, linked the way phones dial them.

The core needs this for the site's own number in the footer, and the support app for every
contact's numbers; both link a number the same way, so the rule lives here once."""

import functools

import phonenumbers
from phonenumbers import shortnumberinfo

REGION = "SE"


def parse(number):
    """The parsed number, or None when phonenumbers cannot read it."""
    try:
        return phonenumbers.parse(number or "", REGION)
    except phonenumbers.NumberParseException:
        return None


def is_short(parsed):
    """A short number (112, 114 14) is dialled as it is, never with a country code."""
    return shortnumberinfo.is_valid_short_number_for_region(parsed, REGION)


@functools.lru_cache(maxsize=2048)
def tel_href(number):
    """A tel: link: E.164 ("tel:+4633357000"), or a short number as dialled ("tel:11414")."""
    number = number or ""
    parsed = parse(number)
    if parsed is None:
        return "tel:" + "".join(c for c in number if c.isdigit() or c == "+")
    if is_short(parsed):
        return "tel:" + phonenumbers.national_significant_number(parsed)
    return "tel:" + phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
