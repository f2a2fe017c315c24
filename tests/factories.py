"""The rows a test needs, made directly: one function per kind of object.

Each `make_*` creates a valid object that readers can see (published, active), with plain
defaults that any keyword overrides, and returns it. Tests that are not about the demo content
build what they check with these instead of loading the demo, which is slow and which editors
may reword. The lookup tables (languages, audiences, topics) are fetched if they exist, so two
factories can ask for the same one.
"""

import datetime
import itertools

from django.core.files.base import ContentFile
from django.utils import timezone

from cks_portal.core.models import Topic
from cks_portal.core.publishing import State
from cks_portal.pages.models import Page
from knowledge_bank.demo import make_pdf
from knowledge_bank.models import Author, Publication, PublicationAuthor
from news.models import Event, NewsItem
from support.models import Audience, Language, OpeningException, OpeningInterval, PhoneNumber, SupportContact

# --- Lookup tables --------------------------------------------------------------------------

LANGUAGE_NAMES = {
    # code: Swedish, English, in the language itself
    "sv": ("Svenska", "Swedish", "svenska"),
    "en": ("Engelska", "English", "English"),
    "ar": ("Arabiska", "Arabic", "العربية"),
    "ku": ("Kurdiska", "Kurdish", "Kurdî"),
}


def make_language(code="sv"):
    """The language with ISO code `code`; the four above get their real names."""
    name, name_en, native = LANGUAGE_NAMES.get(code, (code, code, ""))
    return Language.objects.get_or_create(
        code=code, defaults={"name": name, "name_en": name_en, "native_name": native}
    )[0]


def make_audience(slug="alla", name=None, **fields):
    return Audience.objects.get_or_create(slug=slug, defaults={"name": name or slug.capitalize(), **fields})[
        0
    ]


def make_thesaurus_entry(*terms, note=""):
    """A thesaurus entry (its rewrite rules are written by its save)."""
    from cks_portal.core.models import ThesaurusEntry

    return ThesaurusEntry.objects.create(
        terms="\n".join(terms or ("VBE", "våldsbejakande extremism")), note=note
    )


def make_topic(slug="radikalisering", name=None, **fields):
    name = name or slug.replace("-", " ").capitalize()
    return Topic.objects.get_or_create(slug=slug, defaults={"name": name, **fields})[0]


# --- Support lines --------------------------------------------------------------------------

WEEKDAYS = range(5)


def seed_hours():
    """The orostelefon's week: Monday to Friday 09.00–12.00 and 13.00–16.00."""
    return [(day, "09:00", "12:00") for day in WEEKDAYS] + [(day, "13:00", "16:00") for day in WEEKDAYS]


def make_contact(
    slug="orostelefonen-test", hours=(), exceptions=(), phones=(), languages=(), audiences=(), **fields
):
    """An active support line.

    `hours` are weekly intervals [(weekday, "09:00", "12:00", closes_next_day?)], `exceptions`
    the fields of OpeningException rows, `phones` numbers, `languages` ISO codes and
    `audiences` slugs."""
    defaults = {"name": slug.replace("-", " ").title(), "organisation": "Rädda Barnen", "summary": "Stöd."}
    contact = SupportContact.objects.create(slug=slug, **{**defaults, **fields})
    for weekday, opens, closes, *next_day in hours:
        OpeningInterval.objects.create(
            contact=contact,
            weekday=weekday,
            opens=datetime.time.fromisoformat(opens),
            closes=datetime.time.fromisoformat(closes),
            closes_next_day=bool(next_day and next_day[0]),
        )
    for exception in exceptions:
        OpeningException.objects.create(contact=contact, **exception)
    for order, number in enumerate(phones):
        PhoneNumber.objects.create(contact=contact, number=number, order=order)
    if languages:
        contact.languages.set([make_language(code) for code in languages])
    if audiences:
        contact.audiences.set([make_audience(slug) for slug in audiences])
    return contact


def make_orostelefon(**fields):
    """A worried relatives' line like the centre's own: weekday hours split at lunch, closed on
    holidays, one phone, four languages, anonymous, with its English texts."""
    return make_contact(
        **{
            "slug": "orostelefonen",
            "name": "Rädda Barnens orostelefon",
            "name_en": "Save the Children's helpline for worried relatives",
            "organisation": "Rädda Barnen",
            "is_anonymous": True,
            "anonymity_note": "Du kan vara anonym: samtalet syns inte på telefonräkningen.",
            "anonymity_note_en": "You can stay anonymous: the call does not show on the phone bill.",
            "closed_on_holidays": True,
            "hours": seed_hours(),
            "phones": ["020-100 200"],
            "languages": ["sv", "en", "ar", "ku"],
            **fields,
        }
    )


ROUND_THE_CLOCK = [(day, "00:00", "00:00", True) for day in range(7)]


def make_support_lines():
    """Four lines of the kinds the list page shows, by slug: the orostelefon (featured, for
    relatives and municipalities, four languages), 112 and the police's 114 14 (featured, open
    round the clock, for everyone) and a municipality's social services (not featured, for
    young people among others, Swedish only, office hours)."""
    lines = [
        make_orostelefon(is_featured=True, order=10, audiences=["anhoriga", "kommuner-och-organisationer"]),
        make_contact(
            "boras-stad-socialtjansten",
            name="Socialtjänsten i Borås Stad",
            organisation="Borås Stad",
            order=30,
            closed_on_holidays=True,
            hours=[(day, "08:00", "17:00") for day in WEEKDAYS],
            phones=["033-35 70 00"],
            languages=["sv"],
            audiences=["anhoriga", "unga", "yrkesverksamma"],
        ),
    ]
    for slug, name, organisation, number, order, audiences in [
        ("112", "112 – vid akut fara", "SOS Alarm", "112", 1, ["alla"]),
        ("polisen-114-14", "Polisen, 114 14", "Polismyndigheten", "114 14", 20, ["alla", "yrkesverksamma"]),
    ]:
        lines.append(
            make_contact(
                slug,
                name=name,
                organisation=organisation,
                order=order,
                is_featured=True,
                hours=ROUND_THE_CLOCK,
                phones=[number],
                languages=["sv", "en"],
                audiences=audiences,
            )
        )
    return {line.slug: line for line in lines}


