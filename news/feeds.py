"""The news as RSS 2.0 and Atom feeds, valid per the W3C Feed Validator (tests/news/test_feeds.py).

Every entry names its author (the byline, else the organisation), its own language (a news item
may be written in English on a Swedish feed) and an id that stays the same whatever host name
the site is reached by: a tag URI (RFC 4151) on `settings.SITE_ID_DOMAIN`, which feed readers use
to tell a new item from one they have shown.
"""

import copy
import re

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy
from django.utils.xmlutils import SimplerXMLGenerator

from news.models import NewsItem

FEED_SIZE = 20
DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"


def tag_uri(specific):
    """A tag URI on the site's id domain: `tag:boras.se,2025:news/12`. The date is the one in
    `SITE_ID_DATE`, when the domain's owner minted the ids; it never changes afterwards."""
    return f"tag:{settings.SITE_ID_DOMAIN},{settings.SITE_ID_DATE}:{specific}"


class _RssText(SimplerXMLGenerator):
    """Writes "&" and "<" in text as hexadecimal character references, as the RSS Best
    Practices Profile asks: RSS cannot say whether a title is text or HTML, and readers that
    take it for HTML still show "&#x3C;" as "<" (the W3C validator warns otherwise)."""

    def characters(self, content):
        if not content:
            return
        if _CONTROL_CHARACTERS.search(content):
            raise ValueError("Control characters are not supported in XML 1.0")
        escaped = content.replace("&", "&#x26;").replace("<", "&#x3C;").replace(">", "&gt;")
        self.ignorableWhitespace(escaped)  # written as it is


_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0B\x0C\x0E-\x1F]")


class _Rss(Rss201rev2Feed):
    """RSS 2.0 with Dublin Core for what RSS has no element of its own: each item's language."""

    def write(self, outfile, encoding):
        # Django's RssFeed.write with the text writer above.
        handler = _RssText(outfile, encoding, short_empty_elements=True)
        handler.startDocument()
        self.add_stylesheets(handler)
        handler.startElement("rss", self.rss_attributes())
        handler.startElement("channel", self.root_attributes())
        self.add_root_elements(handler)
        self.write_items(handler)
        self.endChannelElement(handler)
        handler.endElement("rss")

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": DUBLIN_CORE}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("dc:language", item["language"])


class _Atom(Atom1Feed):
    """Atom with each entry's language as `xml:lang`, which readers and screen readers use."""

    def item_attributes(self, item):
        return {**super().item_attributes(item), "xml:lang": item["language"]}


class LatestNewsFeed(Feed):
    feed_type = _Rss
    title = gettext_lazy("News from CKS-portalen")
    description = gettext_lazy("News from the Centre for Knowledge and Safety.")

    request = None

    def get_feed(self, obj, request):
        # The feed object is shared by every request (it is the URLconf's view): a copy per
        # request carries the request to the item methods.
        feed = copy.copy(self)
        feed.request = request
        return super(LatestNewsFeed, feed).get_feed(obj, request)

    def link(self):
        return reverse("news:index")

    def feed_guid(self):
        return tag_uri("news")

    def items(self):
        return NewsItem.objects.published()[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # The lead is plain text and both formats read the description as HTML.
        return escape(item.lead)

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        # A scheduled item is often edited before it goes out: it was not updated before it
        # was published.
        return max(item.updated_at, item.publish_at)

    def item_guid(self, item):
        return tag_uri(f"news/{item.pk}")

    def item_guid_is_permalink(self, item):
        return False

    def item_author_name(self, item):
        return item.byline or settings.SITE_ORGANISATION

    def item_author_link(self, item):
        # The organisation's page is the site itself; a byline is a person without one.
        return None if item.byline else self.request.build_absolute_uri(reverse("home"))

    def item_extra_kwargs(self, item):
        return {"language": item.language}


class LatestNewsAtomFeed(LatestNewsFeed):
    feed_type = _Atom
    subtitle = LatestNewsFeed.description
