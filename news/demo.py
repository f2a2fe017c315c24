"""Demo news and events, retold from the centre's own material (shared/seeds) in our own words.

The images are drawn here with Pillow, so no photograph from anyone else is shipped.
"""

from datetime import date, datetime, time, timedelta
from io import BytesIO
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from cks_portal.core.models import Topic
from cks_portal.core.publishing import State
from news.models import Event, NewsItem, Registration, RegistrationMode

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def _at(day, hour=9, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=STOCKHOLM)


def draw_placeholder(seed, width=1200, height=675):
    """A calm abstract picture (overlapping circles on a gradient), different for each seed."""
    palettes = [
        ((0, 78, 137), (0, 129, 123), (246, 196, 69)),
        ((90, 45, 130), (0, 95, 115), (233, 216, 166)),
        ((30, 70, 32), (88, 129, 87), (218, 215, 205)),
        ((120, 40, 40), (200, 120, 60), (250, 235, 210)),
    ]
    dark, mid, light = palettes[seed % len(palettes)]
    image = Image.new("RGB", (width, height), dark)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        share = y / height
        colour = tuple(round(d + (m - d) * share) for d, m in zip(dark, mid, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    for index in range(5):
        radius = 80 + 40 * ((seed + index) % 4)
        cx = (index * 263 + seed * 97) % width
        cy = (index * 151 + seed * 53) % height
        draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], outline=light, width=6)
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


