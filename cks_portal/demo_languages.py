"""The demo's pages (about us, accessibility, privacy) in the residents' languages: Finnish,
Arabic, Somali, Persian, Sorani, Kurmanji and Tigrinya.

Each is a short, plain version of the Swedish page, not a word-for-word translation, and none
has been read by a native translator yet: the demo loads them as unreviewed translations
(cks_portal/core/translation_review.py) and shows them, as an editor may choose to. In the
right-to-left languages phone numbers and e-mail addresses are links marked `dir="ltr"`, and
times are written "from 9 to 12" so that no range turns round.
"""

MAIL = "boras.stad@boras.se"
DIGG = "https://www.digg.se/tdosanmalan"


def _ltr(rtl):
    return ' dir="ltr"' if rtl else ""


def _mail(rtl=False):
    return f'<a href="mailto:{MAIL}"{_ltr(rtl)}>{MAIL}</a>'


def _phone(number, e164, rtl=False):
    return f'<a href="tel:{e164}"{_ltr(rtl)}>{number}</a>'


def _helpline(rtl=False):
    return _phone("020-100 200", "+4620100200", rtl)


def _city(rtl=False):
    return _phone("033-35 70 00", "+4633357000", rtl)


def _digg(text):
    return f'<a href="{DIGG}">{text}</a>'


