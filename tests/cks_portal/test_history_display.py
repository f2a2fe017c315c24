"""The history pages show changes as the editor made them in the form: Swedish labels for
choices, Stockholm time, and nothing where no reason was given."""

from datetime import datetime
from zoneinfo import ZoneInfo

from cks_portal.core.roles import EDITOR
from news.models import State
from tests.admin_forms import form_data
from tests.factories import make_news

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def test_the_history_of_a_news_item_reads_as_the_form_does(staff_client):
    editor = staff_client(EDITOR)
    item = make_news(state=State.DRAFT, publish_at=datetime(2026, 1, 15, 10, 0, tzinfo=STOCKHOLM))
    url = f"/admin/news/newsitem/{item.pk}/change/"
    response = editor.post(
        url, {**form_data(editor.get(url)), "state": "published", "publish_at_1": "11:30:00"}
    )
    assert response.status_code == 302

    html = editor.get(f"/admin/news/newsitem/{item.pk}/history/").content.decode()

    assert "Utkast" in html and "Publicerad" in html
    assert "published" not in html.split('id="change-history"')[1]
    assert "11:30" in html  # Stockholm time, not 10:30 UTC
    assert "10:30" not in html
    assert "None" not in html
