"""Demo content: the easy-to-read Swedish (lättläst) pages, written to the Swedish guidelines
for easy-to-read text: short sentences, everyday words, one thought to a line, concrete
examples, no abbreviations, and "du" to the reader. Staff edit them in the admin like any
other page; the facts in them (numbers, hours) are those of the demo support lines."""

from cks_portal.core.publishing import State
from cks_portal.pages.models import Page

EASY_READ_INDEX_BODY = """
<p>Här finns text som är lätt att läsa.</p>
<p>Du kan välja vad du vill läsa om.</p>
<ul>
<li><a href="/lattlast/stod/">Här kan du få stöd</a></li>
<li><a href="/lattlast/om-oss/">Det här är Centrum för kunskap och säkerhet</a></li>
</ul>
<p>Är någon i fara just nu?<br>Ring 112.</p>
"""

EASY_READ_SUPPORT_BODY = """
<h2>Om någon är i fara</h2>
<p>Är någon i fara just nu?<br>Ring 112.</p>
<p>112 svarar hela tiden, dag och natt.<br>Det kostar inget att ringa.</p>
<h2>Om du är orolig för någon</h2>
<p>Ibland börjar en person tycka att våld är rätt.<br>Det kan vara ditt barn, en vän eller någon i familjen.</p>
<p>Då kan du ringa Rädda Barnens orostelefon.<br>Numret är 020-100 200.</p>
<p>De svarar måndag till fredag.<br>De svarar klockan 9 till 12 och klockan 13 till 16.<br>På röda dagar är det stängt.</p>
<p>Du kan prata svenska, engelska, arabiska eller kurdiska med dem.</p>
<p>Du behöver inte säga vad du heter.</p>
<h2>Om du vill berätta något för polisen</h2>
<p>Är det inte bråttom?<br>Då kan du ringa polisen på 114 14.</p>
<h2>Om du bor i Borås</h2>
<p>Du kan också ringa Borås Stad.<br>Numret är 033-35 70 00.</p>
<p>De svarar måndag till fredag, klockan 8 till 17.<br>Säg att du vill prata med socialtjänsten.</p>
<p>Socialtjänsten hjälper barn, unga och familjer.</p>
<h2>Fler att ringa</h2>
<p><a href="/stod/">Alla som du kan ringa finns på sidan Stöd och råd.</a></p>
"""

EASY_READ_ABOUT_BODY = """
<h2>Vilka är vi?</h2>
<p>Vi heter Centrum för kunskap och säkerhet.</p>
<p>Vi arbetar på Borås Stad.</p>
<h2>Vad gör vi?</h2>
<p>Vi vill stoppa våld innan det händer.</p>
<p>Vi arbetar mot grupper som tycker att våld är rätt.<br>Det är grupper som vill ändra samhället med våld.</p>
<p>Vi arbetar också mot våld i familjer.<br>Och mot gäng som gör brott.</p>
<p>Vi gör det tillsammans med polisen.</p>
<h2>Vi lär andra</h2>
<p>Vi lär vuxna som möter barn och unga i sitt arbete.<br>Det kan vara lärare eller personal på en fritidsgård.</p>
<p>Då kan de se när någon behöver hjälp.</p>
<h2>På den här webbplatsen</h2>
<p>Här kan du läsa om stöd, nyheter och kunskap.</p>
<p>Vill du prata med oss?<br>Ring Borås Stad på 033-35 70 00.</p>
"""

EASY_READ_PAGES = [
    {
        "slug": "lattlast",
        "title": "Lättläst",
        "lead": "Enkel text om stöd och om oss.",
        "body": EASY_READ_INDEX_BODY,
    },
    {
        "slug": "lattlast-stod",
        "title": "Här kan du få stöd",
        "lead": "Här kan du läsa vem du kan ringa när du är orolig.",
        "body": EASY_READ_SUPPORT_BODY,
    },
    {
        "slug": "lattlast-om-oss",
        "title": "Det här är Centrum för kunskap och säkerhet",
        "lead": "Vi arbetar för att Borås ska vara en trygg stad.",
        "body": EASY_READ_ABOUT_BODY,
    },
]


def load(command):
    for page in EASY_READ_PAGES:
        Page.objects.update_or_create(slug=page["slug"], defaults={**page, "state": State.PUBLISHED})
    command.stdout.write(f"  pages: {len(EASY_READ_PAGES)} easy-to-read pages")
