"""Search as you type (issue 17, point 6): /sok/forslag/ suggests the titles of published
publications and the topics they have, after three letters."""

import datetime

import pytest
from django.utils import timezone

from cks_portal.core import limits
from cks_portal.core.publishing import State
from cks_portal.core.suggest import MAX_SUGGESTIONS, Prefix

URL = "/sok/forslag/"


def suggest(client, q, prefix=""):
    response = client.get(prefix + URL, {"q": q})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def labels(answer):
    return [item["label"] for item in answer["suggestions"]]


def test_three_letters_suggest_a_title_by_the_start_of_any_of_its_words(client, make_publication):
    make_publication("Lokal lägesbild över våldsbejakande extremism", slug="lagesbild", year=2018)
    make_publication("Årsrapport om hedersrelaterat våld", slug="arsrapport", year=2023)

    assert suggest(client, "väl")["suggestions"] == []
    assert labels(suggest(client, "våld")) == [
        "Årsrapport om hedersrelaterat våld",
        "Lokal lägesbild över våldsbejakande extremism",
    ]
    item = suggest(client, "LÄGES")["suggestions"][0]
    assert item == {
        "label": "Lokal lägesbild över våldsbejakande extremism",
        "url": "/kunskapsbank/lagesbild/",
        "kind": "publication",
        "kind_label": "Publikation",
        "lang": "sv",
    }
    assert labels(suggest(client, "årsr")) == ["Årsrapport om hedersrelaterat våld"]
    assert labels(suggest(client, "ÅRSR")) == ["Årsrapport om hedersrelaterat våld"]


def test_every_word_typed_must_begin_a_word_of_the_title(client, make_publication):
    make_publication("Radikalisering på nätet", slug="natet")
    make_publication("Radikalisering i skolan", slug="skolan")

    assert labels(suggest(client, "radik nät")) == ["Radikalisering på nätet"]
    assert labels(suggest(client, "adik")) == []
    assert labels(suggest(client, "radikalisering skolan extra")) == []


def test_fewer_than_three_letters_suggest_nothing_and_ask_nothing(
    client, make_publication, django_assert_num_queries
):
    make_publication("Radikalisering på nätet")

    for q in ["", "ra", "r a d", "  ", "%%%", "__"]:
        with django_assert_num_queries(0):
            answer = suggest(client, q)
        assert answer == {"suggestions": [], "message": ""}


def test_titles_that_begin_with_what_was_typed_come_first_then_the_newest(client, make_publication):
    make_publication("Om radikalisering", slug="om", year=2024)
    make_publication("Radikalisering B", slug="b", year=2001)
    make_publication("Radikalisering A", slug="a", year=2000)
    make_publication("Unga och radikalisering", slug="unga", year=2022)

    assert labels(suggest(client, "radi")) == [
        "Radikalisering A",
        "Radikalisering B",
        "Om radikalisering",
        "Unga och radikalisering",
    ]


def test_at_most_eight_are_suggested(client, make_publication):
    for number in range(12):
        make_publication(f"Extremism {number}", slug=f"extremism-{number}")

    assert len(suggest(client, "extrem")["suggestions"]) == MAX_SUGGESTIONS == 8


def test_drafts_scheduled_and_withdrawn_publications_are_never_suggested(client, make_publication):
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    make_publication("Hemligt utkast om extremism", slug="utkast", state=State.DRAFT)
    make_publication(
        "Kommande rapport om extremism", slug="kommande", state=State.SCHEDULED, publish_at=tomorrow
    )
    make_publication(
        "Framtida rapport om extremism", slug="framtida", state=State.PUBLISHED, publish_at=tomorrow
    )
    make_publication("Indragen rapport om extremism", slug="indragen", state=State.WITHDRAWN)
    make_publication("Publicerad rapport om extremism", slug="publicerad")

    assert labels(suggest(client, "extremism")) == ["Publicerad rapport om extremism"]
    for secret in ("hemligt", "utkast", "kommande", "framtida", "indragen"):
        assert suggest(client, secret)["suggestions"] == []


def test_staff_get_only_published_titles_too(client, make_publication, superuser):
    make_publication("Hemligt utkast om extremism", slug="utkast", state=State.DRAFT)
    client.force_login(superuser)

    assert suggest(client, "hemligt")["suggestions"] == []


def test_topics_are_suggested_in_the_page_language_with_a_link_to_their_filter(
    client, make_publication, topics
):
    topic = topics["hedersrelaterat-vald"]
    topic.name_en = "Honour-related violence"
    topic.save()
    make_publication("Årsrapport", topics=[topic])
    # A topic no published publication has leads nowhere and is not suggested.
    make_publication("Utkast", topics=[topics["organiserad-brottslighet"]], state=State.DRAFT)

    swedish = suggest(client, "heders")["suggestions"]
    assert swedish == [
        {
            "label": "Hedersrelaterat våld",
            "url": "/kunskapsbank/?topic=hedersrelaterat-vald",
            "kind": "topic",
            "kind_label": "Ämne",
            "lang": "sv",
        }
    ]
    english = suggest(client, "hono", prefix="/en")["suggestions"]
    assert english == [
        {
            "label": "Honour-related violence",
            "url": "/en/kunskapsbank/?topic=hedersrelaterat-vald",
            "kind": "topic",
            "kind_label": "Topic",
            "lang": "en",
        }
    ]
    # A topic without a Finnish name is suggested by its Swedish name, marked Swedish.
    finnish = suggest(client, "våld", prefix="/fi")["suggestions"]
    assert finnish[0]["label"] == "Hedersrelaterat våld" and finnish[0]["lang"] == "sv"
    assert suggest(client, "organiserad")["suggestions"] == []


