import datetime

from django import template
from django.core.paginator import Paginator
from django.http import QueryDict
from django.utils import timezone, translation
from django.utils.html import conditional_escape, format_html

from cks_portal.core import cldr
from cks_portal.core.i18n import lang_attribute
from cks_portal.core.jsonld import script as jsonld_script

register = template.Library()


@register.simple_tag
def lang_attr(text):
    """` lang="sv"` when `text` (a LocalizedText) is not in the page's language, else nothing."""
    return lang_attribute(getattr(text, "lang", None))


@register.filter
def jsonld(data):
    """A schema.org JSON-LD block (see cks_portal.core.jsonld)."""
    return jsonld_script(data)


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


@register.filter
def long_date(value):
    """24 December 2026 in the page's language, from CLDR (cks_portal.core.cldr)."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value)  # the day in Stockholm, as Django's |date gives it
    return cldr.long_date(value)


@register.filter
def ltr(value):
    """Times and numbers kept left to right inside right-to-left text: <bdi dir="ltr"> on
    an Arabic, Persian or Sorani page, the value as it is on a left-to-right one."""
    if translation.get_language_bidi():
        return format_html('<bdi dir="ltr">{}</bdi>', value)
    return conditional_escape(value)
