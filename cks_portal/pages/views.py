from django.http import Http404
from django.shortcuts import render

from cks_portal.pages import selectors


def page_detail(request, slug):
    page = selectors.published_page(slug)
    if page is None:
        raise Http404
    breadcrumbs = [(page.get_absolute_url(), page.t.title)]
    return render(request, "cks_portal/page_detail.html", {"page": page, "breadcrumbs": breadcrumbs})


def home_context(request):
    # The home page links to "About us" when it is published.
    return {"about": selectors.about_page()}
