"""The functions of the phrase index (cks_portal/core/search.py, WordPairs and
PhraseCandidates): a vector's words and its pairs of neighbouring words, and the pairs a
query's phrases need. This is their one definition; a change to them is a new migration."""

from django.db import migrations

WORD_PAIRS_SQL = r"""
CREATE OR REPLACE FUNCTION cks_word_pairs(v tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 10000 AS $function$
    WITH word AS (SELECT u.lexeme, position FROM unnest(v) AS u, unnest(u.positions) AS position)
    SELECT array_to_tsvector(tsvector_to_array(v) || ARRAY(
        SELECT a.lexeme || ' ' || b.lexeme || ' 1' FROM word AS a JOIN word AS b ON b.position = a.position + 1
        UNION ALL
        SELECT a.lexeme || ' ' || b.lexeme || ' 2' FROM word AS a JOIN word AS b ON b.position = a.position + 2))
$function$;

CREATE OR REPLACE FUNCTION cks_word_pairs_query(q tsquery) RETURNS tsquery
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $function$
DECLARE
    t text := q::text;
    chain text;
    lexemes text[];
    distances text[];
    parts text[];
    distance int;
BEGIN
    -- Only a phrase needs this; a negated part cannot be narrowed by what a row holds.
    IF strpos(t, '<') = 0 OR strpos(t, '!') > 0 THEN
        RETURN NULL;
    END IF;
    -- Each phrase ('a' <-> 'b' <2> 'c') becomes the AND of its pairs ('a b 1' & 'b c 2'),
    -- words further apart the AND of the words; the longest first, so that a phrase inside
    -- a longer one is not replaced within it.
    FOR chain IN
        SELECT hit[1] FROM regexp_matches(
            t, $pattern$('(?:[^']|'')*'(?: <(?:-|[0-9]+)> '(?:[^']|'')*')+)$pattern$, 'g'
        ) AS hit
        GROUP BY hit[1] ORDER BY length(hit[1]) DESC
    LOOP
        lexemes := ARRAY(SELECT x[1] FROM regexp_matches(chain, $pattern$'((?:[^']|'')*)'$pattern$, 'g') AS x);
        distances := ARRAY(SELECT x[1] FROM regexp_matches(chain, '<(-|[0-9]+)>', 'g') AS x);
        parts := '{}';
        FOR i IN 1 .. array_length(distances, 1) LOOP
            distance := CASE WHEN distances[i] = '-' THEN 1 ELSE distances[i]::int END;
            IF distance <= 2 THEN
                parts := parts || format('''%s %s %s''', lexemes[i], lexemes[i + 1], distance);
            ELSE
                parts := parts || format('''%s''', lexemes[i]) || format('''%s''', lexemes[i + 1]);
            END IF;
        END LOOP;
        t := replace(t, chain, '( ' || array_to_string(parts, ' & ') || ' )');
    END LOOP;
    -- Anything left of a phrase (a prefix or a weight inside it) is not narrowed.
    IF strpos(t, '<') > 0 THEN
        RETURN NULL;
    END IF;
    RETURN t::tsquery;
END
$function$;
"""


class Migration(migrations.Migration):
    dependencies = [("cks_portal", "0011_content_generation_sequence")]

    operations = [
        migrations.RunSQL(
            WORD_PAIRS_SQL,
            "DROP FUNCTION IF EXISTS cks_word_pairs(tsvector); DROP FUNCTION IF EXISTS cks_word_pairs_query(tsquery);",
        )
    ]
