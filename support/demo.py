"""Demo support contacts: the orostelefon from the centre's own page, and the national numbers.

Facts (numbers, hours, languages) come from shared/seeds and from the numbers every Swedish
resident knows; the wording is ours. Entries without a checked source have no "last verified"
date, so the admin flags them until someone checks them.
"""

import datetime

from django.utils import timezone

from cks_portal.core.models import Topic
from support import demo_languages
from support.models import Audience, Language, OpeningException, OpeningInterval, PhoneNumber, SupportContact

LANGUAGES = [
    # code, Swedish, English, in the language itself
    ("sv", "Svenska", "Swedish", "svenska"),
    ("en", "Engelska", "English", "English"),
    ("ar", "Arabiska", "Arabic", "العربية"),
    ("ku", "Kurdiska", "Kurdish", "Kurdî"),
]

AUDIENCES = [
    # slug, Swedish, English
    ("anhoriga", "Anhöriga och närstående", "Relatives and people close to someone"),
    ("yrkesverksamma", "Yrkesverksamma", "Professionals"),
    ("kommuner-och-organisationer", "Kommuner och organisationer", "Municipalities and organisations"),
    ("unga", "Unga", "Young people"),
    ("alla", "Alla", "Everyone"),
]

WEEKDAYS = range(0, 5)
ALL_DAYS = range(0, 7)
MIDNIGHT = datetime.time(0)

CONTACTS = [
    {
        "slug": "orostelefonen",
        "name": "Rädda Barnens orostelefon",
        "name_en": "Save the Children's helpline for worried relatives",
        "organisation": "Rädda Barnen",
        "organisation_website": "https://www.raddabarnen.se/",
        "commissioned_by": "Nationella samordnaren mot våldsbejakande extremism",
        "commissioned_by_en": "the National Coordinator against Violent Extremism",
        "summary": "För dig som är anhörig och orolig för att någon närstående dras mot en våldsbejakande extrem miljö. Kommuner och organisationer kan också ringa för information, råd och stöd.",
        "summary_en": "For relatives worried that someone close to them is being drawn towards a violent extremist milieu. Municipalities and organisations can also call for information, advice and support.",
        "is_anonymous": True,
        "anonymity_note": "Du behöver inte säga vem du är, och samtalet syns inte på telefonräkningen.",
        "anonymity_note_en": "You do not have to say who you are, and the call does not show on the phone bill.",
        "closed_on_holidays": True,
        "is_featured": True,
        "order": 10,
        "phones": [("020-100 200", "", "")],
        "languages": ["sv", "en", "ar", "ku"],
        "audiences": ["anhoriga", "kommuner-och-organisationer"],
        "topics": ["valdsbejakande-extremism", "radikalisering"],
        "hours": [(day, datetime.time(9), datetime.time(12), False) for day in WEEKDAYS]
        + [(day, datetime.time(13), datetime.time(16), False) for day in WEEKDAYS],
    },
    {
        "slug": "112",
        "name": "112 – vid akut fara",
        "name_en": "112 – in acute danger",
        "organisation": "SOS Alarm",
        "organisation_website": "https://www.sosalarm.se/",
        "summary": "Ring 112 när det är bråttom och någons liv, hälsa, egendom eller miljö är i fara.",
        "summary_en": "Call 112 when it is urgent and someone's life, health, property or the environment is in danger.",
        "is_featured": True,
        "order": 1,
        "phones": [("112", "Larmnummer", "Emergency number")],
        "languages": ["sv", "en"],
        "audiences": ["alla"],
        "topics": [],
        "hours": [(day, MIDNIGHT, MIDNIGHT, True) for day in ALL_DAYS],
    },
    {
        "slug": "polisen-114-14",
        "name": "Polisen, 114 14",
        "name_en": "The police, 114 14",
        "organisation": "Polismyndigheten",
        "organisation_website": "https://polisen.se/",
        "summary": "Polisens nummer när det inte är akut: för att lämna tips, anmäla brott eller fråga om något.",
        "summary_en": "The police's number when it is not an emergency: to give a tip, report a crime or ask a question.",
        "is_featured": True,
        "order": 20,
        "phones": [("114 14", "", "")],
        "languages": ["sv", "en"],
        "audiences": ["alla", "yrkesverksamma"],
        "topics": ["valdsbejakande-extremism", "organiserad-brottslighet"],
        "hours": [(day, MIDNIGHT, MIDNIGHT, True) for day in ALL_DAYS],
    },
    {
        "slug": "boras-stad-socialtjansten",
        "name": "Socialtjänsten i Borås Stad",
        "name_en": "Social services, City of Borås",
        "organisation": "Borås Stad",
        "organisation_website": "https://www.boras.se/",
        "summary": "Kommunens socialtjänst ger råd och stöd till familjer, unga och anhöriga. Ring stadens kontaktcenter så kopplas du vidare.",
        "summary_en": "The municipality's social services give advice and support to families, young people and relatives. Call the city's contact centre to be put through.",
        "order": 30,
        "phones": [("033-35 70 00", "Kontaktcenter", "Contact centre")],
        "email": "boras.stad@boras.se",
        "languages": ["sv"],
        "audiences": ["anhoriga", "unga", "yrkesverksamma"],
        "topics": ["vald-i-nara-relationer", "hedersrelaterat-vald", "forebyggande-arbete"],
        "closed_on_holidays": True,
        "hours": [(day, datetime.time(8), datetime.time(17), False) for day in WEEKDAYS],
    },
]


