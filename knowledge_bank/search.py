"""The knowledge bank's search page as an object: the query, the filters and the sort read
from the URL, the results, and facet counts that follow the query and the other filters.

Every state is a plain GET URL, so it can be shared and works without JavaScript. A page of
results costs a fixed number of queries: the candidates (two walks when a filter narrows a
broad query), the page with its snippets, and the authors of results not kept rendered.

Nothing here scans every match of a broad query. Up to KNOWLEDGE_BANK_RESULT_CAP matches
(the newest first) are the candidates, fetched as plain rows in one query with what the facets
and the order need (the rank, or the title's sort key): the count stops there ("more than
1 000"), the facets count within them, and the chosen order sorts only them. Below the cap every
number is exact. A query that matches all 100,000 publications therefore costs about what one
matching 1,000 does.
"""

import copy
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from itertools import compress
from operator import itemgetter
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.search import TrigramWordSimilarity
from django.core.cache import caches
from django.core.cache.utils import make_template_fragment_key
from django.core.paginator import Paginator
from django.db.models import F, OuterRef, Prefetch, Q, Value, prefetch_related_objects
from django.db.models.functions import Concat, Greatest, Trim
from django.http import QueryDict
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cks_portal.core import beside, limits, page_cache, search, statements, suggestions
from cks_portal.core.i18n import active_language
from cks_portal.core.models import Topic
from knowledge_bank import selectors
from knowledge_bank.models import Publication, PublicationAuthor

_SLUG = re.compile(r"^[-a-z0-9]{1,100}$")
# Swedish alphabetical order without an ICU collation (the project's own PostgreSQL, like
# many builds, has none): lower case, the accents Swedish ignores dropped (é is e, ü is y),
# and å, ä, ö turned into "{", "|", "}", the three characters after z, compared character by
# character. Worked out in Python: PostgreSQL's translate() took 10 µs a title, 10 ms for the
# thousand candidates of a page.
_SWEDISH_LETTERS = str.maketrans("åäöæøéèêëáàâãíìîïóòôõúùûüýñç", "{|}|}eeeeaaaaiiiioooouuuyync")


def swedish_key(text):
    return text.lower().translate(_SWEDISH_LETTERS)


SORTS = {
    "relevance": _("Relevance"),
    "newest": _("Newest first"),
    "title": _("Title A–Ö"),
}

FACET_LABELS = {
    "topic": _("Topic"),
    "type": _("Type"),
    "decade": _("Published"),
    "language": _("Language"),
}


# The "newest first" order; the candidates follow it, and kb_newest_idx matches it.
NEWEST = ("-year", F("date").desc(nulls_last=True), "title", "pk")

# A quoted phrase is first looked for among this many of the newest rows (PublicationSearch._walk);
# if they hold so few matches that the walk would read more than PHRASE_WALK_LIMIT rows to find
# the newest cap + 1, the phrase index finds them instead.
PHRASE_WINDOW = 1000
PHRASE_WALK_LIMIT = 20000
# A rare phrase with filters chosen: the matches of its words alone are read up to this many
# times cap + 1, so that the filtered results are picked from them in Python (PublicationSearch._walk).
RARE_ROWS_FACTOR = 5


class CappedPaginator(Paginator):
    """A paginator told its (capped) count instead of running COUNT(*) over every match."""

    def __init__(self, object_list, per_page, count, cap):
        super().__init__(object_list, per_page)
        self.more_than_cap = count > cap
        self.cap = cap
        self.__dict__["count"] = min(count, cap)


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    url: str


def credits_prefetch():
    return Prefetch("credits", queryset=PublicationAuthor.objects.select_related("author"))


# The name and the vary-on values of the kept part of a result (knowledge_bank/_result.html's
# `{% cache %}`): the authors are printed only there.
RESULT_FRAGMENT = "kb-result"


def with_authors_unless_kept(publications):
    """Fetch the authors (one query) of those `publications` whose result is not kept rendered
    in this worker; a page whose results are all kept reads no author."""
    frame = caches["frame"]
    vary = (get_language(), page_cache.request_generation())
    missing = [
        publication
        for publication in publications
        if not frame.has_key(make_template_fragment_key(RESULT_FRAGMENT, [publication.pk, *vary]))
    ]
    if missing:
        prefetch_related_objects(missing, credits_prefetch())


