from django.shortcuts import render


def index(request):
    return render(request, "news/index.html")


def calendar(request):
    return render(request, "news/calendar.html")