NEWS = [
    {
        "slug": "kanadensiskt-besok-studerar-boras-arbete",
        "title": "Kanadensiskt besök studerar Borås arbete mot våldsbejakande extremism",
        "publish_at": _at(date(2018, 2, 7), 10),
        "lead": "Borås Stads förebyggande arbete mot våldsbejakande extremism väcker intresse "
        "utomlands. Kanadas ambassad och Québecs universitet i Montréal kom till Borås för att se "
        "hur kommunen och polisen samarbetar.",
        "body": """
<p>Besökarna ville förstå hur en svensk kommun gör nationella riktlinjer till konkret arbete på
lokal nivå. Eric Petersson, ambassadråd vid Kanadas ambassad i Stockholm, berättade att
ambassaden samlar erfarenheter från andra länder just i den frågan.</p>
<p>Att valet föll på Borås var ingen slump: både Sveriges kommuner och landsting och den
nationella samordnaren mot våldsbejakande extremism hade tipsat ambassaden om Centrum för
kunskap och säkerhet (CKS). Avdelningen arbetar långsiktigt med att förebygga och upptäcka
organiserad brottslighet, våldsbejakande extremism, hedersrelaterat våld och våld i nära
relationer, tätt tillsammans med lokalpolisen.</p>
<blockquote><p>Samarbetet fungerar bra både i Borås och nationellt, men vi behöver också lära
av varandra över gränserna.</p></blockquote>
<p>Så sammanfattade Peder Englund, avdelningschef för CKS, varför besöket var värdefullt.</p>
<h2>Forskning från Kanada</h2>
<p>Professor Ghayda Hassan från Québecs universitet i Montréal forskar och utbildar om
förebyggande arbete mot våldsbejakande extremism och är knuten till SHERPA, ett team som
arbetar mot radikalisering. Hon lyfte fram det ovanliga i att det är kommunen som leder och
driver modellen i Borås.</p>
""",
        "image_seed": 0,
        "image_alt": "Platshållarbild: tunna gula cirklar mot en blå och grön bakgrund.",
        "image_caption": "I besöket deltog Eric Petersson och Robert Buswell från Kanadas ambassad, "
        "professor Ghayda Hassan från Québecs universitet i Montréal och Peder Englund från CKS.",
        "image_credit": "CKS-portalen (platshållarbild)",
        "topics": ["valdsbejakande-extremism", "samverkan"],
    },
    {
        "slug": "studiebesok-fran-vracar",
        "title": "Studiebesök från Vračar med tillgänglighet i fokus",
        "publish_at": _at(date(2022, 9, 30), 14),
        "lead": "Under vecka 39 tog Borås emot representanter från Vračar, en kommundel i "
        "Belgrad i Serbien som Borås har ett kommunalt partnerskap med.",
        "body": """
<p>Partnerskapet mellan Borås Stad och Vračar bygger på att kommunerna besöker varandra och
delar erfarenheter. Den här gången stod tillgänglighet i centrum: hur staden gör sina lokaler,
sin service och sin information användbar för alla invånare.</p>
<p>Under veckan träffade gästerna flera av stadens verksamheter, bland dem Centrum för kunskap
och säkerhet, som berättade om hur förebyggande arbete och trygghetsarbete hänger ihop med att
alla ska kunna ta del av samhället.</p>
""",
        "image_seed": 1,
        "image_alt": "",
        "image_is_decorative": True,
        "image_credit": "CKS-portalen (platshållarbild)",
        "topics": ["samverkan"],
    },
    {
        "slug": "pilotprojekt-opal-i-halmstad",
        "title": "Halmstad startar pilotprojektet Opal mot våldsbejakande extremism",
        "publish_at": _at(date(2019, 3, 12), 9),
        "lead": "Halmstads kommun och lokalpolisområde Halmstad är först i Sverige med att pröva "
        "en ny modell för samverkan mot våldsbejakande islamistisk extremism.",
        "body": """
<p>Projekt Opal kom till på initiativ av Redex, polisens och Säkerhetspolisens gemensamma
satsning för att minska våldsbejakande extremism. Myndigheterna och kommunen vill arbeta
samordnat, både för att förebygga och för att möta de problem som redan finns i staden.</p>
<h2>En gemensam lägesbild</h2>
<p>Enligt Gustav Rosén Zetterberg, tillförordnad lokalpolisområdeschef, ska parterna först ta
fram en gemensam bild av läget och sedan arbeta utifrån den. Målet på längre sikt är att göra
samhället i Halmstad mer motståndskraftigt.</p>
<h2>Utbildning för femtio medarbetare</h2>
<p>Ungefär femtio personer från kommunen och polisen – bland annat från socialtjänsten,
skolan och fastighetsbolagen – går en gemensam utbildning med stöd av Center mot
våldsbejakande extremism (CVE). Therese Wallgren, trygghetsstrateg i Halmstads kommun,
betonar att religionsfrihet, yttrandefrihet och alla människors lika värde är utgångspunkten,
och att det samtidigt gäller att upptäcka varningssignaler tidigt.</p>
""",
        "image_seed": 2,
        "image_alt": "Platshållarbild: ljusa cirklar mot en grön bakgrund.",
        "image_credit": "CKS-portalen (platshållarbild)",
        "source_name": "Halmstads kommun",
        "source_url": "https://www.halmstad.se/",
        "topics": ["islamistiska-miljon", "forebyggande-arbete", "samverkan"],
    },
    {
        "slug": "forum-mot-extremism-samverkan-i-fokus",
        "title": "Forum mot Extremism: samverkan är nyckeln",
        "publish_at": _at(date(2016, 11, 14), 11),
        "lead": "På konferensen Forum mot Extremism talade dåvarande nationella samordnaren "
        "Hillevi Engström om hur kommuner, trossamfund och civilsamhälle kan arbeta tillsammans "
        "mot radikalisering.",
        "body": """
<p>Engströms budskap var att resurserna räcker långt om de används klokt. Mindre kommuner kan
vinna mycket på att knyta till sig kunskap från grannkommuner och bygga nätverk där man delar
idéer och hjälper varandra.</p>
<p>Trossamfunden beskrev hon som viktiga för att öka förståelsen och för att visa andra vägar
för den som riskerar att radikaliseras. Civilsamhället har enligt henne varit en bortglömd
resurs, både för anhöriga och för den som vill lämna en extremistisk grupp och behöver något
annat att gå till.</p>
<p>Konferensen arrangerades av Integrationsforum den 10 november 2016 och leddes av
projektledaren Anna Ardin. Över 200 deltagare från hela landet diskuterade bland annat hur en
handlingsplan mot radikalisering kan se ut och hur kommuner kan samarbeta med myndigheter och
civilsamhälle.</p>
""",
        "byline": "Frida Meinking",
        "image_seed": 3,
        "image_alt": "Platshållarbild: ljusa cirklar mot en röd och orange bakgrund.",
        "image_credit": "CKS-portalen (platshållarbild)",
        "source_name": "Integrationsforum",
        "topics": ["radikalisering", "samverkan"],
    },
]


def _next_date(month, day):
    today = timezone.localdate()
    candidate = date(today.year, month, day)
    return candidate if candidate > today + timedelta(days=14) else date(today.year + 1, month, day)


