from datetime import timedelta

import pytest
from django.utils import timezone

from news.models import Event, NewsItem, State


def make_news(slug="nyhet", days_ago=1, state=State.PUBLISHED, **extra):
    return NewsItem.objects.create(
        slug=slug,
        title=extra.pop("title", f"Nyhet {slug}"),
        lead=extra.pop("lead", "En kort ingress."),
        body=extra.pop("body", "<p>Brödtext.</p>"),
        state=state,
        publish_at=timezone.now() - timedelta(days=days_ago),
        **extra,
    )


def make_event(slug="seminarium", days_ahead=10, state=State.PUBLISHED, **extra):
    start = timezone.now() + timedelta(days=days_ahead)
    return Event.objects.create(
        slug=slug,
        title=extra.pop("title", f"Evenemang {slug}"),
        summary="Kort sammanfattning.",
        start=start,
        end=start + timedelta(hours=6),
        state=state,
        publish_at=extra.pop("publish_at", timezone.now() - timedelta(days=1)),
        **extra,
    )


@pytest.fixture
def news_factory(db):
    return make_news


@pytest.fixture
def event_factory(db):
    return make_event
