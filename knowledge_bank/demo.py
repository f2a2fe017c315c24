"""Demo publications for the knowledge bank.

Publications from other organisations are described here in our own words and link to the
publisher; no copy of their files is made. The centre's own documents (publisher Borås Stad)
are demo texts written for this project; their PDFs are generated at load time, so that search
over file text can be tried: for example "fritidsledare som märker", "rekrytering via
spelplattformar" or "checklista för bostadsbolag" occur only inside the files.
"""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from cks_portal.core.models import Topic
from cks_portal.core.publishing import State
from knowledge_bank.models import Author, Publication, PublicationAuthor

PUBLISHED_AT = timezone.make_aware(datetime.datetime(2025, 1, 15, 9, 0))

# Characters Helvetica in a PDF's standard encoding lacks, mapped to plain ones.
_PDF_SAFE = str.maketrans({"–": "-", "—": "-", "’": "'", "“": '"', "”": '"', "…": "...", "\u00a0": " "})


def make_pdf(title, paragraphs):
    """A small text PDF: a title and paragraphs, A4, Helvetica. Returns bytes."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_title(title.translate(_PDF_SAFE))
    pdf.set_author("Borås Stad, Centrum för kunskap och säkerhet")
    pdf.set_creator("CKS-portalen demo")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 8, title.translate(_PDF_SAFE))
    pdf.ln(4)
    pdf.set_font("Helvetica", size=11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, paragraph.translate(_PDF_SAFE))
        pdf.ln(3)
    return bytes(pdf.output())


CKS = "Borås Stad, Centrum för kunskap och säkerhet"

PUBLICATIONS = [
    {
        "slug": "vagledning-oro-for-radikalisering-skola-fritid",
        "title": "Oro för radikalisering",
        "subtitle": "Vägledning för skol- och fritidspersonal i Borås",
        "type": "guide",
        "year": 2025,
        "date": datetime.date(2025, 3, 10),
        "language": "sv",
        "audience": "school",
        "publisher": CKS,
        "authors": [(CKS, "")],
        "topics": ["radikalisering", "valdsbejakande-extremism", "forebyggande-arbete"],
        "featured": 1,
        "summary": "En kort vägledning för dig som arbetar i skolan eller på fritidsgården och "
        "börjar oroa dig för en elev eller besökare. Den går igenom vilka tecken som kan vara "
        "värda att ta på allvar, hur du pratar med den unge och vem i kommunen du vänder dig till.",
        "pdf": [
            "Den här vägledningen är skriven för personal i skolan och på stadens fritidsgårdar. "
            "Den som arbetar nära unga är ofta först att se att något förändras: nya vänner, ett "
            "nytt språkbruk, ett plötsligt intresse för våld eller konspirationsteorier.",
            "En fritidsledare som märker att en besökare har börjat sprida propaganda i gruppchattar "
            "ska inte stå ensam med sin oro. Prata först med den unge, utan att döma. Dokumentera "
            "vad du sett och hört och kontakta sedan din chef och CKS.",
            "Radikalisering är en process och inte ett tillstånd. Den kan vändas, och tidiga "
            "samtal med en vuxen som den unge litar på är bland det viktigaste som finns.",
            "Vid akut fara ska du alltid ringa 112.",
        ],
    },
    {
        "slug": "lokal-lagesbild-valdsbejakande-extremism-boras",
        "title": "Lokal lägesbild över våldsbejakande extremism i Borås",
        "type": "report",
        "year": 2025,
        "date": datetime.date(2025, 9, 30),
        "language": "sv",
        "audience": "decision-makers",
        "publisher": CKS,
        "authors": [("Lindqvist", "Maria"), ("Haddad", "Samir")],
        "topics": [
            "valdsbejakande-extremism",
            "hoger-vit-makt-miljon",
            "islamistiska-miljon",
            "vanster-autonoma-miljon",
            "samverkan",
        ],
        "featured": 2,
        "summary": "Lägesbilden sammanfattar vad kommunen och lokalpolisområde Borås vet om "
        "våldsbejakande miljöer i kommunen. Den beskriver de tre miljöer som Säkerhetspolisen "
        "pekar ut och ger förslag på hur förvaltningar och bolag kan arbeta vidare.",
        "pdf": [
            "Lägesbilden bygger på underlag från stadens förvaltningar, bostadsbolagen och "
            "Polismyndigheten, lokalpolisområde Borås, inom ramen för samverkansöverenskommelsen.",
            "Den högerextrema vit makt-miljön syns främst genom klistermärken, flygblad och "
            "aktivitet på nätet. Rekrytering via spelplattformar och chattfunktioner i spel har "
            "blivit vanligare och når yngre än tidigare.",
            "Den islamistiska extremistiska miljön och den vänsterautonoma miljön är små i "
            "kommunen men följs i samverkan med polisen.",
            "Rekommendationerna handlar om utbildning av medarbetare, tydliga kontaktvägar och "
            "att bostadsbolag och föreningar ska veta vart de vänder sig.",
        ],
    },
    {
        "slug": "handlingsplan-mot-valdsbejakande-extremism-boras",
        "title": "Handlingsplan mot våldsbejakande extremism",
        "subtitle": "Borås Stad 2025–2027",
        "type": "policy",
        "year": 2025,
        "date": datetime.date(2025, 1, 20),
        "language": "sv",
        "audience": "professionals",
        "publisher": CKS,
        "authors": [("Borås Stad", "")],
        "topics": ["valdsbejakande-extremism", "forebyggande-arbete", "samverkan"],
        "featured": 3,
        "summary": "Planen beskriver hur staden ska förebygga våldsbejakande extremism: vem som "
        "ansvarar för vad, hur samverkan med polisen går till och hur medarbetare får stöd och "
        "utbildning. Den följs upp varje år i stadens brottsförebyggande råd.",
        "pdf": [
            "Handlingsplanen gäller för alla förvaltningar och bolag i Borås Stad.",
            "Varje förvaltning utser en kontaktperson som kan ta emot oro från medarbetare och "
            "föra den vidare till Centrum för kunskap och säkerhet.",
            "Det förebyggande arbetet ska stärka demokratin: medborgardialog, ungas inflytande "
            "och jämlika levnadsvillkor är en del av det.",
            "Planen följs upp årligen av brottsförebyggande rådet (BRÅ) med stöd av en "
            "gemensam lägesbild från kommunen och polisen.",
        ],
    },
    {
        "slug": "hedersrelaterat-vald-stod-for-bostadsbolag",
        "title": "Hedersrelaterat våld och förtryck",
        "subtitle": "Stöd för dig som arbetar på ett bostadsbolag",
        "type": "guide",
        "year": 2024,
        "language": "sv",
        "audience": "professionals",
        "publisher": CKS,
        "authors": [("Karlsson", "Elin")],
        "topics": ["hedersrelaterat-vald", "vald-i-nara-relationer", "forebyggande-arbete"],
        "featured": 4,
        "summary": "Materialet hjälper bovärdar och kundtjänst att känna igen tecken på "
        "hedersrelaterat våld och förtryck och att veta hur de ska agera. Det tar också upp "
        "sekretess och när en orosanmälan till socialtjänsten ska göras.",
        "pdf": [
            "Den som arbetar på ett bostadsbolag möter hyresgäster i deras vardag och kan se "
            "sådant som andra inte ser.",
            "Materialet innehåller en checklista för bostadsbolag: vad du kan fråga, vad du ska "
            "dokumentera och vem du kontaktar. Orosanmälan görs till socialtjänsten när ett barn "
            "kan fara illa.",
            "Hedersrelaterat våld och förtryck drabbar både flickor och pojkar, kvinnor och män, "
            "och även hbtqi-personer.",
        ],
    },
    {
        "slug": "samtal-om-vald-i-nara-relationer-utbildningsfilm",
        "title": "Att ställa frågan",
        "subtitle": "Utbildningsfilm om samtal om våld i nära relationer",
        "type": "film",
        "year": 2024,
        "language": "sv",
        "audience": "social-services",
        "publisher": CKS,
        "authors": [(CKS, "")],
        "topics": ["vald-i-nara-relationer", "forebyggande-arbete"],
        "summary": "En kort film för medarbetare i socialtjänsten och vården om hur man frågar "
        "om våld, hur man lyssnar och vad som händer efter samtalet. Till filmen hör ett "
        "samtalsunderlag i PDF för arbetsplatsträffar.",
        "pdf": [
            "Samtalsunderlag till filmen Att ställa frågan.",
            "Fråga rakt och i enrum. Många som utsatts för våld i en nära relation har aldrig "
            "fått frågan. Diskutera på arbetsplatsträffen hur ni gör när svaret är ja.",
        ],
    },
    {
        "slug": "vaga-prata-om-extremism-pa-natet",
        "title": "Våga prata om extremism på nätet",
        "subtitle": "Samtalsstöd för föräldrar",
        "type": "guide",
        "year": 2026,
        "date": datetime.date(2026, 2, 2),
        "language": "sv",
        "audience": "public",
        "publisher": CKS,
        "authors": [("Haddad", "Samir"), ("Lindqvist", "Maria")],
        "topics": ["radikalisering", "hoger-vit-makt-miljon", "forebyggande-arbete"],
        "summary": "Till föräldrar och andra vuxna som undrar vad barnen möter på nätet. "
        "Materialet ger konkreta förslag på hur man börjar ett samtal, och berättar var man kan "
        "få stöd, till exempel hos Rädda Barnens orostelefon.",
        "pdf": [
            "Många unga möter extremistisk propaganda i videoklipp, memes och spel långt innan "
            "de själva söker efter den.",
            "Fråga nyfiket vad barnet tittar på och varför det är roligt. Undvik förhör. Den som "
            "känner sig lyssnad på berättar mer.",
            "Är du orolig kan du ringa Rädda Barnens orostelefon, 020-100 200, vardagar 9-12 och "
            "13-16. Samtalet kan vara anonymt.",
        ],
    },
    {
        "slug": "valdsam-politisk-extremism-bra-2009",
        "title": "Våldsam politisk extremism",
        "subtitle": "Antidemokratiska grupperingar på yttersta höger- och vänsterkanten",
        "type": "report",
        "year": 2009,
        "language": "sv",
        "audience": "researchers",
        "publisher": "Brottsförebyggande rådet (Brå) och Säkerhetspolisen",
        "authors": [("Brottsförebyggande rådet", ""), ("Säkerhetspolisen", "")],
        "topics": ["hoger-vit-makt-miljon", "vanster-autonoma-miljon", "valdsbejakande-extremism"],
        "external_url": "https://bra.se/",
        "summary": "En av de första svenska myndighetsrapporterna som jämför den vit makt-"
        "miljön och den autonoma miljön: hur de är organiserade, vilka brott som begås och hur "
        "personer kommer in i och lämnar miljöerna. Fortfarande en vanlig utgångspunkt.",
    },
    {
        "slug": "valdsbejakande-islamistisk-extremism-i-sverige",
        "title": "Våldsbejakande islamistisk extremism i Sverige",
        "type": "report",
        "year": 2010,
        "language": "sv",
        "audience": "professionals",
        "publisher": "Säkerhetspolisen",
        "authors": [("Säkerhetspolisen", "")],
        "topics": ["islamistiska-miljon", "radikalisering", "valdsbejakande-extremism"],
        "external_url": "https://www.sakerhetspolisen.se/",
        "summary": "Säkerhetspolisens genomgång av den islamistiska våldsbejakande miljön i "
        "Sverige vid tiden: hur stor den var, vilka som radikaliserades och vilka faktorer som "
        "drev processen. Rapporten låg till grund för senare nationella åtgärder.",
    },
    {
        "slug": "valdsbejakande-extremism-forskarantologi",
        "title": "Våldsbejakande extremism",
        "subtitle": "En forskarantologi",
        "type": "book",
        "year": 2016,
        "language": "sv",
        "audience": "researchers",
        "publisher": "Statens offentliga utredningar (SOU 2016:92)",
        "authors": [("Nationella samordnaren mot våldsbejakande extremism", "")],
        "topics": ["valdsbejakande-extremism", "radikalisering", "forebyggande-arbete"],
        "external_url": "https://www.regeringen.se/",
        "summary": "En antologi där forskare från flera discipliner skriver om orsaker till "
        "radikalisering, om de olika miljöerna och om vad man vet om förebyggande arbete. "
        "Passar den som vill fördjupa sig bortom handböckerna.",
    },
    {
        "slug": "kriminella-natverk-och-grupperingar",
        "title": "Kriminella nätverk och grupperingar",
        "subtitle": "Polisers bild av maktstrukturer och marknader",
        "type": "report",
        "year": 2016,
        "language": "sv",
        "audience": "professionals",
        "publisher": "Brottsförebyggande rådet (Brå)",
        "authors": [("Brottsförebyggande rådet", "")],
        "topics": ["organiserad-brottslighet", "samverkan"],
        "external_url": "https://bra.se/",
        "summary": "Rapporten beskriver hur kriminella nätverk är uppbyggda och hur de tjänar "
        "pengar, så som poliser runt om i landet ser det. Den är användbar för kommuner som vill "
        "förstå den lokala brottsligheten och hur den påverkar bostadsområden.",
    },
    {
        "slug": "handlingsplan-mot-radikalisering-og-voldelig-ekstremisme",
        "title": "Handlingsplan mot radikalisering og voldelig ekstremisme",
        "type": "policy",
        "year": 2014,
        "language": "no",
        "audience": "decision-makers",
        "publisher": "Justis- og beredskapsdepartementet, Norge",
        "authors": [("Justis- og beredskapsdepartementet", "")],
        "topics": ["radikalisering", "valdsbejakande-extremism", "samverkan"],
        "external_url": "https://www.regjeringen.no/",
        "summary": "Norges nationella handlingsplan med åtgärder för kommuner, skola, polis och "
        "civilsamhälle. Intressant som jämförelse med det svenska arbetet, särskilt när det "
        "gäller samverkan mellan polis och kommun.",
    },
    {
        "slug": "ran-collection-approaches-and-practices",
        "title": "Preventing Radicalisation to Terrorism and Violent Extremism",
        "subtitle": "Approaches and Practices",
        "type": "guide",
        "year": 2019,
        "language": "en",
        "audience": "professionals",
        "publisher": "Radicalisation Awareness Network (RAN), European Commission",
        "authors": [("Radicalisation Awareness Network", "")],
        "topics": ["radikalisering", "forebyggande-arbete", "valdsbejakande-extremism"],
        "external_url": "https://home-affairs.ec.europa.eu/networks/radicalisation-awareness-network-ran_en",
        "summary": "En europeisk samling av arbetssätt mot radikalisering, ordnade efter "
        "område: skola, ungdomsarbete, familjestöd, avhopparverksamhet och kommunal samverkan. "
        "Varje exempel har kontaktuppgifter och en kort bedömning.",
        "summary_en": "A European collection of approaches against radicalisation, arranged by "
        "field: schools, youth work, family support, exit work and local cooperation.",
    },
    {
        "slug": "center-mot-valdsbejakande-extremism-webb",
        "title": "Center mot våldsbejakande extremism",
        "type": "web",
        "year": 2018,
        "language": "sv",
        "audience": "professionals",
        "publisher": "Brottsförebyggande rådet (Brå)",
        "authors": [("Center mot våldsbejakande extremism", "")],
        "topics": ["valdsbejakande-extremism", "forebyggande-arbete", "samverkan"],
        "external_url": "https://www.cve.se/",
        "summary": "Den nationella webbplatsen för förebyggande arbete mot våldsbejakande "
        "extremism, med stöd till kommuner, kunskapsunderlag och information om vart "
        "yrkesverksamma och anhöriga kan vända sig.",
    },
    {
        "slug": "nationella-kompetensteamet-hedersrelaterat-vald",
        "title": "Nationella kompetensteamet mot hedersrelaterat våld och förtryck",
        "type": "web",
        "year": 2018,
        "language": "sv",
        "audience": "professionals",
        "publisher": "Länsstyrelsen Östergötland",
        "authors": [("Länsstyrelsen Östergötland", "")],
        "topics": ["hedersrelaterat-vald", "vald-i-nara-relationer"],
        "external_url": "https://www.hedersfortryck.se/",
        "summary": "Webbplatsen samlar kunskap, utbildningar och en stödtelefon för "
        "yrkesverksamma som möter hedersrelaterat våld och förtryck, inklusive barnäktenskap "
        "och könsstympning.",
    },
]


def load(command):
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    with_files = 0
    for order, data in enumerate(PUBLICATIONS):
        data = dict(data)
        authors = data.pop("authors")
        topic_slugs = data.pop("topics")
        paragraphs = data.pop("pdf", None)
        featured = data.pop("featured", None)
        publication, _created = Publication.objects.update_or_create(
            slug=data.pop("slug"),
            defaults={
                "subtitle": "",
                "date": None,
                "external_url": "",
                "summary_en": "",
                **data,
                "state": State.PUBLISHED,
                "publish_at": PUBLISHED_AT,
                "featured": featured is not None,
                "featured_order": featured or 100 + order,
            },
        )
        if paragraphs and not publication.file:
            title = publication.full_title
            publication.file.save(
                f"{publication.slug}.pdf", ContentFile(make_pdf(title, paragraphs)), save=True
            )
        if publication.file:
            with_files += 1
        PublicationAuthor.objects.filter(publication=publication).delete()
        for position, (family, given) in enumerate(authors):
            author, _ = Author.objects.get_or_create(family_name=family, given_name=given)
            PublicationAuthor.objects.create(publication=publication, author=author, order=position)
        publication.topics.set([topics[slug] for slug in topic_slugs if slug in topics])
    _needs_attention()
    command.stdout.write(
        f"  knowledge bank: {len(PUBLICATIONS)} publications, {with_files} with a generated PDF"
    )


# A draft without a summary or a topic, and a link the link checker found gone: the curators'
# content health on the admin index (issue 19) has something of each kind to show.
DEMO_DRAFT_SLUG = "utkast-lagesbild"


def _needs_attention():
    draft, _created = Publication.objects.update_or_create(
        slug=DEMO_DRAFT_SLUG,
        defaults={
            "title": "Lägesbild över det förebyggande arbetet (utkast)",
            "type": "report",
            "year": 2026,
            "language": "sv",
            "audience": "professionals",
            "publisher": "Centrum för kunskap och säkerhet",
            "summary_sv": "",
            "state": State.DRAFT,
            "publish_at": PUBLISHED_AT,
        },
    )
    draft.topics.clear()
    Publication.objects.filter(slug="valdsam-politisk-extremism-bra-2009").update(
        link_status=404, link_error="404 Not Found", link_checked_at=timezone.now()
    )
