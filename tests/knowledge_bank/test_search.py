import pytest
from django.db import connection, transaction
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cks_portal.core import search
from cks_portal.core.publishing import State
from knowledge_bank.models import Publication

URL = reverse("knowledge_bank:index")


def titles(response):
    return [p.title for p in response.context["page_obj"].object_list]


def test_an_inflected_form_finds_the_base_form_in_a_title(client, make_publication):
    make_publication("Om radikalisering bland unga")
    make_publication("Brott i bostadsområden")

    response = client.get(URL, {"q": "radikaliseringen"})

    assert titles(response) == ["Om radikalisering bland unga"]


def test_a_phrase_only_in_the_pdf_finds_the_publication_and_is_highlighted(client, make_publication):
    make_publication("Lägesbild", pdf=["Rekryteringen sker numera via spelplattformar och chattar."])
    make_publication("Annan rapport", summary="Om spelplattformar i allmänhet.")

    response = client.get(URL, {"q": '"via spelplattformar"'})

    assert titles(response) == ["Lägesbild"]
    html = response.content.decode()
    assert "<mark>via</mark> <mark>spelplattformar</mark>" in html


def test_a_minus_word_excludes(client, make_publication):
    make_publication("Radikalisering i skolan")
    make_publication("Radikalisering på nätet")

    response = client.get(URL, {"q": "radikalisering -skolan"})

    assert titles(response) == ["Radikalisering på nätet"]


def test_or_offers_alternatives(client, make_publication):
    make_publication("Hedersrelaterat våld")
    make_publication("Organiserad brottslighet")
    make_publication("Demokrati")

    response = client.get(URL, {"q": "hedersrelaterat or brottslighet", "sort": "title"})

    assert titles(response) == ["Hedersrelaterat våld", "Organiserad brottslighet"]


def test_title_ranks_above_file_text(client, make_publication):
    make_publication("Bilaga", pdf=["Här nämns extremism en gång."], year=2024)
    make_publication("Extremism i Norden", year=2001)

    response = client.get(URL, {"q": "extremism"})

    assert titles(response) == ["Extremism i Norden", "Bilaga"]


def test_the_vector_follows_authors_and_topics_when_they_change(make_publication, topics):
    from knowledge_bank.models import Author, PublicationAuthor

    publication = make_publication("Rapport")
    assert not Publication.objects.search("Haddad").exists()

    author = Author.objects.create(family_name="Haddad", given_name="Samir")
    PublicationAuthor.objects.create(publication=publication, author=author)
    publication.topics.add(topics["hedersrelaterat-vald"])

    assert list(Publication.objects.search("Haddad")) == [publication]
    assert list(Publication.objects.search("hedersrelaterat")) == [publication]
    author.family_name = "Lindqvist"
    author.save()
    assert list(Publication.objects.search("Lindqvist")) == [publication]


def test_the_stored_vector_has_a_gin_index(db):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'knowledge_bank_publication'")
        definitions = [row[0] for row in cursor.fetchall()]

    assert any("USING gin (search_vector)" in d for d in definitions)


def test_a_saved_vector_is_kept_in_its_row_and_a_long_report_s_is_not(make_publication):
    """STORAGE MAIN (knowledge_bank 0020): a search reads each vector with its row, not through
    the TOAST table; a vector too large for a page still goes out of line instead of failing."""
    from django.db import connection

    long = make_publication("Lång rapport")
    # As if read from a long PDF: twenty thousand different words.
    words = " ".join(f"ord{n}x{n * 7919 % 100003}" for n in range(20_000))
    Publication.objects.filter(pk=long.pk).update(file_text=words)
    long.refresh_from_db()
    long.update_search_vector()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstorage FROM pg_attribute WHERE attrelid = 'knowledge_bank_publication'::regclass"
            " AND attname = 'search_vector'"
        )
        assert cursor.fetchone()[0] == "m"
        cursor.execute(
            "SELECT pg_column_size(search_vector) FROM knowledge_bank_publication WHERE id = %s", [long.pk]
        )
        assert cursor.fetchone()[0] > 8192  # larger than a page: stored out of line
    assert Publication.objects.search(words.split()[5000]).get() == long


def test_the_fallback_search_finds_words_and_excludes(client, make_publication):
    make_publication("Radikalisering i skolan")
    make_publication("Radikalisering på nätet")

    response = client.get(URL, {"q": "Radikalisering -skolan"})

    assert titles(response) == ["Radikalisering på nätet"]


