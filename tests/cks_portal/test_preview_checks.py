"""The staff preview of a draft loads axe-core and its panel; nobody else gets them (issue 19)."""

from django.test import Client

from cks_portal.core.roles import EDITOR
from news.models import State
from tests.factories import make_event, make_news
from tests.html import elements

AXE = "/static/vendor/axe-core/axe.min.js"


def test_staff_previewing_a_draft_get_the_check(db, staff_client):
    make_news("utkast", state=State.DRAFT)
    make_event("utkast-seminarium", state=State.DRAFT)
    editor = staff_client(EDITOR)

    for url in ["/nyheter/utkast/", "/kalender/utkast-seminarium/"]:
        html = editor.get(url).content.decode()
        assert elements(html, "script", src=AXE), url
        assert elements(html, "script", src="/static/js/preview-checks.js", type="module"), url
        panel = elements(html, "aside", id="preview-checks")
        assert len(panel) == 1 and "hidden" in panel[0].attrs, url


def test_published_pages_and_readers_get_no_check(db, staff_client):
    make_news("ute")
    make_news("utkast", state=State.DRAFT)
    editor = staff_client(EDITOR)

    assert not elements(editor.get("/nyheter/ute/").content.decode(), "script", src=AXE)
    reader = Client()
    assert not elements(reader.get("/nyheter/ute/").content.decode(), "script", src=AXE)
    assert reader.get("/nyheter/utkast/").status_code == 404
