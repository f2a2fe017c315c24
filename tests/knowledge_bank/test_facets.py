import pytest
from django.urls import reverse

URL = reverse("knowledge_bank:index")


@pytest.fixture
def library(make_publication, topics):
    rad, heder, org = (
        topics["radikalisering"],
        topics["hedersrelaterat-vald"],
        topics["organiserad-brottslighet"],
    )
    specs = [
        ("Extremism och skola", "guide", "sv", 2019, [rad]),
        ("Extremism online", "report", "en", 2021, [rad, org]),
        ("Extremism och heder", "report", "sv", 2012, [heder]),
        ("Extremism i staden", "report", "sv", 2023, [rad, heder]),
        ("Gäng och nätverk", "report", "sv", 2020, [org]),
        ("Extremism, bok", "book", "no", 2008, []),
    ]
    return [
        make_publication(title, type=kind, language=language, year=year, topics=chosen)
        for title, kind, language, year, chosen in specs
    ]


def facet_counts(response, name):
    facet = next(f for f in response.context["facets"] if f["name"] == name)
    return {value.value: value.count for value in facet["values"]}


def expected(publications, skip, **filters):
    """Counts computed in Python: apply every filter except the facet's own."""

    def keep(p):
        checks = {
            "topic": lambda: any(t.slug in filters["topic"] for t in p.topics.all()),
            "type": lambda: p.type in filters["type"],
            "language": lambda: p.language in filters["language"],
            "decade": lambda: str(p.year // 10 * 10) in filters["decade"],
        }
        return all(checks[name]() for name in filters if name != skip)

    return [p for p in publications if keep(p)]


def count_by(publications, key):
    counts = {}
    for publication in publications:
        for value in key(publication):
            counts[value] = counts.get(value, 0) + 1
    return counts


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"type": ["report"]},
        {"type": ["report"], "topic": ["radikalisering"]},
        {
            "type": ["report", "guide"],
            "language": ["sv"],
            "topic": ["hedersrelaterat-vald", "radikalisering"],
        },
        {"decade": ["2010", "2020"], "topic": ["organiserad-brottslighet"]},
    ],
)
def test_facet_counts_follow_the_query_and_the_other_filters(client, library, filters):
    matching = [p for p in library if "Extremism" in p.title]

    response = client.get(URL, {"q": "extremism", **filters})

    keys = {
        "topic": lambda p: [t.slug for t in p.topics.all()],
        "type": lambda p: [p.type],
        "language": lambda p: [p.language],
        "decade": lambda p: [str(p.year // 10 * 10)],
    }
    for name, key in keys.items():
        expected_counts = count_by(expected(matching, name, **filters), key)
        shown = {value: count for value, count in facet_counts(response, name).items() if count}
        assert shown == expected_counts, name
    assert response.context["page_obj"].paginator.count == len(expected(matching, None, **filters))


def test_a_selected_facet_value_links_to_its_own_removal(client, library):
    response = client.get(URL, {"type": "report"})

    values = {
        v.value: v for v in next(f for f in response.context["facets"] if f["name"] == "type")["values"]
    }
    assert values["report"].selected
    assert values["report"].url == "?"
    assert values["guide"].url == "?type=report&type=guide"
