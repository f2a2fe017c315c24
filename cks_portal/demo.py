"""Demo content for the site itself: the shared topics and the editable pages.

The facts come from the centre's own material (see shared/seeds); the wording is ours.
"""

from django.conf import settings

from cks_portal import demo_languages
from cks_portal.core.models import Topic
from cks_portal.core.publishing import State
from cks_portal.pages.models import Page

TOPICS = [
    # slug, Swedish, English
    ("vanster-autonoma-miljon", "Den vänsterautonoma miljön", "The left-wing autonomous milieu"),
    ("hoger-vit-makt-miljon", "Vit makt-miljön", "The right-wing white-power milieu"),
    ("islamistiska-miljon", "Den islamistiska miljön", "The Islamist milieu"),
    ("radikalisering", "Radikalisering", "Radicalisation"),
    ("valdsbejakande-extremism", "Våldsbejakande extremism", "Violent extremism"),
    (
        "hedersrelaterat-vald",
        "Hedersrelaterat våld och förtryck",
        "Honour-related violence and oppression",
    ),
    ("organiserad-brottslighet", "Organiserad brottslighet", "Organised crime"),
    ("vald-i-nara-relationer", "Våld i nära relationer", "Violence in close relationships"),
    ("forebyggande-arbete", "Förebyggande arbete", "Prevention"),
    ("samverkan", "Samverkan", "Cooperation"),
]

ABOUT_BODY_SV = """
<p>Begreppen våldsbejakande extremism och radikalisering hörs allt oftare, i Sverige och i
övriga Europa, från forskare, journalister och politiker. Miljöerna skiljer sig åt, men de
förenas av hat och av att våld ses som en väg att nå politiska eller religiösa mål.</p>
<h2>Tre miljöer enligt Säkerhetspolisen</h2>
<p>Säkerhetspolisen beskriver i dag tre våldsbejakande extremistiska miljöer i Sverige:</p>
<ul>
<li>den vänsterextrema, autonoma miljön</li>
<li>den högerextrema vit makt-miljön</li>
<li>den islamistiska extremistiska miljön</li>
</ul>
<p>Till skillnad från andra grupper som använder våld är de här miljöerna drivna av ideologi.
Det kan märkas som hets mot folkgrupp, hot och våld mot dem som tycker annorlunda, eller
försök att med våld stoppa andra från att demonstrera och säga vad de tycker.</p>
<h2>Så arbetar vi</h2>
<p>Borås Stad har skapat avdelningen Centrum för kunskap och säkerhet (CKS) för att arbeta
långsiktigt och strategiskt mot bland annat våldsbejakande extremism, organiserad
brottslighet, hedersrelaterat våld och våld i nära relationer. Arbetet handlar både om att
höja kunskapen och om att förebygga brott, inom kommunen och tillsammans med andra.</p>
<p>Mycket av det trygghetsskapande arbetet utgår från stadens brottsförebyggande råd (BRÅ).
Till det förebyggande hör också det som stärker demokratin och ger goda levnadsvillkor, till
exempel medborgardialog, ungas inflytande och arbetet för jämlika villkor för alla som bor i
Borås. Staden har en samverkansöverenskommelse med Polismyndigheten, lokalpolisområde Borås,
om att motverka våldsbejakande extremism.</p>
<h2>Kunskap hos den som möter människor</h2>
<p>Den som arbetar i skolan, på fritidsgården, inom socialtjänsten, på bostadsbolaget eller
med föreningar är ofta först att se att någon är på väg in i en våldsbejakande miljö. Därför
ger vi stöd, handledning och utbildning till stadens medarbetare: kunskap är det som gör att
oro upptäcks i tid.</p>
<h2>Vill du prata med någon?</h2>
<p>Är du orolig för någon i din närhet kan du ringa Rädda Barnens orostelefon, 020-100 200,
måndag till fredag klockan 9–12 och 13–16. Samtalen kan vara anonyma och syns inte på
telefonräkningen, och de svarar på svenska, engelska, arabiska och kurdiska. Vid akut fara,
ring alltid 112.</p>
"""

