"""The pages a resident uses speak each of the seven newer languages (issue 16, point 3).

Every interface string a page asks gettext for while it renders is recorded, with the answer
the active catalogue gave; a string that comes back as its English msgid is untranslated.
Strings with no letters outside their placeholders ("%(day)s %(time)s") may stay as they are.
Content (names, descriptions, page bodies) is data, not gettext, and is not looked at here.
"""

import re
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import trans_real

from cks_portal.core import cldr
from news.models import Event
from tests.html import elements

RESIDENT_LANGUAGES = ["fi", "ar", "so", "fa", "ckb", "kmr", "ti"]
RTL = {"ar", "fa", "ckb"}
RESIDENT_PATHS = [
    "",
    "stod/",
    "stod/?language=ar",
    "stod/?audience=anhoriga",
    "stod/orostelefonen/",
    "stod/112/",
    "stod/polisen-114-14/",
    "stod/boras-stad-socialtjansten/",
    "om-oss/",
    "tillganglighet/",
    "personuppgifter/",
    "kalender/",
    "kalender/tidigare/",
    # The demo's events (news/demo.py): one to come, with a registration form and a
    # programme, and one long past.
    "kalender/kunskapsseminarium-forebyggande-av-valdsbejakande-extremism/",
    "kalender/forum-mot-extremism-2016/",
    # The registration form its button leads to, and the page after sending it.
    "kalender/kunskapsseminarium-forebyggande-av-valdsbejakande-extremism/anmalan/",
    "kalender/kunskapsseminarium-forebyggande-av-valdsbejakande-extremism/anmalan/skickad/",
    "nyheter/",
    # A news item with a photo caption and credit, and one with a byline and a source.
    "nyheter/kanadensiskt-besok-studerar-boras-arbete/",
    "nyheter/forum-mot-extremism-samverkan-i-fokus/",
    # Results in every group; no result but "Did you mean"; nothing at all.
    "sok/?q=radikalisering",
    "sok/?q=radikaliserng",
    "sok/?q=qwxzyv",
    "kunskapsbank/",
    # A search with a filter chosen, and one that finds nothing.
    "kunskapsbank/?q=radikalisering&topic=radikalisering",
    "kunskapsbank/?q=qwxzyv",
]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


@contextmanager
def recorded_gettext(language):
    """The msgids that `language`'s own catalogues lack, asked for while the block runs.

    Django answers a string missing from a language's catalogues from the default language's
    (Swedish), so a missing translation shows Swedish, not the English msgid: the answer alone
    does not tell, the catalogue does."""
    missing = []
    original = {name: trans_real.DjangoTranslation.__dict__.get(name) for name in ("gettext", "ngettext")}
    gettext, ngettext = trans_real.DjangoTranslation.gettext, trans_real.DjangoTranslation.ngettext

    def own(translation):
        return translation.language() == language and translation._catalog is not None

    def recording_gettext(self, message):
        if self.language() == language and not (own(self) and message in self._catalog):
            missing.append(message)
        return gettext(self, message)

    def recording_ngettext(self, singular, plural, number):
        if self.language() == language:
            try:
                self._catalog.plural(singular, number)
            except (KeyError, AttributeError):
                missing.append(singular)
        return ngettext(self, singular, plural, number)

    trans_real.DjangoTranslation.gettext = recording_gettext
    trans_real.DjangoTranslation.ngettext = recording_ngettext
    try:
        yield missing
    finally:
        for name, function in original.items():
            if function is None:
                delattr(trans_real.DjangoTranslation, name)
            else:
                setattr(trans_real.DjangoTranslation, name, function)


def needs_translation(msgid):
    text = PLACEHOLDER.sub("", msgid.split("\x04")[-1])
    return any(character.isalpha() for character in text)


def untranslated(client, language, path):
    with recorded_gettext(language) as missing:
        response = client.get(f"/{language}/{path}")
    assert response.status_code == 200, path
    return response, sorted({msgid for msgid in missing if needs_translation(msgid)})


def test_the_recorder_finds_a_string_without_translation(client, demo, settings):
    """Guards the check itself: a language whose catalogues are empty shows every string."""
    _response, missing = untranslated(client, "en", "stod/")
    assert "Support and advice" in missing
    assert "In acute danger, call 112." in missing


@pytest.mark.parametrize("language", RESIDENT_LANGUAGES)
def test_no_resident_page_shows_an_untranslated_interface_string(client, demo, language):
    found = []
    for path in RESIDENT_PATHS:
        response, missing = untranslated(client, language, path)
        html = response.content.decode()
        assert elements(html, "html", lang=language), path
        found += [f"/{language}/{path}: {msgid!r}" for msgid in missing]
    assert not found, "Untranslated interface strings:\n" + "\n".join(found)


@pytest.mark.parametrize("language", RESIDENT_LANGUAGES)
def test_the_registration_form_says_what_is_missing_in_the_language(client, demo, language):
    path = f"/{language}/kalender/kunskapsseminarium-forebyggande-av-valdsbejakande-extremism/anmalan/"
    with recorded_gettext(language) as missing:
        response = client.post(path, {"email": "not an address"})

    assert response.status_code == 400  # the form again, with its errors
    assert elements(response.content.decode(), "p", class_="invalid-feedback")
    assert not sorted({msgid for msgid in missing if needs_translation(msgid)})


@pytest.mark.parametrize("language", ["so", "kmr", "ti"])
def test_an_event_page_writes_dates_and_sizes_in_the_language_django_has_no_words_for(client, demo, language):
    """Django has no catalogue for Somali, Kurmanji or Tigrinya, so its |date and
    |filesizeformat would fall back to Swedish month names and sizes: the event page takes
    them from CLDR."""
    event = Event.objects.get(slug="kunskapsseminarium-forebyggande-av-valdsbejakande-extremism")
    html = client.get(f"/{language}/kalender/{event.slug}/").content.decode()

    with translation.override(language):
        assert cldr.full_date(timezone.localtime(event.start)) in html
        assert cldr.long_date(event.registration_deadline) in html
        assert cldr.file_size(event.programme.size) in html


@pytest.mark.parametrize("language", RESIDENT_LANGUAGES)
def test_the_page_direction_follows_the_language(client, demo, language):
    html = client.get(f"/{language}/stod/").content.decode()

    expected = "rtl" if language in RTL else "ltr"
    assert elements(html, "html", lang=language, dir=expected)


# CLDR's plural categories as gettext counts them: Arabic has six forms, the others two.
NPLURALS = {"fi": 2, "ar": 6, "so": 2, "fa": 2, "ckb": 2, "kmr": 2, "ti": 2}


@pytest.mark.parametrize("catalogue", ["locale", "support/locale", "news/locale", "knowledge_bank/locale"])
def test_every_resident_catalogue_says_it_is_unreviewed_and_has_its_plural_rule(catalogue):
    for code in RESIDENT_LANGUAGES:
        po = (settings.BASE_DIR / catalogue / code / "LC_MESSAGES" / "django.po").read_text()
        header = po.split("\n\n")[0]
        assert "UNREVIEWED" in header, f"{catalogue} {code}"
        assert f'"Language: {code}\\n"' in header, f"{catalogue} {code}"
        assert f"nplurals={NPLURALS[code]};" in header, f"{catalogue} {code}"


def test_the_site_offers_the_nine_languages():
    assert [code for code, _name in settings.LANGUAGES] == ["sv", "en", *RESIDENT_LANGUAGES]
