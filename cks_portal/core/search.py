"""Search machinery shared by every app: query cleaning, PostgreSQL full text, safe
highlighting, and the list of providers behind the site-wide search at /sok/.

The query syntax is the one people know from web search engines, as PostgreSQL's
`websearch_to_tsquery` reads it: words are all required, `"a phrase"` must appear as
written, `-word` excludes, `or` offers alternatives. `parse_query` reads the same syntax in
Python, only to mark the query's words in a short text the database did not headline.

A provider is a `SiteSearchProvider` instance in an app's own `search` module, called as
`provider(query, limit)` for a `SearchGroup` (`/sok/` calls its `start` and `group` instead, so
that one provider's statement can run beside the others'); the app registers it in its
`AppConfig.ready()` (`registry.register_search_provider`), and `/sok/` shows the groups in the
registered order.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import reduce

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchQueryField,
    SearchRank,
    SearchVector,
    SearchVectorField,
)
from django.db import models
from django.db.models import BigIntegerField, Case, F, FloatField, Func, Lookup, TextField, Value, When
from django.db.models.expressions import RawSQL
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from cks_portal.core import beside, limits, registry, statements, thesaurus

SEARCH_CONFIG = "swedish"

# Private-use characters: they never occur in real text, so after escaping the headline
# they can be swapped for <mark> without letting any stored markup through.
_START, _STOP = "\ue000", "\ue001"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def clean_query(raw):
    """The query as the database may see it: NFC, no control characters (PostgreSQL refuses
    NUL), single spaces, at most limits.QUERY_MAX_LENGTH characters."""
    text = unicodedata.normalize("NFC", str(raw or ""))
    text = _CONTROL.sub(" ", text)
    return " ".join(text.split())[: limits.QUERY_MAX_LENGTH].strip()


# --- PostgreSQL full text ---------------------------------------------------------------------
class ThesaurusQuery(SearchQuery):
    """`websearch_to_tsquery(query)` rewritten through the curators' thesaurus
    (cks_portal/core/thesaurus.py): "VBE" asks for 'vbe' | 'våldsbejak' <-> 'extremism' | ….

    The statement gets the rewritten query as a constant (`'…'::tsquery`), asked for once per
    request (thesaurus.rewritten), so PostgreSQL plans it for the words it will look for. A
    kept statement (core/statements.py) has statements.WORDS in its place, which each search
    binds to its own rewritten query."""

    def as_sql(self, compiler, connection, function=None, template=None):
        text = self.source_expressions[-1].value
        words = statements.WORDS if text == statements.QUERY else thesaurus.rewritten(text)
        return "%s::tsquery", [words]


def websearch_query(query):
    return ThesaurusQuery(query, search_type="websearch", config=SEARCH_CONFIG)


class RankQuery(Func):
    """The query's words joined by OR, for ranking (core migration 0013, `cks_rank_query`):
    ts_rank scores an AND by the distance of every pair of its words' positions, which for
    three common words in a long text cost 7-12 ms per thousand rows, against 1-2 ms for OR.
    Every row it ranks matches the whole query already."""

    function = "cks_rank_query"
    output_field = SearchQueryField()


class Unconverted:
    """For an expression of FloatField whose value needs no conversion: PostgreSQL returns a
    real, which psycopg already reads as a Python float. Django would otherwise cast each value
    to float again, a function call for each of the knowledge-bank walk's thousand rows
    (core/statements.py)."""

    @cached_property
    def convert_value(self):
        return self._convert_value_noop


class Rank(Unconverted, SearchRank):
    """ts_rank, read as psycopg gives it."""


class RankWhere(Unconverted, Case):
    """ts_rank where a condition holds and 0 elsewhere, read as psycopg gives it."""


def rank(vector, search_query):
    # Normalisation 1 divides by 1 + log(length): a long PDF does not win on volume alone.
    return Rank(vector, RankQuery(search_query), normalization=Value(1))


def rank_where(condition, vector, search_query):
    """`rank` for the rows that pass `condition` (a Q), 0.0 for the others, which are not
    ranked at all."""
    return RankWhere(
        When(condition, then=rank(vector, search_query)), default=Value(0.0), output_field=FloatField()
    )


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
    `headline`: ts_headline parses every character it is given, so the text of twenty long
    PDFs is costly, while a window of `size` characters costs almost nothing.

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


class IsAnyOf(Lookup):
    """`column = ANY(array)`, the one way rows are picked by a list of ids here. The array
    is one parameter (a thousand ids as `IN (%s, …)` cost Django and psycopg more than the
    query) or an `ArraySubquery`, which PostgreSQL runs once, first, before reading just
    those rows by primary key; as `IN (subquery)` the planner chose to rank every row and
    semi-join the candidates afterwards (docs/benchmarks.md)."""

    lookup_name = "is_any_of"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} = ANY({rhs})", [*lhs_params, *rhs_params]


def any_of(ids, column="pk"):
    """A filter for `queryset.filter()`: `column` is one of `ids` (a list, or an array
    expression such as an `ArraySubquery`)."""
    if not hasattr(ids, "resolve_expression"):
        ids = Value(list(ids), output_field=ArrayField(BigIntegerField()))
    return IsAnyOf(F(column), ids)


def best_ids(candidates, cap, count, tie_break):
    """An SQL array of the ids of the `count` best-ranked rows among the first `cap` of
    `candidates` (a queryset in its walk order, annotated with `rank`), ties broken by
    `tie_break` (field names, "-" for descending). One expression for the caller's own
    statement: the walk ranks each row while it has it, and only the best ids leave the
    derived table, so the rows are read again only for the few shown (ranking the
    candidates in a second pass read them all twice). Raises EmptyResultSet for a query
    that can match nothing."""
    columns = [name.lstrip("-") for name in tie_break if name.lstrip("-") != "pk"]
    sql, params = candidates.values_list("pk", "rank", *columns)[:cap].query.sql_with_params()
    aliases = ["pk", "rank", *(f"c{number}" for number in range(len(columns)))]

    def column(name):
        bare = name.lstrip("-")
        return "pk" if bare == "pk" else aliases[2 + columns.index(bare)]

    order = ", ".join(f"candidate.{column(name)} {'DESC' if name[0] == '-' else 'ASC'}" for name in tie_break)
    return RawSQL(  # noqa: S611 - Django's own SQL and parameters; the rest are constants
        f"ARRAY(SELECT candidate.pk FROM ({sql}) candidate({', '.join(aliases)}) "  # noqa: S608
        f"ORDER BY candidate.rank DESC, {order} LIMIT %s)",
        (*params, count),
        output_field=ArrayField(BigIntegerField()),
    )


# --- Phrases ----------------------------------------------------------------------------------
# A GIN index over a search vector knows which rows hold a word, not where: a quoted phrase of
# words that most rows hold ("våld i nära relationer") made a search test the word positions of
# tens of thousands of rows to find the few that hold them in that order. `cks_word_pairs(v)`
# is the vector's words plus each pair of words one or two positions apart ("våld när 2");
# an index over it narrows a phrase to the rows that hold each of its pairs, and
# `cks_word_pairs_query(q)` turns a query into the pairs and words every match must hold, or
# NULL when it cannot (a negation, a prefix). Both functions are SQL, created by core
# migration 0012 (cks_portal/core/migrations/0012_word_pairs.py), their one definition.


class WordPairs(Func):
    """`cks_word_pairs(vector)`: what a model's phrase index holds (core migration 0012)."""

    function = "cks_word_pairs"
    output_field = SearchVectorField()