def _events():
    seminar_day = _next_date(2, 23)
    return [
        {
            "slug": "kunskapsseminarium-forebyggande-av-valdsbejakande-extremism",
            "title": "Kunskapsseminarium om förebyggande av våldsbejakande extremism",
            "summary": "Aktörerna i regionen och den nationella samordnaren bjuder in till en dag "
            "om hur vi tillsammans förebygger våldsbejakande extremism.",
            "body": """
<p>Seminariet är första steget i ett gemensamt regionalt arbete för mer kunskap om
förebyggande åtgärder. Det växte fram ur workshoppar där kommuner och andra aktörer beskrev
vad de behöver: nätverk som fungerar och forum där de kan dela erfarenheter.</p>
<p>Dagen blandar modererade föreläsningar med samtal och gemensam reflektion kring tre
frågor:</p>
<ul>
<li>Vad handlar det om?</li>
<li>Hur ser det ut i länets kommuner?</li>
<li>Vad har gjorts, och hur går vi vidare tillsammans?</li>
</ul>
<p>Seminariet vänder sig till en bred publik, oavsett organisation, roll och förkunskaper.</p>
""",
            "start": _at(seminar_day, 9, 30),
            "end": _at(seminar_day, 15, 30),
            "time_note": "Kaffe serveras från 09.00.",
            "venue": "7A Odenplan",
            "address": "Odengatan 65",
            "locality": "Stockholm",
            "organiser": "Samverkan Stockholmsregionen och Nationella samordnaren mot våldsbejakande extremism",
            # The seed asks for registration by e-mail; the portal takes it with its own form.
            "registration_mode": RegistrationMode.FORM,
            "registration_email": "",
            "capacity": 80,
            "registration_deadline": seminar_day - timedelta(days=13),
            "publish_at": timezone.now() - timedelta(days=7),
            "topics": ["valdsbejakande-extremism", "forebyggande-arbete"],
            "programme": True,
        },
        {
            "slug": "forum-mot-extremism-2016",
            "title": "Forum mot Extremism 2016",
            "summary": "Integrationsforums konferens om handlingsplaner mot radikalisering och om "
            "samverkan mellan kommuner, myndigheter och civilsamhälle.",
            "body": "<p>Konferensen samlade över 200 deltagare från hela Sverige.</p>",
            "start": _at(date(2016, 11, 10), 9),
            "end": _at(date(2016, 11, 10), 16),
            "venue": "",
            "address": "",
            "organiser": "Integrationsforum",
            "registration_mode": RegistrationMode.NONE,
            "publish_at": _at(date(2016, 9, 1)),
            "topics": ["radikalisering"],
        },
    ]


PROGRAMME_TEXT = """Program – kunskapsseminarium om förebyggande av våldsbejakande extremism

09.00  Kaffe
09.30  Välkommen
       Vad handlar det om?
       Hur ser det ut i länets kommuner?
       Vad har gjorts, och hur går vi vidare tillsammans?
15.30  Slut

(Exempelprogram för demonstrationen.)
"""


def _programme_pdf():
    """A one-page PDF drawn with Pillow, so the demo has a programme document to link to."""
    image = Image.new("RGB", (620, 877), "white")
    draw = ImageDraw.Draw(image)
    for index, line in enumerate(PROGRAMME_TEXT.splitlines()):
        draw.text((50, 60 + 24 * index), line.encode("latin-1", "replace").decode("latin-1"), fill="black")
    buffer = BytesIO()
    image.save(buffer, "PDF")
    return buffer.getvalue()


def _set_topics(obj, slugs):
    obj.topics.set(Topic.objects.filter(slug__in=slugs))


def load(command):
    for entry in NEWS:
        data = dict(entry)
        topics = data.pop("topics")
        seed = data.pop("image_seed")
        item, _created = NewsItem.objects.update_or_create(
            slug=data["slug"], defaults={**data, "state": State.PUBLISHED, "language": "sv"}
        )
        if not item.image:
            name = f"{item.slug}.jpg"
            item.image.save(name, ContentFile(draw_placeholder(seed), name=name), save=True)
        _set_topics(item, topics)
    events = _events()
    for entry in events:
        data = dict(entry)
        topics = data.pop("topics")
        wants_programme = data.pop("programme", False)
        event, _created = Event.objects.update_or_create(
            slug=data["slug"], defaults={**data, "state": State.PUBLISHED, "language": "sv"}
        )
        if wants_programme and not event.programme:
            event.programme.save("program-kunskapsseminarium.pdf", ContentFile(_programme_pdf()), save=True)
        _set_topics(event, topics)
    _needs_attention()
    command.stdout.write(f"  news: {len(NEWS)} news items, {len(events)} events")


def _needs_attention():
    """A draft event that lacks a place, a last day and seats, and a registration for an event
    long over that the nightly purge would have deleted: the editors' content health on the
    admin index (issue 19) has something of each kind to show. The demo's news items are
    years old, so the home page's latest news are outdated too."""
    start = _at(timezone.localdate() + timedelta(days=40), 13)
    Event.objects.update_or_create(
        slug="workshop-for-skolpersonal",
        defaults={
            "title": "Workshop för skolpersonal (utkast)",
            "summary": "En eftermiddag om samtal med elever som uttrycker extrema åsikter.",
            "body": "<p>Programmet kommer senare.</p>",
            "start": start,
            "end": start + timedelta(hours=3),
            "registration_mode": RegistrationMode.FORM,
            "state": State.DRAFT,
            "language": "sv",
        },
    )
    past = Event.objects.get(slug="forum-mot-extremism-2016")
    Registration.objects.get_or_create(
        event=past,
        email="deltagare@example.org",
        defaults={"name": "Demo Deltagare", "organisation": "Exempelskolan"},
    )
