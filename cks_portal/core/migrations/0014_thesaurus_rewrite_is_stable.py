"""The thesaurus rewrite is declared STABLE, as a function that reads a table is: searches no
longer call it inside their own statements for the planner to fold, but ask for it once per
request and pass its result as a constant (cks_portal/core/thesaurus.py, `rewritten`)."""

from django.db import migrations

# Only the volatility changes; the body is 0010's.
STABLE = "ALTER FUNCTION cks_thesaurus_rewrite(tsquery) STABLE;"
IMMUTABLE = "ALTER FUNCTION cks_thesaurus_rewrite(tsquery) IMMUTABLE;"


class Migration(migrations.Migration):
    dependencies = [("cks_portal", "0013_rank_query")]

    operations = [migrations.RunSQL(STABLE, IMMUTABLE)]
