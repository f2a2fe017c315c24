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