ABOUT_BODY_EN = """
<p>Violent extremism and radicalisation are words heard more and more often, in Sweden and
across Europe, from researchers, journalists and politicians. The milieus differ, but they share
hatred and the idea that violence is a way to reach political or religious goals.</p>
<h2>Three milieus named by the Security Service</h2>
<p>The Swedish Security Service currently describes three violent extremist milieus in Sweden:</p>
<ul>
<li>the left-wing autonomous milieu</li>
<li>the right-wing white-power milieu</li>
<li>the Islamist extremist milieu</li>
</ul>
<p>Unlike other groups that use violence, these milieus are driven by ideology. It can show as
agitation against ethnic or national groups, threats and violence against people who think
differently, or violent attempts to stop others from demonstrating and speaking their minds.</p>
<h2>How we work</h2>
<p>The City of Borås set up the Centre for Knowledge and Safety (CKS) to work strategically and
over the long term against violent extremism, organised crime, honour-related violence and
violence in close relationships. The work raises knowledge and prevents crime, within the
municipality and together with others.</p>
<p>Much of the work for safety starts in the city's crime prevention council (BRÅ). Prevention
also means strengthening democracy and good living conditions, for example through dialogue
with residents, young people's influence and work for equal conditions for everyone in Borås.
The city has a cooperation agreement with the Swedish Police, local police district Borås, on
countering violent extremism.</p>
<h2>Knowledge where people meet</h2>
<p>People who work in schools, youth centres, social services, housing companies or with
associations are often the first to notice that someone is being drawn into a violent milieu.
We therefore give the city's staff support, supervision and training: knowledge is what lets
worries be noticed in time.</p>
<h2>Want to talk to someone?</h2>
<p>If you are worried about someone close to you, you can call Save the Children's worry line
(Rädda Barnens orostelefon), 020-100 200, Monday to Friday 9–12 and 13–16. Calls can be
anonymous and do not show on the phone bill, and they answer in Swedish, English, Arabic and
Kurdish. In acute danger, always call 112.</p>
"""

ACCESSIBILITY_BODY_SV = """
<p>Borås Stad, Centrum för kunskap och säkerhet, står bakom webbplatsen CKS-portalen. Vi vill
att alla ska kunna använda den, oavsett behov och förutsättningar. Här beskriver vi hur
webbplatsen uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service
(DOS-lagen), vilka brister vi känner till och hur du kan kontakta oss.</p>
<h2>Hur tillgänglig är webbplatsen?</h2>
<p>Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service,
på grund av de brister som beskrivs nedan.</p>
<h2>Innehåll som inte är tillgängligt</h2>
<ul>
<li>Publikationer i kunskapsbanken som kommer från andra organisationer, till exempel
PDF-rapporter, är inte alltid tillgänglighetsanpassade. Vi ansvarar inte för deras innehåll
men hjälper dig gärna att få informationen i ett annat format.</li>
<li>En del innehåll finns bara på svenska. På den engelska versionen är sådant innehåll
märkt som svenska så att skärmläsare uttalar det rätt.</li>
</ul>
<h2>Hur vi har testat webbplatsen</h2>
<p>Vi har själva granskat webbplatsen. Varje ändring testas automatiskt i en riktig webbläsare
(Chromium) innan den publiceras:</p>
<ul>
<li>Varje sida i webbplatskartan, på svenska och på engelska, kontrolleras med verktyget
axe-core mot WCAG 2.0 och 2.1 nivå A och AA och mot god praxis. Inga fel får finnas.</li>
<li>Koden på varje sida i webbplatskartan kontrolleras med W3C:s Nu Html Checker. Inga fel får
finnas.</li>
<li>Vanliga ärenden görs från början till slut med bara tangentbordet, och vi kontrollerar att
det syns var fokus är: att hitta en stödlinje och ringa den på en 360 pixlar bred mobil, att
söka, filtrera, ladda ner och referera en publikation i kunskapsbanken och att skriva,
schemalägga och publicera en nyhet.</li>
<li>Sidorna provas med tvingade färger (högkontrastläge), med text förstorad till 200 procent
och med zoom till 200 procent utan sidledes rullning, med minskade rörelser och vid
utskrift.</li>
<li>Den engelska versionen kontrolleras så att ingen text från det svenska gränssnittet finns
kvar där.</li>
</ul>
<p>Senaste bedömningen gjordes den 22 november 2026.</p>
<p>Redogörelsen uppdaterades senast den 22 november 2026.</p>
<h2>Om något inte fungerar</h2>
<p>Om du upptäcker problem som inte beskrivs här, eller om du behöver innehåll i ett annat
format, kontakta oss på <a href="mailto:boras.stad@boras.se">boras.stad@boras.se</a> eller
ring 033-35 70 00. Vi svarar normalt inom två arbetsdagar.</p>
<h2>Om du inte är nöjd</h2>
<p>Myndigheten för digital förvaltning (Digg) ansvarar för tillsynen över lagen. Om du inte är
nöjd med hur vi hanterar dina synpunkter kan du
<a href="https://www.digg.se/tdosanmalan">anmäla det till Digg</a>.</p>
"""

