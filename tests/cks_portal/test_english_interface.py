"""The English interface is complete: no Swedish interface string on any /en/ page.

The Swedish strings come from the compiled catalogues (every app's and the root one). Content
that exists only in Swedish is allowed when it is marked with lang="sv", so text inside such
elements is left out, as are scripts and styles. Short strings are skipped: words like
"Kurdiska" or "Stäng" could honestly occur in English text or in names.
"""

import gettext
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings

from tests.conftest import sitemap_pages
from tests.html import elements

MIN_LENGTH = 12
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
READ_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder", "aria-description"}
EXTRA_PATHS = [
    "/en/sok/?q=extremism",
    "/en/kunskapsbank/?q=extremism",
    "/en/stod/?language=ar",
    "/en/finns-inte/",
    # News and events are in Swedish only and so not in the sitemap in English; their English
    # chrome is checked here.
    "/en/nyheter/studiebesok-fran-vracar/",
    "/en/kalender/kunskapsseminarium-forebyggande-av-valdsbejakande-extremism/",
]


def swedish_interface_strings():
    """Literal pieces (placeholders cut out) of every msgstr that differs from its msgid."""
    strings = set()
    for mo in settings.BASE_DIR.glob("**/locale/sv/LC_MESSAGES/django.mo"):
        if ".venv" in mo.parts:
            continue
        with mo.open("rb") as file:
            catalog = gettext.GNUTranslations(file)._catalog
        for msgid, msgstr in catalog.items():
            msgids = msgid if isinstance(msgid, tuple) else (msgid,)
            if not msgid or msgstr in msgids:
                continue
            for piece in re.split(r"%\(\w+\)[sd]|%[sd]|\{\w*\}|<[^>]+>", msgstr):
                piece = " ".join(piece.split()).strip(" .,:;–-")
                if len(piece) >= MIN_LENGTH:
                    strings.add(piece)
    return strings


class EnglishText(HTMLParser):
    """The text a reader meets on the page, without anything inside lang="sv"."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, hidden)
        self.parts = []

    @property
    def hidden(self):
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        hidden = self.hidden or tag in ("script", "style", "template") or attrs.get("lang") == "sv"
        if not hidden:
            self.parts += [value for name, value in attrs.items() if name in READ_ATTRIBUTES and value]
        if tag not in VOID:
            self.stack.append((tag, hidden))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)

    def text(self):
        return " ".join(" ".join(self.parts).split())


def english_paths(client):
    ns = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    paths = {
        urlsplit(loc.text).path
        for page in sitemap_pages(client)
        for loc in ET.fromstring(page).findall("sm:url/sm:loc", ns)  # noqa: S314 -- our own sitemap
    }
    return sorted(p for p in paths if p.startswith("/en/")) + EXTRA_PATHS


def test_the_catalogues_give_the_check_something_to_find():
    strings = swedish_interface_strings()
    assert "Hoppa till huvudinnehållet" in strings
    assert len(strings) > 100


def test_the_parser_leaves_out_text_marked_as_swedish():
    parser = EnglishText()
    parser.feed('<p>Open now</p><div lang="sv"><p>Öppet nu<br>stänger</p></div><img alt="A photo"><p>End')
    assert parser.text() == "Open now A photo End"


def test_no_english_page_shows_a_swedish_interface_string(client, demo):
    strings = swedish_interface_strings()
    found = []
    for path in english_paths(client):
        response = client.get(path)
        assert response.status_code in (200, 404), f"{path} answered {response.status_code}"
        assert elements(response.content, "html", lang="en"), path
        parser = EnglishText()
        parser.feed(response.content.decode())
        text = parser.text()
        found += [f"{path}: {string!r}" for string in sorted(strings) if string in text]

    assert not found, "Swedish interface strings on English pages:\n" + "\n".join(found)
