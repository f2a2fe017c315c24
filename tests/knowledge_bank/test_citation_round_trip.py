"""Every demo publication, exported in each citation format, read back by the tools people
cite with: pybtex and bibtexparser (BibTeX), rispy (RIS), citeproc-py with the APA style
(CSL-JSON), and the CSL-JSON schema. Each reading must give the record's authors, year, title
and type (issue 18).

The demo is the data here on purpose: the issue asks for every demo publication. The
reference files (APA style, CSL schemas) are in tests/knowledge_bank/csl/, see SOURCE.txt.
"""

import calendar
import json
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import rispy
from bibtexparser.bparser import BibTexParser
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from django.urls import reverse
from pybtex.database import parse_string
from pybtex.richtext import Text

from knowledge_bank.demo import PUBLICATIONS as DEMO_PUBLICATIONS
from knowledge_bank.models import Publication

CSL = Path(__file__).parent / "csl"

# What each kind of publication is called in each format: (BibTeX, RIS, CSL). Chosen so that a
# reference list shows the author, the year, the title and who issued it.
TYPES = {
    "report": ("techreport", "RPRT", "report"),
    "guide": ("manual", "RPRT", "report"),
    "policy": ("techreport", "GOVDOC", "report"),
    "article": ("article", "JOUR", "article-journal"),
    "book": ("book", "BOOK", "book"),
    "film": ("misc", "VIDEO", "motion_picture"),
    "web": ("misc", "ELEC", "webpage"),
}
BIBTEX, RIS, CSL_TYPE = 0, 1, 2


@pytest.fixture
def records(demo):
    """The published demo publications by slug, as the database has them."""
    published = Publication.objects.published().prefetch_related("credits__author")
    found = {publication.slug: publication for publication in published}
    assert set(found) == {data["slug"] for data in DEMO_PUBLICATIONS}
    return found


def _export(client, fmt):
    response = client.get(reverse("knowledge_bank:export_results", args=[fmt]))
    assert response.status_code == 200
    return response.content.decode()


def _authors(publication):
    return [(author.family_name, author.given_name) for author in publication.ordered_authors()]


def _match(records, found, title_of):
    """Pairs (record, entry), every record exactly once, matched by the full title."""
    by_title = {title_of(entry): entry for entry in found}
    assert len(by_title) == len(found) == len(records)
    return [(record, by_title[record.full_title]) for record in records.values()]


def test_pybtex_reads_every_publication_with_its_authors_year_title_and_type(client, records):
    database = parse_string(_export(client, "bibtex"), "bibtex")

    def title(entry):
        return Text.from_latex(entry.fields["title"]).render_as("text")

    for record, entry in _match(records, list(database.entries.values()), title):
        assert entry.type == TYPES[record.type][BIBTEX]
        names = []
        for person in entry.persons["author"]:
            family = " ".join(person.prelast_names + person.last_names)
            given = " ".join(person.first_names + person.middle_names)
            names.append((Text.from_latex(family).render_as("text"), given))
        assert names == _authors(record), record.slug
        assert entry.fields["year"] == str(record.year)
        if record.date:
            # The month macro, which pybtex expands to the month's name.
            assert entry.fields["month"] == calendar.month_name[record.date.month]
        issuer = {"techreport": "institution", "manual": "organization"}.get(entry.type, "publisher")
        assert entry.fields[issuer] == record.publisher


def test_bibtexparser_reads_every_publication_with_its_authors_year_title_and_type(client, records):
    parser = BibTexParser(common_strings=True)  # knows the month macros, as BibTeX does
    database = bibtexparser.loads(_export(client, "bibtex"), parser=parser)

    def title(entry):
        return entry["title"].strip("{}")

    for record, entry in _match(records, database.entries, title):
        assert entry["ENTRYTYPE"] == TYPES[record.type][BIBTEX]
        names = []
        for name in entry["author"].split(" and "):
            if name.startswith("{") and name.endswith("}"):
                names.append((name[1:-1], ""))  # an organisation: one name, as braced
            else:
                family, given = name.split(", ")
                names.append((family, given))
        assert names == _authors(record), record.slug
        assert entry["year"] == str(record.year)
        if record.date:
            assert entry["month"] == calendar.month_name[record.date.month]


def test_rispy_reads_every_publication_with_its_authors_year_title_and_type(client, records):
    found = rispy.loads(_export(client, "ris"))

    for record, entry in _match(records, found, lambda entry: entry["title"]):
        assert entry["type_of_reference"] == TYPES[record.type][RIS]
        # One AU line per author: an organisation's name whole, a person as "Family, Given".
        assert entry["authors"] == [a.citation_name for a in record.ordered_authors()]
        assert entry["year"] == str(record.year)
        assert entry["publisher"] == record.publisher
        if record.date:
            assert entry["date"] == record.date.strftime("%Y/%m/%d")


def test_the_csl_json_of_every_publication_is_valid_csl(client, records):
    items = json.loads(_export(client, "csl-json"))
    schema = json.loads((CSL / "csl-data.json").read_text())

    jsonschema.validate(items, schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    assert len(items) == len(records)


def _apa_author(family, given):
    """An author as APA writes them in a reference list: "Lindqvist, M." or the organisation."""
    if not given:
        return family
    return f"{family}, {'. '.join(part[0] for part in given.split())}."


def test_apa_shows_the_author_year_title_and_publisher_of_every_publication(client, records):
    items = json.loads(_export(client, "csl-json"))
    style = CitationStylesStyle(str(CSL / "apa.csl"), validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = {
        str(entry.reference.title): (entry.reference.type, str(text))
        for entry, text in zip(bibliography.items, bibliography.bibliography(), strict=True)
    }

    assert len(rendered) == len(records)
    for record in records.values():
        csl_type, text = rendered[record.full_title]
        assert csl_type == TYPES[record.type][CSL_TYPE], record.slug
        authors = [_apa_author(family, given) for family, given in _authors(record)]
        position = 0
        for author in authors:  # each author, in order
            position = text.index(author, position) + len(author)
        assert f"({record.year})." in text
        assert record.full_title in text
        # The publisher, or for a web page the site, which APA prints in its place.
        assert record.publisher in text.split(record.full_title, 1)[1], text
