import pytest
from django.urls import reverse

from cks_portal.core import limits, search
from tests.factories import make_event, make_news, make_page
from tests.html import elements


def test_the_site_search_groups_results_by_kind(client, make_publication):
    make_page("om-oss", "Vårt arbete mot extremism")
    make_event("seminarium", title="Seminarium om extremism")
    make_news("rapport", title="Ny rapport om extremism")
    make_publication("Extremism i Sverige")

    response = client.get(reverse("search"), {"q": "extremism"})

    kinds = [group.kind for group in response.context["groups"]]
    assert kinds == ["publications", "news", "events", "pages"]
    html = response.content.decode()
    assert "Publikationer i kunskapsbanken" in html
    assert "Vårt arbete mot extremism" in html


def test_the_site_search_links_to_more_results_in_the_knowledge_bank(client, make_publication):
    for number in range(7):
        make_publication(f"Extremism {number}")

    html = client.get(reverse("search"), {"q": "extremism"}).content.decode()

    assert elements(html, "a", href="/kunskapsbank/?q=extremism")


def test_the_site_search_excludes_with_a_minus_word(client, make_publication):
    make_publication("Radikalisering i skolan")
    make_publication("Radikalisering på nätet")

    html = client.get(reverse("search"), {"q": "radikalisering -skolan"}).content.decode()

    assert "Radikalisering på nätet" in html
    assert "Radikalisering i skolan" not in html


def test_the_site_search_stems_swedish_words_in_every_group(client, make_publication):
    make_publication("Radikalisering bland unga")
    make_page("om-oss", "Om oss", body="<p>Vi arbetar mot radikalisering.</p>")

    groups = {g.kind: g for g in client.get(reverse("search"), {"q": "radikaliseringen"}).context["groups"]}

    assert groups["publications"].results
    assert groups["pages"].results


def test_the_site_search_query_count_is_fixed(client, make_publication, django_assert_num_queries):
    make_publication("Extremism 0", authors=[("A", "B")])
    # The first search of a generation of content: when the next scheduled item goes live
    # (once per generation, page_cache.current), the thesaurus rewrite (remembered for the
    # generation), then support, news, events, pages and publications one query each (the
    # publications' authors in their own statement). The same search again: the five.
    with django_assert_num_queries(7):
        client.get(reverse("search"), {"q": "extremism"})
    with django_assert_num_queries(5):
        client.get(reverse("search"), {"q": "extremism"})
    for number in range(10):
        make_publication(f"Extremism {number + 1}", authors=[("C", str(number)), ("D", "E")])
    with django_assert_num_queries(7):
        client.get(reverse("search"), {"q": "extremism"})


def test_a_publication_result_names_its_first_three_authors_in_their_order(client, make_publication):
    make_publication(
        "Extremism i skolan",
        authors=[("Ödman", "Åsa"), ("Berg", ""), ("Andersson", "Cecilia"), ("Dahl", "David")],
    )
    make_publication("Extremism utan författare")

    groups = {g.kind: g for g in client.get(reverse("search"), {"q": "extremism"}).context["groups"]}
    metas = {result.title: result.meta for result in groups["publications"].results}

    assert metas["Extremism i skolan"].endswith(" · Åsa Ödman, Berg, Cecilia Andersson")
    assert "Dahl" not in metas["Extremism i skolan"]
    assert metas["Extremism utan författare"].count(" · ") == 2  # type, year, language; no authors


@pytest.mark.parametrize(
    "query, clauses",
    [
        ("radikalisering", [["radikalisering"]]),
        ('"hedersrelaterat våld" skola', [["hedersrelaterat våld"], ["skola"]]),
        ("heder or våld -skola", [["heder", "våld"], ["-skola"]]),
        ('or - "" -', []),
        ('-"vit makt"', [["-vit makt"]]),
    ],
)
def test_the_fallback_parser_reads_the_websearch_syntax(query, clauses):
    parsed = [
        [("-" if term.negated else "") + term.text for term in clause] for clause in search.parse_query(query)
    ]

    assert parsed == clauses


def test_clean_query_drops_control_characters_and_caps_the_length():
    assert search.clean_query("a\x00b\tc") == "a b c"
    assert len(search.clean_query("x" * 10_000)) == limits.QUERY_MAX_LENGTH
    assert search.clean_query("e\u0301") == "é"
