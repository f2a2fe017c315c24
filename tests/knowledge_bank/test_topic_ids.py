"""`Publication.topic_ids`, the copy of a publication's topics the search reads with the row,
follows every way topics are changed: from either side, cleared, and a topic deleted."""

import pytest
from django.urls import reverse

from knowledge_bank.models import Publication


def stored(publication):
    return Publication.objects.get(pk=publication.pk).topic_ids


def ids(*topics):
    return " ".join(str(t.pk) for t in sorted(topics, key=lambda t: t.pk))


@pytest.fixture
def publication(make_publication):
    return make_publication("Rapport om radikalisering")


def test_setting_and_removing_topics_updates_the_copy(publication, topics):
    radikalisering, heder = topics["radikalisering"], topics["hedersrelaterat-vald"]

    publication.topics.set([heder, radikalisering])
    assert stored(publication) == ids(radikalisering, heder)

    publication.topics.remove(heder)
    assert stored(publication) == ids(radikalisering)

    publication.topics.clear()
    assert stored(publication) == ""


def test_changes_from_the_topics_side_update_the_copy(publication, make_publication, topics):
    other = make_publication("Annan rapport")
    topic = topics["organiserad-brottslighet"]

    topic.publications.add(publication, other)
    assert stored(publication) == stored(other) == ids(topic)

    topic.publications.remove(other)
    assert stored(other) == ""

    topic.publications.clear()
    assert stored(publication) == ""


def test_deleting_a_topic_removes_it_from_the_copy(publication, topics):
    publication.topics.set([topics["radikalisering"], topics["hedersrelaterat-vald"]])

    topics["hedersrelaterat-vald"].delete()

    assert stored(publication) == ids(topics["radikalisering"])


def test_the_search_filters_by_topic_from_the_copy(client, make_publication, topics):
    make_publication("Extremism och heder", topics=[topics["hedersrelaterat-vald"]])
    make_publication("Extremism och gäng", topics=[topics["organiserad-brottslighet"]])

    response = client.get(
        reverse("knowledge_bank:index"), {"q": "extremism", "topic": "hedersrelaterat-vald"}
    )

    assert [p.title for p in response.context["page_obj"].object_list] == ["Extremism och heder"]
    facet = next(f for f in response.context["facets"] if f["name"] == "topic")
    assert {v.value: v.count for v in facet["values"]} == {
        "hedersrelaterat-vald": 1,
        "organiserad-brottslighet": 1,
    }


def test_a_topic_filter_reads_the_copy_not_the_topics_table(make_publication, topics, settings):
    """The filtered walk tests each row's own `topic_ids` (with its statistics the planner
    estimates a topic's share exactly); the join through the topics table made it semi-join
    and sort every publication of a large topic. A topic whose id is a prefix of another's
    (1 and 12) is not mistaken for it, and several chosen topics mean any of them."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from knowledge_bank.search import PublicationSearch

    settings.KNOWLEDGE_BANK_RESULT_CAP = 1  # so that the filters take a walk of their own
    heder, gang = topics["hedersrelaterat-vald"], topics["organiserad-brottslighet"]
    make_publication("Extremism och heder", topics=[heder])
    make_publication("Extremism och gäng", topics=[gang])
    make_publication("Extremism i allmänhet")
    Publication.objects.filter(title="Extremism i allmänhet").update(topic_ids=f"{heder.pk}0 {gang.pk}1")

    def found(*slugs):
        search = PublicationSearch({"q": "extremism", "topic": list(slugs)})
        with CaptureQueriesContext(connection) as queries:
            rows = search.candidate_rows
        assert not any("knowledge_bank_publication_topics" in q["sql"] for q in queries.captured_queries)
        return {Publication.objects.get(pk=row[0]).title for row in rows}

    assert found("hedersrelaterat-vald") == {"Extremism och heder"}
    assert found("hedersrelaterat-vald", "organiserad-brottslighet") == {
        "Extremism och heder",
        "Extremism och gäng",
    }
    assert found("no-such-topic") == set()
