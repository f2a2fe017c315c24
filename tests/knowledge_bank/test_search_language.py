"""Search that understands the field's Swedish (issue 17): parts of compounds, the curators'
thesaurus (abbreviations, synonyms, English terms), "Did you mean …?" for misspellings,
English queries, and a page without results that helps. Through the public page, on
PostgreSQL."""

import pytest
from django.db import connection
from django.urls import reverse

from cks_portal.core import compounds, page_cache
from cks_portal.core.models import ThesaurusEntry
from tests.factories import make_thesaurus_entry, make_topic
from tests.html import element, elements

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_thesaurus(db):
    """Each test says which thesaurus entries it relies on (the migration's are removed)."""
    ThesaurusEntry.objects.all().delete()


def titles(client, query, **params):
    response = client.get(reverse("knowledge_bank:index"), {"q": query, **params})
    assert response.status_code == 200
    return [p.title for p in response.context["page_obj"].object_list]


# --- Compounds ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "word, expected",
    [
        ("hedersvåld", {"heder", "våld"}),
        ("hedersrelaterat", {"heder", "relaterat"}),
        ("högerextremism", {"höger", "extremism"}),
        ("nätradikalisering", {"nät", "nätet", "radikalisering"}),
        ("avhopparverksamhet", {"avhoppare", "verksamhet"}),
        ("könsstympning", {"kön", "stympning"}),
    ],
)
def test_a_compound_is_split_into_known_parts(word, expected):
    assert expected <= set(compounds.split(word))


@pytest.mark.parametrize("word", ["nätverk", "radikalisering", "samverkan", "skolan", "extremism"])
def test_a_word_that_is_not_a_compound_of_known_parts_stays_whole(word):
    assert compounds.split(word) == ()


def test_a_part_of_a_compound_finds_the_whole_ranked_below_the_word_itself(client, make_publication):
    make_publication("Hedersvåld mot pojkar", summary="Om pojkar som utsätts för kontroll.")
    make_publication("Hedersrelaterat förtryck i skolan", summary="Stöd till lärare.")
    make_publication("Heder och skam", summary="En bok om heder i familjer.")
    make_publication("Nätverk för lärare", summary="Om samarbete.")

    found = titles(client, "heder")

    assert found[0] == "Heder och skam"
    assert set(found) == {"Heder och skam", "Hedersvåld mot pojkar", "Hedersrelaterat förtryck i skolan"}


def test_extremism_finds_right_wing_extremism_and_natet_finds_online_radicalisation(client, make_publication):
    make_publication("Högerextremism i Norden")
    make_publication("Nätradikalisering och algoritmer")
    make_publication("Nätverk mot våld")

    assert titles(client, "extremism") == ["Högerextremism i Norden"]
    assert titles(client, "nätet") == ["Nätradikalisering och algoritmer"]


def test_a_topic_name_compound_is_found_by_its_part(client, make_publication):
    topic = make_topic("hedersrelaterat-vald", "Hedersrelaterat våld och förtryck")
    make_publication("Skyddat boende för unga", topics=[topic])

    assert titles(client, "heder") == ["Skyddat boende för unga"]


def test_a_publication_changed_in_the_admin_way_keeps_its_parts_current(client, make_publication):
    publication = make_publication("Om skolan")
    publication.title = "Gängvåld och skolan"
    publication.save()

    assert titles(client, "gäng") == ["Gängvåld och skolan"]


# --- Thesaurus: abbreviations and synonyms ------------------------------------------------------
def test_an_abbreviation_finds_what_it_stands_for_and_back(client, make_publication):
    make_thesaurus_entry("VBE", "våldsbejakande extremism", "violent extremism")
    make_publication("Lokal lägesbild", summary="Om våldsbejakande extremismen i kommunen.")
    make_publication("VBE i skolan", summary="Kort stöd.")
    make_publication("Extrema väderhändelser", summary="Om klimatet.")

    assert set(titles(client, "VBE")) == {"Lokal lägesbild", "VBE i skolan"}
    assert set(titles(client, "våldsbejakande extremism")) == {"Lokal lägesbild", "VBE i skolan"}
    assert set(titles(client, "violent extremism")) == {"Lokal lägesbild", "VBE i skolan"}


def test_words_typed_without_quotes_stay_words_and_quotes_still_ask_for_the_phrase(client, make_publication):
    """The thesaurus adds its terms as alternatives; it does not narrow two words the reader
    typed without quotes to the phrase of an entry."""
    make_thesaurus_entry("VBE", "våldsbejakande extremism", "violent extremism")
    make_publication("Lokal lägesbild", summary="Om våldsbejakande extremismen i kommunen.")
    make_publication("Extremism på nätet", summary="Hur våldsbejakande grupper värvar unga.")
    make_publication("VBE i skolan", summary="Kort stöd.")

    assert set(titles(client, "våldsbejakande extremism")) == {
        "Lokal lägesbild",
        "Extremism på nätet",
        "VBE i skolan",
    }
    assert set(titles(client, '"våldsbejakande extremism"')) == {"Lokal lägesbild", "VBE i skolan"}
    assert set(titles(client, "VBE")) == {"Lokal lägesbild", "VBE i skolan"}


