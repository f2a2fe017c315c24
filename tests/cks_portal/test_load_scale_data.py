import io

from django.core.management import call_command

from knowledge_bank.models import Publication
from news.models import Event, NewsItem
from support.models import OpeningInterval, SupportContact


def load(scale):
    call_command("load_scale_data", scale, contacts=5, text_chars=800, verbosity=0, stdout=io.StringIO())


def scale_counts():
    return {
        "publications": Publication.objects.filter(slug__startswith="scale-").count(),
        "news": NewsItem.objects.filter(slug__startswith="scale-").count(),
        "events": Event.objects.filter(slug__startswith="scale-").count(),
        "contacts": SupportContact.objects.filter(slug__startswith="scale-").count(),
        "hours": OpeningInterval.objects.filter(contact__slug__startswith="scale-").count(),
        "titles": sorted(
            Publication.objects.filter(slug__startswith="scale-").values_list("title", flat=True)
        ),
    }


def test_it_loads_n_publications_and_a_tenth_as_many_news_items_and_events(db):
    load(40)

    counts = scale_counts()
    assert (counts["publications"], counts["news"], counts["events"], counts["contacts"]) == (40, 4, 4, 5)
    assert counts["hours"] >= 25
    assert all(p.summary and p.file_text for p in Publication.objects.filter(slug__startswith="scale-"))


def test_loading_again_gives_the_same_rows_and_leaves_the_demo_alone(db):
    call_command("load_demo", stdout=io.StringIO())
    demo = Publication.objects.exclude(slug__startswith="scale-").count()
    load(20)
    first = scale_counts()

    load(20)

    assert scale_counts() == first
    assert Publication.objects.exclude(slug__startswith="scale-").count() == demo


def test_the_loaded_publications_are_searchable(client, db):
    load(30)

    response = client.get("/kunskapsbank/", {"q": "förebyggande"})

    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count > 0


def test_the_loaded_news_items_and_events_get_their_search_vectors(db):
    load(30)

    for model in (NewsItem, Event):
        loaded = model.objects.filter(slug__startswith="scale-")
        assert loaded.exists()
        assert not loaded.filter(search_vector__isnull=True).exists()
