"""How good the knowledge bank's search is: `.venv/bin/python bench/relevance.py`.

Loads the made-up knowledge bank of bench/relevance/corpus.json (165 publications described
for this purpose) into the database named by DATABASE_URL inside a transaction that is
rolled back, asks each query of bench/relevance/judgements.json as /kunskapsbank/?q=… asks
it (relevance order, no filters), and reports over the judged set:

- nDCG@10: how close the first ten results come to the ideal order of the judged items
  (grade 2 = about what the query asks, 1 = partly about it; gain 2^grade - 1);
- recall@20: the share of the judged items found among the first twenty;
- the zero-result rate: the share of queries that find nothing.

`--by-kind` adds the means per kind of query (abbreviation, misspelling, English, …),
`--queries` one line per query. The database must be migrated; the thesaurus is what is
in it (the migration's starting entries unless curators changed them).
tests/knowledge_bank/test_relevance.py runs the same measurement on the test database
and fails when nDCG@10 falls more than 0.02 below RECORDED_NDCG_AT_10.
"""

import json
import math
import os
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "relevance"

# The topics the corpus uses, as the demo names them (Swedish, English).
TOPICS = {
    "vanster-autonoma-miljon": ("Den vänsterautonoma miljön", "The left-wing autonomous milieu"),
    "hoger-vit-makt-miljon": ("Vit makt-miljön", "The right-wing white-power milieu"),
    "islamistiska-miljon": ("Den islamistiska miljön", "The Islamist milieu"),
    "radikalisering": ("Radikalisering", "Radicalisation"),
    "valdsbejakande-extremism": ("Våldsbejakande extremism", "Violent extremism"),
    "hedersrelaterat-vald": ("Hedersrelaterat våld och förtryck", "Honour-related violence and oppression"),
    "organiserad-brottslighet": ("Organiserad brottslighet", "Organised crime"),
    "vald-i-nara-relationer": ("Våld i nära relationer", "Violence in close relationships"),
    "forebyggande-arbete": ("Förebyggande arbete", "Prevention"),
    "samverkan": ("Samverkan", "Cooperation"),
}

# What the search scores on the judged set after issue 17 (docs/benchmarks.md).
RECORDED_NDCG_AT_10 = 0.779
TOLERANCE = 0.02


def corpus():
    return json.loads((DATA / "corpus.json").read_text(encoding="utf-8"))["publications"]


def judged_queries():
    return json.loads((DATA / "judgements.json").read_text(encoding="utf-8"))["queries"]


def load_corpus():
    """The corpus as published publications with their topics (through the models' own
    save, so every index the search reads is kept as the admin keeps it)."""
    from cks_portal.core.models import Topic
    from cks_portal.core.publishing import State
    from knowledge_bank.models import Publication

    try:  # after issue 17: the thesaurus a fresh database starts with, if a test emptied it
        from cks_portal.core import thesaurus
        from cks_portal.core.models import ThesaurusEntry

        if not ThesaurusEntry.objects.exists():
            thesaurus.install_starting_entries()
    except ImportError:
        pass
    topics = {}
    for slug, (name_sv, name_en) in TOPICS.items():
        topic, _created = Topic.objects.get_or_create(slug=slug, defaults={"name_sv": name_sv})
        topic.name_sv, topic.name_en = name_sv, name_en
        topic.save()
        topics[slug] = topic
    for item in corpus():
        publication = Publication.objects.create(
            title=item["title"],
            slug=item["slug"],
            type=item["type"],
            year=item["year"],
            language=item["language"],
            summary_sv=item["summary_sv"],
            summary_en=item["summary_en"],
            state=State.PUBLISHED,
        )
        publication.topics.set([topics[slug] for slug in item["topics"]])


