import datetime
import json

import bibtexparser
import pytest
import rispy
from django.urls import reverse
from pybtex.database import parse_string


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
    # The candidates, read and ordered as the search page reads them (so the export lists what
    # the page listed, in its order), the publications, their authors and their topics.
    with django_assert_max_num_queries(4) as few:
        client.get(url)
    for number in range(10):
        make_publication(f"Fler {number}", authors=[("C", str(number))], topics=list(topics.values()))
    with django_assert_max_num_queries(4) as many:
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


def test_the_month_is_a_bibtex_month_macro(client, make_publication):
    """Issue 18: `month = {2}` printed as "2 2026"; a macro is printed as the month's name."""
    publication = make_publication("Samtalsstöd", year=2026, date=datetime.date(2026, 2, 2))

    text = client.get(reverse("knowledge_bank:export", args=[publication.slug, "bibtex"])).content.decode()

    assert "  month = feb\n" in text
    [entry] = parse_string(text, "bibtex").entries.values()
    assert entry.fields["month"] == "February"


def test_an_organisation_with_a_comma_is_one_author_in_every_format(client, make_publication):
    """Issue 18: pybtex read "Borås Stad, Centrum för kunskap och säkerhet" as a person."""
    name = "Borås Stad, Centrum för kunskap och säkerhet"
    publication = make_publication("Lägesbild", authors=[(name, ""), ("Lindqvist and Berg", "Maria")])

    def export(fmt):
        url = reverse("knowledge_bank:export", args=[publication.slug, fmt])
        return client.get(url).content.decode()

    [entry] = parse_string(export("bibtex"), "bibtex").entries.values()
    organisation, person = entry.persons["author"]
    assert (organisation.first_names, organisation.last_names) == ([], [f"{{{name}}}"])
    assert (person.first_names, person.last_names) == (["Maria"], ["{Lindqvist and Berg}"])
    [record] = rispy.loads(export("ris"))
    assert record["authors"] == [name, "Lindqvist and Berg, Maria"]
    [item] = json.loads(export("csl-json"))
    assert item["author"] == [{"literal": name}, {"family": "Lindqvist and Berg", "given": "Maria"}]


def test_an_action_plan_is_cited_as_a_report_of_its_publisher(client, make_publication):
    """Issue 18: as CSL `legislation`, APA left out the plan's author and publisher."""
    plan = make_publication(
        "Handlingsplan", type="policy", publisher="Borås Stad", authors=[("Borås Stad", "")]
    )

    def export(fmt):
        return client.get(reverse("knowledge_bank:export", args=[plan.slug, fmt])).content.decode()

    [entry] = bibtexparser.loads(export("bibtex")).entries
    assert entry["ENTRYTYPE"] == "techreport"
    assert entry["institution"] == "Borås Stad"
    assert entry["type"] == "Styrdokument"
    [item] = json.loads(export("csl-json"))
    assert (item["type"], item["publisher"]) == ("report", "Borås Stad")
    assert rispy.loads(export("ris"))[0]["type_of_reference"] == "GOVDOC"


@pytest.mark.parametrize("sort", ["title", "relevance", "newest"])
def test_the_result_list_export_lists_the_page_in_its_order(client, make_publication, sort):
    for title, year in [("Öresund", 2001), ("ängar om extremism", 2003), ("Berg", 2002), ("Extremism", 2000)]:
        make_publication(title, summary="Extremism i skolan.", year=year)
    params = {"q": "extremism", "sort": sort}

    page = [
        p.title for p in client.get(reverse("knowledge_bank:index"), params).context["page_obj"].object_list
    ]
    ris = client.get(reverse("knowledge_bank:export_results", args=["ris"]), params).content.decode()

    assert [line[6:] for line in ris.splitlines() if line.startswith("TI  - ")] == page
    if sort == "title":
        assert page == ["Berg", "Extremism", "ängar om extremism", "Öresund"]
