"""What the knowledge bank suggests while a visitor types in a search box (cks_portal.core.suggest):
the topics that have published publications, then the titles of published publications.

Titles are matched through `kb_title_words_idx`, a GIN index over `to_tsvector('simple',
title)`: a prefix such as `'radi':*` is looked up in the index's sorted words, so a
suggestion costs one index scan and the few rows it finds, however large the knowledge bank.
Topics are few and remembered until content changes (`selectors.suggested_topics`), and are
matched in Python in the page's language.
"""

from django.contrib.postgres.search import SearchVector
from django.db.models import Value
from django.db.models.functions import Collate, Lower
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from cks_portal.core import i18n
from cks_portal.core.suggest import PREFIX_CONFIG, Suggestion
from knowledge_bank import selectors
from knowledge_bank.models import Publication

# The expression `kb_title_words_idx` indexes; the query must use exactly this one.
TITLE_WORDS = SearchVector("title", config=PREFIX_CONFIG)
# The expression `kb_title_prefix_idx` indexes: the title in lower case, compared byte by byte.
TITLE_KEY = Collate(Lower("title"), "C")
# Of the suggestions, at most this many are topics: the titles are what people look for.
MAX_TOPICS = 3


def matching_topics(prefix, limit):
    """Topics whose name in the page's language (Swedish where it has none) has every word
    typed as the start of one of its words."""
    language = i18n.active_language()
    found = []
    for slug, names in selectors.suggested_topics():
        name, lang = names.get(language), language
        if not name:
            name, lang = names[i18n.DEFAULT_LANGUAGE], i18n.DEFAULT_LANGUAGE
        if prefix.matches(name):
            found.append((not prefix.starts(name), name.lower(), slug, name, lang))
    index_url = reverse("knowledge_bank:index")
    return [
        Suggestion(
            label=name,
            url=f"{index_url}?{urlencode({'topic': slug})}",
            kind="topic",
            kind_label=_("Topic"),
            lang=lang,
        )
        for *_order, slug, name, lang in sorted(found)[:limit]
    ]


def matching_titles(prefix, limit):
    """Published publications whose title has every word typed as the start of one of its
    words, at most `limit`: first those whose title begins with what was typed (alphabetical),
    then the newest. One query of two parts, each read in index order and stopped after
    `limit` rows, so a prefix that half the titles share costs what a rare one does."""
    if limit < 1:
        return []
    published = (
        Publication.objects.published()
        .alias(title_words=TITLE_WORDS)
        .filter(title_words=prefix.search_query())
    )
    columns = ("part", "key", "year", "title", "pk", "slug", "language")
    beginning = (
        published.annotate(part=Value(0), key=TITLE_KEY)
        .filter(key__startswith=prefix.text.lower())
        .order_by("key", "pk")
        .values_list(*columns)[:limit]
    )
    newest = (
        published.annotate(part=Value(1), key=Value(""))
        .order_by("-year", "title", "pk")
        .values_list(*columns)[:limit]
    )
    rows = beginning.union(newest, all=True)
    # The union promises no order: each part is put back in its own (byte order is code
    # point order, so Python sorts the "C" keys as PostgreSQL did).
    first = sorted((row for row in rows if row[0] == 0), key=lambda row: (row[1], row[4]))
    rest = sorted((row for row in rows if row[0] == 1), key=lambda row: (-row[2], row[3], row[4]))
    seen, found = set(), []
    for _part, _key, _year, title, pk, slug, language in first + rest:
        if pk not in seen and len(found) < limit:
            seen.add(pk)
            found.append(
                Suggestion(
                    label=title,
                    url=reverse("knowledge_bank:detail", kwargs={"slug": slug}),
                    kind="publication",
                    kind_label=_("Publication"),
                    lang=language,
                )
            )
    return found


def suggestions(prefix, limit):
    """The knowledge bank's part of the suggestions (registered in apps.py)."""
    topics = matching_topics(prefix, min(limit, MAX_TOPICS))
    return topics + matching_titles(prefix, limit - len(topics))
