import pytest

from tests.factories import make_event, make_news


@pytest.fixture
def news_factory(db):
    return make_news


@pytest.fixture
def event_factory(db):
    return make_event


# The vendored W3C Feed Validator (validators/SOURCE.txt) holds a module named like a test.
collect_ignore_glob = ["validators/*"]
