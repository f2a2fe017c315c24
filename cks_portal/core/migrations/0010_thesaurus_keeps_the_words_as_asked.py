"""Each thesaurus rule gets its own substitute (the target as it was asked, or the other terms
as phrases) and the lexemes of its target; the rewrite function reads only the rules whose
lexemes the query holds and marks rules rather than entries (thesaurus.py)."""

import django.contrib.postgres.fields
from django.db import migrations, models

# The functions as they are after this migration, copied so that the migration does not change
# when thesaurus.py does.
LEXEMES_FUNCTION = r"""
CREATE OR REPLACE FUNCTION cks_tsquery_lexemes(words tsquery) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $function$
    SELECT coalesce(array_agg(DISTINCT replace(found[1], '''''', '''')), '{}')
    FROM regexp_matches(words::text, '''((?:[^'']|'''')*)''', 'g') AS found
$function$;
"""
REWRITE_FUNCTION = r"""
CREATE OR REPLACE FUNCTION cks_thesaurus_rewrite(words tsquery) RETURNS tsquery
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $function$
DECLARE
    asked text[] := cks_tsquery_lexemes(words);
    marked tsquery := words;
    rule record;
    ids bigint[] := '{}';
    substitutes tsquery[] := '{}';
BEGIN
    FOR rule IN
        SELECT id, target, substitute FROM cks_portal_searchrewrite
        WHERE lexemes <@ asked ORDER BY size DESC, id
    LOOP
        marked := ts_rewrite(marked, rule.target, ('ckstesaurus' || rule.id)::tsquery);
        ids := ids || rule.id;
        substitutes := substitutes || rule.substitute;
    END LOOP;
    FOR i IN 1 .. coalesce(array_length(ids, 1), 0) LOOP
        marked := ts_rewrite(marked, ('ckstesaurus' || ids[i])::tsquery, substitutes[i]);
    END LOOP;
    RETURN marked;
END
$function$;
"""

PREVIOUS_FUNCTION = """
CREATE OR REPLACE FUNCTION cks_thesaurus_rewrite(words tsquery) RETURNS tsquery
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $function$
DECLARE
    marked tsquery;
BEGIN
    marked := ts_rewrite(
        words,
        'SELECT target, (''ckstesaurus'' || entry_id)::tsquery FROM cks_portal_searchrewrite
         ORDER BY size DESC, id'
    );
    IF strpos(marked::text, 'ckstesaurus') = 0 THEN
        RETURN words;  -- no term of the thesaurus: the second pass has nothing to do
    END IF;
    RETURN ts_rewrite(
        marked,
        'SELECT DISTINCT ON (entry_id) (''ckstesaurus'' || entry_id)::tsquery, substitute
         FROM cks_portal_searchrewrite ORDER BY entry_id'
    );
END
$function$;
"""


def rewrite_rules(apps, schema_editor):
    from cks_portal.core import thesaurus

    for entry in apps.get_model("cks_portal", "ThesaurusEntry").objects.all():
        thesaurus.write_rules(entry.pk, thesaurus.split_terms(entry.terms))


class Migration(migrations.Migration):
    dependencies = [("cks_portal", "0009_search_thesaurus_and_vocabulary")]

    operations = [
        migrations.AddField(
            model_name="searchrewrite",
            name="lexemes",
            field=django.contrib.postgres.fields.ArrayField(
                base_field=models.TextField(), default=list, size=None
            ),
        ),
        migrations.RunSQL(LEXEMES_FUNCTION, "DROP FUNCTION IF EXISTS cks_tsquery_lexemes(tsquery);"),
        migrations.RunSQL(REWRITE_FUNCTION, PREVIOUS_FUNCTION),
        migrations.RunPython(rewrite_rules, migrations.RunPython.noop),
    ]
