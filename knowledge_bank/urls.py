from django.urls import path

from knowledge_bank import views

app_name = "knowledge_bank"
urlpatterns = [
    path("", views.index, name="index"),
    path("export/<str:fmt>/", views.export_results, name="export_results"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/fil/", views.download, name="download"),
    path("<slug:slug>/export/<str:fmt>/", views.export_publication, name="export"),
]
