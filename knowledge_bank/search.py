"""The knowledge bank's search page as an object: the query, the filters and the sort read
from the URL, the results, and facet counts that follow the query and the other filters.

Every state is a plain GET URL, so it can be shared and works without JavaScript. A page of
results costs a fixed number of queries: one count, one page, one for the authors of that
page, and one aggregate per facet.

Nothing here scans every match of a broad query. Up to KNOWLEDGE_BANK_RESULT_CAP matches
(the newest first) are the candidates, fetched as ids in one query: the count stops there
("more than 1 000"), the facets count within them, and relevance ranks only them. Below the cap every number is exact. A query
that matches all 100,000 publications therefore costs about what one matching 1,000 does.
"""

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, F, Prefetch
from django.db.models.functions import Collate, Lower
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from cks_portal import search
from cks_portal.i18n import active_language
from knowledge_bank.models import Publication, PublicationAuthor

_SLUG = re.compile(r"^[-a-z0-9]{1,100}$")
MAX_VALUES_PER_FILTER = 20

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


def with_ids(queryset, ids, column="id"):
    """`queryset` limited to `ids`. On PostgreSQL the ids travel as one array parameter:
    as `IN (%s, %s, …)` a thousand of them cost Django and psycopg more than the query."""
    if search.uses_postgres():
        table = queryset.model._meta.db_table
        # The only interpolation is our own table and column names.
        return queryset.extra(where=[f'"{table}"."{column}" = ANY(%s)'], params=[list(ids)])  # noqa: S610
    return queryset.filter(**{f"{column}__in": ids})


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


