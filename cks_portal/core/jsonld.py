"""schema.org JSON-LD: the builders every app's descriptions start from, and the script tag
that prints them (the `jsonld` template filter in cks_portal.core.templatetags.cks)."""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

CONTEXT = "https://schema.org"

# <, > and & are escaped so that no value can close the script element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def document(schema_type, **properties):
    """A top-level description: context, type, then the properties in the order given."""
    return {"@context": CONTEXT, "@type": schema_type, **properties}


def thing(schema_type, **properties):
    """A description nested in another one (no context of its own)."""
    return {"@type": schema_type, **properties}


def organization(name=None, **properties):
    """An organisation; without a name, the one that runs the site."""
    return thing("Organization", name=name or settings.SITE_ORGANISATION, **properties)


def postal_address(street="", postal_code="", locality="", country="SE"):
    """A PostalAddress with the parts that are known; the country always (ISO 3166-1)."""
    parts = {"streetAddress": street, "postalCode": postal_code, "addressLocality": locality}
    return thing(
        "PostalAddress", **{key: value for key, value in parts.items() if value}, addressCountry=country
    )


def place(name="", **address):
    """A Place: where something happens, with its postal address (schema.org and Google ask
    for the address of an event's location)."""
    data = thing("Place", name=name) if name else thing("Place")
    data["address"] = postal_address(**address)
    return data


def virtual_location(url):
    """Where an online event is joined."""
    return thing("VirtualLocation", url=url)


def language(code, name):
    """A language a contact point answers in (availableLanguage): its English name, and its
    ISO 639 / BCP 47 code as the alternate name, as schema.org's examples have it."""
    return thing("Language", name=name, alternateName=code)


def person_or_organization(name, is_person):
    return thing("Person" if is_person else "Organization", name=name)


def script(data):
    """A JSON-LD block. It is data, not script, so the CSP leaves it alone."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308
