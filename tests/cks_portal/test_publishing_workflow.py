"""One publishing workflow for pages, news, events and publications (issue 15, point 4).

Draft, scheduled, published, withdrawn; one `published()` that reads state and publish time,
so a scheduled item goes live by itself; the same list actions in every admin; migrations
that carry the old values over without loss and back."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.utils import timezone

from cks_portal.core.publishing import State
from cks_portal.core.roles import EDITOR, LIBRARIAN, SUPPORT_EDITOR
from tests.admin_forms import form_data
from tests.factories import make_contact, make_news, make_page


def test_an_editor_schedules_a_page_and_it_goes_live_by_itself(staff_client):
    reader = Client()
    editor = staff_client(EDITOR)
    goes_live = timezone.localtime() + datetime.timedelta(days=2)
    url = "/admin/pages/page/add/"
    response = editor.post(
        url,
        {
            **form_data(editor.get(url)),
            "title_sv": "Ny tjänst",
            "slug": "ny-tjanst",
            "state": State.SCHEDULED,
            "publish_at_0": goes_live.strftime("%Y-%m-%d"),
            "publish_at_1": goes_live.strftime("%H:%M:%S"),
        },
    )
    assert response.status_code == 302, response.content.decode()[-2000:]

    assert reader.get("/ny-tjanst/").status_code == 404
    with time_machine.travel(goes_live + datetime.timedelta(minutes=1)):
        assert reader.get("/ny-tjanst/").status_code == 200


def test_an_editor_withdraws_a_page_and_a_news_item_with_the_same_list_action(staff_client):
    reader = Client()
    page = make_page("om-oss-test")
    item = make_news()
    assert reader.get(page.get_absolute_url()).status_code == 200
    assert reader.get(item.get_absolute_url()).status_code == 200
    editor = staff_client(EDITOR)

    for url, obj in (("/admin/pages/page/", page), ("/admin/news/newsitem/", item)):
        response = editor.post(url, {"action": "withdraw", "_selected_action": [obj.pk]})
        assert response.status_code == 302

    page.refresh_from_db()
    item.refresh_from_db()
    assert (page.state, item.state) == (State.WITHDRAWN, State.WITHDRAWN)
    assert page.updated_by == editor.user and item.updated_by == editor.user
    assert reader.get(page.get_absolute_url()).status_code == 404
    assert reader.get(item.get_absolute_url()).status_code == 404


def test_a_librarian_is_recorded_as_the_last_to_change_a_publication(staff_client, make_publication):
    publication = make_publication("Rapport")
    librarian = staff_client(LIBRARIAN)
    url = f"/admin/knowledge_bank/publication/{publication.pk}/change/"

    response = librarian.post(url, {**form_data(librarian.get(url)), "subtitle": "Ny undertitel"})

    assert response.status_code == 302, response.content.decode()[-2000:]
    publication.refresh_from_db()
    assert publication.updated_by == librarian.user


@pytest.fixture
def make_publication(db):
    from django.core.files.base import ContentFile

    from knowledge_bank.demo import make_pdf
    from knowledge_bank.models import Publication

    def make(title):
        publication = Publication(
            title=title, slug="rapport", year=2024, summary="Om rapporten.", state=State.PUBLISHED
        )
        publication.file.save("rapport.pdf", ContentFile(make_pdf(title, ["Text."])), save=False)
        publication.save()
        return publication

    return make


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


BEFORE = [
    ("cks_portal", "0004_page_help_text"),
    ("news", "0010_search_index_names"),
    ("knowledge_bank", "0011_search_index_name"),
]
AFTER = [
    ("cks_portal", "0005_page_publishing_workflow"),
    ("news", "0011_publishing_workflow"),
    ("knowledge_bank", "0013_changed_by_and_publishing_fields"),
]


@pytest.mark.django_db(transaction=True)
def test_the_migrations_carry_every_old_value_into_the_workflow_and_back():
    old = migrate(BEFORE)
    old.get_model("cks_portal.Page").objects.create(title="Öppen", slug="oppen", is_published=True)
    old.get_model("cks_portal.Page").objects.create(title="Dold", slug="dold", is_published=False)
    for state in ("draft", "scheduled", "published", "unpublished"):
        old.get_model("news.NewsItem").objects.create(title=state, slug=state, lead="", body="", state=state)
    for status in ("draft", "published", "withdrawn"):
        old.get_model("knowledge_bank.Publication").objects.create(
            title=status, slug=status, year=2024, summary="", status=status, file="x.pdf"
        )

    new = migrate(AFTER)
    assert dict(new.get_model("cks_portal.Page").objects.values_list("slug", "state")) == {
        "oppen": "published",
        "dold": "draft",
    }
    assert new.get_model("cks_portal.Page").objects.filter(publish_at__lte=timezone.now()).count() == 2
    assert dict(new.get_model("news.NewsItem").objects.values_list("slug", "state")) == {
        "draft": "draft",
        "scheduled": "scheduled",
        "published": "published",
        "unpublished": "withdrawn",
    }
    assert dict(new.get_model("knowledge_bank.Publication").objects.values_list("slug", "state")) == {
        "draft": "draft",
        "published": "published",
        "withdrawn": "withdrawn",
    }

    back = migrate(BEFORE)
    assert dict(back.get_model("cks_portal.Page").objects.values_list("slug", "is_published")) == {
        "oppen": True,
        "dold": False,
    }
    assert (
        dict(back.get_model("news.NewsItem").objects.values_list("slug", "state"))["unpublished"]
        == "unpublished"
    )
    assert dict(back.get_model("knowledge_bank.Publication").objects.values_list("slug", "status")) == {
        "draft": "draft",
        "published": "published",
        "withdrawn": "withdrawn",
    }
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def test_a_support_editor_is_recorded_as_the_last_to_change_a_support_line(staff_client):
    contact = make_contact()
    support_editor = staff_client(SUPPORT_EDITOR)
    url = f"/admin/support/supportcontact/{contact.pk}/change/"

    response = support_editor.post(url, {**form_data(support_editor.get(url)), "order": "5"})

    assert response.status_code == 302, response.content.decode()[-2000:]
    contact.refresh_from_db()
    assert contact.updated_by == support_editor.user
