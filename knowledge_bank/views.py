from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from cks_portal.core import i18n, limits, page_cache
from knowledge_bank import citations, selectors
from knowledge_bank.models import Publication
from knowledge_bank.search import PublicationSearch, credits_prefetch

RELATED_COUNT = 4
FEATURED_COUNT = 6


@page_cache.reads_ahead
def index(request):
    publication_search = PublicationSearch(request.GET, page_size=settings.KNOWLEDGE_BANK_PAGE_SIZE)
    # The facets first: they count the words' matches, so with filters chosen they are counted
    # while the filtered walk still runs beside (core.beside), which the page then waits for.
    facets = publication_search.facets()
    context = {
        "search": publication_search,
        "page_obj": publication_search.page(),
        "facets": facets,
        "featured": []
        if publication_search.is_active
        else list(
            selectors.featured().only("title", "slug", "year", "type", "publisher", "language")[
                :FEATURED_COUNT
            ]
        ),
        "breadcrumbs": [(reverse("knowledge_bank:index"), _("Knowledge bank"))],
    }
    return render(request, "knowledge_bank/index.html", context)


def detail(request, slug):
    publication = get_object_or_404(
        Publication.objects.published()
        .defer("file_text", "search_vector")
        .prefetch_related(credits_prefetch(), "topics"),
        slug=slug,
    )
    related = (
        Publication.objects.published()
        .sharing_topics_with(publication)
        .only("title", "subtitle", "slug", "year", "type", "language")
        .order_by("-year", "title")[:RELATED_COUNT]
    )
    context = {
        "publication": publication,
        "related": list(related),
        "breadcrumbs": [
            (reverse("knowledge_bank:index"), _("Knowledge bank")),
            (publication.get_absolute_url(), publication.title),
        ],
        "formats": citations.FORMATS,
        "page_languages": i18n.languages_of(publication, "summary"),
    }
    return render(request, "knowledge_bank/detail.html", context)


def download(request, slug):
    publication = get_object_or_404(Publication.objects.published().only("slug", "file"), slug=slug)
    if not publication.file:
        raise Http404
    try:
        handle = publication.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        handle, content_type="application/pdf", as_attachment=True, filename=f"{publication.slug}.pdf"
    )


def _export_response(text, fmt, name):
    media_type, extension = citations.FORMATS[fmt]
    response = HttpResponse(text, content_type=media_type)
    response["Content-Disposition"] = f'attachment; filename="{name}.{extension}"'
    return response


def export_publication(request, slug, fmt):
    if fmt not in citations.FORMATS:
        raise Http404
    publication = get_object_or_404(
        Publication.objects.published()
        .defer("file_text", "search_vector")
        .prefetch_related(credits_prefetch(), "topics"),
        slug=slug,
    )
    return _export_response(citations.RENDERERS[fmt]([publication], request), fmt, publication.slug)


def export_results(request, fmt):
    """The current result list (same URL parameters as the search page), at most limits.EXPORT_MAX."""
    if fmt not in citations.FORMATS:
        raise Http404
    publications = PublicationSearch(request.GET).for_export(limits.EXPORT_MAX)
    return _export_response(citations.RENDERERS[fmt](publications, request), fmt, "kunskapsbank")


def home_context(request):
    """What the home page shows from this app: the first of the featured selection."""
    return {"featured_publications": selectors.featured_for_home(4)}