def test_a_rule_knows_the_lexemes_a_query_must_hold_for_it_to_match(db):
    """The rewrite reads only the rules whose lexemes the query holds (thesaurus.FUNCTION_SQL):
    they must be stemmed as the target is, and a query without them is left as it was."""
    entry = make_thesaurus_entry("HRV", "hedersrelaterat våld")
    rules = {rule.target: sorted(rule.lexemes) for rule in entry.rewrites.all()}
    assert rules == {
        "'hrv'": ["hrv"],
        "'hedersrelater' & 'våld'": ["hedersrelater", "våld"],
        "'hedersrelater' <-> 'våld'": ["hedersrelater", "våld"],
    }
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT cks_thesaurus_rewrite(q)::text, q::text FROM websearch_to_tsquery('swedish', %s) q",
            ["våld i skolan"],
        )
        rewritten, asked = cursor.fetchone()
        assert rewritten == asked
        cursor.execute(
            "SELECT cks_thesaurus_rewrite(websearch_to_tsquery('swedish', %s))::text", ["hrv -skolan"]
        )
        rewritten = cursor.fetchone()[0]
    assert rewritten == "( 'hrv' | 'hedersrelater' <-> 'våld' ) & !'skolan'"


@pytest.mark.parametrize("query", ["HRV", "HRVF", "hrv skolan", '"hedersrelaterat våld" skolan'])
def test_several_abbreviations_in_one_entry_and_inside_a_longer_query(client, make_publication, query):
    make_thesaurus_entry("HRV", "HRVF", "hedersrelaterat våld", "hedersrelaterat våld och förtryck")
    make_publication("Hedersrelaterat våld i skolan")
    make_publication("HRV i skolan")
    make_publication("Våld i skolan")

    assert set(titles(client, query)) == {"Hedersrelaterat våld i skolan", "HRV i skolan"}


def test_synonyms_find_each_other(client, make_publication):
    make_thesaurus_entry("hederskultur", "hedersnormer")
    make_publication("Hederskultur i förändring")
    make_publication("Unga och hedersnormer")

    assert (
        set(titles(client, "hederskultur"))
        == set(titles(client, "hedersnormer"))
        == {
            "Hederskultur i förändring",
            "Unga och hedersnormer",
        }
    )


def test_a_thesaurus_change_applies_to_the_next_search_and_starts_a_new_cache_generation(
    client, make_publication
):
    make_publication("Myndigheten för ungdoms- och civilsamhällesfrågor rapporterar")
    assert titles(client, "MUCF") == []
    before = page_cache.generation()

    entry = make_thesaurus_entry("MUCF", "Myndigheten för ungdoms- och civilsamhällesfrågor")

    assert page_cache.generation() != before
    assert titles(client, "MUCF") == ["Myndigheten för ungdoms- och civilsamhällesfrågor rapporterar"]
    entry.delete()
    assert titles(client, "MUCF") == []


def test_the_site_search_uses_the_thesaurus_too(client, make_publication):
    make_thesaurus_entry("BRÅ", "Brottsförebyggande rådet")
    make_publication("Brottsförebyggande rådets rapport om hatbrott")

    groups = client.get(reverse("search"), {"q": "BRÅ"}).context["groups"]

    assert [r.title for g in groups for r in g.results] == ["Brottsförebyggande rådets rapport om hatbrott"]


# --- Misspellings -------------------------------------------------------------------------------
def test_a_misspelt_query_is_offered_the_word_the_index_knows(client, make_publication):
    make_publication("Radikalisering bland unga")
    make_publication("Extremism och demokrati")

    response = client.get(reverse("knowledge_bank:index"), {"q": "radikalisring"})

    assert response.context["search"].suggestion["query"] == "radikalisering"
    link = element(response.content, "a", href="?q=radikalisering")
    assert link.text == "radikalisering"
    assert any(a.attrs.get("class") == "kb-suggestion" for a in link.ancestors)
    assert titles(client, "radikalisering") == ["Radikalisering bland unga"]


def test_a_swap_of_two_letters_is_corrected_to_the_nearest_word(client, make_publication):
    make_publication("Extremism i Sverige")
    make_publication("Extrema åsikter")

    response = client.get(reverse("knowledge_bank:index"), {"q": "extremsim"})

    assert response.context["search"].suggestion["query"] == "extremism"


def test_no_suggestion_when_the_query_finds_something_or_the_correction_finds_no_more(
    client, make_publication
):
    make_publication("Radikalisering")
    make_publication("Radikalisring i en titel med ett stavfel")

    assert (
        client.get(reverse("knowledge_bank:index"), {"q": "radikalisring"}).context["search"].suggestion
        is None
    )

    assert (
        client.get(reverse("knowledge_bank:index"), {"q": "radikalisering"}).context["search"].suggestion
        is None
    )
    assert client.get(reverse("knowledge_bank:index"), {"q": "xqzwv"}).context["search"].suggestion is None