def test_drafts_and_future_publications_are_never_found(client, make_publication):
    from datetime import timedelta

    from django.utils import timezone

    make_publication("Extremism utkast", state=State.DRAFT)
    make_publication("Extremism framtid", publish_at=timezone.now() + timedelta(days=1))
    make_publication("Extremism synlig")

    assert titles(client.get(URL, {"q": "extremism"})) == ["Extremism synlig"]
    assert titles(client.get(URL)) == ["Extremism synlig"]


def test_snippets_escape_stored_text_but_keep_the_highlight(client, make_publication):
    make_publication("Extremism", summary="<script>alert(1)</script> extremism & demokrati")

    html = client.get(URL, {"q": "extremism"}).content.decode()

    assert "<script>alert(1)" not in html
    assert "<mark>" in html


def test_highlight_escapes_everything_but_its_own_markers():
    from cks_portal.core.search import _START, _STOP, highlight, highlight_terms

    assert highlight(f"<b>x</b> {_START}ord{_STOP}") == "&lt;b&gt;x&lt;/b&gt; <mark>ord</mark>"
    assert highlight_terms("<i>Radikalisering</i> och mer", "radikalisering") == (
        "&lt;i&gt;<mark>Radikalisering</mark>&lt;/i&gt; och mer"
    )


def test_sorting_by_title_and_newest(client, make_publication):
    make_publication("Öresund", year=2001)
    make_publication("Ängar", year=2003)
    make_publication("Berg", year=2002)

    assert titles(client.get(URL, {"sort": "newest"})) == ["Ängar", "Berg", "Öresund"]
    assert titles(client.get(URL, {"sort": "title"}))[0] == "Berg"


def test_pagination_keeps_query_and_filters_in_its_links(client, make_publication, settings):
    settings.KNOWLEDGE_BANK_PAGE_SIZE = 2
    for number in range(5):
        make_publication(f"Extremism {number}", type="guide")

    response = client.get(URL, {"q": "extremism", "type": "guide", "page": "2"})

    assert response.context["page_obj"].number == 2
    assert "?q=extremism&amp;type=guide&amp;page=3" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"q": '"'},
        {"q": '""'},
        {"q": "-"},
        {"q": "or"},
        {"q": "- or -"},
        {"q": "!&|:*()"},
        {"q": "a" * 10_000},
        {"q": "extremism\x00radikal"},
        {"q": "\x00"},
        {"q": "’😀 ﷺ \u202e \ud7ff"},
        {"q": "\u202eextremism"},
        {"q": "%_\\"},
        {"q": "extremism", "page": "-1"},
        {"q": "extremism", "page": "abc"},
        {"q": "extremism", "page": "99999999999999999999"},
        {"topic": "../../etc", "type": "nonsense", "language": "xx", "decade": "19x0"},
        {"decade": "99990"},
        {"sort": "drop table"},
        {"topic": ["a"] * 500},
    ],
)
def test_odd_input_never_gives_a_server_error(client, make_publication, params):
    make_publication("Extremism", pdf=["Text om extremism."])

    assert client.get(URL, params).status_code == 200
    assert client.get(reverse("knowledge_bank:export_results", args=["ris"]), params).status_code == 200


def test_a_phrase_deep_in_the_pdf_is_marked_in_the_snippet_on_either_database(client, make_publication):
    make_publication(
        "Lägesbild", pdf=["Början. " * 60 + "Rekryteringen sker via spelplattformar och chattar."]
    )

    html = client.get(URL, {"q": '"via spelplattformar"'}).content.decode()

    assert "spelplattformar</mark>" in html


def test_sorting_by_title_follows_the_swedish_alphabet_on_any_postgresql(client, make_publication):
    # å, ä and ö come after z; case and the accents Swedish ignores (é, ü) do not decide.
    # The project's own PostgreSQL has no ICU, so this must not depend on an ICU collation.
    for title in ["Öresund", "ängar", "Åland", "Zebra", "berg", "Émile", "Über", "Ystad", "Alingsås"]:
        make_publication(title)

    response = client.get(URL, {"sort": "title"})

    assert titles(response) == [
        "Alingsås",
        "berg",
        "Émile",
        "Über",
        "Ystad",
        "Zebra",
        "Åland",
        "ängar",
        "Öresund",
    ]


