import functools
from types import MappingProxyType

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import reverse, translate_url
from django.utils.text import capfirst
from django.utils.translation import check_for_language, get_language, get_language_info

from cks_portal.core import cldr, limits, page_cache, phone, registry

# The query parameters that make a different page of the same address rather than a view of
# it: a list's page number. Filters, searches and sort orders are views of a list, and its
# canonical address is the list itself (docs/sharing.md).
CANONICAL_PARAMETERS = ("page",)


def _section_path(path):
    """The request path without a language prefix, so /en/stod/ and /stod/ compare equal."""
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if path.startswith(prefix):
            return path[len(prefix) - 1 :]
    return path


def _paths_by_language(path):
    """{code: the request's path in that language} for every site language (remembered per
    path and active language: `_paths_for`)."""
    return _paths_for(path, get_language())


# Addresses kept per process: what a page links to in each language depends only on the path,
# the active language (which decides whether a prefixed path resolves) and the URLconf, yet
# working it out cost 0.15 ms a request, 5 % of a news item (bench/profile_pages.py). Bounded,
# since a crawler can make up any number of paths; a changed setting forgets them.
PATHS_KEPT = 4096


@functools.lru_cache(maxsize=PATHS_KEPT)
def _paths_for(path, active_language):
    """The URL patterns differ between languages only by the prefix, so two translate_url
    calls (each resolves the path) decide whether the path is one of the prefixed patterns;
    nine calls cost a page about a millisecond (bench/profile_pages.py). The caller passes
    the active language, which translate_url reads, so that it is part of the key."""
    codes = [code for code, _name in settings.LANGUAGES]
    default = settings.LANGUAGE_CODE
    probe = next(code for code in codes if code != default)
    unprefixed = translate_url(path, default)
    if translate_url(path, probe) == f"/{probe}{unprefixed}":
        paths = {code: unprefixed if code == default else f"/{code}{unprefixed}" for code in codes}
    else:
        paths = {code: translate_url(path, code) for code in codes}
    return MappingProxyType(paths)  # shared by every request for the path: read-only


@receiver(setting_changed)
def _forget_paths(*, setting, **kwargs):
    if setting in {"ROOT_URLCONF", "LANGUAGES", "LANGUAGE_CODE"}:
        _paths_for.cache_clear()


@functools.cache
def _language_info():
    """{code: get_language_info(code)} for every site language: settings, read once."""
    return {code: get_language_info(code) for code, _name in settings.LANGUAGES}


def canonical_query(request):
    """The part of the query string that the page's canonical address keeps: `page=N` (N > 1)
    of a list that is not filtered; nothing for anything else."""
    params = request.GET
    if not params or set(params) - set(CANONICAL_PARAMETERS):
        return ""
    # Compared as text: int() of a long enough string of digits raises.
    page = params.get("page", "").lstrip("0")
    return f"page={page}" if page.isascii() and page.isdigit() and page != "1" else ""


def site(request):
    current = get_language() or settings.LANGUAGE_CODE
    path = request.path
    query = request.META.get("QUERY_STRING", "")
    canonical = canonical_query(request)
    alternates = []
    paths = _paths_by_language(path)
    info = _language_info()
    for code, name in settings.LANGUAGES:
        # LocaleMiddleware accepts a language's URL prefix only once a compiled catalogue
        # exists for it; until then its pages answer 404, so they are not offered.
        if not check_for_language(code):
            continue
        translated = paths[code]
        # The language switch keeps the reader's filters; hreflang names canonical addresses.
        url = f"{translated}?{query}" if query else translated
        absolute = translated + (f"?{canonical}" if canonical else "")
        alternates.append(
            {
                "code": code,
                "name": name,
                # What the switch prints: the name in itself, capitalised, and its direction.
                "label": capfirst(info[code]["name_local"]),
                "bidi": info[code]["bidi"],
                "url": url,
                # hreflang alternates must be absolute (docs/architecture.md).
                "absolute_url": request.build_absolute_uri(absolute),
                "current": code == current,
                # The default language's address, without a prefix, is the x-default.
                "is_default": code == settings.LANGUAGE_CODE,
            }
        )
    section = _section_path(path)
    # The current section's prefix: with the language, all that the menu's rendering depends
    # on (templates/base.html keeps it rendered by those two).
    current_section = next(
        (entry.prefix for entry in registry.navigation() if section.startswith(entry.prefix)), ""
    )
    return {
        "site_name": settings.SITE_NAME,
        "site_organisation": settings.SITE_ORGANISATION,
        "site_contact_email": settings.SITE_CONTACT_EMAIL,
        "site_contact_phone": settings.SITE_CONTACT_PHONE,
        # The same rule as the support pages' numbers: E.164 in the link ("tel:+4633357000").
        "site_contact_phone_href": phone.tel_href(settings.SITE_CONTACT_PHONE),
        # rel=canonical and og:url: absolute, with only what identifies the page.
        "canonical_url": request.build_absolute_uri(path + (f"?{canonical}" if canonical else "")),
        "og_locale": cldr.og_locale(current),
        "language_alternates": alternates,
        # Every search box stops where the search stops reading (search.clean_query).
        "query_max_length": limits.QUERY_MAX_LENGTH,
        "navigation_section": current_section,
        # The content generation, for fragments kept until content changes (the cards); a
        # callable, so a page that keeps none never asks.
        "content_generation": page_cache.request_generation,
        # A callable, which the template calls only when it renders the menu.
        "main_navigation": lambda: [
            {
                "href": reverse(entry.url_name, kwargs=entry.kwargs),
                "label": entry.label,
                "current": entry.prefix == current_section,
            }
            for entry in registry.navigation()
        ],
    }