ABOUT = {
    "fi": (
        "Työmme väkivaltaista ekstremismiä vastaan",
        "Tiedon ja turvallisuuden keskus ehkäisee väkivaltaista ekstremismiä ja muuta vakavaa "
        "rikollisuutta pitkäjänteisesti ja yhdessä poliisin kanssa.",
        f"""
<p>Boråsin kaupunki perusti Tiedon ja turvallisuuden keskuksen (CKS) ehkäisemään väkivaltaista
ekstremismiä, järjestäytynyttä rikollisuutta, kunniaan liittyvää väkivaltaa ja
lähisuhdeväkivaltaa.</p>
<p>Annamme kaupungin työntekijöille tietoa, tukea ja koulutusta, jotta huoli jostakusta
huomataan ajoissa. Teemme työtä yhdessä poliisin ja muiden kanssa.</p>
<h2>Haluatko puhua jonkun kanssa?</h2>
<p>Jos olet huolissasi läheisestäsi, soita Pelastakaa Lasten huolipuhelimeen {_helpline()}
maanantaista perjantaihin klo 9–12 ja 13–16. Voit soittaa nimettömänä. Puheluihin vastataan
ruotsiksi, englanniksi, arabiaksi ja kurdiksi. Akuutissa vaarassa soita aina 112.</p>
""",
    ),
    "ar": (
        "عملنا ضد التطرف العنيف",
        "يعمل مركز المعرفة والأمان على الوقاية من التطرف العنيف والجرائم الخطيرة الأخرى، على المدى "
        "الطويل وبالتعاون مع الشرطة.",
        f"""
<p>أنشأت مدينة بوروس مركز المعرفة والأمان (CKS) للوقاية من التطرف العنيف والجريمة المنظمة
والعنف المرتبط بالشرف والعنف في العلاقات القريبة.</p>
<p>نقدم لموظفي المدينة المعرفة والدعم والتدريب، حتى يُلاحَظ القلق على شخص ما في الوقت
المناسب. ونعمل مع الشرطة وجهات أخرى.</p>
<h2>هل تريد التحدث إلى أحد؟</h2>
<p>إذا كنت قلقًا على شخص قريب منك، اتصل بخط منظمة إنقاذ الطفولة على الرقم {_helpline(True)}،
من الإثنين إلى الجمعة، من الساعة 9 إلى الساعة 12 ومن الساعة 13 إلى الساعة 16. يمكنك ألا تذكر
اسمك. يجيبون بالسويدية والإنجليزية والعربية والكردية. عند الخطر الداهم، اتصل دائمًا بالرقم 112.</p>
""",
    ),
    "so": (
        "Shaqadayada ka dhanka ah xagjirnimada rabshadaha wadata",
        "Xarunta Aqoonta iyo Badbaadada waxay ka hortagtaa xagjirnimada rabshadaha wadata iyo "
        "dambiyada kale ee culus, muddo dheer iyo iyadoo la kaashanaysa booliska.",
        f"""
<p>Magaalada Borås waxay aasaastay Xarunta Aqoonta iyo Badbaadada (CKS) si looga hortago
xagjirnimada rabshadaha wadata, dambiyada abaabulan, rabshadaha la xiriira sharafta iyo
rabshadaha qoyska dhexdiisa.</p>
<p>Waxaan shaqaalaha magaalada siinaa aqoon, taageero iyo tababar, si walaaca qof loo arko
waqtigiisa. Waxaan la shaqeynaa booliska iyo kuwo kale.</p>
<h2>Ma rabtaa inaad qof la hadasho?</h2>
<p>Haddii aad ka walaacsan tahay qof kuu dhow, wac khadka caawinta ee Save the Children
{_helpline()}, Isniinta ilaa Jimcaha, saacadaha 9–12 iyo 13–16. Uma baahnid inaad magacaaga
sheegto. Waxay ku jawaabaan iswiidhish, ingiriis, carabi iyo kurdi. Marka khatar degdeg ah
jirto, had iyo jeer wac 112.</p>
""",
    ),
    "fa": (
        "کار ما در برابر افراط‌گرایی خشونت‌آمیز",
        "مرکز دانش و امنیت در بلندمدت و همراه با پلیس برای پیشگیری از افراط‌گرایی خشونت‌آمیز و "
        "دیگر جرایم سنگین کار می‌کند.",
        f"""
<p>شهر بوروس مرکز دانش و امنیت (CKS) را برای پیشگیری از افراط‌گرایی خشونت‌آمیز، جرایم
سازمان‌یافته، خشونت ناموسی و خشونت در روابط نزدیک راه‌اندازی کرد.</p>
<p>ما به کارکنان شهر دانش، پشتیبانی و آموزش می‌دهیم تا نگرانی دربارهٔ کسی به‌موقع دیده شود.
ما با پلیس و دیگران همکاری می‌کنیم.</p>
<h2>می‌خواهید با کسی صحبت کنید؟</h2>
<p>اگر نگران یکی از نزدیکانتان هستید، با خط تلفن سازمان نجات کودکان به شمارهٔ {_helpline(True)}
تماس بگیرید، دوشنبه تا جمعه، از ساعت 9 تا 12 و از ساعت 13 تا 16. لازم نیست نامتان را بگویید.
آن‌ها به سوئدی، انگلیسی، عربی و کردی پاسخ می‌دهند. در خطر فوری همیشه با 112 تماس بگیرید.</p>
""",
    ),
    "ckb": (
        "کارەکانمان دژی توندڕەوی توندوتیژ",
        "ناوەندی زانیاری و ئاسایش بۆ ماوەیەکی درێژ و لەگەڵ پۆلیس کار دەکات بۆ ڕێگریکردن لە "
        "توندڕەوی توندوتیژ و تاوانە گەورەکانی تر.",
        f"""
<p>شاری بۆروس ناوەندی زانیاری و ئاسایشی (CKS) دامەزراند بۆ ڕێگریکردن لە توندڕەوی توندوتیژ،
تاوانی ڕێکخراو، توندوتیژیی پەیوەست بە شەرەف و توندوتیژی لە پەیوەندییە نزیکەکاندا.</p>
<p>ئێمە زانیاری، پشتگیری و ڕاهێنان دەدەین بە کارمەندانی شار، بۆ ئەوەی نیگەرانی لەسەر کەسێک لە
کاتی خۆیدا ببینرێت. لەگەڵ پۆلیس و لایەنەکانی تر کار دەکەین.</p>
<h2>دەتەوێت لەگەڵ کەسێک قسە بکەیت؟</h2>
<p>ئەگەر نیگەرانی کەسێکی نزیکی خۆتیت، پەیوەندی بە هێڵی تەلەفۆنی سەیڤ دە چیڵدرن بکە لە ژمارە
{_helpline(True)}، دووشەممە تا هەینی، لە کاتژمێر 9 تا 12 و لە کاتژمێر 13 تا 16. پێویست ناکات
ناوی خۆت بڵێیت. بە سویدی، ئینگلیزی، عەرەبی و کوردی وەڵام دەدەنەوە. لە مەترسیی بەپەلەدا هەمیشە
پەیوەندی بە 112 بکە.</p>
""",
    ),
    "kmr": (
        "Karê me li dijî tundrewiya bi şîdet",
        "Navenda Zanîn û Ewlehiyê ji bo demeke dirêj û bi polîs re dixebite da ku pêşî li "
        "tundrewiya bi şîdet û sûcên din ên giran bigire.",
        f"""
<p>Bajarê Borås Navenda Zanîn û Ewlehiyê (CKS) ava kir da ku pêşî li tundrewiya bi şîdet, sûcên
organîzekirî, şîdeta bi navê namûsê û şîdeta di têkiliyên nêzîk de bigire.</p>
<p>Em zanîn, piştgirî û perwerdeyê didin karmendên bajêr, da ku xema li ser kesekî di wextê xwe
de bê dîtin. Em bi polîs û yên din re dixebitin.</p>
<h2>Tu dixwazî bi kesekî re biaxivî?</h2>
<p>Eger tu ji bo kesekî nêzîkî xwe bi xem î, li xeta alîkariyê ya Save the Children bigere:
{_helpline()}, ji Duşemê heta Înê, saet 9–12 û 13–16. Ne hewce ye ku tu navê xwe bêjî. Ew bi
swêdî, îngilîzî, erebî û kurdî bersiv didin. Di xetereke lezgîn de her tim li 112 bigere.</p>
""",
    ),
    "ti": (
        "ስራሕና ኣንጻር ጎነጻዊ ጽንፈኝነት",
        "ማእከል ፍልጠትን ድሕነትን ንነዊሕ ግዜን ምስ ፖሊስ ብምትሕብባርን ንጎነጻዊ ጽንፈኝነትን ካልእ ከቢድ ገበናትን ንምክልኻል ይሰርሕ።",
        f"""
<p>ከተማ ቦሮስ ንጎነጻዊ ጽንፈኝነት፣ ውዱብ ገበን፣ ምስ ክብሪ ዝተኣሳሰረ ዓመጽን ኣብ ቀረባ ርክባት ዘሎ
ዓመጽን ንምክልኻል ማእከል ፍልጠትን ድሕነትን (CKS) ኣቚማ።</p>
<p>ስግኣት ብዛዕባ ሓደ ሰብ ብግዜኡ ምእንቲ ክርአ፣ ንሰራሕተኛታት ከተማ ፍልጠት፣ ደገፍን ስልጠናን ንህብ።
ምስ ፖሊስን ካልኦትን ንሰርሕ።</p>
<h2>ምስ ሓደ ሰብ ክትዛረብ ትደሊ ዶ?</h2>
<p>ብዛዕባ ሓደ ቀረባኻ እንተ ተሻቒልካ፣ ናብ መስመር ሓገዝ ሴቭ ዘ ችልድረን {_helpline()} ደውል፣ ካብ
ሰኑይ ክሳብ ዓርቢ፣ ሰዓት 9–12 ከምኡውን 13–16። ስምካ ክትገልጽ ኣየድልየካን እዩ። ብሽወደንኛ፣
እንግሊዝኛ፣ ዓረብኛን ኩርድኛን ይምልሱ። ኣብ ህጹጽ ሓደጋ ኩሉ ግዜ ናብ 112 ደውል።</p>
""",
    ),
}

