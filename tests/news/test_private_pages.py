"""Defect 10: a person's registration pages are theirs alone: not kept in the shared page
cache, and marked for browsers and proxies as private and not to be stored."""

from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.utils import timezone

from news import registration as reg
from news.models import RegistrationMode
from tests.factories import make_event


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300  # the cache itself starts empty (tests/conftest.py)


def test_the_personal_registration_pages_are_never_cached(client, db, page_cache):
    event = make_event(
        registration_mode=RegistrationMode.FORM,
        capacity=5,
        registration_deadline=timezone.localdate() + timedelta(days=5),
    )
    registration, _ = reg.register(
        RequestFactory().get("/"), event, name="Anna Åberg", email="anna@example.se", organisation="O"
    )

    for url in (reg.status_url(registration), reg.cancel_url(registration)):
        first = client.get(url)
        second = client.get(url)

        assert first.status_code == second.status_code == 200
        assert second.get("X-Page-Cache") != "hit", url
        for response in (first, second):
            directives = {d.strip() for d in response["Cache-Control"].split(",")}
            assert {"private", "no-store"} <= directives, url
    # The page anyone may read is still cached.
    client.get(event.get_absolute_url())
    assert client.get(event.get_absolute_url())["X-Page-Cache"] == "hit"
