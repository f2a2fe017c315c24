from django import template
from django.core.paginator import Paginator
from django.http import QueryDict
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


@register.simple_tag
def page_numbers(page):
    """The page numbers to offer around `page` (a Django Page), None where some are left out:
    [1, 2, 3, None, 16]."""
    numbers = page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    return [None if number == Paginator.ELLIPSIS else number for number in numbers]


@register.simple_tag(takes_context=True)
def page_url(context, number, query=None):
    """This list's address for page `number`, keeping the parameters in `query` (a QueryDict,
    for example the filters in use; the request's own parameters when not given). Page 1 is
    the address without a page parameter, so that it has one address only."""
    request = context.request
    params = (query if isinstance(query, QueryDict) else request.GET).copy()
    params.pop("page", None)
    if number > 1:
        params["page"] = number
    encoded = params.urlencode()
    return f"{request.path}?{encoded}" if encoded else request.path