class PublicationSearch:
    def __init__(self, params, page_size=20):
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

    @staticmethod
    def _values(params, name, is_valid):
        values = params.getlist(name) if hasattr(params, "getlist") else params.get(name, [])
        clean = []
        for value in values[: MAX_VALUES_PER_FILTER * 2]:
            value = str(value).strip()
            if is_valid(value) and value not in clean:
                clean.append(value)
        return clean[:MAX_VALUES_PER_FILTER]

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
    def matching(self, ranked=False, exclude=None):
        publications = Publication.objects.published()
        if self.query:
            publications = publications.search(self.query, ranked=ranked)
        filters = self.filters
        if filters["topic"] and exclude != "topic":
            publications = publications.with_topics(filters["topic"])
        if filters["type"] and exclude != "type":
            publications = publications.filter(type__in=filters["type"])
        if filters["language"] and exclude != "language":
            publications = publications.filter(language__in=filters["language"])
        if filters["decade"] and exclude != "decade":
            publications = publications.annotate(decade=F("year") / 10 * 10).filter(
                decade__in=[int(d) for d in filters["decade"]]
            )
        return publications

    # What the facets need of a candidate, fetched with its id at no extra cost.
    _FACET_FIELDS = ("pk", "year", "type", "language")

    def _candidate_rows(self, exclude=None):
        rows = self.matching(exclude=exclude).order_by(*NEWEST).values_list(*self._FACET_FIELDS)
        return list(rows[: self.cap + 1])

    @cached_property
    def candidate_rows(self):
        """(id, year, type, language) of the newest matches, at most cap + 1 of them. One
        query, and the only one that tests search vectors: the count, the facets and the
        page all work from it."""
        return self._candidate_rows()

    @cached_property
    def candidate_ids(self):
        return [row[0] for row in self.candidate_rows]

    def candidates(self, exclude=None):
        """The rows a facet counts: the candidates, or, while the facet's own filter is
        active, the newest matches without that filter (one more query)."""
        if exclude is None or not self.filters.get(exclude):
            return self.candidate_rows[: self.cap]
        cache = self.__dict__.setdefault("_candidates_without", {})
        if exclude not in cache:
            cache[exclude] = self._candidate_rows(exclude)[: self.cap]
        return cache[exclude]

    def ordered(self, inline=False):
        """The candidates in the chosen order; `inline` takes them as a subquery instead of
        the fetched ids, for a caller that needs no count or facets (the export)."""
        if inline:
            candidates = self.matching().order_by(*NEWEST).values("pk")[: self.cap]
            publications = Publication.objects.filter(pk__in=candidates)
        else:
            publications = with_ids(Publication.objects.all(), self.candidate_ids[: self.cap])
        if self.sort == "relevance" and search.uses_postgres():
            # Ranking reads each candidate's vector, so only the bounded candidates are ranked.
            search_query = search.websearch_query(self.query)
            publications = publications.annotate(rank=search.rank(F("search_vector"), search_query))
            return publications.order_by("-rank", "-year", "pk")
        if self.sort == "title":
            title = Collate("title", "sv-SE-x-icu") if search.uses_postgres() else Lower("title")
            return publications.order_by(title, "pk")
        return publications.order_by(*NEWEST)

    def page(self):
        """The page of results with authors and snippets: the candidates, the page, its
        authors, and on PostgreSQL one more query for the snippets of just those rows."""
        rows = Publication.objects.prefetch_related(credits_prefetch()).defer(*self._deferred())
        if self.sort == self.default_sort == "newest":
            # The candidates are already newest first: the page is a slice of their ids.
            paginator = CappedPaginator(
                self.candidate_ids[: self.cap], self.page_size, len(self.candidate_ids), self.cap
            )
            page = paginator.get_page(self.page_number)
            found = rows.in_bulk(list(page.object_list))
            page.object_list = [found[pk] for pk in page.object_list if pk in found]
        else:
            publications = self.ordered().prefetch_related(credits_prefetch()).defer(*self._deferred())
            paginator = CappedPaginator(publications, self.page_size, len(self.candidate_ids), self.cap)
            page = paginator.get_page(self.page_number)
            page.object_list = list(page.object_list)
        snippets = {}
        if self.query and page.object_list and search.uses_postgres():
            # Computed separately for the page's ids: in the paged query PostgreSQL would run
            # ts_headline for every row skipped by OFFSET too, which makes deep pages slow.
            ids = [publication.pk for publication in page.object_list]
            snippets = dict(
                Publication.objects.filter(pk__in=ids).with_snippets(self.query).values_list("pk", "snippet")
            )
        for publication in page.object_list:
            snippet = snippets.get(publication.pk)
            if search.has_highlight(snippet):
                publication.snippet_html = search.highlight(snippet)
            elif self.query and not search.uses_postgres():
                publication.snippet_html = fallback_snippet(publication, self.query)
        page.numbers = [
            None if number == Paginator.ELLIPSIS else number
            for number in paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
        ]
        return page

    @staticmethod
    def _deferred():
        # The SQLite fallback cuts its snippets in Python, so it needs the file's text.
        return ("file_text", "search_vector") if search.uses_postgres() else ("search_vector",)

    def for_export(self, limit):
        return list(
            self.ordered(inline=True)
            .defer("file_text", "search_vector")
            .prefetch_related(credits_prefetch(), "topics")[:limit]
        )

    def facets(self):
        """A facet's counts apply the query and every other facet's filters but not its own,
        so choosing a second value in it widens the list. Type, language and decade are
        counted in Python from the candidates' rows; topics take one query; a facet whose
        own filter is active one more. Above the cap they describe the newest matches."""
        english = active_language() == "en"
        facets = {}

        ids = [row[0] for row in self.candidates(exclude="topic")]
        through = with_ids(Publication.topics.through.objects.all(), ids, column="publication_id")
        rows = through.values("topic__slug", "topic__name", "topic__name_en").annotate(n=Count("pk"))
        topic_rows = sorted(rows, key=lambda r: (-r["n"], r["topic__name"])) if ids else []
        facets["topic"] = [
            self._facet_value(
                "topic",
                row["topic__slug"],
                (english and row["topic__name_en"]) or row["topic__name"],
                row["n"],
            )
            for row in topic_rows
        ]
        for name, column, choices in (("type", 2, Publication.Type), ("language", 3, Publication.Language)):
            counts = Counter(row[column] for row in self.candidates(exclude=name))
            facets[name] = [
                self._facet_value(name, value, label, counts.get(value, 0))
                for value, label in choices.choices
                if counts.get(value) or value in self.filters[name]
            ]
        decades = sorted(
            Counter(row[1] // 10 * 10 for row in self.candidates(exclude="decade")).items(), reverse=True
        )
        facets["decade"] = [
            self._facet_value("decade", str(decade), _("%(decade)ss") % {"decade": decade}, n)
            for decade, n in decades
        ]
        return [{"name": name, "label": FACET_LABELS[name], "values": facets[name]} for name in FACET_LABELS]

    def _facet_value(self, name, value, label, count):
        return FacetValue(
            value=value,
            label=label,
            count=count,
            selected=value in self.filters[name],
            url=self.toggle_url(name, value),
        )


def fallback_snippet(publication, query):
    summary = publication.t.summary
    if not search.contains_terms(summary, query) and search.contains_terms(publication.file_text, query):
        return search.highlight_terms(publication.file_text, query)
    return search.highlight_terms(summary, query)


def snippet_for(publication, snippet, query):
    if search.has_highlight(snippet):
        return search.highlight(snippet)
    if search.uses_postgres():
        return Truncator(publication.t.summary).words(30)
    return fallback_snippet(publication, query)


def site_results(query, limit):
    """The knowledge bank's group on /sok/: two queries (results, then their authors)."""
    # Ranked among the newest KNOWLEDGE_BANK_RESULT_CAP matches only (a subquery in the same
    # query), as on the knowledge bank's own page: ranking every match of a broad word took
    # longer than gunicorn's timeout at 100,000 publications.
    candidates = (Publication.objects.published().search(query, ranked=False).order_by(*NEWEST).values("pk"))[
        : settings.KNOWLEDGE_BANK_RESULT_CAP
    ]
    publications = (
        Publication.objects.filter(pk__in=candidates)
        .search(query)
        .with_snippets(query)
        .defer(*PublicationSearch._deferred())
        .prefetch_related(credits_prefetch())
    )
    order = ("-rank", "-year", "pk") if search.uses_postgres() else ("-year", "pk")
    found = list(publications.order_by(*order)[: limit + 1])
    results = []
    for publication in found[:limit]:
        snippet = getattr(publication, "snippet", None)
        authors = ", ".join(str(a) for a in publication.ordered_authors()[:3])
        results.append(
            search.SearchResult(
                title=publication.full_title,
                url=publication.get_absolute_url(),
                snippet=snippet_for(publication, snippet, query),
                meta=" · ".join(
                    part
                    for part in (
                        str(publication.Type(publication.type).label),
                        str(publication.year),
                        authors,
                    )
                    if part
                ),
                lang=publication.language,
            )
        )
    more_url = reverse("knowledge_bank:index") + "?" + urlencode({"q": query})
    return search.SearchGroup(
        kind="publications",
        label=_("Publications in the knowledge bank"),
        results=results,
        has_more=len(found) > limit,
        more_url=more_url,
    )
