"""Fill the database with realistic volumes for benchmarking: N publications, N/10 news items
and N/10 events, and a few hundred support contacts with hours and exceptions.

Seeded and repeatable: the same N gives the same rows. Everything it creates has a slug that
starts with `scale-`, so running it again first removes the previous run's rows and the demo
content is left alone. Rows go in with `bulk_create` (no signals, no history), and the search
vectors of the publications, news items and events are then computed with one UPDATE per table
on PostgreSQL.
"""

import datetime
import random

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone
from tqdm import tqdm

from cks_portal.core import compounds, suggestions
from cks_portal.core.models import Topic
from cks_portal.core.publishing import State
from knowledge_bank.models import Author, Publication, PublicationAuthor
from news.models import Event, NewsItem
from support.models import Language, OpeningException, OpeningInterval, PhoneNumber, SupportContact

PREFIX = "scale-"
BATCH = 2000

# Words of the field, so that realistic queries find realistic numbers of rows: a few words
# occur in almost every text, most in some, and the tail in few.
COMMON = [
    "förebyggande",
    "arbete",
    "kommun",
    "samverkan",
    "skola",
    "socialtjänst",
    "polis",
    "unga",
    "vuxna",
    "risk",
    "skydd",
    "faktorer",
    "stöd",
    "insatser",
    "kunskap",
    "metod",
    "uppföljning",
    "rapport",
]
TOPICAL = [
    "radikalisering",
    "extremism",
    "våldsbejakande",
    "hedersrelaterat",
    "våld",
    "förtryck",
    "gäng",
    "kriminalitet",
    "narkotika",
    "alkohol",
    "spel",
    "trygghet",
    "brottsoffer",
    "nätverk",
    "rekrytering",
    "sociala",
    "medier",
    "föräldrar",
    "fritid",
    "bostadsområde",
    "orosanmälan",
    "avhopp",
    "våld",
    "i",
    "nära",
    "relationer",
    "hot",
    "hat",
    "demokrati",
    "desinformation",
    "polarisering",
    "missbruk",
    "behandling",
    "ungdomsmottagning",
    "familj",
    "barn",
    "elever",
    "lärare",
    "fritidsledare",
    "idrott",
    "civilsamhälle",
    "trossamfund",
    "kartläggning",
    "lägesbild",
    "utvärdering",
]
RARE = [
    f"{stem}{suffix}"
    for stem in ("kvarter", "projekt", "modell", "enkät", "pilot")
    for suffix in "abcdefghij"
]
GIVEN = [
    "Anna",
    "Erik",
    "Maria",
    "Lars",
    "Karin",
    "Per",
    "Eva",
    "Johan",
    "Sara",
    "Ahmed",
    "Fatima",
    "Mikael",
    "Lena",
    "Omar",
    "Elin",
    "Nils",
]
FAMILY = [
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Hassan",
    "Ali",
    "Berg",
    "Lind",
    "Holm",
]
PUBLISHERS = ["Brå", "Socialstyrelsen", "Folkhälsomyndigheten", "Polismyndigheten", "SKR", "MUCF", "CKS"]


def sentence(rng, words):
    picked = [rng.choice(COMMON if rng.random() < 0.5 else TOPICAL) for _ in range(words)]
    if rng.random() < 0.2:
        picked[rng.randrange(len(picked))] = rng.choice(RARE)
    return " ".join(picked).capitalize() + "."


class Writer:
    """Text from a seeded pool of sentences: realistic word frequencies, and fast enough to
    write 100,000 documents of a few pages each in a minute or two."""

    def __init__(self, rng, pool=4000):
        self.rng = rng
        self.pool = [sentence(rng, rng.randint(8, 18)) for _ in range(pool)]

    def text(self, sentences):
        return " ".join(self.rng.choices(self.pool, k=sentences))