def has_phrase(query):
    """Whether the query asks for a phrase of two words or more: a quoted part with a space."""
    return any(" " in term.text for clause in parse_query(query) for term in clause if not term.negated)


class PhraseCandidates(models.Expression):
    """A filter that holds for the rows with the word pairs the query's phrases need: their
    ids are found through the model's `cks_word_pairs` index first, as one array
    (`id = ANY(ARRAY(…))`: the planner reads the index, then just those rows by key, instead
    of working out the pairs of every row it walks), or every row when the query has nothing
    to narrow by (PostgreSQL folds the test of the constant query while planning)."""

    output_field = models.BooleanField()
    conditional = True

    def __init__(self, query, vector="search_vector"):
        super().__init__()
        self.query, self.vector = query, vector

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        resolved = self.copy()
        resolved.model = query.model
        resolved.alias = query.get_initial_alias()
        resolved.words = websearch_query(self.query).resolve_expression(query, allow_joins, reuse, summarize)
        return resolved

    def as_sql(self, compiler, connection):
        words_sql, words_params = compiler.compile(self.words)
        pairs = f"cks_word_pairs_query({words_sql})"
        quote = connection.ops.quote_name
        table, pk, vector = (
            quote(self.model._meta.db_table),
            quote(self.model._meta.pk.column),
            quote(self.vector),
        )
        # Quoted names and Django's own compiled SQL; the query itself is a parameter.
        sql = (
            f"({pairs} IS NULL OR {quote(self.alias)}.{pk} = ANY(ARRAY("  # noqa: S608
            f"SELECT pairs.{pk} FROM {table} AS pairs "
            f"WHERE cks_word_pairs(pairs.{vector}) @@ {pairs})))"
        )
        return sql, (*words_params, *words_params)


