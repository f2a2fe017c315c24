import pytest

from tests.factories import make_page


@pytest.fixture
def about_page(db):
    """The about page in Swedish and English, for tests that need one real page."""
    return make_page(title_en="About us", body_en="<p>Text.</p>")
