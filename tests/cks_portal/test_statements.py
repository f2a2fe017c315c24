"""Statements compiled once per process (cks_portal/core/statements.py): each search runs the
kept SQL with its own words, time and ids, never the first search's."""

import datetime

import pytest
import time_machine
from django.db.models import JSONField, Value
from django.db.models.expressions import RawSQL
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from cks_portal.core import statements
from cks_portal.core.models import Topic
from knowledge_bank.models import Publication
from knowledge_bank.search import PublicationSearch
from knowledge_bank.search import site_results as publication_results
from news.search import news_results
from tests.factories import make_news, make_publication

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_statements():
    statements.forget()
    yield
    statements.forget()


def _titles(group):
    return [result.title for result in group.results]


def test_each_search_runs_the_kept_statement_with_its_own_words():
    make_publication("Radikalisering bland unga")
    make_publication("Hedersrelaterat våld i familjen")
    make_news(slug="a", title="Radikalisering i skolan")
    make_news(slug="b", title="Hedersvåld och stöd")

    assert _titles(publication_results("radikalisering", 5)) == ["Radikalisering bland unga"]
    kept = len(statements._kept)
    assert _titles(publication_results("hedersrelaterat", 5)) == ["Hedersrelaterat våld i familjen"]
    assert _titles(news_results("radikalisering", 5)) == ["Radikalisering i skolan"]
    assert _titles(news_results("hedersvåld", 5)) == ["Hedersvåld och stöd"]
    # The second search of each kind compiled nothing new.
    assert len(statements._kept) == kept + 1


def test_the_time_is_a_value_of_each_search_so_a_scheduled_item_goes_live_by_itself():
    live_at = timezone.now() + datetime.timedelta(hours=2)
    make_news(slug="snart", title="Extremism och demokrati", publish_at=live_at)
    make_publication("Extremism i Norden", publish_at=live_at)

    assert _titles(news_results("extremism", 5)) == []
    assert PublicationSearch({"q": "extremism"}).candidate_ids == []
    with time_machine.travel(live_at + datetime.timedelta(minutes=1)):
        assert _titles(news_results("extremism", 5)) == ["Extremism och demokrati"]
        assert len(PublicationSearch({"q": "extremism"}).candidate_ids) == 1


def test_a_page_of_the_knowledge_bank_reads_its_own_ids(client):
    for number in range(25):
        make_publication(f"Rapport om extremism {number:02}", year=2000 + number)
    url = reverse("knowledge_bank:index")

    first = client.get(url, {"q": "extremism", "sort": "newest"}).context["page_obj"].object_list
    second = client.get(url, {"q": "extremism", "sort": "newest", "page": 2}).context["page_obj"].object_list

    assert [p.year for p in first] == list(range(2024, 2004, -1))
    assert [p.year for p in second] == list(range(2004, 1999, -1))
    assert all(p.snippet_html or p.summary for p in first + second)


def test_filters_are_part_of_the_key(client):
    topic = Topic.objects.create(name="Våldsbejakande extremism", slug="vbe")
    make_publication("Extremism på nätet", type=Publication.Type.REPORT, topics=[topic])
    make_publication("Extremism i skolan", type=Publication.Type.GUIDE)
    url = reverse("knowledge_bank:index")

    def titles(**params):
        response = client.get(url, {"q": "extremism", "sort": "title", **params})
        return [p.title for p in response.context["page_obj"].object_list]

    assert titles(type="report") == ["Extremism på nätet"]
    assert titles(type="guide") == ["Extremism i skolan"]
    assert titles(topic="vbe") == ["Extremism på nätet"]
    topic.delete()
    # A topic that no longer exists matches nothing, where the statement kept for the topic
    # filter would still ask for its id.
    assert titles(topic="vbe") == []
    assert titles() == ["Extremism i skolan", "Extremism på nätet"]


def test_a_changed_setting_drops_the_kept_statements():
    for number in range(3):
        make_publication(f"Extremism {number}", year=2020 + number)
    assert len(PublicationSearch({"q": "extremism"}).candidate_ids) == 3
    with override_settings(KNOWLEDGE_BANK_RESULT_CAP=1):
        assert len(PublicationSearch({"q": "extremism"}).candidate_ids) == 2  # cap + 1
    assert len(PublicationSearch({"q": "extremism"}).candidate_ids) == 3


def test_a_marker_written_into_the_sql_is_refused():
    # A statement whose words were written into its SQL would keep the first search's words.
    inlined = Publication.objects.filter(title=RawSQL(f"'{statements.QUERY}'", ()))  # noqa: S611 - a constant
    with pytest.raises(ValueError, match="written into the SQL"):
        statements.compiled("inlined", lambda query, now: inlined)
    # So would one whose words are only part of a parameter.
    with pytest.raises(ValueError, match="part of a longer parameter"):
        statements.compiled("part", lambda query, now: Publication.objects.filter(title__icontains=query))


def test_a_statement_that_can_match_nothing_is_kept_as_empty():
    empty = statements.compiled("none", lambda query, now: Publication.objects.none())
    assert empty is statements.EMPTY


def test_values_are_swapped_only_where_the_markers_are():
    statement = statements.compiled(
        "swap",
        lambda query, now: Publication.objects.filter(title=query, publish_at__lte=now).annotate(
            label=Value("kept as written")
        ),
    )
    moment = timezone.now()
    params = statement.bind("Titel", moment)
    assert "Titel" in params
    assert moment in params
    assert "kept as written" in params


@pytest.mark.parametrize("filters", [{}, {"type": ["report"]}])
def test_the_walk_reads_its_rows_straight_from_the_cursor_with_the_rank_a_float(settings, filters):
    """The knowledge bank's walks (a thousand rows at most) are kept without a conversion for
    any column: ts_rank's real arrives from psycopg as a float, so Django's cast of each value
    would be a function call per row for nothing. That holds for the walk of the words alone
    beside a filter too, which ranks only the rows that pass the filter (a CASE around the
    rank): with more matches than the cap, both walks run."""
    settings.KNOWLEDGE_BANK_RESULT_CAP = 2
    make_publication("Radikalisering och rekrytering", type="report")
    make_publication("Radikalisering på nätet", type="report")
    make_publication("Radikalisering i skolan", type="guide")
    search = PublicationSearch({"q": "radikalisering", **filters})

    rows, words = search.candidate_rows, search.word_rows

    assert len(words) == 3  # cap + 1: more matches than the cap
    assert [row[2] for row in rows] == (["report", "report"] if filters else ["guide", "report", "report"])
    assert all(type(row[search._ORDER_KEY]) is float for row in rows + words)
    walks = [kept for key, kept in statements._kept.items() if key[0] == "kb-walk"]
    assert len(walks) == (2 if filters else 1)
    assert all(kept.converters == () for kept in walks)


def test_a_kept_statement_of_plain_rows_converts_the_columns_that_need_it():
    """A column Django converts after reading (here JSON) comes out of rows() as the same
    queryset's values_list() gives it."""
    make_publication("Rapport")

    def build(query, now):
        return (
            Publication.objects.filter(publish_at__lte=now)
            .annotate(data=Value({"språk": ["sv", "en"]}, output_field=JSONField()))
            .values_list("title", "data")
        )

    statement = statements.compiled("json-rows", build)

    assert statement.converters
    assert statement.rows("", timezone.now()) == [list(row) for row in build("", timezone.now())]
    assert statement.rows("", timezone.now())[0][1] == {"språk": ["sv", "en"]}