class PublicationSearch:
    def __init__(self, params, page_size=20, now=None):
        self.now = now  # what "published" is measured against (core.statements); None: now
        self.query = search.clean_query(params.get("q", ""))
        self.filters = {
            "topic": self._values(params, "topic", lambda v: bool(_SLUG.match(v))),
            "type": self._values(params, "type", lambda v: v in Publication.Type.values),
            "language": self._values(params, "language", lambda v: v in Publication.Language.values),
            "decade": self._values(
                params, "decade", lambda v: v.isdigit() and len(v) == 4 and v.endswith("0")
            ),
        }
        sort = params.get("sort", "")
        self.default_sort = "relevance" if self.query else "newest"
        self.sort = sort if sort in SORTS and (sort != "relevance" or self.query) else self.default_sort
        self.page_number = params.get("page", "1")
        self.page_size = page_size
        self.cap = settings.KNOWLEDGE_BANK_RESULT_CAP
        self._phrase_is_rare = False
        self._rare_rows = None  # every match of a rare phrase, when there are few enough (_walk)
        self._combinations = {}  # topic_ids → slugs (topic_slugs)
        self._filtered_rows = None  # waits for the filtered walk started beside (word_rows)

    @staticmethod
    def _values(params, name, is_valid):
        values = params.getlist(name) if hasattr(params, "getlist") else params.get(name, [])
        clean = []
        for value in values[: limits.FILTER_VALUES_MAX * 2]:
            value = str(value).strip()
            if is_valid(value) and value not in clean:
                clean.append(value)
        return clean[: limits.FILTER_VALUES_MAX]

    # --- state as URLs ------------------------------------------------------------------------
    @property
    def is_active(self):
        return bool(self.query or any(self.filters.values()))

    def params(self, **changes):
        state = {"q": self.query, **{k: list(v) for k, v in self.filters.items()}, "sort": self.sort}
        state.update(changes)
        if state.get("sort") == ("relevance" if state.get("q") else "newest"):
            state.pop("sort")
        pairs = []
        for key in ("q", "topic", "type", "decade", "language", "sort", "page"):
            value = state.get(key)
            for item in value if isinstance(value, list) else [value]:
                if item not in (None, "", 1, "1"):
                    pairs.append((key, item))
        return pairs

    def query_dict(self):
        """The state as a QueryDict, for the shared pagination (templates/includes/pagination.html)."""
        params = QueryDict(mutable=True)
        for key, value in self.params():
            params.appendlist(key, str(value))
        return params

    def url(self, **changes):
        query = urlencode(self.params(**changes))
        return f"?{query}" if query else "?"

    def toggle_url(self, name, value):
        values = list(self.filters[name])
        values = [v for v in values if v != value] if value in values else [*values, value]
        return self.url(**{name: values})

    def sort_links(self):
        return [
            {"value": key, "label": label, "selected": key == self.sort, "url": self.url(sort=key)}
            for key, label in SORTS.items()
            if key != "relevance" or self.query
        ]

    # --- queries ------------------------------------------------------------------------------
    def matching(self, filters=None, words=True):
        """The published publications that match the query and pass `filters` (by default
        the chosen ones; `{}` for the words alone); with `words=False` the filters alone.

        The column filters come first on purpose: PostgreSQL tests conditions of equal cost in
        the order written, and only a row that passes them needs its (TOASTed) search vector
        read for the text match. The decade filter is written as ranges of `year`, which the
        newest-first index can use."""
        filters = self.filters if filters is None else filters
        publications = Publication.objects.published(self.now)
        conditions = self._conditions(filters)
        if conditions is None:  # a topic that no longer exists
            return publications.none()
        for condition in conditions:
            publications = publications.filter(condition)
        if self.query and words:
            publications = publications.search(self.query, ranked=False)
        return publications

    def _conditions(self, filters):
        """`filters` as conditions on a row's own columns, one per filter chosen; None when
        a chosen topic no longer exists, so that nothing passes."""
        conditions = []
        if filters.get("type"):
            conditions.append(Q(type__in=filters["type"]))
        if filters.get("language"):
            conditions.append(Q(language__in=filters["language"]))
        if filters.get("decade"):
            decades = Q()
            for decade in filters["decade"]:
                decades |= Q(year__gte=int(decade), year__lt=int(decade) + 10)
            conditions.append(decades)
        if filters.get("topic"):
            # On the row's own `topic_ids` ("11 12"), which the newest-first index carries: a
            # test per row read, where the join through the topics table made the planner
            # guess a topic's share of the rows (a twelfth), semi-join every publication of a
            # topic that half of them have, and sort them (250 ms at 100,000 publications).
            # With few distinct values the column's statistics let the planner estimate the
            # pattern exactly.
            ids = self._topic_ids(filters)
            if not ids:
                return None
            conditions.append(Q(topic_ids__regex=rf"(^| )({'|'.join(map(str, ids))})( |$)"))
        return conditions

    # What the facets and the ordering need of a candidate, fetched with its id; then its rank
    # (relevance) or its title's sort key (title order) when the order asks for one.
    _ROW_FIELDS = ("pk", "year", "type", "language", "topic_ids")
    _ORDER_KEY = 5

    @property
    def ranks_candidates(self):
        return self.sort == "relevance"

    @property
    def sorts_by_title(self):
        return self.sort == "title"

    @property
    def has_filters(self):
        return any(self.filters.values())

    def _walk(self, filters):
        """(id, year, type, language, topic_ids[, rank]) of the newest cap + 1 matches: one
        query that reads the newest-first index and tests each row until it has enough.

        A quoted phrase can make that walk long: when most rows hold its words but few hold
        them in that order, each row read has its word positions tested. So a phrase is
        first looked for among the newest PHRASE_WINDOW rows only; when they hold enough
        matches, that is the answer, and when they hold few, the rows are found through the
        phrase index instead (search.PhraseCandidates). One query, or two for a rare phrase;
        one again once a request has found the phrase rare in this generation of content.

        The phrase index reads every row that holds the phrase's pairs, however many the page
        needs, so for a search with filters the rare walk of the words alone (the facets')
        returns all its matches, up to RARE_ROWS_FACTOR times cap + 1, and the filtered walk
        picks its rows from them in Python instead of reading the same rows again (23 and 18 ms
        for the two at 100,000 publications)."""
        if not (search.has_phrase(self.query) and selectors.published_count() > PHRASE_WINDOW):
            return self._fetch("walk", filters)
        if not self._phrase_is_rare:
            window = []

            def is_rare():
                window.append(self._fetch("window", filters))
                found = len(window[0])
                # Common enough that the walk finds the newest cap + 1 within PHRASE_WALK_LIMIT
                # rows, or found in the window already: not rare (None, which is not remembered).
                return (
                    found <= self.cap and found * PHRASE_WALK_LIMIT < (self.cap + 1) * PHRASE_WINDOW
                ) or None

            # Rare among all rows, so rare among the rows of any filter too (the second walk).
            # A request that found it rare says so for the generation of content, so the next
            # search for the phrase (other filters, page or order) skips the window, 5-8 ms at
            # 100,000 publications. Only "rare" is remembered.
            if filters:
                rare = is_rare()
            else:
                rare = page_cache.memo_for_text("kb-rare-phrase", self.query, is_rare, remember_none=False)
            self._phrase_is_rare = bool(rare)
            if not self._phrase_is_rare:
                found = window[0]  # read by is_rare: only "rare" is ever remembered
                return found if len(found) > self.cap else self._fetch("walk", filters)
        if filters and self._rare_rows is not None:
            return self._passing(self._rare_rows, filters)[: self.cap + 1]
        if filters or not self.has_filters:
            return self._fetch("rare", filters)
        limit = RARE_ROWS_FACTOR * (self.cap + 1)
        rows = self._fetch("rare", filters, limit)
        if len(rows) <= limit:  # all of them
            self._rare_rows = rows
        return rows[: self.cap + 1]

    def _walk_rows(self, how, filters, limit):
        """The walk's queryset: `how` is "walk" (every match), "window" (among the newest
        PHRASE_WINDOW rows) or "rare" (the rows the phrase index finds), at most `limit` + 1
        rows."""
        rows = self.matching(filters).order_by(*NEWEST)
        fields = self._ROW_FIELDS
        if self.ranks_candidates:
            # Ranked in the same query, while the row is at hand: a second query over the
            # candidates' ids would look up and read every vector again.
            search_query = search.websearch_query(self.query)
            if self._ranks_only_passing(filters):
                # The walk of the words alone when filters are chosen: only the rows that pass
                # them can become candidates (_passing), so only they are ranked; the facets
                # need no rank. Ranking the newest 1,001 matches of a broad word was two thirds
                # of this walk (3.3 → 1.2 ms at 100,000 publications).
                conditions = self._conditions(self.filters)
                if conditions is None:  # a chosen topic no longer exists: no row passes
                    conditions = [Q(pk__in=[])]
                rank = search.rank_where(Q(*conditions), F("search_vector"), search_query)
            else:
                rank = search.rank(F("search_vector"), search_query)
            rows = rows.annotate(rank=rank)
            fields = (*fields, "rank")
        elif self.sorts_by_title:
            # The title, read with the row: the page is then a slice of the candidates sorted in
            # Python, as for relevance, where ordering the candidates by title in a query of
            # their own cost 15 ms at 100,000 publications.
            fields = (*fields, "title")
        if how == "window":
            newest = self.matching(filters, words=False).order_by(*NEWEST).values("pk")[:PHRASE_WINDOW]
            rows = rows.filter(search.any_of(ArraySubquery(newest)))
        elif how == "rare":
            rows = rows.filter(search.PhraseCandidates(self.query))
        return rows.values_list(*fields)[: limit + 1]

    def _fetch(self, how, filters, limit=None, concurrently=False):
        """The walk's rows as plain tuples, straight from the cursor: a thousand rows without
        the ORM's per-row work (none of these columns needs a conversion), through a statement
        compiled once per process for these filters (core.statements). At most `limit` + 1
        rows: by default cap + 1. With `concurrently`, a callable that waits for them while the
        walk runs on another connection (core.beside)."""
        limit = self.cap if limit is None else limit
        key = (
            "kb-walk",
            how,
            bool(self.query),
            self.ranks_candidates,
            self.sorts_by_title,
            limit,
            *self._statement_key(filters),
            # The filters whose rows alone are ranked (_walk_rows), when they are not `filters`.
            self._ranks_only_passing(filters) and self._statement_key(self.filters),
        )
        statement = statements.compiled(
            key, lambda query, now: self._marked(query, now)._walk_rows(how, filters, limit)
        )
        if statement is statements.EMPTY:  # a topic that no longer exists
            return list if concurrently else []
        if concurrently:
            return statement.rows_beside(self.query, self.now)
        return statement.rows(self.query, self.now)

    def _statement_key(self, filters):
        """What of `filters` a statement's SQL depends on: the values of the column filters
        and the ids of the chosen topics that exist."""
        return (
            *(tuple(filters.get(name, ())) for name in ("type", "language", "decade")),
            self._topic_ids(filters),
        )

    def _ranks_only_passing(self, filters):
        """Whether a walk with `filters` (the words alone) ranks only the rows that pass the
        chosen filters: when it ranks at all and filters are chosen."""
        return self.ranks_candidates and not filters and self.has_filters

    def _marked(self, query, now):
        """This search with the statement markers in place of its words and time."""
        marked = copy.copy(self)
        marked.query, marked.now = (query if self.query else ""), now
        return marked

    def _topic_ids(self, filters):
        """The ids of the chosen topics that exist, in order: None without a topic filter, ()
        when none of the chosen topics exists any longer."""
        chosen = filters.get("topic")
        if not chosen:
            return None
        return tuple(sorted(pk for pk, (slug, *_names) in self.topics.items() if slug in chosen))

    @cached_property
    def word_rows(self):
        """The newest matches of the words alone, without the filters: what the facets
        count. When they are complete (at most `cap`), the filtered results are picked from
        them in Python too, so filters cost no further query.

        When filters are chosen in a knowledge bank larger than the cap, the filtered walk is
        likely to be needed too, and it does not depend on this one: it starts first, beside
        this walk (core.beside), and its rows are dropped if these turn out to be complete.
        Where nothing runs beside, the filtered walk waits for this walk's answer, which may
        make it unnecessary."""
        if (
            self.has_filters
            and beside.runs_beside()
            and not search.has_phrase(self.query)
            and selectors.published_count() > self.cap
        ):
            self._filtered_rows = self._fetch("walk", self.filters, concurrently=True)
        return self._walk({})

    @property
    def word_rows_complete(self):
        return len(self.word_rows) <= self.cap

    @cached_property
    def candidate_rows(self):
        """The filtered matches, newest first, at most cap + 1: the count, the order and the
        page all work from them."""
        if not self.has_filters:
            return self.word_rows
        if self.word_rows_complete:
            return self._passing(self.word_rows, self.filters)
        if self._filtered_rows is not None:  # started beside the words' walk
            return self._filtered_rows()
        return self._walk(self.filters)

    def _passing(self, rows, filters):
        """Those of `rows` (the words' matches) that pass `filters`, in their order."""
        flags = [self._flags(name, values, rows) for name, values in filters.items() if values]
        return list(compress(rows, map(all, zip(*flags, strict=True))))

    @cached_property
    def candidate_ids(self):
        return [row[0] for row in self.candidate_rows]

    @cached_property
    def topics(self):
        """{topic id: (slug, name, English name)}, remembered until content changes."""
        return selectors.topic_labels()

    def topic_slugs(self, topic_ids):
        """The slugs of a row's `topic_ids` ("11 12"). A thousand rows share a few combinations
        of topics, so each combination is read once."""
        slugs = self._combinations.get(topic_ids)
        if slugs is None:
            topics = self.topics
            slugs = self._combinations[topic_ids] = frozenset(
                topics[int(pk)][0] for pk in (topic_ids or "").split() if int(pk) in topics
            )
        return slugs

    def _flags(self, name, values, rows):
        """For each of `rows`, whether it passes `values` of filter `name`: one list
        comprehension per filter rather than a call per row and filter (facets test a
        thousand rows)."""
        values = frozenset(values)
        if name == "type":
            return [row[2] in values for row in rows]
        if name == "language":
            return [row[3] in values for row in rows]
        if name == "decade":
            return [str(row[1] // 10 * 10) in values for row in rows]
        slugs = self.topic_slugs
        return [not slugs(row[4]).isdisjoint(values) for row in rows]

    def ordered_ids(self):
        """The candidates' ids in the chosen order, which their rows decide: newest first as
        they come, by the rank or the title's sort key read with them."""
        rows = self.candidate_rows[: self.cap]
        if self.ranks_candidates:
            # As ORDER BY -rank, -year, pk would (the ranks are the database's own values): three
            # stable sorts, least significant key first, each keyed in C.
            rows = sorted(rows, key=itemgetter(0))
            rows.sort(key=itemgetter(1), reverse=True)
            rows.sort(key=itemgetter(self._ORDER_KEY), reverse=True)
        elif self.sorts_by_title:
            rows = sorted(rows, key=lambda row: (swedish_key(row[self._ORDER_KEY]), row[0]))
        return [row[0] for row in rows]

    def page(self):
        """The page of results with authors and snippets: the candidate rows say the order, so
        the page is a slice of their ids, read by primary key with their snippets in one
        statement; then the authors of the results not kept rendered."""
        paginator = CappedPaginator(self.ordered_ids(), self.page_size, len(self.candidate_ids), self.cap)
        page = paginator.get_page(self.page_number)
        found = {publication.pk: publication for publication in self._by_ids(page.object_list)}
        page.object_list = [found[pk] for pk in page.object_list if pk in found]
        for publication in page.object_list:
            snippet = getattr(publication, "snippet", None)
            # Always set: a template's lookup of a missing attribute calls dir() on the model
            # instance (to tell a failing property from a missing one), which cost more than
            # the rest of the card.
            publication.snippet_html = search.highlight(snippet) if search.has_highlight(snippet) else ""
        with_authors_unless_kept(page.object_list)
        return page

    def _by_ids(self, ids):
        """The results shown with these ids, with their snippets when there are words: a
        statement compiled once per process (core.statements)."""

        def build(query, now):
            rows = Publication.objects.only(*self._SHOWN).filter(search.any_of(statements.IDS))
            return rows.with_snippets(query) if self.query else rows

        if not ids:
            return []
        statement = statements.compiled(("kb-page", bool(self.query), get_language()), build)
        return statement.objects(self.query, ids=ids)

    # What a result shows (knowledge_bank/_result.html and the site search): fewer columns
    # to read and convert than the whole row.
    _SHOWN = (
        "title",
        "subtitle",
        "slug",
        "publisher",
        "year",
        "type",
        "language",
        "summary",  # with every language's column (modeltranslation adds them)
        "file",
        "file_size",
    )

    def for_export(self, limit):
        """The first `limit` results in the chosen order, with their authors and topics."""
        ids = self.ordered_ids()[:limit]
        found = Publication.objects.filter(pk__in=ids).defer("file_text", "search_vector")
        found = {
            publication.pk: publication
            for publication in found.prefetch_related(credits_prefetch(), "topics")
        }
        return [found[pk] for pk in ids if pk in found]

    def facets(self):
        """A facet's counts apply the query and every other facet's filters but not its own,
        so choosing a second value in it widens the list. All are counted in Python from the
        word rows (no query of their own but the topics'). When the words match more than
        `cap` publications, they count the newest `cap` of those (`facets_sampled`)."""
        language = active_language()
        rows = self.word_rows[: self.cap]
        names = {slug: (name, by_language.get(language)) for slug, name, by_language in self.topics.values()}
        # Which rows pass each active filter, once; a facet counts the rows that pass all
        # the others.
        passing = {name: self._flags(name, values, rows) for name, values in self.filters.items() if values}

        def counted(name, column=None):
            others = [flags for other, flags in passing.items() if other != name]
            if not others:
                chosen = rows
            elif len(others) == 1:
                chosen = list(compress(rows, others[0]))
            else:
                chosen = list(compress(rows, map(all, zip(*others, strict=True))))
            # Counted by value first (in C), then per value: a thousand rows hold a few years
            # and a few combinations of topics.
            counts = Counter()
            if name == "topic":
                for topic_ids, n in Counter(map(itemgetter(4), chosen)).items():
                    for slug in self.topic_slugs(topic_ids):
                        counts[slug] += n
            elif name == "decade":
                for year, n in Counter(map(itemgetter(1), chosen)).items():
                    counts[year // 10 * 10] += n
            else:
                counts = Counter(map(itemgetter(column), chosen))
            return counts

        facets = {}
        topic_counts = counted("topic")
        facets["topic"] = [
            self._facet_value("topic", slug, names[slug][1] or names[slug][0], n)
            for slug, n in sorted(topic_counts.items(), key=lambda item: (-item[1], names[item[0]][0]))
        ]
        for name, column, choices in (("type", 2, Publication.Type), ("language", 3, Publication.Language)):
            counts = counted(name, column)
            facets[name] = [
                self._facet_value(name, value, label, counts.get(value, 0))
                for value, label in choices.choices
                if counts.get(value) or value in self.filters[name]
            ]
        decades = sorted(counted("decade").items(), reverse=True)
        facets["decade"] = [
            self._facet_value("decade", str(decade), _("%(decade)ss") % {"decade": decade}, n)
            for decade, n in decades
        ]
        return [{"name": name, "label": FACET_LABELS[name], "values": facets[name]} for name in FACET_LABELS]

    # --- help when little is found --------------------------------------------------------------
    @cached_property
    def suggestion(self):
        """“Did you mean …?”: {"query", "url"} when the query found fewer than
        suggestions.FEW_RESULTS (nothing) and the query with its unknown words corrected finds more
        (cks_portal/core/suggestions.py), else None. Costs nothing when enough was found,
        two short queries when not."""
        found = len(self.candidate_rows)
        if not self.query or found >= suggestions.FEW_RESULTS:
            return None
        corrected = suggestions.corrected(self.query)
        if not corrected or corrected.lower() == self.query.lower():
            return None
        more = (
            Publication.objects.published()
            .search(corrected, ranked=False)
            .order_by()
            .values_list("pk", flat=True)
        )
        if len(more[: found + 1]) <= found:
            return None
        return {"query": corrected, "url": self.url(q=corrected, page=None)}

    @cached_property
    def closest_topics(self):
        """On a page without results: the topics whose names are closest to the query
        (trigram word similarity, in Swedish and the page's language), at most three, or
        every topic when none is close. One query."""
        if not self.query or self.candidate_rows:
            return []
        language = active_language()
        columns = dict.fromkeys(["name_sv", f"name_{language}"])
        score = Greatest(*(TrigramWordSimilarity(self.query, column) for column in columns), Value(0.0))
        topics = list(Topic.objects.annotate(score=score).order_by("-score", "name_sv"))
        close = [topic for topic in topics if topic.score >= 0.3][:3]
        return [
            {"name": topic.t.name, "url": "?" + urlencode({"topic": topic.slug})}
            for topic in (close or topics)
        ]

    @property
    def facets_sampled(self):
        return not self.word_rows_complete

    def _facet_value(self, name, value, label, count):
        return FacetValue(
            value=value,
            label=label,
            count=count,
            selected=value in self.filters[name],
            url=self.toggle_url(name, value),
        )


def snippet_for(publication, snippet):
    if search.has_highlight(snippet):
        return search.highlight(snippet)
    return Truncator(publication.t.summary).words(30)


def first_authors(count):
    """The names of a publication's first `count` authors in their order, as Author's str()
    writes them, for an annotation: an array from a subquery run for each row returned."""
    credits = (
        PublicationAuthor.objects.filter(publication=OuterRef("pk"))
        .order_by("order", "pk")
        .values(name=Trim(Concat("author__given_name", Value(" "), "author__family_name")))
    )
    return ArraySubquery(credits[:count])


class PublicationProvider(search.SiteSearchProvider):
    """The knowledge bank's group on /sok/, ranked as the knowledge bank ranks: among the
    newest KNOWLEDGE_BANK_RESULT_CAP matches (ranking every match of a broad word in a large
    knowledge bank outlasted gunicorn's timeout; docs/benchmarks.md). One query: the best of
    the ranked candidates with their snippets and the names of their first authors (a
    prefetch of the authors cost a second query and more Python than the first)."""

    AUTHORS_SHOWN = 3

    kind = "publications"
    beside = True  # ranks a thousand candidates: the slowest group
    label = _("Publications in the knowledge bank")

    def matching(self, query, now, count):
        publication_search = PublicationSearch({"q": query}, now=now)
        search_query = search.websearch_query(publication_search.query)
        candidates = (
            publication_search.matching({})
            .order_by(*NEWEST)
            .annotate(rank=search.rank(F("search_vector"), search_query))
        )
        # Ranked as the knowledge bank's own page ranks (ordered_ids): rank, then newest.
        best = search.best_ids(candidates, publication_search.cap, count, ("-year", "pk"))
        return (
            Publication.objects.filter(search.any_of(best))
            .with_snippets(publication_search.query)
            .only(*PublicationSearch._SHOWN)
            .annotate(
                rank=search.rank(F("search_vector"), search_query),
                author_names=first_authors(self.AUTHORS_SHOWN),
            )
            .order_by("-rank", "-year", "pk")
        )

    def result(self, publication, query):
        authors = ", ".join(publication.author_names)
        meta = (
            str(publication.Type(publication.type).label),
            str(publication.year),
            str(publication.Language(publication.language).label),
            authors,
        )
        return search.SearchResult(
            title=publication.full_title,
            url=publication.get_absolute_url(),
            snippet=snippet_for(publication, getattr(publication, "snippet", None)),
            meta=" · ".join(part for part in meta if part),
            lang=publication.language,
        )

    def more_url(self, query):
        return reverse("knowledge_bank:index") + "?" + urlencode({"q": query})


site_results = PublicationProvider()
