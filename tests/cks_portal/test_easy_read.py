"""Easy-to-read Swedish (lättläst): the support page and the about page in easy Swedish,
pages that staff edit in the admin, linked from every page's header (issue 16, point 5)."""

import re
from html.parser import HTMLParser

import pytest

from cks_portal.core.roles import EDITOR
from cks_portal.pages.demo import EASY_READ_PAGES
from cks_portal.pages.models import Page
from tests.admin_forms import form_data
from tests.html import element, elements

EASY_READ_PATHS = ["/lattlast/", "/lattlast/stod/", "/lattlast/om-oss/"]


@pytest.mark.parametrize("path", EASY_READ_PATHS)
def test_the_easy_to_read_pages_are_swedish_pages_of_their_own(client, demo, path):
    response = client.get(path)

    assert response.status_code == 200
    assert elements(response.content, "html", lang="sv")
    # Swedish only: the language switch and the head offer no other language.
    assert [link.attrs["hreflang"] for link in elements(response.content, "link", rel="alternate")] == [
        "sv",
        "x-default",
    ]


def test_the_easy_to_read_support_page_has_the_numbers_to_call(client, demo):
    html = client.get("/lattlast/stod/").content.decode()

    assert elements(html, "h1", "Här kan du få stöd")
    for number in ["112", "020-100 200", "114 14", "033-35 70 00"]:
        assert number in html
    assert elements(html, "a", href="/stod/")


@pytest.mark.parametrize(
    ("path", "lang"), [("/", None), ("/stod/", None), ("/en/stod/", "sv"), ("/ar/", "sv")]
)
def test_every_page_links_to_easy_to_read_swedish_in_its_header(client, demo, path, lang):
    html = client.get(path).content.decode()

    link = element(html, "a", "Lättläst", class_="easy-read")
    assert link.attrs["href"] == "/lattlast/"
    assert link.attrs.get("lang") == lang
    assert any(parent.tag == "header" for parent in link.ancestors)


def test_the_link_says_when_the_reader_is_on_the_easy_to_read_page(client, demo):
    link = element(client.get("/lattlast/").content, "a", "Lättläst", class_="easy-read")

    assert link.attrs["aria-current"] == "page"


@pytest.mark.parametrize("path", ["/lattlast-stod/", "/ar/lattlast-stod/", "/en/lattlast/"])
def test_an_easy_to_read_page_has_one_address(client, demo, path):
    response = client.get(path)

    assert response.status_code == 301
    assert response["Location"] in {"/lattlast/stod/", "/lattlast/"}


def test_an_address_under_lattlast_without_a_page_is_not_found(client, demo):
    assert client.get("/lattlast/finns-inte/").status_code == 404
    assert client.get("/lattlast/om-oss/").status_code == 200


@pytest.mark.django_db(transaction=True)
def test_staff_edit_the_easy_to_read_text_in_the_admin(client, demo, staff_client):
    editor = staff_client(EDITOR)
    page = Page.objects.get(slug="lattlast-stod")
    url = f"/admin/pages/page/{page.pk}/change/"

    response = editor.post(url, {**form_data(editor.get(url)), "lead_sv": "Ring oss om du är orolig."})

    assert response.status_code == 302
    assert elements(client.get("/lattlast/stod/").content, "p", "Ring oss om du är orolig.", class_="lead")


class _Lines(HTMLParser):
    """The text of a page's body, a line for each paragraph, list item, heading and <br>."""

    BREAKS = {"p", "li", "h2", "h3", "br"}

    def __init__(self):
        super().__init__()
        self.lines = [""]

    def handle_starttag(self, tag, attrs):
        if tag in self.BREAKS:
            self.lines.append("")

    def handle_endtag(self, tag):
        if tag in self.BREAKS:
            self.lines.append("")

    def handle_data(self, data):
        self.lines[-1] += data


def lines(page):
    reader = _Lines()
    reader.feed(page["body"])
    return [" ".join(line.split()) for line in [page["title"], page["lead"], *reader.lines] if line.strip()]


SENTENCE_END = re.compile(r"[.?!](\s|$)")
ABBREVIATION = re.compile(r"\b\w{1,4}\.\w|\b[A-ZÅÄÖ]{2,}\b")  # "t.ex.", "bl.a.", "CKS"


@pytest.mark.parametrize("page", EASY_READ_PAGES, ids=lambda page: page["slug"])
def test_the_demo_text_follows_the_easy_to_read_guidelines(page):
    """Short sentences, one to a line, and no abbreviations: the rules that can be counted
    (Myndigheten för tillgängliga mediers guidelines for easy-to-read Swedish)."""
    for line in lines(page):
        assert len(SENTENCE_END.findall(line)) <= 1, f"more than one sentence on a line: {line!r}"
        assert len(line.split()) <= 12, f"a long sentence: {line!r}"
        assert not ABBREVIATION.search(line), f"an abbreviation: {line!r}"
