from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from cks_portal import search as site_search
from cks_portal.models import Page
from knowledge_bank.views import home_context as knowledge_bank_home
from news.views import home_context as news_home
from support.views import home_context as support_home

SEARCH_RESULTS_PER_GROUP = 5


def home(request):
    context = {"about": Page.objects.published().filter(slug="om-oss").only("slug").first()}
    # Each app contributes its own box: support lines, news and events, featured publications.
    for app_context in (support_home, news_home, knowledge_bank_home):
        context.update(app_context(request))
    return render(request, "cks_portal/home.html", context)


def page_detail(request, slug):
    page = get_object_or_404(Page.objects.published().select_related("updated_by"), slug=slug)
    breadcrumbs = [(page.get_absolute_url(), page.t.title)]
    return render(request, "cks_portal/page_detail.html", {"page": page, "breadcrumbs": breadcrumbs})


def search(request):
    """Site-wide search: each app's provider contributes a group (see cks_portal.search)."""
    query = site_search.clean_query(request.GET.get("q", ""))
    groups = site_search.site_results(query, limit=SEARCH_RESULTS_PER_GROUP) if query else []
    breadcrumbs = [(request.path, _("Search"))]
    return render(
        request,
        "cks_portal/search.html",
        {
            "query": query,
            "groups": groups,
            "query_max_length": site_search.QUERY_MAX_LENGTH,
            "breadcrumbs": breadcrumbs,
        },
    )


@require_GET
def robots_txt(request):
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /en/admin/",
        f"Sitemap: {sitemap_url}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def server_error(request):
    """A 500 page that needs no database and no context processors."""
    from django.template import loader

    template = loader.get_template("500.html")
    return HttpResponse(
        template.render({"site_name": settings.SITE_NAME, "title": _("Server error")}), status=500
    )
