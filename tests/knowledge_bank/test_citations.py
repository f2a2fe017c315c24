import json

import bibtexparser
import pytest
import rispy
from django.urls import reverse


@pytest.fixture
def cited(make_publication, topics):
    return make_publication(
        "Radikalisering & {demokrati}",
        subtitle="En 100 % svensk studie_1",
        slug="radikalisering-demokrati",
        year=2021,
        publisher="Brå",
        isbn="",
        external_url="https://example.org/rapport",
        authors=[("Lindqvist", "Maria"), ("Brottsförebyggande rådet", "")],
        topics=[topics["radikalisering"]],
    )


def test_the_bibtex_export_parses_back(client, cited):
    response = client.get(reverse("knowledge_bank:export", args=[cited.slug, "bibtex"]))

    assert response["Content-Type"].startswith("application/x-bibtex")
    database = bibtexparser.loads(response.content.decode())
    entry = database.entries[0]
    assert entry["ENTRYTYPE"] == "techreport"
    assert entry["year"] == "2021"
    assert entry["author"] == "Lindqvist, Maria and {Brottsförebyggande rådet}"
    assert "Radikalisering \\& \\textbraceleft{}demokrati\\textbraceright{}" in entry["title"]


def test_the_ris_export_parses_back(client, cited):
    response = client.get(reverse("knowledge_bank:export", args=[cited.slug, "ris"]))

    [record] = rispy.loads(response.content.decode())
    assert record["type_of_reference"] == "RPRT"
    assert record["authors"] == ["Lindqvist, Maria", "Brottsförebyggande rådet"]
    assert record["title"] == "Radikalisering & {demokrati}: En 100 % svensk studie_1"
    assert record["year"] == "2021"
    assert record["keywords"] == ["Radikalisering"]


def test_the_csl_json_export_parses_back(client, cited):
    response = client.get(reverse("knowledge_bank:export", args=[cited.slug, "csl-json"]))

    [item] = json.loads(response.content)
    assert item["type"] == "report"
    assert item["author"] == [
        {"family": "Lindqvist", "given": "Maria"},
        {"literal": "Brottsförebyggande rådet"},
    ]
    assert item["issued"] == {"date-parts": [[2021]]}
    assert item["URL"] == "https://example.org/rapport"


def test_a_result_list_exports_every_match_in_every_format(client, make_publication):
    for number in range(3):
        make_publication(f"Extremism {number}", authors=[("Författare", str(number))])
    make_publication("Annat")
    url = reverse("knowledge_bank:export_results", args=["bibtex"])

    assert len(bibtexparser.loads(client.get(url, {"q": "extremism"}).content.decode()).entries) == 3
    url = reverse("knowledge_bank:export_results", args=["ris"])
    assert len(rispy.loads(client.get(url, {"q": "extremism"}).content.decode())) == 3
    url = reverse("knowledge_bank:export_results", args=["csl-json"])
    assert len(json.loads(client.get(url).content)) == 4


def test_the_result_list_export_costs_the_same_queries_for_many_items(
    client, make_publication, django_assert_max_num_queries, topics
):
    url = reverse("knowledge_bank:export_results", args=["ris"])
    make_publication("Ett", authors=[("A", "B")], topics=[topics["radikalisering"]])
    with django_assert_max_num_queries(3) as few:
        client.get(url)
    for number in range(10):
        make_publication(f"Fler {number}", authors=[("C", str(number))], topics=list(topics.values()))
    with django_assert_max_num_queries(3) as many:
        client.get(url)
    assert len(many) == len(few)


def test_an_unknown_format_is_not_found(client, cited):
    assert client.get(f"/kunskapsbank/{cited.slug}/export/docx/").status_code == 404
    assert client.get("/kunskapsbank/export/docx/").status_code == 404


def test_a_brace_in_a_url_or_title_cannot_add_fields_to_the_bibtex_export(client, make_publication):
    """Issue 14, defect 10: a `}` ended the value early and the rest was read as new fields."""
    publication = make_publication(
        "Rapport} , note = {injicerad",
        summary="Om {klamrar} och \\ snedstreck",
        external_url="https://example.org/a?b=}, note = {injicerad",
        authors=[("Forskning och Utveckling, Centrum and Partner", "")],
    )

    response = client.get(reverse("knowledge_bank:export", args=[publication.slug, "bibtex"]))

    [entry] = bibtexparser.loads(response.content.decode()).entries
    assert set(entry) == {"ENTRYTYPE", "ID", "title", "author", "year", "language", "abstract", "url"}
    # The title keeps its own braces, which keep its capitals as written.
    assert entry["title"] == "{Rapport\\textbraceright{} , note = \\textbraceleft{}injicerad}"
    assert (
        entry["abstract"] == "Om \\textbraceleft{}klamrar\\textbraceright{} och \\textbackslash{} snedstreck"
    )
    assert entry["url"] == "https://example.org/a?b=%7D,%20note%20=%20%7Binjicerad"
    # An organisation is one name, whatever commas or "and" it contains.
    assert entry["author"] == "{Forskning och Utveckling, Centrum and Partner}"


def test_a_newline_in_a_value_cannot_end_the_ris_record(client, make_publication):
    publication = make_publication(
        "Rapport\r\nER  - \r\n\r\nTY  - JOUR\r\nTI  - Injicerad",
        summary="Rad ett\nRad två\u2028Rad tre",
        external_url="https://example.org/rapport",
    )

    response = client.get(reverse("knowledge_bank:export", args=[publication.slug, "ris"]))

    [record] = rispy.loads(response.content.decode())
    assert record["title"] == "Rapport ER - TY - JOUR TI - Injicerad"
    assert record["abstract"] == "Rad ett Rad två Rad tre"
