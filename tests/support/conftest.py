import pytest

from tests.factories import make_orostelefon, make_support_lines


@pytest.fixture
def orostelefon(db):
    """The orostelefon alone (tests.factories.make_orostelefon)."""
    return make_orostelefon()


@pytest.fixture
def lines(db):
    """Four lines of different kinds, by slug (tests.factories.make_support_lines)."""
    return make_support_lines()
