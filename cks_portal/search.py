"""Search machinery shared by every app: query cleaning, PostgreSQL full text, a SQLite
fallback, safe highlighting, and the list of providers behind the site-wide search at /sok/.

The query syntax is the one people know from web search engines, as PostgreSQL's
`websearch_to_tsquery` reads it: words are all required, `"a phrase"` must appear as
written, `-word` excludes, `or` offers alternatives. The SQLite fallback reads the same
syntax with `parse_query` and matches substrings instead of stemmed words.

A provider is a function `site_results(query, limit)` in an app's own `search` module that
returns a `SearchGroup` (or None when it has nothing to say); `/sok/` shows the groups in
the order of `SITE_SEARCH_PROVIDERS`.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import reduce
from importlib import import_module
from operator import and_, or_

from django.conf import settings
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db.models import F, Func, Q, TextField, Value
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

SEARCH_CONFIG = "swedish"
QUERY_MAX_LENGTH = 200

# Dotted paths of provider functions, in the order /sok/ shows their groups.
SITE_SEARCH_PROVIDERS = [
    "support.search.site_results",
    "knowledge_bank.search.site_results",
    "news.search.news_results",
    "news.search.event_results",
    "cks_portal.search.page_results",
]

# Private-use characters: they never occur in real text, so after escaping the headline
# they can be swapped for <mark> without letting any stored markup through.
_START, _STOP = "\ue000", "\ue001"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def clean_query(raw):
    """The query as the database may see it: NFC, no control characters (PostgreSQL refuses
    NUL), single spaces, at most QUERY_MAX_LENGTH characters."""
    text = unicodedata.normalize("NFC", str(raw or ""))
    text = _CONTROL.sub(" ", text)
    return " ".join(text.split())[:QUERY_MAX_LENGTH].strip()


def uses_postgres():
    return settings.IS_POSTGRES


# --- PostgreSQL -------------------------------------------------------------------------------
def websearch_query(query):
    return SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)


def rank(vector, search_query):
    # Normalisation 1 divides by 1 + log(length): a long PDF does not win on volume alone.
    return SearchRank(vector, search_query, normalization=Value(1))


def weighted_vector(*weighted_fields):
    """`weighted_vector(("title", "A"), ("lead", "C"))`, for models without a stored vector."""
    vectors = [SearchVector(name, weight=weight, config=SEARCH_CONFIG) for name, weight in weighted_fields]
    return reduce(lambda left, right: left + right, vectors)


def headline(expression, search_query, max_words=30, min_words=12, fragments=2):
    """A snippet with the matched words wrapped in markers that `highlight` turns into <mark>."""
    return SearchHeadline(
        expression,
        search_query,
        config=SEARCH_CONFIG,
        start_sel=_START,
        stop_sel=_STOP,
        max_words=max_words,
        min_words=min_words,
        max_fragments=fragments,
        fragment_delimiter=" … ",
    )


class MatchWindow(Func):
    """The part of a long text around the first place the query's first word appears, for
    `headline`: ts_headline parses every character it is given, so twenty long PDFs cost
    tens of milliseconds, while a window of `size` characters costs almost nothing.

    The place is found with `strpos` for the query's first lexeme (Swedish stems are mostly
    prefixes of the words: "radikaliser" in "radikaliseringen"), looking at most `reach`
    characters in. It is case-sensitive on purpose: lower() on a long text costs more than
    the headline it saves, and most words are written in lower case. When it is not found,
    the window is the start of the text, and the caller falls back to the summary if the
    headline has no match."""

    output_field = TextField()
    _FIRST_LEXEME = "'([^']+)'"

    def __init__(self, text, search_query, reach, size=800, before=200):
        super().__init__(text, search_query, Value(reach), Value(before), Value(size))

    def as_sql(self, compiler, connection, **extra_context):
        (
            (text, text_params),
            (query, query_params),
            (reach, reach_params),
            (before, before_params),
            (
                size,
                size_params,
            ),
        ) = (compiler.compile(expression) for expression in self.get_source_expressions())
        sql = (
            f"substr({text}, greatest(strpos(left({text}, {reach}), "
            f"coalesce((regexp_match(querytree({query})::text, %s))[1], %s)) - {before}, 1), {size})"
        )
        params = (
            *text_params,
            *text_params,
            *reach_params,
            *query_params,
            self._FIRST_LEXEME,
            "",
            *before_params,
            *size_params,
        )
        return sql, params


def has_highlight(snippet):
    """False when the headline matched nothing in its text (the match was elsewhere, such
    as the title); then the start of the text reads better than a cut-off fragment."""
    return bool(snippet) and _START in snippet


def highlight(snippet):
    """Escape everything in a headline, then turn only its markers into <mark>."""
    text = escape(snippet or "").replace(_START, "<mark>").replace(_STOP, "</mark>")
    return mark_safe(text)  # noqa: S308 - escaped on the line above


# --- SQLite fallback --------------------------------------------------------------------------
@dataclass(frozen=True)
class Term:
    text: str
    negated: bool = False


_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def parse_query(query):
    """The websearch syntax as a list of clauses that must all hold; a clause is a list of
    alternative terms (more than one where `or` joined them). Lone operators are ignored."""
    clauses = []
    join_next = False
    for match in _TOKEN.finditer(query):
        negated = match.group(1) == "-"
        if match.group(2) is not None:
            text = " ".join(match.group(2).split())
        else:
            word = match.group(3)
            if word.lower() == "or":
                join_next = bool(clauses)
                continue
            negated = word.startswith("-")
            text = word.lstrip("-").strip("\"'")
        if not text:
            continue
        term = Term(text, negated)
        if join_next and not negated and not any(t.negated for t in clauses[-1]):
            clauses[-1].append(term)
        else:
            clauses.append([term])
        join_next = False
    return clauses


def fallback_filter(query, fields, extra=None):
    """A Q object that matches `query` with icontains over `fields`, or None when the query
    holds no searchable term. `extra(text)` may add more Q alternatives per term (for
    example an Exists over related authors)."""
    clauses = parse_query(query)
    if not clauses:
        return None

    def matches(text):
        alternatives = [Q(**{f"{name}__icontains": text}) for name in fields]
        if extra:
            alternatives.append(extra(text))
        return reduce(or_, alternatives)

    parts = []
    for clause in clauses:
        if len(clause) == 1 and clause[0].negated:
            parts.append(~matches(clause[0].text))
        else:
            parts.append(reduce(or_, [matches(term.text) for term in clause]))
    if all(len(c) == 1 and c[0].negated for c in clauses):
        # "-word" alone would match nearly everything; websearch returns nothing for it either.
        return None
    return reduce(and_, parts)


def highlight_terms(text, query, length=240):
    """Fallback snippet: about `length` characters of `text` around the first word of the
    query found in it (else its start), escaped, with the query's words marked."""
    text = " ".join((text or "").split())
    words = [t.text for clause in parse_query(query) for t in clause if not t.negated]
    pattern = (
        re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.I)
        if words
        else None
    )
    found = pattern.search(text) if pattern else None
    start = max(0, found.start() - length // 3) if found else 0
    excerpt = text[start : start + length]
    if start:
        excerpt = "… " + excerpt.split(" ", 1)[-1]
    if start + length < len(text):
        excerpt = excerpt.rsplit(" ", 1)[0] + " …"
    if not pattern:
        return escape(excerpt)
    return highlight(pattern.sub(lambda m: f"{_START}{m.group(0)}{_STOP}", excerpt))


def contains_terms(text, query):
    words = [t.text.lower() for clause in parse_query(query) for t in clause if not t.negated]
    text = (text or "").lower()
    return any(word in text for word in words)


# --- Site-wide search -------------------------------------------------------------------------
@dataclass
class SearchResult:
    title: str
    url: str
    snippet: str = ""
    meta: str = ""
    lang: str = ""


@dataclass
class SearchGroup:
    kind: str
    label: str
    results: list = field(default_factory=list)
    more_url: str = ""
    has_more: bool = False


def site_results(query, limit=5):
    """Every provider's group that found something. One or two queries per provider."""
    groups = []
    for dotted in SITE_SEARCH_PROVIDERS:
        module_name, function_name = dotted.rsplit(".", 1)
        group = getattr(import_module(module_name), function_name)(query, limit)
        if group and group.results:
            groups.append(group)
    return groups


def page_results(query, limit):
    from cks_portal.models import Page

    pages = Page.objects.published().only("title", "title_en", "slug", "lead", "lead_en")
    if uses_postgres():
        search_query = websearch_query(query)
        vector = weighted_vector(("title", "A"), ("title_en", "A"), ("lead", "B"), ("lead_en", "B"))
        vector = vector + weighted_vector(("body", "C"), ("body_en", "C"))
        pages = (
            pages.annotate(document=vector, rank=rank(F("document"), search_query))
            .filter(document=search_query)
            .annotate(snippet=headline("lead", search_query))
            .order_by("-rank", "title")
        )
    else:
        condition = fallback_filter(query, ["title", "title_en", "lead", "lead_en", "body", "body_en"])
        pages = pages.filter(condition).order_by("title") if condition else pages.none()
    found = list(pages[: limit + 1])
    results = []
    for page in found[:limit]:
        lead = page.t.lead
        snippet = getattr(page, "snippet", None)
        if has_highlight(snippet) and lead == page.lead:
            snippet = highlight(snippet)
        else:
            snippet = highlight_terms(lead, query)
        results.append(
            SearchResult(title=page.t.title, url=page.get_absolute_url(), snippet=snippet, lang=lead.lang)
        )
    return SearchGroup(kind="pages", label=_("Pages"), results=results, has_more=len(found) > limit)