ACCESSIBILITY_BODY_EN = """
<p>The City of Borås, Centre for Knowledge and Safety, is responsible for the website
CKS-portalen. We want everyone to be able to use it, whatever their needs. This statement
describes how the site complies with the Swedish Act on accessibility to digital public
services (2018:1937, "DOS-lagen"), the shortcomings we know of, and how to reach us.</p>
<h2>How accessible is the site?</h2>
<p>The site is partially compliant with the Act, because of the shortcomings listed below.</p>
<h2>Content that is not accessible</h2>
<ul>
<li>Publications in the knowledge bank that come from other organisations, for example PDF
reports, are not always accessible. We are not responsible for their content, but we gladly
help you get the information in another format.</li>
<li>Some content exists only in Swedish. On the English version such content is marked as
Swedish so that screen readers pronounce it correctly.</li>
</ul>
<h2>How we tested the site</h2>
<p>We assessed the site ourselves. Every change is tested automatically in a real browser
(Chromium) before it is published:</p>
<ul>
<li>Every page in the sitemap, in Swedish and in English, is checked with axe-core against
WCAG 2.0 and 2.1 levels A and AA and against best practice. No errors are allowed.</li>
<li>The code of every page in the sitemap is checked with the W3C Nu Html Checker. No errors are
allowed.</li>
<li>Common tasks are done from start to finish with the keyboard alone, and we check that focus
is always visible: finding a support line and calling it on a 360 pixel wide phone; searching,
filtering, downloading and citing a publication in the knowledge bank; and writing, scheduling
and publishing a news item.</li>
<li>The pages are tried with forced colours (high contrast mode), with text enlarged to
200 percent and zoom at 200 percent without sideways scrolling, with reduced motion and in
print.</li>
<li>The English version is checked for any text left over from the Swedish interface.</li>
</ul>
<p>The latest assessment was made on 22 November 2026.</p>
<p>This statement was last updated on 22 November 2026.</p>
<h2>If something does not work</h2>
<p>If you find a problem that is not described here, or need content in another format, contact
us at <a href="mailto:boras.stad@boras.se">boras.stad@boras.se</a> or call +46 33 35 70 00. We
normally reply within two working days.</p>
<h2>If you are not satisfied</h2>
<p>The Agency for Digital Government (Digg) supervises the Act. If you are not satisfied with how
we handle your feedback, you can <a href="https://www.digg.se/tdosanmalan">report it to Digg</a>.</p>
"""

PRIVACY_BODY_SV = """
<p>Borås Stad är personuppgiftsansvarig för de uppgifter som behandlas på CKS-portalen. Här
berättar vi vilka uppgifter det gäller, varför och hur länge.</p>
<h2>När du läser webbplatsen</h2>
<p>Webbplatsen sätter inga kakor (cookies) när du läser den, använder ingen besöksstatistik
eller spårning och hämtar inget från andra webbplatsers servrar. Delningslänkarna är vanliga
länkar; inget skickas till sociala medier förrän du själv klickar.</p>
<p>Som alla webbservrar sparar vår server tekniska loggar (tid, adress som efterfrågats och
svarskod) för att kunna upptäcka fel och angrepp. Loggarna sparas i högst 30 dagar.</p>
<h2>När du anmäler dig till ett seminarium</h2>
<p>Anmäler du dig till ett evenemang via formuläret här sparar vi namn, e-postadress,
organisation och de behov du själv uppger, för att kunna planera evenemanget, hålla ordning på
platserna och väntelistan och kontakta dig om det. Den rättsliga grunden är uppgift av allmänt
intresse. Uppgifterna lämnas inte ut till andra än de som arrangerar evenemanget.</p>
<p>Vi raderar anmälan automatiskt {retention_days} dagar efter att evenemanget har ägt rum; det
görs varje natt utan att någon behöver komma ihåg det. Du kan själv avboka när som helst före
evenemanget med länken i bekräftelsemejlet.</p>
<h2>Personal som redigerar webbplatsen</h2>
<p>För den som redigerar webbplatsen sparar vi vem som ändrat vad och när, och namnet på den som
senast ändrade en sida visas på sidan.</p>
<h2>Dina rättigheter</h2>
<p>Du har rätt att få veta vilka uppgifter vi har om dig, att få fel rättade och att få
uppgifter raderade. Kontakta Borås Stad på <a href="mailto:boras.stad@boras.se">boras.stad@boras.se</a>.
Du kan också klaga hos Integritetsskyddsmyndigheten (IMY).</p>
"""

