import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command

from knowledge_bank.models import Publication


def test_reindex_reads_every_file_again_and_survives_a_broken_one(make_publication):
    good = make_publication("Bra", pdf=["Unik fras om kvarterslopp."])
    broken = make_publication("Trasig", pdf=["Text."])
    broken.file.storage.save(broken.file.name, ContentFile(b"not a pdf any more"))
    broken.file.storage.delete(broken.file.name)
    broken.file.storage.save(broken.file.name, ContentFile(b"%PDF-1.4 broken"))
    Publication.objects.filter(pk=good.pk).update(file_text="")
    out, err = io.StringIO(), io.StringIO()

    call_command("reindex", stdout=out, stderr=err)

    good.refresh_from_db()
    assert "kvarterslopp" in good.file_text
    assert "Re-indexed 2 publications; 1 files could not be read." in out.getvalue()
    assert "trasig" in err.getvalue().lower() or broken.slug in err.getvalue()


def test_reindex_rebuilds_the_search_vectors(make_publication):
    publication = make_publication("Kvarterslopp och trygghet")
    Publication.objects.update(search_vector=None)
    assert not Publication.objects.search("kvarterslopp").exists()

    call_command("reindex", "--no-files", stdout=io.StringIO(), stderr=io.StringIO())

    assert list(Publication.objects.search("kvarterslopp")) == [publication]


def test_reindex_rebuilds_the_compound_parts_and_the_vocabulary(make_publication):
    from cks_portal.core.models import SearchWord
    from tests.factories import make_topic

    publication = make_publication("Hedersvåld mot pojkar")
    make_topic("samverkan", "Samverkan")
    Publication.objects.update(search_parts="", search_vector=None)
    SearchWord.objects.all().delete()

    call_command("reindex", "--no-files", stdout=io.StringIO(), stderr=io.StringIO())

    assert list(Publication.objects.search("heder")) == [publication]
    assert {"hedersvåld", "pojkar", "samverkan"} <= set(SearchWord.objects.values_list("word", flat=True))


def test_a_reindex_makes_cached_search_pages_out_of_date(client, make_publication, settings):
    """Issue 14: reindex writes with update(), which sends no signal to the page cache."""

    settings.PAGE_CACHE_SECONDS = 300
    make_publication("Kvarterslopp och trygghet")
    Publication.objects.update(search_vector=None)
    assert (
        "Kvarterslopp och trygghet"
        not in client.get("/kunskapsbank/", {"q": "kvarterslopp"}).content.decode()
    )

    call_command("reindex", "--no-files", stdout=io.StringIO(), stderr=io.StringIO())

    response = client.get("/kunskapsbank/", {"q": "kvarterslopp"})
    assert response["X-Page-Cache"] == "miss"
    assert "Kvarterslopp och trygghet" in response.content.decode()


class Handler(BaseHTTPRequestHandler):
    def do_HEAD(self):
        if self.path == "/ok":
            self.send_response(200)
        elif self.path == "/head-not-allowed":
            self.send_response(405)
        elif self.path == "/slow":
            import time

            time.sleep(2)  # real time: the checker's socket timeout must really expire
            self.send_response(200)
        else:
            self.send_response(404)
        self.end_headers()

    def do_GET(self):
        self.send_response(200 if self.path in ("/ok", "/head-not-allowed") else 404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def local_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_the_link_check_records_status_time_and_errors(make_publication, local_server):
    ok = make_publication("OK", external_url=f"{local_server}/ok")
    get_only = make_publication("GET", external_url=f"{local_server}/head-not-allowed")
    gone = make_publication("Borta", external_url=f"{local_server}/gone")
    slow = make_publication("Långsam", external_url=f"{local_server}/slow")
    out = io.StringIO()

    call_command("check_links", "--timeout", "0.5", "--workers", "4", stdout=out)

    for publication in (ok, get_only, gone, slow):
        publication.refresh_from_db()
        assert publication.link_checked_at is not None
    assert (ok.link_status, ok.link_is_broken) == (200, False)
    assert ok.link_response_ms is not None
    assert get_only.link_status == 200
    assert (gone.link_status, gone.link_is_broken) == (404, True)
    assert slow.link_status is None
    assert slow.link_is_broken
    assert "timed out" in slow.link_error
    assert "Checked 4 links; 2 broken." in out.getvalue()


def test_the_curators_list_filter_shows_broken_links(client, superuser, make_publication, local_server):
    make_publication("Fungerar", external_url=f"{local_server}/ok")
    make_publication("Trasig länk", external_url=f"{local_server}/gone")
    call_command("check_links", stdout=io.StringIO())
    client.force_login(superuser)

    html = client.get("/admin/knowledge_bank/publication/", {"link": "broken"}).content.decode()

    assert "Trasig länk" in html
    assert "Fungerar" not in html
