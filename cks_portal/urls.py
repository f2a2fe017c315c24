from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import index as sitemap_index
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from cks_portal.core import registry, two_factor, views
from cks_portal.core.media import serve_media
from cks_portal.pages import views as pages_views
from knowledge_bank import oai_views

# Every app registers its sitemap sections in AppConfig.ready(), which has run by now.
sitemaps = registry.sitemaps()

handler500 = "cks_portal.core.views.server_error"

urlpatterns = [
    path("admin/2fa/", two_factor.verify, name="two_factor_verify"),
    path("admin/2fa/setup/", two_factor.setup, name="two_factor_setup"),
    path("admin/", admin.site.urls),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    # An index of paged section sitemaps: one file of every URL passed the protocol's 50,000
    # and cost seconds to build (I18nSitemap.limit keeps each page small).
    path(
        "sitemap.xml",
        sitemap_index,
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap-section"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("api/hsds/", include("support.api_urls")),
    # OAI-PMH for harvesters of the knowledge bank: one address, no language prefix.
    path("oai/", oai_views.endpoint, name="oai"),
    path("favicon.ico", views.favicon),
    # Easy-to-read Swedish is Swedish whatever the visitor's language: no language prefix.
    path("lattlast/", pages_views.easy_read, name="easy_read"),
    path("lattlast/<slug:slug>/", pages_views.easy_read, name="easy_read_page"),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("stod/", include("support.urls")),
    path("", include("news.urls")),
    path("kunskapsbank/", include("knowledge_bank.urls")),
    path("sok/", views.search, name="search"),
    path("sok/forslag/", views.search_suggestions, name="search_suggestions"),
    path("<slug:slug>/", pages_views.page_detail, name="page"),
    prefix_default_language=False,
)

if settings.STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage":
    urlpatterns.append(re_path(r"^media/(?P<path>.+)$", serve_media, name="media"))
