from django.urls import path

from news import feeds, views

app_name = "news"
urlpatterns = [
    path("nyheter/", views.index, name="index"),
    path("nyheter/rss/", feeds.LatestNewsFeed(), name="rss"),
    path("nyheter/atom/", feeds.LatestNewsAtomFeed(), name="atom"),
    path("nyheter/<slug:slug>/", views.detail, name="detail"),
    path("kalender/", views.calendar, name="calendar"),
    path("kalender/kalender.ics", views.calendar_ics, name="calendar_ics"),
    path("kalender/tidigare/", views.past_events, name="past_events"),
    path("kalender/<slug:slug>.ics", views.event_ics, name="event_ics"),
    path("kalender/<slug:slug>/", views.event_detail, name="event"),
    path("kalender/<slug:slug>/anmalan/", views.register, name="register"),
    # Before the personal links: "skickad" is no token (a token always holds a ":").
    path("kalender/<slug:slug>/anmalan/skickad/", views.registration_sent, name="registration_sent"),
    path("kalender/<slug:slug>/anmalan/<str:token>/", views.registration_status, name="registration"),
    path(
        "kalender/<slug:slug>/anmalan/<str:token>/avboka/",
        views.registration_cancel,
        name="registration_cancel",
    ),
]
