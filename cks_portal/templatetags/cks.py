from django import template
from django.utils.html import format_html

from cks_portal.i18n import active_language

register = template.Library()


@register.simple_tag
def lang_attr(text):
    """` lang="sv"` when `text` (a LocalizedText) is not in the page's language, else nothing."""
    lang = getattr(text, "lang", None)
    if lang and lang != active_language():
        return format_html(' lang="{}"', lang)
    return ""


_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def jsonld(data):
    """A schema.org JSON-LD block. It is data, not script, so the CSP leaves it alone;
    <, > and & are escaped so that no value can close the element."""
    import json

    from django.core.serializers.json import DjangoJSONEncoder
    from django.utils.safestring import mark_safe

    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


@register.filter
def minutes(duration):
    """Whole minutes of a timedelta, rounded up (the lockout page says how long to wait)."""
    if duration is None:
        return 0
    return max(1, -(-int(duration.total_seconds()) // 60))