ACCESSIBILITY = {
    "fi": (
        "Saavutettavuusseloste",
        "Näin CKS-portalen täyttää Ruotsin lain julkisten digitaalisten palvelujen saavutettavuudesta.",
        f"""
<p>Boråsin kaupunki vastaa tästä verkkosivustosta. Haluamme, että kaikki voivat käyttää sitä.
Koko seloste on ruotsiksi; tämä on lyhyt tiivistelmä.</p>
<p>Sivusto täyttää lain vaatimukset osittain. Jotkin muiden järjestöjen raportit (PDF-tiedostot)
eivät ole täysin saavutettavia, ja osa sisällöstä on vain ruotsiksi. Testaamme jokaisen sivun
automaattisesti ennen kuin se julkaistaan.</p>
<h2>Jos jokin ei toimi</h2>
<p>Kirjoita osoitteeseen {_mail()} tai soita numeroon {_city()}. Jos et ole tyytyväinen
vastaukseemme, voit {_digg("ilmoittaa asiasta Digitaalisen hallinnon virastolle (Digg)")}.</p>
""",
    ),
    "ar": (
        "بيان إمكانية الوصول",
        "كيف يستوفي موقع CKS-portalen القانون السويدي بشأن إمكانية الوصول إلى الخدمات العامة الرقمية.",
        f"""
<p>مدينة بوروس مسؤولة عن هذا الموقع. نريد أن يتمكن الجميع من استخدامه. البيان الكامل باللغة
السويدية، وهذا ملخص قصير له.</p>
<p>يستوفي الموقع القانون جزئيًا. بعض التقارير من منظمات أخرى (ملفات PDF) ليست سهلة الوصول
بالكامل، وبعض المحتوى متوفر بالسويدية فقط. نختبر كل صفحة تلقائيًا قبل نشرها.</p>
<h2>إذا لم يعمل شيء ما</h2>
<p>اكتب إلى {_mail(True)} أو اتصل بالرقم {_city(True)}. إذا لم تكن راضيًا عن ردنا، يمكنك
{_digg("إبلاغ هيئة الحكومة الرقمية (Digg)")}.</p>
""",
    ),
    "so": (
        "Bayaanka helitaanka",
        "Sida CKS-portalen u buuxiso sharciga Iswiidhan ee helitaanka adeegyada dadweynaha ee dhijitaalka ah.",
        f"""
<p>Magaalada Borås ayaa mas'uul ka ah boggan. Waxaan rabnaa in qof kastaa isticmaali karo.
Bayaanka oo dhammaystiran waa iswiidhish; kani waa soo koobid gaaban.</p>
<p>Boggu qayb ahaan ayuu buuxiyaa sharciga. Warbixinnada qaar oo ka yimid ururo kale (faylal PDF
ah) si buuxda looma wada heli karo, qaar ka mid ah qoraalkuna waa iswiidhish oo keliya. Bog
kasta si toos ah ayaan u tijaabinnaa ka hor inta aan la daabicin.</p>
<h2>Haddii wax aanay shaqayn</h2>
<p>U qor {_mail()} ama wac {_city()}. Haddii aadan ku qanacsanayn jawaabtayada, waxaad
{_digg("u sheegi kartaa Hay'adda Maamulka Dhijitaalka ah (Digg)")}.</p>
""",
    ),
    "fa": (
        "بیانیهٔ دسترس‌پذیری",
        "CKS-portalen چگونه قانون سوئد دربارهٔ دسترس‌پذیری خدمات عمومی دیجیتال را رعایت می‌کند.",
        f"""
<p>شهر بوروس مسئول این وب‌سایت است. می‌خواهیم همه بتوانند از آن استفاده کنند. متن کامل بیانیه
به سوئدی است و این خلاصه‌ای کوتاه از آن است.</p>
<p>این سایت تا حدی با قانون مطابقت دارد. برخی گزارش‌های سازمان‌های دیگر (فایل‌های PDF) کاملاً
دسترس‌پذیر نیستند و بخشی از محتوا فقط به سوئدی است. هر صفحه را پیش از انتشار به‌طور خودکار
آزمایش می‌کنیم.</p>
<h2>اگر چیزی کار نمی‌کند</h2>
<p>به {_mail(True)} بنویسید یا با شمارهٔ {_city(True)} تماس بگیرید. اگر از پاسخ ما راضی
نیستید، می‌توانید {_digg("به ادارهٔ دولت دیجیتال (Digg) گزارش دهید")}.</p>
""",
    ),
    "ckb": (
        "ڕاگەیەندراوی دەستپێگەیشتن",
        "CKS-portalen چۆن یاسای سوید دەربارەی دەستپێگەیشتنی خزمەتگوزارییە گشتییە دیجیتاڵییەکان جێبەجێ دەکات.",
        f"""
<p>شاری بۆروس بەرپرسیارە لەم ماڵپەڕە. دەمانەوێت هەموو کەس بتوانێت بەکاری بهێنێت. ڕاگەیەندراوە
تەواوەکە بە سویدییە؛ ئەمە کورتەیەکی ئەوە.</p>
<p>ماڵپەڕەکە بەشێک لە یاساکە جێبەجێ دەکات. هەندێک ڕاپۆرت لە ڕێکخراوەکانی ترەوە (فایلی PDF)
بە تەواوی دەستپێگەیشتوو نین، و هەندێک ناوەڕۆک تەنها بە سویدییە. هەموو لاپەڕەیەک پێش
بڵاوکردنەوە بە شێوەی خۆکار تاقی دەکەینەوە.</p>
<h2>ئەگەر شتێک کار نەکات</h2>
<p>بنووسە بۆ {_mail(True)} یان پەیوەندی بکە بە ژمارە {_city(True)}. ئەگەر لە وەڵامەکەمان
ڕازی نیت، دەتوانیت {_digg("بە دەزگای حکومەتی دیجیتاڵ (Digg) ڕابگەیەنیت")}.</p>
""",
    ),
    "kmr": (
        "Daxuyaniya gihîştinê",
        "CKS-portalen çawa qanûna swêdî ya li ser gihîştina xizmetên giştî yên dîjîtal bi cih tîne.",
        f"""
<p>Bajarê Borås berpirsiyarê vê malperê ye. Em dixwazin ku her kes bikaribe wê bi kar bîne.
Daxuyaniya tevahî bi swêdî ye; ev kurteyeke wê ye.</p>
<p>Malper beşek ji qanûnê bi cih tîne. Hin raporên rêxistinên din (pelên PDF) bi tevahî ne
gihîştbar in, û hin naverok tenê bi swêdî ye. Em her rûpelî berî weşandinê bi awayekî
otomatîk diceribînin.</p>
<h2>Eger tiştek nexebite</h2>
<p>Ji {_mail()} re binivîse an li {_city()} bigere. Eger tu ji bersiva me ne razî yî, tu
dikarî {_digg("wê ji Dezgeha Rêveberiya Dîjîtal (Digg) re ragihînî")}.</p>
""",
    ),
    "ti": (
        "መግለጺ ተበጻሕነት",
        "CKS-portalen ሕጊ ሽወደን ብዛዕባ ተበጻሕነት ዲጂታላዊ ህዝባዊ ኣገልግሎት ብኸመይ ከም ዘማልእ።",
        f"""
<p>ከተማ ቦሮስ ነዚ መርበብ ሓበሬታ ሓላፍነት ትወስድ። ኩሉ ሰብ ክጥቀመሉ ክኽእል ንደሊ። ምሉእ መግለጺ
ብሽወደንኛ እዩ፤ እዚ ሓጺር ጽማቑ እዩ።</p>
<p>እቲ መርበብ ነቲ ሕጊ ብኸፊል የማልእ። ገለ ጸብጻባት ካብ ካልኦት ትካላት (ፋይላት PDF) ምሉእ ብምሉእ
ተበጻሕቲ ኣይኮኑን፣ ገለ ትሕዝቶ ድማ ብሽወደንኛ ጥራይ እዩ። ነፍሲ ወከፍ ገጽ ቅድሚ ምሕታሙ ብኣውቶማቲክ
ንፍትኖ።</p>
<h2>ሓደ ነገር እንተ ዘይሰሪሑ</h2>
<p>ናብ {_mail()} ጽሓፍ ወይ ናብ {_city()} ደውል። ብመልስና እንተ ዘይዓጊብካ፣
{_digg("ናብ ትካል ዲጂታላዊ ምምሕዳር (Digg) ከተመልክት ትኽእል ኢኻ")}።</p>
""",
    ),
}