def load(command):
    languages = {}
    for code, name, name_en, native in LANGUAGES:
        languages[code], _ = Language.objects.update_or_create(
            code=code, defaults={"name": name, "name_en": name_en, "native_name": native}
        )
    audiences = {}
    for order, (slug, name, name_en) in enumerate(AUDIENCES):
        audiences[slug], _ = Audience.objects.update_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "order": order}
        )
    for data in CONTACTS:
        data = dict(data)
        phones = data.pop("phones")
        hours = data.pop("hours")
        codes = data.pop("languages")
        audience_slugs = data.pop("audiences")
        topic_slugs = data.pop("topics")
        # In all nine languages, the seven newer ones unreviewed; the demo's editor chose to
        # show unreviewed translations (cks_portal/core/translation_review.py).
        data.update(demo_languages.CONTACTS.get(data["slug"], {}), show_unreviewed=True)
        contact, _ = SupportContact.objects.update_or_create(slug=data.pop("slug"), defaults=data)
        contact.languages.set([languages[code] for code in codes])
        contact.audiences.set([audiences[slug] for slug in audience_slugs])
        contact.topics.set(Topic.objects.filter(slug__in=topic_slugs))
        for order, (number, note, note_en) in enumerate(phones):
            notes = {f"note_{lang}": text for lang, text in demo_languages.PHONE_NOTES.get(note, {}).items()}
            PhoneNumber.objects.update_or_create(
                contact=contact,
                order=order,
                defaults={"number": number, "note": note, "note_en": note_en, **notes},
            )
        contact.intervals.all().delete()
        OpeningInterval.objects.bulk_create(
            OpeningInterval(
                contact=contact, weekday=day, opens=opens, closes=closes, closes_next_day=next_day
            )
            for day, opens, closes, next_day in hours
        )
    _needs_attention()
    command.stdout.write(f"  support: {len(CONTACTS)} contacts, {len(LANGUAGES)} languages")


def _needs_attention():
    """A number with digits missing and a closed day already passed, so that the support
    editors' content health on the admin index (issue 19) has something of each kind to show
    (the demo contacts have never been verified, which it shows too)."""
    contact = SupportContact.objects.get(slug="boras-stad-socialtjansten")
    PhoneNumber.objects.update_or_create(
        contact=contact,
        order=1,
        defaults={"number": "033-35 70", "note": "Reception", "note_en": "Reception"},
    )
    day = timezone.localdate() - datetime.timedelta(days=12)
    OpeningException.objects.update_or_create(
        contact=contact,
        reason_sv="Personaldag",
        defaults={
            "start_date": day,
            "end_date": day,
            "kind": OpeningException.Kind.CLOSED,
            "reason": "Personaldag",
        },
    )
