"""The news feeds through the W3C Feed Validator (issue 18): no error, no warning, and not even
its notes, for RSS and Atom alike. The validator is an unchanged copy in validators/
(SOURCE.txt there)."""

import datetime
import sys
from pathlib import Path
from xml.etree import ElementTree

import feedparser
import pytest
from django.utils import timezone

from cks_portal.core.publishing import State
from news.feeds import DUBLIN_CORE

sys.path.insert(0, str(Path(__file__).parent / "validators"))
import feedvalidator
from feedvalidator import compatibility
from feedvalidator.formatter.text_plain import Formatter

FEEDS = ["/nyheter/rss/", "/nyheter/atom/", "/en/nyheter/rss/", "/en/nyheter/atom/"]


def validator_messages(client, path):
    """What the validator says of the feed at `path`: errors, warnings and notes, as text."""
    text = client.get(path).content.decode()
    events = feedvalidator.validateString(text, firstOccurrenceOnly=0, base=f"http://testserver{path}")
    return list(Formatter(compatibility.AAA(events["loggedEvents"])))


@pytest.fixture
def varied_news(news_factory):
    """News as editors write it: with and without a byline, in English, with characters that
    need escaping, scheduled and edited before it went out, and a draft the feed leaves out."""
    news_factory("med-byline", title="Seminarium & samtal i Borås", byline="Maria Lindqvist")
    news_factory("utan-byline", lead="Ingress med “citat” och 100 % & mer.")
    news_factory("engelsk", title="A visit from Canada", language="en", byline="Samir Haddad")
    edited = news_factory("schemalagd", days_ago=2)
    # Edited a week before it was published (a scheduled item).
    type(edited).objects.filter(pk=edited.pk).update(
        updated_at=edited.publish_at - datetime.timedelta(days=7)
    )
    news_factory("utkast", state=State.DRAFT)


@pytest.mark.parametrize("path", FEEDS)
def test_the_feed_passes_the_w3c_feed_validator(client, varied_news, path):
    assert validator_messages(client, path) == []


@pytest.mark.parametrize("path", FEEDS)
def test_the_demo_news_feed_passes_the_w3c_feed_validator(client, demo, path):
    assert validator_messages(client, path) == []


def test_text_that_looks_like_html_is_written_so_that_no_reader_takes_it_for_html(client, news_factory):
    news_factory("taggar", title="Varför <script> & <b> i ett formulär är farligt", lead="1 < 2 && 3 > 2")

    for path in FEEDS:
        assert validator_messages(client, path) == []
        entry = feedparser.parse(client.get(path).content).entries[0]
        assert entry.title == "Varför <script> & <b> i ett formulär är farligt"
        assert entry.summary == "1 &lt; 2 &amp;&amp; 3 &gt; 2"  # HTML that shows the lead as written
    assert "&#x3C;script&gt; &#x26; &#x3C;b&gt;" in client.get("/nyheter/rss/").content.decode()


def test_a_title_with_an_html_end_tag_is_the_one_warning_left(client, news_factory):
    """A title that holds an end tag makes the validator warn however it is escaped: RSS cannot
    say that a title is text, and in Atom the warning is for the text type itself. The only
    fix would be to change the editor's words, so this is the warning the feeds may give."""
    news_factory("taggar", title="Skriv <i>kursivt</i> i rubriken")

    for path in FEEDS:
        [message] = validator_messages(client, path)
        assert "title should not contain HTML" in message


def test_the_validator_would_have_caught_an_entry_without_author(client):
    """The check is real: the Atom feed before issue 18, an entry without author, fails."""
    text = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>t</title><id>tag:boras.se,2025:news</id><updated>2026-01-01T00:00:00Z</updated>"
        '<link href="http://testserver/nyheter/atom/" rel="self"/>'
        "<entry><title>e</title><id>tag:boras.se,2025:news/1</id>"
        "<updated>2026-01-01T00:00:00Z</updated></entry></feed>"
    )
    events = feedvalidator.validateString(text, firstOccurrenceOnly=0)["loggedEvents"]

    assert any("Missing entry element: author" in line for line in Formatter(compatibility.AA(events)))


def test_every_entry_names_its_author_its_language_and_a_lasting_id(client, varied_news, settings):
    settings.SITE_ID_DOMAIN = "cks.example.se"
    atom = feedparser.parse(client.get("/nyheter/atom/", HTTP_HOST="localhost").content)
    rss = feedparser.parse(client.get("/nyheter/rss/", HTTP_HOST="127.0.0.1").content)

    by_title = {entry.title: entry for entry in atom.entries}
    assert by_title["A visit from Canada"].author == "Samir Haddad"
    assert by_title["A visit from Canada"].title_detail.language == "en"
    assert by_title["Nyhet utan-byline"].author == "Borås Stad, Centrum för kunskap och säkerhet"
    assert by_title["Nyhet utan-byline"].title_detail.language == "sv"
    # The ids do not depend on the host the feed was read from, and RSS and Atom agree.
    assert [entry.id for entry in atom.entries] == [entry.id for entry in rss.entries]
    assert all(entry.id.startswith("tag:cks.example.se,2025:news/") for entry in atom.entries)
    assert rss.entries[0].guidislink is False
    items = ElementTree.fromstring(client.get("/nyheter/rss/").content).iter("item")  # noqa: S314 (our own feed)
    assert sorted(item.findtext(f"{{{DUBLIN_CORE}}}language") for item in items) == ["en", "sv", "sv", "sv"]
    assert "utkast" not in {entry.link.rsplit("/", 2)[-2] for entry in atom.entries}


def test_an_entry_is_never_updated_before_it_was_published(client, varied_news):
    for entry in feedparser.parse(client.get("/nyheter/atom/").content).entries:
        assert entry.updated_parsed >= entry.published_parsed


def test_the_feeds_cost_the_same_queries_for_one_item_as_for_twenty(
    client, news_factory, django_assert_num_queries
):
    news_factory("en")
    with django_assert_num_queries(1):
        client.get("/nyheter/atom/")
    for number in range(25):
        news_factory(f"fler-{number}", publish_at=timezone.now() - datetime.timedelta(hours=number + 2))
    with django_assert_num_queries(1):
        client.get("/nyheter/rss/")
