"""The query a rank is computed with (cks_portal/core/search.py, `rank`): the search's words
joined by OR. This is its one definition; a change to it is a new migration."""

from django.db import migrations

RANK_QUERY_SQL = r"""
CREATE OR REPLACE FUNCTION cks_rank_query(q tsquery) RETURNS tsquery
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $function$
    -- ts_rank scores an AND of words by how close each pair of them stands, over every pair
    -- of their positions: for three common words in a long text, 7 microseconds a row. The
    -- same words joined by OR are scored by how often and where (title, summary, text) they
    -- stand, in one pass over each word's positions. Every row ranked already matches the
    -- whole query; a negated word ('!') is left out, a prefix (:*) or weight kept.
    SELECT coalesce(
        (SELECT string_agg(hit[2], ' | ' ORDER BY ordinality)
         FROM regexp_matches(q::text, $pattern$(!?)('(?:[^']|'')*'(?::[*A-D]+)?)$pattern$, 'g')
              WITH ORDINALITY AS found(hit, ordinality)
         WHERE hit[1] = '')::tsquery,
        q)
$function$;
"""


class Migration(migrations.Migration):
    dependencies = [("cks_portal", "0012_word_pairs")]

    operations = [migrations.RunSQL(RANK_QUERY_SQL, "DROP FUNCTION IF EXISTS cks_rank_query(tsquery);")]
