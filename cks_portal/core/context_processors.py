from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.translation import check_for_language, get_language, get_language_info

from cks_portal.core import limits, phone, registry


def _section_path(path):
    """The request path without a language prefix, so /en/stod/ and /stod/ compare equal."""
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if path.startswith(prefix):
            return path[len(prefix) - 1 :]
    return path


def _paths_by_language(path):
    """{code: the request's path in that language} for every site language. The URL patterns
    differ between languages only by the prefix, so two translate_url calls (each resolves the
    path) decide whether the path is one of the prefixed patterns; nine calls cost a page
    about a millisecond (bench/profile_pages.py)."""
    codes = [code for code, _name in settings.LANGUAGES]
    default = settings.LANGUAGE_CODE
    probe = next(code for code in codes if code != default)
    unprefixed = translate_url(path, default)
    if translate_url(path, probe) == f"/{probe}{unprefixed}":
        return {code: unprefixed if code == default else f"/{code}{unprefixed}" for code in codes}
    return {code: translate_url(path, code) for code in codes}


def site(request):
    current = get_language() or settings.LANGUAGE_CODE
    path = request.path
    query = request.META.get("QUERY_STRING", "")
    alternates = []
    paths = _paths_by_language(path)
    for code, name in settings.LANGUAGES:
        # LocaleMiddleware accepts a language's URL prefix only once a compiled catalogue
        # exists for it; until then its pages answer 404, so they are not offered.
        if not check_for_language(code):
            continue
        url = paths[code]
        if query:
            url = f"{url}?{query}"
        alternates.append(
            {
                "code": code,
                "name": name,
                "name_local": get_language_info(code)["name_local"],
                "url": url,
                # hreflang alternates must be absolute (docs/architecture.md).
                "absolute_url": request.build_absolute_uri(url),
                "current": code == current,
                # The default language's address, without a prefix, is the x-default.
                "is_default": code == settings.LANGUAGE_CODE,
            }
        )
    section = _section_path(path)
    return {
        "site_name": settings.SITE_NAME,
        "site_organisation": settings.SITE_ORGANISATION,
        "site_contact_email": settings.SITE_CONTACT_EMAIL,
        "site_contact_phone": settings.SITE_CONTACT_PHONE,
        # The same rule as the support pages' numbers: E.164 in the link ("tel:+4633357000").
        "site_contact_phone_href": phone.tel_href(settings.SITE_CONTACT_PHONE),
        "language_alternates": alternates,
        # Every search box stops where the search stops reading (search.clean_query).
        "query_max_length": limits.QUERY_MAX_LENGTH,
        "main_navigation": [
            {
                "href": reverse(entry.url_name, kwargs=entry.kwargs),
                "label": entry.label,
                "current": section.startswith(entry.prefix),
            }
            for entry in registry.navigation()
        ],
    }
