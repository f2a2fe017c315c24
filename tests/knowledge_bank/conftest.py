import pytest

from tests import factories


@pytest.fixture
def topics(db):
    names = {
        "radikalisering": "Radikalisering",
        "hedersrelaterat-vald": "Hedersrelaterat våld",
        "organiserad-brottslighet": "Organiserad brottslighet",
    }
    return {slug: factories.make_topic(slug, name) for slug, name in names.items()}


@pytest.fixture
def make_publication(db):
    """tests.factories.make_publication as a fixture, with the database open."""
    return factories.make_publication
