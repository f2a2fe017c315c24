"""Every way content is written makes cached pages out of date (page_cache.content_changed):
a save, a delete, a change of a many-to-many relation, a bulk action in the admin and the
reindex command; and a page read in the moment between a save and its commit is not kept."""

import datetime
import threading

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client

from cks_portal.core import page_cache
from cks_portal.core.roles import LIBRARIAN
from knowledge_bank.models import Publication
from tests.factories import make_news, make_publication, make_topic


@pytest.fixture
def cached_pages(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def publish(title):
    return make_publication(title, slug="handbok")


def cached_text(client, path):
    """The page's text, after making sure the cache holds it."""
    client.get(path)
    response = client.get(path)
    assert response["X-Page-Cache"] == "hit"
    return response.content.decode()


@pytest.mark.django_db
def test_a_saved_news_title_shows_on_the_cached_list(client, cached_pages):
    item = make_news("nyhet", title="Gammal rubrik")
    assert "Gammal rubrik" in cached_text(client, "/nyheter/")

    item.title = "Ny rubrik"
    item.save()

    assert "Ny rubrik" in client.get("/nyheter/").content.decode()


@pytest.mark.django_db
def test_a_deleted_news_item_leaves_the_cached_list(client, cached_pages):
    item = make_news("nyhet", title="Snart borta")
    assert "Snart borta" in cached_text(client, "/nyheter/")

    item.delete()

    assert "Snart borta" not in client.get("/nyheter/").content.decode()


@pytest.mark.django_db
def test_a_topic_added_to_a_news_item_shows_on_its_cached_page(client, cached_pages):
    item = make_news("nyhet")
    topic = make_topic("alkohol-test", "Alkohol och test")
    assert "Alkohol och test" not in cached_text(client, "/nyheter/nyhet/")

    item.topics.add(topic)

    assert "Alkohol och test" in client.get("/nyheter/nyhet/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_bulk_withdraw_in_the_admin_takes_a_publication_off_the_cached_list(staff_client, cached_pages):
    publication = publish("Handbok om cachning")
    client = staff_client(LIBRARIAN)
    visitor = Client()
    assert "Handbok om cachning" in cached_text(visitor, "/kunskapsbank/")

    client.post(
        "/admin/knowledge_bank/publication/", {"action": "withdraw", "_selected_action": [publication.pk]}
    )

    assert "Handbok om cachning" not in visitor.get("/kunskapsbank/").content.decode()


@pytest.mark.django_db
def test_reindex_makes_cached_pages_out_of_date(client, cached_pages):
    publication = publish("Gammal titel")
    assert "Gammal titel" in cached_text(client, "/kunskapsbank/")
    # A write that no signal hears, as the command's own writes are.
    Publication.objects.filter(pk=publication.pk).update(title="Omindexerad titel")

    call_command("reindex", "--no-files", verbosity=0)

    assert "Omindexerad titel" in client.get("/kunskapsbank/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_page_read_before_a_save_commits_is_not_served_after_the_commit(client, cached_pages):
    item = make_news("nyhet", title="Före sparandet")
    assert "Före sparandet" in cached_text(client, "/nyheter/")

    def read_in_another_connection():
        # Its own database connection: it sees the row as it was before the commit.
        try:
            seen.append(Client().get("/nyheter/").content.decode())
        finally:
            connection.close()

    seen = []
    with transaction.atomic():
        item.title = "Efter sparandet"
        item.save()
        reader = threading.Thread(target=read_in_another_connection)
        reader.start()
        reader.join()
    assert "Före sparandet" in seen[0]

    assert "Efter sparandet" in client.get("/nyheter/").content.decode()


@pytest.mark.django_db
def test_a_new_release_never_reads_what_an_old_one_remembered(settings):
    settings.RELEASE = "old-release"
    page_cache.memo("test:release", lambda: "from the old release")

    settings.RELEASE = "new-release"

    assert page_cache.memo("test:release", lambda: "worked out again") == "worked out again"


def test_the_release_defaults_to_the_commit_of_the_checkout():
    import subprocess

    from cks_portal.settings import BASE_DIR, default_release

    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=BASE_DIR, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert default_release() == head


@pytest.mark.django_db
def test_a_publication_scheduled_by_its_date_ends_the_cached_list_when_it_goes_live(client, cached_pages):
    from django.utils import timezone

    publication = publish("Snart publicerad")
    publication.publish_at = timezone.now() + datetime.timedelta(seconds=1)
    publication.save()
    assert "Snart publicerad" not in cached_text(client, "/kunskapsbank/")

    later = timezone.now() + datetime.timedelta(seconds=2)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(timezone, "now", lambda: later)
        response = client.get("/kunskapsbank/")

    assert response["X-Page-Cache"] == "miss"
    assert "Snart publicerad" in response.content.decode()


def test_the_cache_layer_imports_no_app():
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(page_cache))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module or "")

    assert not {name for name in imported if name.split(".")[0] in {"news", "support", "knowledge_bank"}}