class Command(BaseCommand):
    help = "Load N publications, N/10 news items and events, and support contacts for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("scale", type=int, help="Number of publications, e.g. 100000.")
        parser.add_argument("--seed", type=int, default=9)
        parser.add_argument("--contacts", type=int, default=300)
        parser.add_argument(
            "--text-chars",
            type=int,
            default=6000,
            help="Characters of extracted file text per publication (a few pages).",
        )

    def handle(self, *args, scale, seed, contacts, text_chars, **options):
        rng = random.Random(seed)  # noqa: S311 - repeatable test data, not secrets
        writer = Writer(rng)
        progress = options["verbosity"] > 0
        with transaction.atomic():
            self.clear()
            topics = self.topics()
            self.publications(rng, writer, scale, topics, text_chars, progress)
            self.news(rng, writer, max(scale // 10, 1), topics, progress)
            self.contacts(rng, writer, contacts, topics, progress)
        with connection.cursor() as cursor:
            # VACUUM also empties the GIN index's pending list (100,000 fresh vectors make
            # every search scan it), but it cannot run inside a transaction (the tests).
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
        self.stdout.write(self.style.SUCCESS(f"Loaded {scale} publications and the rest."))

    def clear(self):
        """Remove the previous run's rows with plain DELETEs: going through the ORM would load
        each row and write a history record for it, which takes ages at 100,000."""
        like = f"{PREFIX}%"
        statements = [
            "DELETE FROM knowledge_bank_publicationauthor WHERE publication_id IN "
            "(SELECT id FROM knowledge_bank_publication WHERE slug LIKE %s)",
            "DELETE FROM knowledge_bank_publication_topics WHERE publication_id IN "
            "(SELECT id FROM knowledge_bank_publication WHERE slug LIKE %s)",
            "DELETE FROM knowledge_bank_publication WHERE slug LIKE %s",
            "DELETE FROM news_newsitem_topics WHERE newsitem_id IN (SELECT id FROM news_newsitem WHERE slug LIKE %s)",
            "DELETE FROM news_newsitem WHERE slug LIKE %s",
            "DELETE FROM news_event_topics WHERE event_id IN (SELECT id FROM news_event WHERE slug LIKE %s)",
            "DELETE FROM news_event WHERE slug LIKE %s",
        ]
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement, [like])
        Author.objects.filter(family_name__startswith="Scale ", credits__isnull=True).delete()
        # A few hundred contacts: the ORM's cascade over phones, hours and exceptions is fine.
        SupportContact.objects.filter(slug__startswith=PREFIX).delete()

    def topics(self):
        names = {"radikalisering": "Radikalisering", "gang": "Gängkriminalitet", "trygghet": "Trygghet"}
        for slug, name in names.items():
            Topic.objects.get_or_create(name=name, defaults={"slug": f"{PREFIX}{slug}"})
        # Only its own topics: a demo topic tagged on 100,000 rows would make every later
        # save of that topic recompute 100,000 search vectors one by one.
        return list(Topic.objects.filter(slug__startswith=PREFIX))

    def publications(self, rng, writer, count, topics, text_chars, progress):
        authors = Author.objects.bulk_create(
            Author(family_name=f"Scale {family}", given_name=given) for family in FAMILY for given in GIVEN
        )
        now = timezone.now()
        through = Publication.topics.through
        bar = tqdm(total=count, desc="publications", disable=not progress)
        for start in range(0, count, BATCH):
            rows = []
            for number in range(start, min(start + BATCH, count)):
                year = rng.randint(1995, 2026)
                body = writer.text(max(1, text_chars // 110))[:text_chars]
                title = sentence(rng, rng.randint(3, 9)).rstrip(".")
                subtitle = sentence(rng, rng.randint(2, 6)).rstrip(".") if rng.random() < 0.4 else ""
                summary = writer.text(rng.randint(2, 5))
                summary_en = "Summary in English. " + writer.text(2) if rng.random() < 0.3 else ""
                rows.append(
                    Publication(
                        title=title,
                        subtitle=subtitle,
                        slug=f"{PREFIX}{number}",
                        publisher=rng.choice(PUBLISHERS),
                        year=year,
                        date=datetime.date(year, rng.randint(1, 12), rng.randint(1, 28))
                        if rng.random() < 0.5
                        else None,
                        type=rng.choice(Publication.Type.values),
                        language=rng.choices(["sv", "en", "no", "da", "fi"], [80, 12, 3, 3, 2])[0],
                        audience=rng.choice(Publication.Audience.values),
                        summary=summary,
                        summary_en=summary_en,
                        file_text=body,
                        # As Publication.save() would (bulk_create skips it): compound parts.
                        search_parts=compounds.parts(title, subtitle, summary, summary_en, body),
                        state=State.PUBLISHED,
                        publish_at=now,
                    )
                )
            created = Publication.objects.bulk_create(rows)
            suggestions.remember_words(
                *(text for row in rows for text in (row.title, row.subtitle, row.summary))
            )
            PublicationAuthor.objects.bulk_create(
                PublicationAuthor(publication=p, author=a, order=i)
                for p in created
                for i, a in enumerate(rng.sample(authors, rng.randint(1, 3)))
            )
            through.objects.bulk_create(
                through(publication_id=p.pk, topic_id=t.pk)
                for p in created
                for t in rng.sample(topics, rng.randint(0, 2))
            )
            bar.update(len(rows))
        bar.close()
        Publication.objects.filter(slug__startswith=PREFIX).sync_topic_ids()
        self.update_vectors()

    def update_vectors(self):
        """One UPDATE for every scale row, with the publications' own vector definition."""
        self.stdout.write("Computing search vectors in one UPDATE …")
        Publication.objects.filter(slug__startswith=PREFIX).update(
            search_vector=Publication.search_document()
        )

    def news(self, rng, writer, count, topics, progress):
        now = timezone.now()
        news = []
        events = []
        for number in tqdm(range(count), desc="news and events", disable=not progress):
            published = now - datetime.timedelta(hours=number * 7 + 1)
            news.append(
                NewsItem(
                    title=sentence(rng, rng.randint(4, 10)).rstrip("."),
                    slug=f"{PREFIX}{number}",
                    lead=writer.text(2),
                    body="".join(f"<p>{writer.text(4)}</p>" for _ in range(rng.randint(3, 8))),
                    state=State.PUBLISHED,
                    publish_at=published,
                )
            )
            start = now + datetime.timedelta(days=rng.randint(-400, 400), hours=rng.randint(0, 10))
            events.append(
                Event(
                    title=sentence(rng, rng.randint(3, 8)).rstrip("."),
                    slug=f"{PREFIX}{number}",
                    summary=writer.text(2)[:600],
                    body=f"<p>{writer.text(5)}</p>",
                    start=start,
                    end=start + datetime.timedelta(hours=rng.randint(1, 8)),
                    venue="Stadshuset",
                    address="Kungsgatan 55, Borås",
                    state=State.PUBLISHED,
                    publish_at=now - datetime.timedelta(days=500),
                )
            )
        NewsItem.objects.bulk_create(news, batch_size=BATCH)
        Event.objects.bulk_create(events, batch_size=BATCH)
        # bulk_create skips save(), which keeps the vectors; one UPDATE per table instead.
        for model in (NewsItem, Event):
            model.objects.filter(slug__startswith=PREFIX).update(search_vector=model.search_document())
        for model in (NewsItem, Event):
            through = model.topics.through
            field = f"{model._meta.model_name}_id"
            saved = model.objects.filter(slug__startswith=PREFIX).values_list("pk", flat=True)
            through.objects.bulk_create(
                (through(**{field: pk, "topic_id": rng.choice(topics).pk}) for pk in saved),
                batch_size=BATCH,
            )

    def contacts(self, rng, writer, count, topics, progress):
        today = timezone.localdate()
        rows = [
            SupportContact(
                name=f"Stödlinje {number}",
                slug=f"{PREFIX}{number}",
                organisation=rng.choice(PUBLISHERS),
                summary=writer.text(2)[:400],
                description=f"<p>{writer.text(4)}</p>",
                order=200 + number,
                is_active=True,
                closed_on_holidays=rng.random() < 0.5,
            )
            for number in range(count)
        ]
        contacts = SupportContact.objects.bulk_create(rows)
        # bulk_create skips save(), which keeps each contact's search vector.
        SupportContact.objects.filter(pk__in=[c.pk for c in contacts]).update(
            search_vector=SupportContact.search_document()
        )
        languages = list(Language.objects.all())
        PhoneNumber.objects.bulk_create(
            PhoneNumber(contact=c, number=f"020-{rng.randint(100, 999)} {rng.randint(100, 999)}")
            for c in contacts
        )
        intervals = []
        exceptions = []
        for contact in tqdm(contacts, desc="support contacts", disable=not progress):
            for weekday in range(rng.choice([5, 7])):
                opens = datetime.time(rng.choice([7, 8, 9, 10]))
                intervals.append(
                    OpeningInterval(
                        contact=contact,
                        weekday=weekday,
                        opens=opens,
                        closes=datetime.time(rng.choice([16, 17, 20, 22])),
                    )
                )
            for _ in range(rng.randint(0, 3)):
                day = today + datetime.timedelta(days=rng.randint(-5, 60))
                exceptions.append(
                    OpeningException(contact=contact, start_date=day, end_date=day, reason="Personaldag")
                )
        OpeningInterval.objects.bulk_create(intervals)
        OpeningException.objects.bulk_create(exceptions)
        if languages:
            through = SupportContact.languages.through
            through.objects.bulk_create(
                through(supportcontact_id=c.pk, language_id=rng.choice(languages).pk) for c in contacts
            )
        through = SupportContact.topics.through
        through.objects.bulk_create(
            through(supportcontact_id=c.pk, topic_id=rng.choice(topics).pk) for c in contacts
        )