def test_the_answer_tells_the_live_region_how_many_there_are(client, make_publication):
    make_publication("Radikalisering på nätet", slug="natet")
    make_publication("Radikalisering i skolan", slug="skolan")

    assert suggest(client, "radik")["message"].startswith("2 förslag.")
    assert suggest(client, "radik nät")["message"].startswith("1 förslag.")
    assert suggest(client, "xyzzy")["message"] == "Inga förslag."
    assert suggest(client, "radik", prefix="/en")["message"].startswith("2 suggestions.")


@pytest.mark.parametrize(
    "q",
    [
        "\x00rad",
        "rad\x00ik",
        "a" * 10_000,
        "radi" * 500,
        "%rad%",
        "rad_",
        "_ra",
        "\\rad",
        "rad\\",
        "'rad'",
        "rad:*",
        "rad & !ext | (x)",
        "rad <-> ext",
        '"rad',
        "‮rad",
        "😀😀😀",
        "rad " * 300,
        "r\u0301ad",
        "ﬁnal",
    ],
)
def test_odd_input_gets_an_answer_never_a_500(client, make_publication, q):
    make_publication("Radikalisering på nätet")
    answer = suggest(client, q)
    assert isinstance(answer["suggestions"], list)


def test_like_wildcards_are_letters_not_patterns(client, make_publication):
    make_publication("Radikalisering på nätet", slug="natet")

    # "%" and "_" are not letters: "r%d" is the one-letter words "r" and "d", too short.
    assert suggest(client, "r%dik")["suggestions"] == []
    assert suggest(client, "ra_ik")["suggestions"] == []


def test_a_long_query_is_read_up_to_the_search_limit_and_six_words():
    prefix = Prefix.parse("radikalisering " * 100)
    assert len(prefix.text) <= limits.QUERY_MAX_LENGTH
    # Repeated words are read once; the last one was cut at the limit.
    assert prefix.words == ("radikalisering", "radik")
    assert Prefix.parse(" ".join(f"ord{n}" for n in range(50))).words == tuple(f"ord{n}" for n in range(6))


def test_a_suggestion_costs_one_query_once_the_topics_are_remembered(
    client, make_publication, topics, django_assert_num_queries
):
    for number in range(20):
        make_publication(f"Extremism {number}", topics=[topics["radikalisering"]])
    client.get(URL, {"q": "radikal"})  # the topics, the next scheduled change: once per save

    with django_assert_num_queries(1):
        answer = suggest(client, "extrem")
    assert len(answer["suggestions"]) == 8
    with django_assert_num_queries(1):
        suggest(client, "radikal")


def test_the_answer_may_be_kept_a_minute_by_browsers_and_proxies(client, make_publication):
    make_publication("Radikalisering på nätet")

    response = client.get(URL, {"q": "radik"})

    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert directives == {"public", "max-age=60"}
    assert "Set-Cookie" not in response
    assert "cookie" not in response.get("Vary", "").lower()


def test_only_get_and_head_are_answered(client, db):
    assert client.head(URL, {"q": "radik"}).status_code == 200
    assert client.post(URL, {"q": "radik"}).status_code == 405


def test_the_page_cache_keeps_an_answer_until_a_publication_changes(client, make_publication, settings):
    settings.PAGE_CACHE_SECONDS = 300
    publication = make_publication("Radikalisering på nätet")
    assert client.get(URL, {"q": "radik"})["X-Page-Cache"] == "miss"
    assert client.get(URL, {"q": "radik"})["X-Page-Cache"] == "hit"

    publication.state = State.WITHDRAWN
    publication.save()

    response = client.get(URL, {"q": "radik"})
    assert response["X-Page-Cache"] == "miss"
    assert response.json()["suggestions"] == []
    # A parameter the view does not read is answered, never stored.
    assert "X-Page-Cache" not in client.get(URL, {"q": "radik", "x": "1"})


def test_a_publication_slug_cannot_take_the_suggestions_address(client, make_publication):
    # /sok/forslag/ sits under /sok/, which no page or publication can be: a publication
    # with the slug "forslag" lives at /kunskapsbank/forslag/ and leaves the endpoint alone.
    make_publication("Förslag till handlingsplan", slug="forslag")

    assert client.get("/kunskapsbank/forslag/").status_code == 200
    assert labels(suggest(client, "handlingsplan")) == ["Förslag till handlingsplan"]