def test_the_title_order_breaks_ties_by_id_and_costs_what_relevance_costs(
    client, make_publication, django_assert_num_queries
):
    """The title order is worked out from the candidate rows (their sort key is read with
    them), so a page in title order is read with its snippets in the same statement as a
    page by relevance."""
    first = make_publication("Rapport", summary="Om extremism i skolan.")
    second = make_publication("rapport", summary="Extremism på nätet.")
    make_publication("Åtgärder", summary="Extremism och åtgärder.")
    make_publication("Analys", summary="Extremism i kommunen.")
    params = {"q": "extremism", "sort": "title"}
    client.get(URL, params)  # the first request of a generation also asks when it ends

    # The candidates and the page (its results, with their authors, are kept rendered since the
    # first request).
    with django_assert_num_queries(2):
        response = client.get(URL, params)

    page = response.context["page_obj"].object_list
    assert [publication.pk for publication in page[1:3]] == sorted([first.pk, second.pk])
    assert titles(response) == ["Analys", *(p.title for p in page[1:3]), "Åtgärder"]
    assert all("<mark>" in publication.snippet_html for publication in page)
    with django_assert_num_queries(2):
        client.get(URL, {"q": "extremism"})


@pytest.mark.django_db(transaction=True)
def test_the_snippet_follows_a_summary_edited_in_the_admin(staff_client, make_publication):
    from django.test import Client

    from cks_portal.core.roles import LIBRARIAN
    from tests.admin_forms import form_data

    publication = make_publication(
        "Rapport om skolan",
        summary="Om trygghet i skolan.",
        pdf=["Text om rekrytering via spel och chattar."],
    )
    reader = Client()

    def snippet():
        html = reader.get(URL, {"q": "rekrytering"}).content.decode()
        return html.split("<mark>", 1)[1].split("</p>", 1)[0]

    # Only the PDF holds the word, so the snippet is its passage.
    assert snippet().startswith("rekrytering</mark> via spel")

    curator = staff_client(LIBRARIAN)
    address = f"/admin/knowledge_bank/publication/{publication.pk}/change/"
    data = form_data(curator.get(address))
    data["summary_sv"] = "Hur rekrytering till våldsbejakande grupper går till."
    assert curator.post(address, data).status_code == 302

    # Now the Swedish summary holds it, and the summary comes first.
    assert snippet().startswith("rekrytering</mark> till våldsbejakande grupper")


@pytest.mark.parametrize("cap", [100, 3])  # the words' matches complete, or more than the cap
def test_with_a_filter_the_results_are_in_the_order_the_database_ranks_the_filtered_matches(
    client, make_publication, settings, cap
):
    """With filters chosen the walk of the words alone (the facets') ranks only the rows that
    pass them: the results are still ordered by the rank the database gives each of them."""
    settings.KNOWLEDGE_BANK_RESULT_CAP = cap
    for number in range(10):
        words = " ".join(["radikalisering"] * (number % 3 + 1))
        make_publication(
            f"Rapport {number}",
            year=2000 + number,
            type="report" if number % 2 else "guide",
            summary=f"{words} och arbetet i skolan.",
        )
    # The candidates are the newest `cap` filtered matches, ranked among themselves.
    newest = Publication.objects.published().filter(type="report").order_by("-year")[:cap]
    ranked = (
        Publication.objects.filter(pk__in=[p.pk for p in newest])
        .search("radikalisering", ranked=False)
        .annotate(rank=search.rank(F("search_vector"), search.websearch_query("radikalisering")))
        .order_by("-rank", "-year", "pk")
    )
    assert len({p.rank for p in ranked}) == 3  # the order is the rank's, not the year's

    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, {"q": "radikalisering", "type": "report"})

    assert [p.pk for p in response.context["page_obj"].object_list] == [p.pk for p in ranked][:cap]
    words_walk = next(
        q["sql"] for q in queries.captured_queries if "ts_rank(" in q["sql"] and "LIMIT" in q["sql"]
    )
    assert "CASE WHEN" in words_walk


def test_a_search_filtered_by_one_type_walks_that_types_entries_in_the_newest_first_order(
    client, make_publication, settings
):
    """A walk filtered by one type reads the index of each type's newest first
    (kb_type_newest_idx), in the order the page needs, so it does not step over the other
    types' entries and needs no sort. Sequential and bitmap reads are made as costly as they
    are at scale, where a handful of rows would be read whole."""
    settings.KNOWLEDGE_BANK_RESULT_CAP = 2
    for number, kind in enumerate(["report", "guide", "report", "film", "report", "report"]):
        make_publication(f"Radikalisering {number}", year=2020 - number, type=kind)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, {"q": "radikalisering", "type": "report", "sort": "newest"})

    assert titles(response) == ["Radikalisering 0", "Radikalisering 2"]
    filtered = [
        q["sql"]
        for q in queries.captured_queries
        if "LIMIT" in q["sql"] and """."type" IN ('report')""" in q["sql"].split("WHERE", 1)[-1]
    ]
    assert len(filtered) == 1
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute("EXPLAIN " + filtered[0])
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "kb_type_newest_idx" in plan
    assert "Sort" not in plan
