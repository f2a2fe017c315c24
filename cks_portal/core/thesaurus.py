"""The curators' thesaurus as query rewriting inside PostgreSQL.

Each entry (cks_portal.core.models.ThesaurusEntry) is a set of terms that mean the same:
"VBE", "våldsbejakande extremism", "violent extremism". On save it is turned into rewrite
rules (SearchRewrite), one per term and form: the term as the query parser reads it unquoted
(`'våldsbejak' & 'extremism'`) and quoted (`'våldsbejak' <-> 'extremism'`), each to be
replaced by "this as it was asked, or any of its equivalents", every equivalent as a phrase.
Words typed without quotes stay words without quotes: the thesaurus adds alternatives to a
query and never narrows it to a phrase the reader did not ask for (which also made a search
for two common words test the word positions of every row it read).

A search asks for the rewrite once per query text and request (`rewritten()` below): one
small statement runs `cks_thesaurus_rewrite(websearch_to_tsquery(…))`, a function of two passes
of `ts_rewrite` (FUNCTION_SQL below), and the search's own statements get the rewritten query
as a constant, so PostgreSQL plans each of them for the query it will run (its GIN index, its
estimate of the matches). The answer is remembered as the pages' memos are (page_cache.memo),
for the current generation of content: saving a thesaurus entry starts a new one, so a
curator's change applies to the very next search, and until then a query asked again costs
no statement. The rules are stemmed by the same text search configuration as the
documents, so "VBE" finds "våldsbejakande extremismen" too. `ts_rewrite` matches a target
inside a larger AND, so "hedersrelaterat våld skola" is rewritten to
`('hedersrelater' <-> 'våld' | 'hrv' | …) & 'skol'`.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.core.exceptions import ValidationError
from django.core.signals import request_finished, request_started
from django.db import connection
from django.dispatch import receiver
from django.utils.translation import gettext as _

from cks_portal.core import page_cache

SEARCH_CONFIG = "swedish"

# The thesaurus curators start from: abbreviations of the field, Swedish terms and their
# English counterparts. Each line is one entry; terms are separated by "|".
STARTING_THESAURUS = [
    "VBE | våldsbejakande extremism | violent extremism",
    "HRV | HRVF | hedersrelaterat våld | hedersrelaterat våld och förtryck | hedersvåld | hedersförtryck"
    " | honour-based violence | honour-related violence | honor-based violence | honour related violence",
    "hederskultur | hedersnormer | hederskontroll | honour culture",
    "BRÅ | Brottsförebyggande rådet | Swedish National Council for Crime Prevention",
    "CVE | Center mot våldsbejakande extremism | Centre for Preventing Violent Extremism",
    "MUCF | Myndigheten för ungdoms- och civilsamhällesfrågor | Swedish Agency for Youth and Civil Society",
    "RAN | Radicalisation Awareness Network",
    "Säpo | Säkerhetspolisen | Swedish Security Service",
    "radikalisering | radicalisation | radicalization",
    "nätradikalisering | radikalisering på nätet | online radicalisation | online radicalization",
    "rekrytering | värvning | recruitment",
    "våld i nära relationer | relationsvåld | partnervåld | domestic violence | intimate partner violence"
    " | violence in close relationships",
    "gäng | gängkriminalitet | kriminella nätverk | gangs | gang crime",
    "organiserad brottslighet | organised crime | organized crime",
    "hatbrott | hate crime | hate crimes",
    "könsstympning | kvinnlig könsstympning | female genital mutilation | FGM",
    "tvångsäktenskap | forced marriage",
    "barnäktenskap | child marriage",
    "avhoppare | avhopparverksamhet | exitverksamhet | exit programme | exit program",
    "förebyggande arbete | prevention | preventive work",
    "högerextremism | högerextrem | right-wing extremism | far-right extremism",
    "vänsterextremism | vänsterextrem | left-wing extremism",
    "islamism | islamistisk extremism | Islamist extremism",
    "samverkan | cooperation | multi-agency cooperation",
    "konspirationsteorier | conspiracy theories",
    "desinformation | disinformation",
    "anhöriga | relatives | families",
    "orostelefon | stödtelefon | helpline",
    "terrorism | terrorattentat | terrorist attack",
]


def install_starting_entries(model=None):
    """Create the starting entries (by the migration, and by tests that emptied the table)."""
    if model is None:
        from cks_portal.core.models import ThesaurusEntry as model
    for line in STARTING_THESAURUS:
        terms = [term.strip() for term in line.split("|")]
        entry = model.objects.create(terms="\n".join(terms))
        write_rules(entry.pk, terms)


def split_terms(text):
    """The terms of an entry: one per line (a comma also separates), trimmed, each once,
    compared without regard to case."""
    terms, seen = [], set()
    for line in (text or "").replace(",", "\n").splitlines():
        term = " ".join(line.replace('"', " ").split())
        if term and term.lower() not in seen:
            seen.add(term.lower())
            terms.append(term)
    return terms


def validate_terms(text):
    from cks_portal.core.models import THESAURUS_TERM_MAX_LENGTH, THESAURUS_TERMS_MAX

    terms = split_terms(text)
    if len(terms) < 2:
        raise ValidationError({"terms": _("Write at least two terms, one per line.")})
    if len(terms) > THESAURUS_TERMS_MAX:
        raise ValidationError(
            {"terms": _("At most %(count)d terms in one entry.") % {"count": THESAURUS_TERMS_MAX}}
        )
    too_long = [t for t in terms if len(t) > THESAURUS_TERM_MAX_LENGTH]
    if too_long:
        raise ValidationError(
            {
                "terms": _("A term can be at most %(count)d characters: %(term)s")
                % {"count": THESAURUS_TERM_MAX_LENGTH, "term": too_long[0][:40] + "…"}
            }
        )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT t FROM unnest(%s::text[]) t WHERE numnode(websearch_to_tsquery(%s::regconfig, t)) = 0",
            [terms, SEARCH_CONFIG],
        )
        empty = [row[0] for row in cursor.fetchall()]
    if empty:
        raise ValidationError(
            {
                "terms": _("“%(term)s” is too common a word to search for; write a more specific term.")
                % {"term": empty[0]}
            }
        )


def write_rules(entry_id, terms):
    """Replace the entry's rewrite rules: two statements, whatever the number of terms."""
    from cks_portal.core.models import SearchRewrite

    SearchRewrite.objects.filter(entry_id=entry_id).delete()
    if len(terms) < 2:
        return
    table = SearchRewrite._meta.db_table
    # Each term is a target twice: as typed without quotes and as a quoted phrase. A target
    # is replaced by itself ORed with every other term as a phrase.
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            WITH terms AS (SELECT t FROM unnest(%(terms)s::text[]) t),
            phrases AS (
                SELECT DISTINCT websearch_to_tsquery(%(config)s::regconfig, '"' || t || '"') AS q
                FROM terms
            ),
            targets AS (
                SELECT DISTINCT q FROM (
                    SELECT websearch_to_tsquery(%(config)s::regconfig, t) AS q FROM terms
                    UNION ALL SELECT q FROM phrases
                ) forms WHERE numnode(q) > 0
            )
            INSERT INTO {table} (entry_id, target, lexemes, substitute, size)
            SELECT %(entry)s, targets.q, cks_tsquery_lexemes(targets.q), (
                '(' || targets.q::text || ')' || coalesce((
                    SELECT string_agg(' | (' || phrases.q::text || ')', '' ORDER BY phrases.q::text)
                    FROM phrases WHERE numnode(phrases.q) > 0 AND phrases.q <> targets.q
                ), '')
            )::tsquery, numnode(targets.q)
            FROM targets
            """,  # noqa: S608 - the table name is the model's own
            {"terms": terms, "config": SEARCH_CONFIG, "entry": entry_id},
        )


# The rewrite as a function of the query, for PostgreSQL to apply. Two passes, so that every
# matched term is replaced once: first each target becomes a marker of its rule (the largest
# targets first), then each marker becomes the rule's substitute. In one pass, a later rule
# would match a term inside an earlier rule's substitute and replace it again, and the query
# would grow with every rule of the entry.
#
# Only the rules whose every lexeme the query holds can match, so only those are read (by a
# statement whose plan PL/pgSQL keeps) and applied one by one: reading every rule through
# ts_rewrite's own query cost several times more.
#
# It is STABLE: it reads a table. Until core migration 0014 it was declared IMMUTABLE, so that
# the planner would fold it into a constant while planning each search statement (as a
# subquery or a STABLE function inside the search it ran at execution, the planner guessed 100
# matches for every query, and a broad word ranked all 20,000 matches instead of walking the
# newest 1,001). But folding runs it again for every place a statement names the query (five
# in the knowledge bank's page of results), about 0.1 ms each, and planning the walk took
# 0.91 ms with it against 0.26 ms with its result written in (docs/benchmarks.md). A search
# now asks for it once (`rewritten()`) and passes the result as a constant.
MARKER = "ckstesaurus"
# The lexemes of a tsquery: what is between its single quotes ('' is a quote inside one).
LEXEMES_FUNCTION_SQL = r"""
CREATE OR REPLACE FUNCTION cks_tsquery_lexemes(words tsquery) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $function$
    SELECT coalesce(array_agg(DISTINCT replace(found[1], '''''', '''')), '{}')
    FROM regexp_matches(words::text, '''((?:[^'']|'''')*)''', 'g') AS found
$function$;
"""
FUNCTION_SQL = f"""
CREATE OR REPLACE FUNCTION cks_thesaurus_rewrite(words tsquery) RETURNS tsquery
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $function$
DECLARE
    asked text[] := cks_tsquery_lexemes(words);
    marked tsquery := words;
    rule record;
    ids bigint[] := '{{}}';
    substitutes tsquery[] := '{{}}';
BEGIN
    FOR rule IN
        SELECT id, target, substitute FROM cks_portal_searchrewrite
        WHERE lexemes <@ asked ORDER BY size DESC, id
    LOOP
        marked := ts_rewrite(marked, rule.target, ('{MARKER}' || rule.id)::tsquery);
        ids := ids || rule.id;
        substitutes := substitutes || rule.substitute;
    END LOOP;
    FOR i IN 1 .. coalesce(array_length(ids, 1), 0) LOOP
        marked := ts_rewrite(marked, ('{MARKER}' || ids[i])::tsquery, substitutes[i]);
    END LOOP;
    RETURN marked;
END
$function$;
"""  # noqa: S608 - constants only


# --- The rewrite a search uses ----------------------------------------------------------------
# The rewritten queries of the current request (or `remembering()` block), by query text; None
# outside one (a management command, a test's direct call), where each call asks the database.
_rewritten = ContextVar("cks_thesaurus_rewritten", default=None)


def rewritten(text):
    """`text` read as web search syntax and rewritten through the thesaurus, as a tsquery's
    text for a search statement to use as a constant: at most once per text in a request (the
    site search's five groups and a knowledge-bank page's two statements share it), and during
    a request remembered for the generation of content (page_cache.memo; the knowledge bank's
    page reads it ahead with its other memos, in the same cache round trip)."""
    remembered = _rewritten.get()
    if remembered is None:
        return _asked(text)
    if text not in remembered:
        remembered[text] = page_cache.memo_for_text("thesaurus", text, lambda: _asked(text))
    return remembered[text]


def _asked(text):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT cks_thesaurus_rewrite(websearch_to_tsquery(%s::regconfig, %s))::text",
            [SEARCH_CONFIG, text],
        )
        return cursor.fetchone()[0]


@contextmanager
def remembering():
    """Within it, `rewritten()` asks the database once per text, as it does within a request."""
    token = _rewritten.set({})
    try:
        yield
    finally:
        _rewritten.reset(token)


@receiver(request_started)
def _remember_during_the_request(**kwargs):
    _rewritten.set({})


@receiver(request_finished)
def _forget_after_the_request(**kwargs):
    _rewritten.set(None)
