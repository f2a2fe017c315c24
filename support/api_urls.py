from django.urls import path

from support import api

app_name = "hsds"
urlpatterns = [
    path("", api.root, name="root"),
    path("services/", api.services, name="services"),
    path("services/<str:id>/", api.service, name="service"),
    path("organizations/", api.organizations, name="organizations"),
    path("organizations/<str:id>/", api.organization, name="organization"),
]
