import pytest
from django.core.exceptions import ValidationError

from support.models import Language, PhoneNumber


@pytest.mark.parametrize(
    ("typed", "shown", "href"),
    [
        ("020-100 200", "020-100 200", "tel:+4620100200"),
        ("020100200", "020-100 200", "tel:+4620100200"),
        ("+46 20 100 200", "020-100 200", "tel:+4620100200"),
        ("0201 00 200", "020-100 200", "tel:+4620100200"),  # grouped wrongly: regrouped
        ("033-35 70 00", "033-35 70 00", "tel:+4633357000"),  # the organisation's own grouping is kept
        ("0812345678", "08-123 456 78", "tel:+46812345678"),
        ("0701234567", "070-123 45 67", "tel:+46701234567"),
        ("112", "112", "tel:112"),
        ("11414", "114 14", "tel:11414"),
        ("114 14", "114 14", "tel:11414"),
    ],
)
def test_numbers_are_shown_the_swedish_way_and_linked_without_spaces(typed, shown, href):
    phone = PhoneNumber(number=typed)

    assert phone.display == shown
    assert phone.tel_href == href


@pytest.mark.parametrize("typed", ["123abc", "", "0", "020-1", "+999 1234"])
def test_a_number_that_cannot_be_called_is_refused(typed):
    with pytest.raises(ValidationError) as error:
        PhoneNumber(number=typed).clean()

    assert "number" in error.value.message_dict


def test_a_language_code_is_stored_in_lower_case():
    language = Language(code=" AR ", name="Arabiska")
    language.clean()

    assert language.code == "ar"


@pytest.mark.parametrize("code", ["a", "arab", "1a", "å"])
def test_a_language_code_must_be_two_or_three_letters(code):
    with pytest.raises(ValidationError):
        Language(code=code, name="X").clean()
