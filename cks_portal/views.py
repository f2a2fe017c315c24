from django.conf import settings
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from cks_portal.models import Page
from knowledge_bank.views import home_context as knowledge_bank_home
from news.views import home_context as news_home
from news.views import search_context as news_search
from support.views import home_context as support_home

SEARCH_QUERY_MAX_LENGTH = 200


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
    query = request.GET.get("q", "").replace("\x00", "").strip()[:SEARCH_QUERY_MAX_LENGTH]
    pages = []
    if query:
        pages = list(
            Page.objects.published()
            .filter(Q(title__icontains=query) | Q(lead__icontains=query) | Q(body__icontains=query))
            .only("title", "title_en", "slug", "lead", "lead_en")[:50]
        )
    breadcrumbs = [(request.path, _("Search"))]
    context = {"query": query, "pages": pages, "breadcrumbs": breadcrumbs}
    # Each app adds its own results section, found from its published content only.
    context.update(news_search(query))
    return render(request, "cks_portal/search.html", context)


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
