from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from cks_portal.core import i18n
from cks_portal.pages import selectors
from cks_portal.pages.models import EASY_READ_PREFIX, EASY_READ_SLUG


def page_detail(request, slug):
    page = selectors.published_page(slug)
    if page is None:
        raise Http404
    if page.is_easy_read:
        # Easy-to-read Swedish has one address, without a language prefix.
        return redirect(page.get_absolute_url(), permanent=True)
    breadcrumbs = [(page.get_absolute_url(), page.t.title)]
    context = {"page": page, "breadcrumbs": breadcrumbs, "page_languages": i18n.languages_of(page, "title")}
    return render(request, "cks_portal/page_detail.html", context)


def easy_read(request, slug=None):
    """An easy-to-read Swedish (lättläst) page: /lattlast/ and /lattlast/<slug>/ show the
    pages "lattlast" and "lattlast-<slug>", which staff edit like any other page."""
    page = selectors.published_page(f"{EASY_READ_PREFIX}{slug}" if slug else EASY_READ_SLUG)
    if page is None:
        raise Http404
    breadcrumbs = [(page.get_absolute_url(), page.t.title)]
    if slug:
        breadcrumbs.insert(0, (reverse("easy_read"), "Lättläst"))
    # Lättläst is Swedish: the page has no other language to offer.
    context = {"page": page, "breadcrumbs": breadcrumbs, "page_languages": [i18n.DEFAULT_LANGUAGE]}
    return render(request, "cks_portal/page_detail.html", context)


def home_context(request):
    # The home page links to "About us" when it is published.
    return {"about": selectors.about_page()}
