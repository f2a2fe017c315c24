"""Above KNOWLEDGE_BANK_RESULT_CAP matches the search stops counting: "more than N"."""

import pytest
from django.urls import reverse

URL = reverse("knowledge_bank:index")


@pytest.fixture
def many(make_publication, topics, settings):
    settings.KNOWLEDGE_BANK_RESULT_CAP = 4
    for year in [1995, 2010, 2011, 2012, 2013, 2014]:
        make_publication(f"Extremism {year}", year=year, topics=[topics["radikalisering"]])


def test_above_the_cap_the_page_says_more_than(client, many):
    response = client.get(URL, {"q": "extremism"})

    assert response.context["page_obj"].paginator.count == 4
    assert response.context["page_obj"].paginator.more_than_cap
    assert "More than 4 publications" in response.content.decode() or "Fler än 4" in response.content.decode()


def test_above_the_cap_the_facets_count_the_newest_matches(client, many):
    response = client.get(URL, {"q": "extremism"})

    decades = next(f for f in response.context["facets"] if f["name"] == "decade")
    # The four newest are 2011–2014; the one from 1995 is beyond the cap.
    assert {v.value: v.count for v in decades["values"]} == {"2010": 4}
    topic = next(f for f in response.context["facets"] if f["name"] == "topic")
    assert [v.count for v in topic["values"]] == [4]


def test_at_the_cap_the_count_is_exact(client, many, settings):
    settings.KNOWLEDGE_BANK_RESULT_CAP = 6

    response = client.get(URL, {"q": "extremism"})

    assert response.context["page_obj"].paginator.count == 6
    assert not response.context["page_obj"].paginator.more_than_cap


def test_above_the_cap_filters_take_one_more_query_and_stay_exact(
    client, many, make_publication, topics, django_assert_max_num_queries, settings
):
    make_publication("Extremism guide 1990", year=1990, type="guide", topics=[topics["radikalisering"]])
    # The words match 7 (> 4), so the filtered results need a query of their own: the
    # guide from 1990 is beyond the newest four but must be found.
    client.get(URL)  # the topics' names and the generation's end, remembered from here on
    with django_assert_max_num_queries(5):
        response = client.get(URL, {"q": "extremism", "type": "guide"})

    assert [p.title for p in response.context["page_obj"].object_list] == ["Extremism guide 1990"]
    assert not response.context["page_obj"].paginator.more_than_cap
    # The facets count the newest four matches of the words, and say so.
    assert response.context["search"].facets_sampled
    assert "newest" in response.content.decode() or "nyaste" in response.content.decode()
