import re

import pytest
from django.urls import reverse

from cks_portal.core import limits


@pytest.mark.parametrize("url_name", ["search", "knowledge_bank:index", "news:index"])
def test_every_search_box_takes_as_many_characters_as_the_search_reads(client, db, monkeypatch, url_name):
    monkeypatch.setattr(limits, "QUERY_MAX_LENGTH", 150)

    html = client.get(reverse(url_name)).content.decode()

    box = re.search(r'<input type="search"[^>]*>', html).group(0)
    assert 'maxlength="150"' in box
