from django.shortcuts import render


def index(request):
    return render(request, "news/index.html")


def calendar(request):
    return render(request, "news/calendar.html")


def home_context(request):
    """What the home page shows from this app."""
    return {}