PRIVACY = {
    "fi": (
        "Henkilötiedot ja evästeet",
        "Keräämme niin vähän kuin voimme. Kun vain luet sivustoa, meille ei jää sinusta muuta kuin "
        "teknisiä lokeja.",
        f"""
<p>Boråsin kaupunki vastaa tällä sivustolla käsiteltävistä henkilötiedoista.</p>
<p>Sivusto ei käytä evästeitä eikä seuraa sinua. Palvelimemme säilyttää teknisiä lokeja enintään
30 päivää.</p>
<p>Jos ilmoittaudut seminaariin, tallennamme nimesi, sähköpostiosoitteesi ja organisaatiosi
tilaisuuden järjestämistä varten. Poistamme ne {{retention_days}} päivän kuluttua
tilaisuudesta.</p>
<p>Sinulla on oikeus nähdä, korjata ja poistaa tietosi. Ota yhteyttä: {_mail()}. Voit myös
tehdä valituksen Ruotsin tietosuojaviranomaiselle (IMY).</p>
""",
    ),
    "ar": (
        "البيانات الشخصية وملفات تعريف الارتباط",
        "نجمع أقل قدر ممكن من البيانات. من يقرأ الموقع فقط لا يترك لدينا أي أثر سوى السجلات التقنية.",
        f"""
<p>مدينة بوروس مسؤولة عن البيانات الشخصية في هذا الموقع.</p>
<p>لا يستخدم الموقع ملفات تعريف الارتباط ولا يتتبعك. يحتفظ خادمنا بسجلات تقنية لمدة أقصاها
30 يومًا.</p>
<p>إذا سجلت في ندوة، نحتفظ باسمك وعنوان بريدك الإلكتروني ومنظمتك لتنظيم الفعالية، ونحذفها بعد
{{retention_days}} يومًا من الفعالية.</p>
<p>يحق لك الاطلاع على بياناتك وتصحيحها وحذفها. تواصل معنا على {_mail(True)}. ويمكنك أيضًا
تقديم شكوى إلى الهيئة السويدية لحماية الخصوصية (IMY).</p>
""",
    ),
    "so": (
        "Xogta shakhsiga iyo cookies",
        "Waxaan ururinaa inta ugu yar ee suurtogal ah. Qofka boggan akhriya oo keliya wax raad ah "
        "kagama tago annaga, marka laga reebo diiwaannada farsamada.",
        f"""
<p>Magaalada Borås ayaa mas'uul ka ah xogta shakhsiga ee boggan.</p>
<p>Boggu ma isticmaalo cookies, mana ku raad-raaco. Server-kayagu wuxuu hayaa diiwaanno farsamo
ugu badnaan 30 maalmood.</p>
<p>Haddii aad iska diiwaangeliso seminaar, waxaan kaydinaa magacaaga, cinwaanka iimaylkaaga iyo
ururkaaga si aan u qorsheyno munaasabadda. Waxaan tirtirnaa {{retention_days}} maalmood
kadib munaasabadda.</p>
<p>Waxaad xaq u leedahay inaad aragto, saxdo oo tirtirto xogtaada. La xiriir {_mail()}. Waxaad
sidoo kale cabasho u gudbin kartaa Hay'adda Iswiidhan ee Ilaalinta Sirta (IMY).</p>
""",
    ),
    "fa": (
        "داده‌های شخصی و کوکی‌ها",
        "ما تا جای ممکن کم جمع می‌کنیم. کسی که فقط سایت را می‌خواند، جز گزارش‌های فنی هیچ ردی نزد "
        "ما به جا نمی‌گذارد.",
        f"""
<p>شهر بوروس مسئول داده‌های شخصی در این سایت است.</p>
<p>این سایت کوکی به کار نمی‌برد و شما را ردیابی نمی‌کند. سرور ما گزارش‌های فنی را حداکثر
30 روز نگه می‌دارد.</p>
<p>اگر برای یک سمینار ثبت‌نام کنید، نام، نشانی ایمیل و سازمان شما را برای برنامه‌ریزی رویداد
نگه می‌داریم و {{retention_days}} روز پس از رویداد پاک می‌کنیم.</p>
<p>شما حق دارید داده‌های خود را ببینید، اصلاح کنید و پاک کنید. با {_mail(True)} تماس بگیرید.
همچنین می‌توانید به ادارهٔ حفاظت از حریم خصوصی سوئد (IMY) شکایت کنید.</p>
""",
    ),
    "ckb": (
        "زانیاریی کەسی و کووکی",
        "تا بکرێت کەم کۆدەکەینەوە. ئەو کەسەی تەنها ماڵپەڕەکە دەخوێنێتەوە، جگە لە تۆمارە "
        "تەکنیکییەکان هیچ شوێنەوارێک لای ئێمە بەجێناهێڵێت.",
        f"""
<p>شاری بۆروس بەرپرسیارە لە زانیاریی کەسی لەم ماڵپەڕەدا.</p>
<p>ماڵپەڕەکە کووکی بەکارناهێنێت و بەدواتدا ناچێت. ڕاژەکارەکەمان تۆماری تەکنیکی بۆ ماوەی
زۆرترین 30 ڕۆژ دەهێڵێتەوە.</p>
<p>ئەگەر خۆت بۆ سیمینارێک تۆمار بکەیت، ناو، ئیمەیڵ و ڕێکخراوەکەت هەڵدەگرین بۆ ڕێکخستنی
چالاکییەکە، و {{retention_days}} ڕۆژ دوای چالاکییەکە دەیانسڕینەوە.</p>
<p>مافی ئەوەت هەیە زانیارییەکانت ببینیت، ڕاستیان بکەیتەوە و بیانسڕیتەوە. پەیوەندی بکە بە
{_mail(True)}. هەروەها دەتوانیت سکاڵا بکەیت لای دەزگای پاراستنی تایبەتمەندیی سوید (IMY).</p>
""",
    ),
    "kmr": (
        "Daneyên kesane û cookie",
        "Em bi qasî ku dikarin kêm berhev dikin. Kesê ku tenê malperê dixwîne, ji bilî qeydên "
        "teknîkî tu şopê li cem me nahêle.",
        f"""
<p>Bajarê Borås berpirsiyarê daneyên kesane yên li ser vê malperê ye.</p>
<p>Malper cookie bi kar nayîne û te naşopîne. Servera me qeydên teknîkî herî zêde 30 rojan
diparêze.</p>
<p>Eger tu xwe ji bo semînerekê qeyd bikî, em navê te, navnîşana e-nameya te û rêxistina te
diparêzin da ku çalakiyê plan bikin. Em wan {{retention_days}} roj piştî çalakiyê jê dibin.</p>
<p>Mafê te heye ku tu daneyên xwe bibînî, rast bikî û jê bibî. Bi {_mail()} re têkilî dayne. Tu
dikarî gilîyê xwe jî bigihînî Dezgeha Swêdî ya Parastina Nepeniyê (IMY).</p>
""",
    ),
    "ti": (
        "ውልቃዊ ሓበሬታን ኩኪስን",
        "ክሳብ ዝከኣል ውሑድ ኢና ንእክብ። ነቲ መርበብ ጥራይ ዘንብብ ሰብ፣ ብዘይካ ቴክኒካዊ መዝገባት ዝኾነ ኣሰር ኣብ ጥቓና ኣይገድፍን።",
        f"""
<p>ከተማ ቦሮስ ኣብዚ መርበብ ንዝተሓዝ ውልቃዊ ሓበሬታ ሓላፍነት ትወስድ።</p>
<p>እቲ መርበብ ኩኪስ ኣይጥቀምን፣ ኣይከታተለካን እዩ። ሰርቨርና ቴክኒካዊ መዝገባት ክሳብ 30 መዓልቲ
ጥራይ ይሕዝ።</p>
<p>ንሰሚናር እንተ ተመዝጊብካ፣ ነቲ መደብ ንምውዳብ ስምካ፣ ኣድራሻ ኢመይልካን ትካልካን ንሕዝ። ድሕሪ
እቲ መደብ {{retention_days}} መዓልቲ ንድምስሶ።</p>
<p>ሓበሬታኻ ክትርኢ፣ ክተእርም ከምኡውን ከተጥፍእ መሰል ኣለካ። ምስ {_mail()} ተራኸብ። ናብ ናይ
ሽወደን ትካል ሓለዋ ውልቃዊ ምስጢር (IMY) ከተማርር እውን ትኽእል ኢኻ።</p>
""",
    ),
}


def _columns(texts):
    columns = {}
    for lang, (title, lead, body) in texts.items():
        columns.update({f"title_{lang}": title, f"lead_{lang}": lead, f"body_{lang}": body})
    return columns


# slug -> {column: text}
PAGES = {
    "om-oss": _columns(ABOUT),
    "tillganglighet": _columns(ACCESSIBILITY),
    "personuppgifter": _columns(PRIVACY),
}
