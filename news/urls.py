from django.urls import path

from news import views

app_name = "news"
urlpatterns = [
    path("nyheter/", views.index, name="index"),
    path("kalender/", views.calendar, name="calendar"),
]
