"""Support lines in the site search: the stored vector follows every edit."""

from support.search import site_results
from tests.factories import make_contact


def titles(query):
    return [result.title for result in site_results(query, 5).results]


def test_a_line_is_found_by_a_word_in_its_description_and_follows_edits(db):
    contact = make_contact(
        "stodlinjen", name="Stödlinjen", description="<p>Vi svarar på frågor om avhopp.</p>"
    )

    assert titles("avhopp") == ["Stödlinjen"]

    contact.description = "<p>Vi svarar på frågor om gängkriminalitet.</p>"
    contact.save()

    assert titles("avhopp") == []
    assert titles("gängkriminalitet") == ["Stödlinjen"]


def test_an_inactive_line_is_not_found(db):
    make_contact("vilande", name="Vilande linje", summary="Avhopp.", is_active=False)

    assert titles("avhopp") == []
