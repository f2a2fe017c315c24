"""/api/hsds/: every endpoint answers with and without the trailing slash (the HSDS API
reference writes them without), and any other address gets a JSON 404."""

from django.urls import path, re_path

from support import api

app_name = "hsds"


urlpatterns = [
    path("", api.root, name="root"),
    re_path(r"^openapi\.json$", api.openapi_document, name="openapi"),
    re_path(r"^services/?$", api.services, name="services"),
    re_path(r"^services/(?P<id>[^/]+)/?$", api.service, name="service"),
    re_path(r"^organizations/?$", api.organizations, name="organizations"),
    re_path(r"^organizations/(?P<id>[^/]+)/?$", api.organization, name="organization"),
    re_path(r"^service_at_locations/?$", api.service_at_locations, name="service_at_locations"),
    re_path(r"^service_at_locations/(?P<id>[^/]+)/?$", api.service_at_location, name="service_at_location"),
    re_path(r"^taxonomies/?$", api.taxonomies, name="taxonomies"),
    re_path(r"^taxonomies/(?P<id>[^/]+)/?$", api.taxonomy, name="taxonomy"),
    re_path(r"^taxonomy_terms/?$", api.taxonomy_terms, name="taxonomy_terms"),
    re_path(r"^taxonomy_terms/(?P<id>[^/]+)/?$", api.taxonomy_term, name="taxonomy_term"),
    re_path(r"^(?P<path>.*)$", api.unknown_path, name="unknown"),
]
