"""The curators' thesaurus as query rewriting inside PostgreSQL.

Each entry (cks_portal.core.models.ThesaurusEntry) is a set of terms that mean the same:
"VBE", "våldsbejakande extremism", "violent extremism". On save it is turned into rewrite
rules (SearchRewrite), one per term and form: the term as the query parser reads it unquoted
(`'våldsbejak' & 'extremism'`) and quoted (`'våldsbejak' <-> 'extremism'`), each to be
replaced by "this or any of its equivalents", every equivalent as a phrase.

A search applies them with `cks_thesaurus_rewrite(websearch_to_tsquery(…))`, a function of
two `ts_rewrite` passes (FUNCTION_SQL below) that PostgreSQL evaluates while planning the
search's own statement: no extra round trip, nothing remembered in Python, so a curator's
change applies to the very next search. The rules are stemmed by the same text search configuration as the
documents, so "VBE" finds "våldsbejakande extremismen" too. `ts_rewrite` matches a target
inside a larger AND, so "hedersrelaterat våld skola" is rewritten to
`('hedersrelater' <-> 'våld' | 'hrv' | …) & 'skol'`.
"""

from django.core.exceptions import ValidationError
from django.db import connection
from django.utils.translation import gettext as _

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
    # Every term as a phrase, ORed: what any of them is replaced by.
    # Each term is a target twice: as typed without quotes and as a quoted phrase.
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            WITH terms AS (SELECT t FROM unnest(%(terms)s::text[]) t),
            phrases AS (
                SELECT websearch_to_tsquery(%(config)s::regconfig, '"' || t || '"') AS q FROM terms
            ),
            substitute AS (
                SELECT string_agg('(' || q::text || ')', ' | ') AS text FROM phrases WHERE numnode(q) > 0
            ),
            targets AS (
                SELECT DISTINCT q FROM (
                    SELECT websearch_to_tsquery(%(config)s::regconfig, t) AS q FROM terms
                    UNION ALL SELECT q FROM phrases
                ) forms WHERE numnode(q) > 0
            )
            INSERT INTO {table} (entry_id, target, substitute, size)
            SELECT %(entry)s, targets.q, substitute.text::tsquery, numnode(targets.q) FROM targets, substitute
            """,  # noqa: S608 - the table name is the model's own
            {"terms": terms, "config": SEARCH_CONFIG, "entry": entry_id},
        )


# The rewrite as a function of the query, for PostgreSQL to apply. Two passes, so that every
# matched term is replaced once by its entry's terms: first each target becomes a marker of
# its entry (the largest targets first), then each marker becomes the entry's substitute.
# In one pass, a later rule would match a term inside an earlier rule's substitute and
# replace it again, and the query would grow with every rule of the entry.
#
# It is declared IMMUTABLE although it reads a table, on purpose: then the planner calls it
# once, while planning, with the query's words as constants, and plans the search for the
# rewritten query it sees (its GIN index, its estimate of the matches). As a subquery or a
# STABLE function it ran at execution, the planner guessed 100 matches for every query, and
# a broad word ranked all 20,000 matches instead of walking the newest 1,001 (10-100× slower,
# docs/benchmarks.md). Nothing may store its result (no index or generated column uses it),
# and the site plans every statement afresh (psycopg's client-side binding prepares nothing),
# so a curator's change still applies to the next search.
MARKER = "ckstesaurus"
FUNCTION_SQL = f"""
CREATE OR REPLACE FUNCTION cks_thesaurus_rewrite(words tsquery) RETURNS tsquery
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $function$
DECLARE
    marked tsquery;
BEGIN
    marked := ts_rewrite(
        words,
        'SELECT target, (''{MARKER}'' || entry_id)::tsquery FROM cks_portal_searchrewrite
         ORDER BY size DESC, id'
    );
    IF strpos(marked::text, '{MARKER}') = 0 THEN
        RETURN words;  -- no term of the thesaurus: the second pass has nothing to do
    END IF;
    RETURN ts_rewrite(
        marked,
        'SELECT DISTINCT ON (entry_id) (''{MARKER}'' || entry_id)::tsquery, substitute
         FROM cks_portal_searchrewrite ORDER BY entry_id'
    );
END
$function$;
"""  # noqa: S608 - constants only
DROP_FUNCTION_SQL = "DROP FUNCTION IF EXISTS cks_thesaurus_rewrite(tsquery);"
