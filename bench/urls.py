"""Every page of the site plus the benchmark's ceiling: a bare view returning 10 KB of HTML
under the same settings and middleware, what Django alone costs per request. Routed only by
bench/settings.py; the production URLconf knows nothing of it."""

from django.http import HttpResponse
from django.urls import path

from cks_portal.urls import urlpatterns as site_urlpatterns

_CEILING_HTML = "<!doctype html><title>Ceiling</title>" + "<p>" + "x" * 10_200 + "</p>"


def ceiling(request):
    return HttpResponse(_CEILING_HTML)


urlpatterns = [path("bench/ceiling/", ceiling), *site_urlpatterns]
