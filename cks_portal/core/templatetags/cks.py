import datetime
from html import unescape

from django import template
from django.core.paginator import Paginator
from django.http import QueryDict
from django.template.loader_tags import BLOCK_CONTEXT_KEY
from django.utils import timezone, translation
from django.utils.html import conditional_escape, format_html, format_html_join, strip_tags
from django.utils.safestring import mark_safe

from cks_portal.core import cldr
from cks_portal.core.i18n import lang_attribute
from cks_portal.core.jsonld import script as jsonld_script

register = template.Library()


@register.simple_tag
def lang_attr(text):
    """` lang="sv"` when `text` (a LocalizedText) is not in the page's language, else nothing."""
    return lang_attribute(getattr(text, "lang", None))


def page_alternates(context):
    """The page's languages for the language switch and the `hreflang` links in the head.

    `language_alternates` (the context processor) has every language the site answers in; a
    view whose page has only some of them (content translated into a few languages) says
    which in `page_languages`, and the others are left out. The page's own language stays in
    the switch, marked as the current one, even when the page only shows it in its chrome;
    `has_page` tells whether the page really has a language, which is what `hreflang` says."""
    languages = context.get("page_languages")
    offered = []
    for alternate in context.get("language_alternates", []):
        has_page = languages is None or alternate["code"] in languages
        if has_page or alternate["current"]:
            offered.append({**alternate, "has_page": has_page})
    return offered


# The two lists of languages every page prints, built here rather than by two template loops
# (eighteen items with five variables each were a third of the frame's rendering time).
@register.simple_tag(takes_context=True)
def alternate_links(context):
    """`<link rel="alternate" hreflang>` for each language the page has, and x-default."""
    links = []
    for alternate in page_alternates(context):
        if alternate["has_page"]:
            links.append((alternate["code"], alternate["absolute_url"]))
            if alternate["is_default"]:
                links.append(("x-default", alternate["absolute_url"]))
    return format_html_join("\n  ", '<link rel="alternate" hreflang="{}" href="{}">', links)


@register.simple_tag(takes_context=True)
def language_switch(context):
    """The language switch's items: each language named in itself, the current one marked."""
    return format_html_join(
        "\n          ",
        '<li><a href="{}"{} lang="{}" hreflang="{}"{}>{}</a></li>',
        (
            (
                alternate["url"],
                mark_safe(' aria-current="true"') if alternate["current"] else "",
                alternate["code"],
                alternate["code"],
                mark_safe(' dir="rtl"') if alternate["bidi"] else "",
                alternate["label"],
            )
            for alternate in page_alternates(context)
        ),
    )


@register.simple_tag(takes_context=True)
def block_text(context, name):
    """The text of the page's block `name` (its most specific version) once more, without tags
    and with spaces collapsed: `<title>` and the meta description printed again as Open Graph's
    og:title and og:description, so no page template has to say them twice. Blocks are
    rendered once by Django; this renders the same nodes again, with the same context (no
    query: the title and description blocks print what the view already has)."""
    blocks = context.render_context.get(BLOCK_CONTEXT_KEY)
    block = blocks.get_block(name) if blocks else None
    if block is None:
        return ""
    # Escaped as the block rendered it; strip_tags and unescape then give plain text again,
    # which simple_tag escapes once for the attribute.
    text = unescape(strip_tags(block.nodelist.render(context)))
    return " ".join(text.split())


@register.simple_tag(takes_context=True)
def absolute_uri(context, location):
    """`location` as an absolute URL on the request's host; a URL that already is absolute
    (media on object storage) is kept."""
    return context.request.build_absolute_uri(location)


@register.filter(name="og_locale")
def og_locale_filter(code):
    """Open Graph's locale of a content language: sv_SE, en_GB (cldr.og_locale)."""
    return cldr.og_locale(code)


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
def full_date(value):
    """Thursday 24 December 2026 in the page's language, from CLDR (cks_portal.core.cldr)."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value)
    return cldr.full_date(value)


@register.filter
def file_size(value):
    """A file's size in the page's language (12 kB, 1,5 MB), from CLDR; Django's
    |filesizeformat has no words for Somali, Kurmanji or Tigrinya."""
    if value is None:
        return ""
    return cldr.file_size(value)


@register.filter
def ltr(value):
    """Times and numbers kept left to right inside right-to-left text: <bdi dir="ltr"> on
    an Arabic, Persian or Sorani page, the value as it is on a left-to-right one."""
    if translation.get_language_bidi():
        return format_html('<bdi dir="ltr">{}</bdi>', value)
    return conditional_escape(value)