PRIVACY_BODY_EN = """
<p>The City of Borås is the controller of the personal data processed on CKS-portalen. This
page explains which data, why, and for how long.</p>
<h2>When you read the site</h2>
<p>The site sets no cookies when you read it, uses no visitor statistics or tracking, and loads
nothing from other websites' servers. The share links are plain links; nothing is sent to
social media unless you click one yourself.</p>
<p>Like every web server, ours keeps technical logs (time, requested address and response code)
to find faults and attacks. The logs are kept for at most 30 days.</p>
<h2>When you register for a seminar</h2>
<p>If you register for an event through the form here, we keep your name, e-mail address,
organisation and any needs you tell us about, so that we can plan the event, keep track of seats
and the waiting list, and contact you about it. The legal basis is a task in the public
interest. The data is shared only with those who organise the event.</p>
<p>We delete the registration automatically {retention_days} days after the event has taken place;
this runs every night without anyone having to remember it. You can cancel yourself at any time
before the event with the link in the confirmation e-mail.</p>
<h2>Staff who edit the site</h2>
<p>For staff who edit the site we record who changed what and when, and the name of the person
who last changed a page is shown on that page.</p>
<h2>Your rights</h2>
<p>You have the right to know what data we hold about you, to have errors corrected and to have
data deleted. Contact the City of Borås at <a href="mailto:boras.stad@boras.se">boras.stad@boras.se</a>.
You can also complain to the Swedish Authority for Privacy Protection (IMY).</p>
"""

PAGES = [
    {
        "slug": "om-oss",
        "title": "Vårt arbete mot våldsbejakande extremism",
        "title_en": "Our work against violent extremism",
        "lead": "Centrum för kunskap och säkerhet arbetar förebyggande och långsiktigt, "
        "tillsammans med polisen, mot våldsbejakande extremism och annan allvarlig brottslighet.",
        "lead_en": "The Centre for Knowledge and Safety works to prevent violent extremism and "
        "other serious crime, over the long term and together with the police.",
        "body": ABOUT_BODY_SV,
        "body_en": ABOUT_BODY_EN,
        "show_in_footer": True,
    },
    {
        "slug": "tillganglighet",
        "title": "Tillgänglighetsredogörelse",
        "title_en": "Accessibility statement",
        "lead": "Så uppfyller CKS-portalen lagen om tillgänglighet till digital offentlig service.",
        "lead_en": "How CKS-portalen meets the Swedish Act on accessibility to digital public services.",
        "body": ACCESSIBILITY_BODY_SV,
        "body_en": ACCESSIBILITY_BODY_EN,
        "show_in_footer": True,
    },
    {
        "slug": "personuppgifter",
        "title": "Personuppgifter och kakor",
        "title_en": "Personal data and cookies",
        "lead": "Vi samlar in så lite som möjligt. Den som bara läser webbplatsen lämnar inga spår hos oss utom tekniska loggar.",
        "lead_en": "We collect as little as we can. Someone who only reads the site leaves no trace with us apart from technical logs.",
        "body": PRIVACY_BODY_SV,
        "body_en": PRIVACY_BODY_EN,
        "show_in_footer": True,
    },
]


def load(command):
    for slug, name, name_en in TOPICS:
        Topic.objects.update_or_create(slug=slug, defaults={"name": name, "name_en": name_en})
    for page in PAGES:
        # In all nine languages, the seven newer ones unreviewed; the demo's editor chose to
        # show unreviewed translations (cks_portal/core/translation_review.py).
        page = {**page, **demo_languages.PAGES.get(page["slug"], {}), "show_unreviewed": True}
        # The privacy page states the real retention period of seminar registrations.
        page = {
            key: value.replace("{retention_days}", str(settings.REGISTRATION_RETENTION_DAYS))
            if key.startswith("body")
            else value
            for key, value in page.items()
        }
        Page.objects.update_or_create(slug=page["slug"], defaults={**page, "state": State.PUBLISHED})
    command.stdout.write(f"  site: {len(TOPICS)} topics, {len(PAGES)} pages")
