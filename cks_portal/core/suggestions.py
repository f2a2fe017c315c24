"""“Did you mean …?”: a close word from the index's own vocabulary, offered when a query
finds little and the corrected query finds more.

The vocabulary is the table of words (cks_portal.core.models.SearchWord) that the indexed
texts use, added to on every save. A query word that is not in it is compared with it by
trigram similarity (pg_trgm's `%` operator, through a GIN index), and replaced by the most
similar word. Costs two queries, and only on a page that found fewer than `FEW_RESULTS`:
the words looked up, then whether the corrected query finds more (by the caller).

`FEW_RESULTS` is 1, so only a page that found nothing asks: a page of one or two results
would pay the lookup too, and the query count of a search page would then depend on how
much it found (tests/cks_portal/test_query_budget.py holds it constant in data size).
"""

from django.db import connection

from cks_portal.core import compounds
from cks_portal.core.search import Term, parse_query

FEW_RESULTS = 1
MIN_SIMILARITY = 0.35
CANDIDATES = 8


def remember_words(*texts):
    """Add the texts' words to the vocabulary: one query, whatever their number."""
    from cks_portal.core.models import SearchWord

    words = sorted(w for w in compounds.words(*texts) if len(w) <= 100)
    if words:
        SearchWord.objects.bulk_create([SearchWord(word=w) for w in words], ignore_conflicts=True)


def _plain_words(query):
    """The query's words that a correction may replace: not in a phrase, not excluded."""
    return [
        term.text
        for clause in parse_query(query)
        for term in clause
        if not term.negated and " " not in term.text and term.text.isalpha() and len(term.text) >= 4
    ]


def closest_words(words):
    """{word: closest known word} for the words the vocabulary does not have. One query.

    The database picks the CANDIDATES most similar by trigrams; of those, the one fewest
    edits away wins (a swap of two letters counts as one edit), so "extremsim" becomes
    "extremism", not "extrema", which shares more trigrams with it."""
    from cks_portal.core.models import SearchWord

    words = sorted({w.lower() for w in words})
    if not words:
        return {}
    table = SearchWord._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT q, ARRAY(
                SELECT word FROM {table} WHERE word %% q AND similarity(word, q) >= %s
                ORDER BY similarity(word, q) DESC, word LIMIT %s
            )
            FROM unnest(%s::text[]) q
            WHERE NOT EXISTS (SELECT 1 FROM {table} WHERE word = q)
            """,  # noqa: S608 - the table name is the model's own
            [MIN_SIMILARITY, CANDIDATES, words],
        )
        rows = cursor.fetchall()
    return {
        word: min(candidates, key=lambda known: (edit_distance(word, known), candidates.index(known)))
        for word, candidates in rows
        if candidates
    }


def edit_distance(a, b):
    """Insertions, deletions, substitutions and swaps of neighbours (optimal string alignment)."""
    previous2, previous = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], previous2[j - 2] + 1)
        previous2, previous = previous, row
    return previous[len(b)]


def corrected(query):
    """The query with its unknown words replaced by the closest known ones, or "" when
    there is nothing to correct."""
    words = _plain_words(query)
    closest = closest_words(words)
    if not closest:
        return ""
    clauses = []
    for clause in parse_query(query):
        terms = [
            Term(_same_case(closest.get(t.text.lower(), t.text), t.text), t.negated)
            if not t.negated and " " not in t.text
            else t
            for t in clause
        ]
        clauses.append(terms)
    return unparse(clauses)


def _same_case(word, original):
    return word.upper() if original.isupper() and len(original) > 1 else word


def unparse(clauses):
    """parse_query's clauses as a query string again."""

    def term(t):
        text = f'"{t.text}"' if " " in t.text else t.text
        return f"-{text}" if t.negated else text

    return " ".join(" or ".join(term(t) for t in clause) for clause in clauses)