def test_the_site_search_offers_the_correction_on_its_empty_page(client, make_publication):
    make_publication("Rekrytering till gäng")

    response = client.get(reverse("search"), {"q": "rekrytring"})

    assert response.context["suggestion"] == "rekrytering"
    link = element(response.content, "a", href="?q=rekrytering")
    assert any(a.attrs.get("class") == "search-suggestion" for a in link.ancestors)


def test_a_new_publication_adds_its_words_to_the_vocabulary(client, make_publication):
    assert (
        client.get(reverse("knowledge_bank:index"), {"q": "könsstymning"}).context["search"].suggestion
        is None
    )

    make_publication("Könsstympning av flickor")

    assert client.get(reverse("knowledge_bank:index"), {"q": "könsstymning"}).context[
        "search"
    ].suggestion == {
        "query": "könsstympning",
        "url": "?q=k%C3%B6nsstympning",
    }


def test_a_draft_lends_no_word_to_a_suggestion(client, make_publication):
    from cks_portal.core.publishing import State

    make_publication("Xylofonprojektets slutrapport", state=State.DRAFT)
    make_publication("Om något annat")

    for url in (reverse("knowledge_bank:index"), reverse("search")):
        response = client.get(url, {"q": "xylofonprojektet"})
        assert "xylofonprojektets" not in response.content.decode().lower()


# --- English queries ----------------------------------------------------------------------------
def test_an_english_query_finds_swedish_publications_through_the_thesaurus(client, make_publication):
    make_thesaurus_entry("hedersrelaterat våld", "honour-based violence", "honour-related violence")
    make_publication("Hedersrelaterat våld i skolan", language="sv")

    assert titles(client, "honour-based violence") == ["Hedersrelaterat våld i skolan"]


def test_an_english_query_finds_a_swedish_publication_by_its_english_summary_and_topic(
    client, make_publication
):
    topic = make_topic("radikalisering", "Radikalisering", name_en="Radicalisation")
    make_publication("Värvning via spel", summary_en="How extremists use recruitment in online games.")
    make_publication("Tidiga tecken", topics=[topic])

    assert titles(client, "recruitment") == ["Värvning via spel"]
    assert titles(client, "radicalisation") == ["Tidiga tecken"]


def test_each_result_says_its_language_visibly_and_in_markup(client, make_publication):
    make_publication("Radikalisering i Norden", language="sv")
    make_publication(
        "Radicalisation in the Nordic countries", language="en", summary="Radikalisering i Norden."
    )

    html = client.get("/en/kunskapsbank/", {"q": "radikalisering"}).content.decode()

    swedish = element(html, "a", "Radikalisering i Norden")
    assert swedish.attrs.get("lang") == "sv"
    english = element(html, "a", "Radicalisation in the Nordic countries")
    assert "lang" not in english.attrs
    labels = {
        next(a for a in label.ancestors if a.tag == "li"): label.text
        for label in elements(html, "span", class_="kb-result__language")
    }
    assert labels[next(a for a in swedish.ancestors if a.tag == "li")] == "Language: Swedish"
    assert labels[next(a for a in english.ancestors if a.tag == "li")] == "Language: English"


def test_the_site_search_says_each_publication_s_language_too(client, make_publication):
    make_publication("Radikalisering i Norden", language="sv")

    html = client.get("/en/sok/", {"q": "radikalisering"}).content.decode()

    link = element(html, "a", "Radikalisering i Norden")
    assert link.attrs.get("lang") == "sv"
    item = next(a for a in link.ancestors if a.tag == "li")
    assert "Swedish" in item.text


# --- A page without results ---------------------------------------------------------------------
def test_a_page_without_results_offers_the_closest_topics_and_whom_to_contact(
    client, make_publication, settings
):
    make_topic("hedersrelaterat-vald", "Hedersrelaterat våld och förtryck")
    make_topic("organiserad-brottslighet", "Organiserad brottslighet")
    make_publication("Något annat")

    html = client.get("/en/kunskapsbank/", {"q": "hedersbrott"}).content.decode()

    box = element(html, "div", class_="kb-no-results")
    links = [(a.text, a.attrs["href"]) for a in elements(html, "a") if box in a.ancestors]
    assert links[0] == ("Hedersrelaterat våld och förtryck", "?topic=hedersrelaterat-vald")
    assert f"mailto:{settings.SITE_CONTACT_EMAIL}" in [href for _text, href in links]


def test_the_page_without_results_costs_a_fixed_number_of_queries(
    client, make_publication, django_assert_max_num_queries
):
    # The thesaurus rewrite of the words, the candidates, the vocabulary lookup for "Did you
    # mean", the topics; with a correction that finds more, two queries more to check it (its
    # rewrite and its count), never more, however many words.
    make_publication("Radikalisering bland unga")
    client.get(reverse("knowledge_bank:index"), {"q": "radikalisring skola"})
    with django_assert_max_num_queries(6):
        client.get(reverse("knowledge_bank:index"), {"q": "radikalisring skolan ungdomar"})