class SearchIndexed(models.Model):
    """A model searched through a stored vector, kept current on every `save()` (a bulk
    `QuerySet.update()` skips it). The vector is defined once, by `search_document()`: by
    default the `SEARCH_WEIGHTS` (field, weight) pairs, most important first."""

    # The text as PostgreSQL's full-text search reads it; a search never computes it.
    search_vector = SearchVectorField(null=True, editable=False)

    SEARCH_WEIGHTS = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.update_search_vector()

    @classmethod
    def search_document(cls):
        """The expression that computes the vector from a row's stored columns."""
        return weighted_vector(*cls.SEARCH_WEIGHTS)

    def update_search_vector(self):
        """Recompute the stored vector of the saved row: one query."""
        if self.pk:
            type(self)._base_manager.filter(pk=self.pk).update(search_vector=self.search_document())


def has_highlight(snippet):
    """False when the headline matched nothing in its text (the match was elsewhere, such
    as the title); then the start of the text reads better than a cut-off fragment."""
    return bool(snippet) and _START in snippet


def highlight(snippet):
    """Escape everything in a headline, then turn only its markers into <mark>."""
    text = escape(snippet or "").replace(_START, "<mark>").replace(_STOP, "</mark>")
    return mark_safe(text)  # noqa: S308 - escaped on the line above


# --- Highlighting in Python -------------------------------------------------------------------
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
    """Every provider's group that found something. One or two queries per provider; the
    statements of the providers marked `beside` run on another connection while the others run
    (core.beside), so the page waits for the slowest group rather than for all of them."""
    providers = registry.search_providers()
    starting = providers
    if beside.runs_beside():  # those that run beside first, so that the others run meanwhile
        starting = sorted(providers, key=lambda provider: not provider.beside)
    waits = {provider: provider.start(query, limit + 1) for provider in starting}
    groups = []
    for provider in providers:
        group = provider.group(waits[provider](), query, limit)
        if group.results:
            groups.append(group)
    return groups


class SiteSearchProvider:
    """One group on /sok/. A subclass says which rows match, best first (`matching`), and
    how a row reads as a result (`result`); the base fetches one row more than it shows, to
    know whether there are more. An instance is called as `provider(query, limit)`.

    `matching` is called once per process for each count and language, with the markers of
    core.statements for the query and the time; its SQL is kept and run with each search's
    own values. A provider whose statement is the slowest sets `beside`, and site_results runs
    it beside the others."""

    kind = ""
    label = ""
    beside = False

    def matching(self, query, now, count):
        """A queryset of at most `count` matches of `query` published by `now`, best first."""
        raise NotImplementedError

    def start(self, query, count):
        """Start looking for up to `count` matches (beside the caller when `beside`); returns a
        callable that waits for them, best first, as instances (none for a query with nothing
        to search for)."""
        if not clean_query(query):
            return list
        statement = statements.compiled(
            ("site-search", self.kind, count, get_language()),
            lambda query_marker, now_marker: self.matching(query_marker, now_marker, count),
        )
        if statement is statements.EMPTY:
            return list
        if not self.beside:
            found = statement.objects(query)
            return lambda: found
        wait = statement.rows_beside(query)
        return lambda: statement.instances(wait())

    def found(self, query, count):
        """Up to `count` matches, best first; none for a query with nothing to search for."""
        return self.start(query, count)()

    def result(self, obj, query):
        raise NotImplementedError

    def more_url(self, query):
        return ""

    def group(self, found, query, limit):
        """The group of `found` (at most limit + 1 matches, best first)."""
        return SearchGroup(
            kind=self.kind,
            label=self.label,
            results=[self.result(obj, query) for obj in found[:limit]],
            more_url=self.more_url(query),
            has_more=len(found) > limit,
        )

    def __call__(self, query, limit):
        return self.group(self.found(query, limit + 1), query, limit)
