"""Search as you type: the suggestions the search boxes of /sok/ and /kunskapsbank/ offer while
a visitor types (static/js/search-suggest.js asks `/sok/forslag/?q=`).

A suggestion is a thing to open, not a query to run: a publication's title, a topic. The words
typed are read as prefixes of words (`våld` finds "Våldsbejakande extremism" and "Hot och
våld"), all of them required, case and accents as PostgreSQL's `simple` text-search
configuration folds them: lower case, Swedish letters kept. That is deliberately not the
ranked full-text search of `cks_portal.core.search`: a stemmer cannot take half a word.

The apps say what they can suggest (`registry.register_suggestion_provider`); a provider is
called as `provider(prefix, limit)` with a `Prefix` and returns at most `limit` `Suggestion`s,
in one or two indexed queries.
"""

import re
from dataclasses import asdict, dataclass

from django.contrib.postgres.search import SearchQuery

from cks_portal.core import registry
from cks_portal.core.search import clean_query

# Letters typed before anything is suggested: fewer match half the index and tell the
# visitor nothing.
MIN_LETTERS = 3
# Suggestions in one answer: what fits under a search box on a phone.
MAX_SUGGESTIONS = 8
# Words of a query that are read, and characters of each: a title is found by its first few
# words, and a longer word is no title's word anyway.
MAX_WORDS = 6
MAX_WORD_LENGTH = 60
# The text-search configuration of the prefix index: lower case, no stemming, no stop words.
PREFIX_CONFIG = "simple"

# A word is a run of letters and digits; `_`, `%`, `\`, quotes and tsquery's operators are not
# part of one, so nothing typed reaches the query as syntax.
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Prefix:
    """What was typed, as words to match as prefixes. `text` is the cleaned query."""

    text: str
    words: tuple

    @classmethod
    def parse(cls, raw):
        text = clean_query(raw)
        words = []
        for word in _WORD.findall(text.lower()):
            # One letter narrows nothing ("våld i n…") and costs a scan of half the index.
            if len(word) > 1 and word not in words:
                words.append(word[:MAX_WORD_LENGTH])
        return cls(text, tuple(words[:MAX_WORDS]))

    @property
    def is_long_enough(self):
        """True when some word has MIN_LETTERS letters: only then is anything suggested."""
        return any(len(word) >= MIN_LETTERS for word in self.words)

    def search_query(self):
        """`'våld':* & 'extr':*` for a `to_tsvector('simple', …)` column or index."""
        raw = " & ".join(f"'{word}':*" for word in self.words)
        return SearchQuery(raw, search_type="raw", config=PREFIX_CONFIG)

    def matches(self, text):
        """The same test in Python, for short lists held in memory (topic names)."""
        text_words = _WORD.findall((text or "").lower())
        return all(any(candidate.startswith(word) for candidate in text_words) for word in self.words)

    def starts(self, text):
        """True when `text` begins with what was typed: such a suggestion comes first."""
        return (text or "").lower().startswith(self.text.lower())


@dataclass(frozen=True)
class Suggestion:
    label: str
    url: str
    kind: str
    kind_label: str
    lang: str = ""

    def as_json(self):
        return {key: str(value) for key, value in asdict(self).items()}


def suggestions(prefix, limit=MAX_SUGGESTIONS):
    """The suggestions for a `Prefix`, each provider's in the registered order, at most `limit`
    in all. Nothing (and no query) unless it `is_long_enough`."""
    if not prefix.is_long_enough:
        return []
    found = []
    for provider in registry.suggestion_providers():
        if len(found) >= limit:
            break
        found.extend(provider(prefix, limit - len(found))[: limit - len(found)])
    return found
