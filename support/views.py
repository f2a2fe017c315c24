from django.shortcuts import render


def index(request):
    return render(request, "support/index.html")


def home_context(request):
    """What the home page shows from this app."""
    return {}
