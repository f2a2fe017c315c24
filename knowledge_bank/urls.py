from django.urls import path

from knowledge_bank import views

app_name = "knowledge_bank"
urlpatterns = [
    path("", views.index, name="index"),
]
