"""The searches' statements, compiled to SQL once per process and run again with new values.

A search runs querysets of a fixed shape: the same filters, annotations (rank, headline, the
thesaurus rewrite) and order every time, with only the words typed, the time now and the ids of
a page changing. Building and compiling such a queryset cost Django more than the database took
to run it (on /sok/, five providers spent about 1 ms each building SQL; docs/benchmarks.md). So
a statement is built once, with markers in place of those values, and kept with its parameters;
each search swaps the markers for its own values (the words as typed, and as the thesaurus
rewrites them: thesaurus.rewritten).

`compiled(key, build)` keeps `build(QUERY, NOW)`'s SQL under `key`, which must name everything
else the SQL depends on (the filters chosen, a count, the language; a changed setting drops
every kept statement). It refuses a statement that has a marker written into its SQL instead
of passed as a parameter, since that SQL would keep the first search's words.
`Compiled.rows(query, now)` runs it for plain rows and `Compiled.objects(query, now)` for
model instances, made as Django's own iterable makes them (the columns not selected deferred,
annotations such as `rank` as attributes) from what the compiler said once.
"""

import datetime
from collections import OrderedDict
from dataclasses import dataclass
from threading import Lock

from django.core.exceptions import EmptyResultSet
from django.core.signals import setting_changed
from django.db import connection
from django.db.models import prefetch_related_objects
from django.dispatch import receiver
from django.utils import timezone

from cks_portal.core import beside, thesaurus

# Characters from the private-use area, which clean_query's text never holds together.
QUERY = "\U000f0000cks-query\U000f0000"
# Where the statement has the query rewritten through the thesaurus (search.ThesaurusQuery).
WORDS = "\U000f0000cks-words\U000f0000"
# A moment no row is ever published at.
NOW = datetime.datetime(1901, 2, 3, 4, 5, 6, 789012, tzinfo=datetime.UTC)
# A list of ids no row has (a statement that reads rows by id: search.any_of(IDS)).
IDS = [-1901020304]

# Shapes kept per process: the filters people combine are few, but a key holds their values.
MAX_KEPT = 512

_kept = OrderedDict()
_lock = Lock()


@dataclass(frozen=True)
class Compiled:
    model: type
    sql: str
    params: tuple
    # Where the markers are among the parameters.
    query_at: tuple
    words_at: tuple
    now_at: tuple
    ids_at: tuple
    # How a row becomes an instance, as Django's ModelIterable does it, worked out once: the
    # model's columns (start, end) and their attribute names, the annotations' positions, and
    # the converters of the columns that have any. Model.from_db only asks whether a field's
    # name is among `names`, once for each of the model's fields and each row: a set answers
    # that at once, where a tuple of twenty names took a third of from_db's time.
    fields: tuple
    names: frozenset
    annotations: tuple
    converters: tuple
    # The queryset's prefetch_related() lookups, done for the instances too.
    prefetch: tuple

    def bind(self, query, now=None, ids=()):
        params = list(self.params)
        for index in self.query_at:
            params[index] = query
        if self.words_at:
            words = thesaurus.rewritten(query)
            for index in self.words_at:
                params[index] = words
        if self.now_at:
            now = now or timezone.now()
            for index in self.now_at:
                params[index] = now
        for index in self.ids_at:
            params[index] = list(ids)
        return params

    def rows(self, query, now=None, ids=()):
        """The statement's rows as tuples (lists where a column needed a conversion)."""
        return self._fetch(self.bind(query, now, ids))

    def rows_beside(self, query, now=None, ids=()):
        """rows(), run beside the caller on another connection where it can (core.beside):
        returns a callable that waits for them."""
        return beside.start(self._fetch, self.bind(query, now, ids))

    def _fetch(self, params):
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        return [self._converted(row) for row in rows] if self.converters else rows

    def objects(self, query, now=None, ids=()):
        """The statement's rows as instances of its queryset's model (the columns it does not
        select deferred), with the annotations as attributes and the prefetches done."""
        return self.instances(self.rows(query, now, ids))

    def instances(self, rows):
        """`rows` of this statement as objects() makes them."""
        start, end = self.fields
        from_db, db, names = self.model.from_db, connection.alias, self.names
        instances = []
        for row in rows:
            instance = from_db(db, names, row[start:end])
            for name, position in self.annotations:
                setattr(instance, name, row[position])
            instances.append(instance)
        if self.prefetch and instances:
            prefetch_related_objects(instances, *self.prefetch)
        return instances

    def _converted(self, row):
        row = list(row)
        for position, functions, expression in self.converters:
            value = row[position]
            for function in functions:
                value = function(value, expression, connection)
            row[position] = value
        return row


# A statement that matches nothing whatever the values (Django found it empty while compiling).
EMPTY = None


def _compile(queryset):
    compiler = queryset.query.get_compiler(using=queryset.db)
    try:
        sql, params = compiler.as_sql()
    except EmptyResultSet:
        return EMPTY
    for marker in (QUERY, WORDS, NOW.isoformat(), str(NOW), str(IDS[0])):
        if marker in sql:
            raise ValueError(f"A marker is written into the SQL instead of passed as a parameter: {sql}")
    query_at, words_at, now_at, ids_at = [], [], [], []
    for index, param in enumerate(params):
        if isinstance(param, str) and (QUERY in param or WORDS in param):
            if param not in (QUERY, WORDS):
                raise ValueError(f"A query marker is part of a longer parameter: {param!r}")
            (query_at if param == QUERY else words_at).append(index)
        elif isinstance(param, datetime.datetime) and param == NOW:
            now_at.append(index)
        elif isinstance(param, list) and param == IDS:
            ids_at.append(index)
    fields, names = (0, 0), frozenset()
    if compiler.klass_info:  # a queryset of instances, not of values()
        if compiler.klass_info.get("related_klass_infos"):
            raise ValueError("A statement does not follow select_related()")
        positions = compiler.klass_info["select_fields"]
        fields = (positions[0], positions[-1] + 1)
        names = frozenset(compiler.select[position][0].target.attname for position in positions)
    converters = compiler.get_converters([column for column, _sql, _alias in compiler.select])
    return Compiled(
        model=queryset.model,
        sql=sql,
        params=tuple(params),
        query_at=tuple(query_at),
        words_at=tuple(words_at),
        now_at=tuple(now_at),
        ids_at=tuple(ids_at),
        fields=fields,
        names=names,
        annotations=tuple(compiler.annotation_col_map.items()),
        converters=tuple(
            (position, tuple(functions), expression)
            for position, (functions, expression) in converters.items()
        ),
        prefetch=tuple(queryset._prefetch_related_lookups),
    )


def compiled(key, build):
    """The Compiled statement of `build(QUERY, NOW)` (a queryset, which may also use IDS), kept
    under `key`; EMPTY when it can match nothing."""
    with _lock:
        if key in _kept:
            _kept.move_to_end(key)
            return _kept[key]
    statement = _compile(build(QUERY, NOW))
    with _lock:
        _kept[key] = statement
        while len(_kept) > MAX_KEPT:
            _kept.popitem(last=False)
    return statement


def forget():
    """Drop every kept statement (a test that changes a setting a statement depends on)."""
    with _lock:
        _kept.clear()


@receiver(setting_changed)
def _forget_on_setting_change(**kwargs):
    # A statement keeps what settings put in it (a cap, a snippet's reach): a test that
    # changes one gets statements compiled anew.
    forget()