def add_contacts(count, start=0):
    """`count` featured lines "extra-<n>", each with hours, an exception in two days, Swedish,
    the audience "alla" and a phone in Swedish: more data for the query-count tests."""
    sv = make_language("sv")
    for index in range(start, start + count):
        contact = make_contact(
            slug=f"extra-{index}",
            hours=seed_hours(),
            exceptions=[
                {"start_date": timezone.localdate() + datetime.timedelta(days=2), "reason": "Stängt"}
            ],
            languages=["sv"],
            audiences=["alla"],
            is_featured=True,
        )
        PhoneNumber.objects.create(contact=contact, number="020-100 200").languages.add(sv)


# --- News and events ------------------------------------------------------------------------


def make_news(slug="nyhet", days_ago=1, state=State.PUBLISHED, **extra):
    return NewsItem.objects.create(
        slug=slug,
        title=extra.pop("title", f"Nyhet {slug}"),
        lead=extra.pop("lead", "En kort ingress."),
        body=extra.pop("body", "<p>Brödtext.</p>"),
        state=state,
        publish_at=extra.pop("publish_at", timezone.now() - datetime.timedelta(days=days_ago)),
        **extra,
    )


def make_event(slug="seminarium", days_ahead=10, state=State.PUBLISHED, **extra):
    start = extra.pop("start", timezone.now() + datetime.timedelta(days=days_ahead))
    return Event.objects.create(
        slug=slug,
        title=extra.pop("title", f"Evenemang {slug}"),
        summary=extra.pop("summary", "Kort sammanfattning."),
        start=start,
        end=extra.pop("end", start + datetime.timedelta(hours=6)),
        state=state,
        publish_at=extra.pop("publish_at", timezone.now() - datetime.timedelta(days=1)),
        **extra,
    )


# --- The knowledge bank ---------------------------------------------------------------------

_publication_numbers = itertools.count(1)


def make_author(family_name="Andersson", given_name="Anna"):
    return Author.objects.get_or_create(family_name=family_name, given_name=given_name)[0]


def make_publication(title="Rapport", pdf=None, authors=(), topics=(), **fields):
    """A published publication; `pdf=[...]` attaches a generated PDF with those paragraphs,
    `authors` are (family, given) pairs and `topics` Topic objects."""
    fields.setdefault("slug", f"pub-{next(_publication_numbers)}")
    fields.setdefault("year", 2020)
    fields.setdefault("summary", "En sammanfattning.")
    fields.setdefault("state", State.PUBLISHED)
    publication = Publication.objects.create(title=title, **fields)
    if pdf:
        publication.file.save(f"{publication.slug}.pdf", ContentFile(make_pdf(title, pdf)), save=True)
    for order, (family, given) in enumerate(authors):
        PublicationAuthor.objects.create(
            publication=publication, author=make_author(family, given), order=order
        )
    if topics:
        publication.topics.set(topics)
    return publication


# --- Editable pages -------------------------------------------------------------------------


def make_page(slug="om-oss", title="Om oss", **fields):
    """A published page, Swedish only unless English fields are given."""
    return Page.objects.create(slug=slug, title=title, **{"body": "<p>Text.</p>", **fields})


# The site's three standing pages, each title in Swedish and English. The footer links to two
# of them by fixed names, so these titles differ from those names: a test that finds a title
# knows it came from the page itself.
SITE_PAGES = [
    ("om-oss", "Om centrumet", "About the centre"),
    ("tillganglighet", "Så tillgänglig är webbplatsen", "How accessible the site is"),
    ("personuppgifter", "Så hanterar vi dina uppgifter", "How we handle your data"),
]


def make_site_pages():
    """The pages of SITE_PAGES, in both languages, by slug."""
    return {
        slug: make_page(slug, title, title_en=title_en, body_en="<p>Text.</p>")
        for slug, title, title_en in SITE_PAGES
    }


# --- A little of everything -----------------------------------------------------------------


def make_small_site():
    """One or a few of every kind of content, for tests that visit many public pages: the site
    pages, the four lines of make_support_lines, a news item, a coming event and a publication
    with an author on radicalisation, and a past event. Returns them by name."""
    topic = make_topic("radikalisering", "Radikalisering", name_en="Radicalisation")
    news = make_news("radikalisering-pa-natet", title="Radikalisering på nätet")
    news.topics.add(topic)
    event = make_event("seminarium-om-radikalisering", title="Seminarium om radikalisering")
    event.topics.add(topic)
    past_event = make_event("forra-arets-seminarium", days_ahead=-300, title="Förra årets seminarium")
    return {
        "pages": make_site_pages(),
        "lines": make_support_lines(),
        "topic": topic,
        "news": news,
        "event": event,
        "past_event": past_event,
        "publication": make_publication(
            "Radikalisering bland unga", authors=[("Ek", "Anna")], topics=[topic]
        ),
    }
