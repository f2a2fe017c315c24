import pytest

from cks_portal.pages.models import Page


def make_page(slug="om-oss", title="Om oss", **fields):
    """An editable page, Swedish only unless English fields are given."""
    return Page.objects.create(slug=slug, title=title, **{"body": "<p>Text.</p>", **fields})


@pytest.fixture
def about_page(db):
    """The about page in Swedish and English, for tests that need one real page."""
    return make_page(title_en="About us", body_en="<p>Text.</p>")