def search_slugs(query, count=20):
    """The slugs of the first `count` results, as the knowledge bank's page orders them."""
    from knowledge_bank.models import Publication
    from knowledge_bank.search import PublicationSearch

    ids = PublicationSearch({"q": query}).ordered_ids()[:count]
    slugs = dict(Publication.objects.filter(pk__in=ids).values_list("pk", "slug"))
    return [slugs[pk] for pk in ids]


def dcg(grades):
    return sum((2**grade - 1) / math.log2(position + 2) for position, grade in enumerate(grades))


def suggestion(query):
    """The "Did you mean …?" query the page offers, or None (main's search had none)."""
    from knowledge_bank.search import PublicationSearch

    offered = getattr(PublicationSearch({"q": query}), "suggestion", None)
    return offered["query"] if offered else None


def scores(found, relevant):
    ideal = dcg(sorted(relevant.values(), reverse=True)[:10])
    ndcg = dcg([relevant.get(slug, 0) for slug in found[:10]]) / ideal if ideal else 0.0
    recall = len([slug for slug in found if slug in relevant]) / len(relevant) if relevant else 0.0
    return ndcg, recall


def measure(query, relevant):
    found = search_slugs(query, 20)
    ndcg, recall = scores(found, relevant)
    offered = suggestion(query)
    # What a reader gets who follows the suggestion: its results instead (one click more).
    clicked = scores(search_slugs(offered, 20), relevant)[0] if offered else ndcg
    return {
        "ndcg10": ndcg,
        "recall20": recall,
        "zero": not found,
        "found": found,
        "suggestion": offered,
        "ndcg10_after_suggestion": clicked,
    }


def evaluate(queries=None):
    """{"ndcg10", "recall20", "zero_rate", "queries": [per query], "by_kind": {kind: means}}."""
    queries = judged_queries() if queries is None else queries
    rows = []
    for item in queries:
        rows.append(
            {"query": item["query"], "kind": item["kind"], **measure(item["query"], item["relevant"])}
        )

    def means(selected):
        n = len(selected) or 1
        return {
            "ndcg10": sum(r["ndcg10"] for r in selected) / n,
            "recall20": sum(r["recall20"] for r in selected) / n,
            "zero_rate": sum(1 for r in selected if r["zero"]) / n,
            "ndcg10_after_suggestion": sum(r["ndcg10_after_suggestion"] for r in selected) / n,
            "suggested": sum(1 for r in selected if r["suggestion"]),
            "count": len(selected),
        }

    kinds = defaultdict(list)
    for row in rows:
        kinds[row["kind"]].append(row)
    return {**means(rows), "queries": rows, "by_kind": {kind: means(r) for kind, r in sorted(kinds.items())}}


def main(argv):
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cks_portal.settings")
    import django

    django.setup()
    from django.db import transaction

    with transaction.atomic():
        load_corpus()
        result = evaluate()
        transaction.set_rollback(True)
    print(
        f"queries {len(result['queries'])}  nDCG@10 {result['ndcg10']:.3f}  "
        f"recall@20 {result['recall20']:.3f}  zero-result rate {result['zero_rate']:.3f}  "
        f"nDCG@10 after following “Did you mean” {result['ndcg10_after_suggestion']:.3f} "
        f"({result['suggested']} suggestions)"
    )
    if "--by-kind" in argv:
        for kind, m in result["by_kind"].items():
            print(
                f"  {kind:<14} n={m['count']:<3} nDCG@10 {m['ndcg10']:.3f}  recall@20 {m['recall20']:.3f}  "
                f"zero {m['zero_rate']:.2f}  after suggestion {m['ndcg10_after_suggestion']:.3f}"
            )
    if "--queries" in argv:
        for row in result["queries"]:
            offered = f"  → {row['suggestion']}" if row["suggestion"] else ""
            print(
                f"  {row['ndcg10']:.2f} {row['recall20']:.2f} {len(row['found']):>3}  {row['query']}{offered}"
            )
    if "--json" in argv:
        print(json.dumps({k: v for k, v in result.items() if k != "queries"}, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
