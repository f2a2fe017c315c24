"""The demo's support lines in the residents' languages: Finnish, Arabic, Somali, Persian, Sorani,
Kurmanji and Tigrinya.

Written for the demo in short, plain sentences, and not yet read by a native translator: the
demo loads them as unreviewed translations (cks_portal/core/translation_review.py) and shows
them, as an editor may choose to. Names of organisations stay as they are known in Sweden
where the language has no settled name for them.
"""

# slug -> {column: text}
CONTACTS = {
    "orostelefonen": {
        "name_fi": "Pelastakaa Lasten huolipuhelin",
        "name_ar": "خط منظمة إنقاذ الطفولة للأقارب القلقين",
        "name_so": "Khadka caawinta ee Save the Children ee qaraabada walaacsan",
        "name_fa": "خط تلفن سازمان نجات کودکان برای بستگان نگران",
        "name_ckb": "هێڵی تەلەفۆنی سەیڤ دە چیڵدرن بۆ خزمە نیگەرانەکان",
        "name_kmr": "Xeta alîkariyê ya Save the Children ji bo xizmên bi xem",
        "name_ti": "መስመር ሓገዝ ሴቭ ዘ ችልድረን ንዝተሻቐሉ ቤተሰብ",
        "commissioned_by_fi": "väkivaltaisen ekstremismin vastainen kansallinen koordinaattori",
        "commissioned_by_ar": "المنسق الوطني لمكافحة التطرف العنيف",
        "commissioned_by_so": "Isuduwaha qaranka ee ka hortagga xagjirnimada rabshadaha wadata",
        "commissioned_by_fa": "هماهنگ‌کنندهٔ ملی مقابله با افراط‌گرایی خشونت‌آمیز",
        "commissioned_by_ckb": "هەماهەنگکاری نیشتمانی دژی توندڕەوی توندوتیژ",
        "commissioned_by_kmr": "Koordînatorê neteweyî li dijî tundrewiya bi şîdet",
        "commissioned_by_ti": "ሃገራዊ ኣወሃሃዲ ኣንጻር ጎነጻዊ ጽንፈኝነት",
        "summary_fi": "Sinulle, joka olet huolissasi siitä, että läheisesi on ajautumassa "
        "väkivaltaiseen ääriliikkeeseen. Myös kunnat ja järjestöt voivat soittaa ja saada tietoa, "
        "neuvoja ja tukea.",
        "summary_ar": "لك إذا كنت قلقًا من أن شخصًا قريبًا منك ينجذب إلى وسط متطرف يؤيد العنف. "
        "ويمكن للبلديات والمنظمات أيضًا الاتصال للحصول على معلومات ونصائح ودعم.",
        "summary_so": "Adiga oo ka walaacsan in qof kuu dhow uu u janjeero koox xagjir ah oo "
        "rabshad wadata. Degmooyinka iyo ururadu sidoo kale way wici karaan si ay u helaan "
        "macluumaad, talo iyo taageero.",
        "summary_fa": "برای شما که نگرانید یکی از نزدیکانتان به سوی محیطی افراطی و طرفدار خشونت "
        "کشیده شود. شهرداری‌ها و سازمان‌ها هم می‌توانند برای اطلاعات، مشاوره و پشتیبانی تماس بگیرند.",
        "summary_ckb": "بۆ تۆ کە نیگەرانیت کەسێکی نزیکت بەرەو ژینگەیەکی توندڕەوی توندوتیژ "
        "ڕابکێشرێت. شارەوانی و ڕێکخراوەکانیش دەتوانن بۆ زانیاری، ئامۆژگاری و پشتگیری پەیوەندی بکەن.",
        "summary_kmr": "Ji bo te, eger tu bi xem î ku kesekî nêzîkî te ber bi derdoreke tundrew a "
        "bi şîdet ve diçe. Şaredarî û rêxistin jî dikarin ji bo agahî, şîret û piştgiriyê telefon bikin.",
        "summary_ti": "ሓደ ካብ ቀረባኻ ናብ ጎነጻዊ ጽንፈኛ ጉጅለ ይስሕብ ከም ዘሎ እንተ ተሻቒልካ፣ እዚ መስመር "
        "ንዓኻ እዩ። ምምሕዳራትን ትካላትን እውን ሓበሬታ፣ ምኽርን ደገፍን ንምርካብ ክድውሉ ይኽእሉ እዮም።",
        "anonymity_note_fi": "Sinun ei tarvitse kertoa, kuka olet, eikä puhelu näy puhelinlaskussa.",
        "anonymity_note_ar": "لا تحتاج إلى ذكر اسمك، ولا تظهر المكالمة في فاتورة الهاتف.",
        "anonymity_note_so": "Uma baahnid inaad sheegto cidda aad tahay, wicitaankuna kama muuqdo "
        "biilka taleefanka.",
        "anonymity_note_fa": "لازم نیست بگویید چه کسی هستید و این تماس در قبض تلفن دیده نمی‌شود.",
        "anonymity_note_ckb": "پێویست ناکات بڵێیت کێیت، و پەیوەندییەکە لە پسوولەی تەلەفۆنەکەدا دەرناکەوێت.",
        "anonymity_note_kmr": "Ne hewce ye ku tu bêjî tu kî yî, û telefon di fatûreya telefonê de xuya nabe.",
        "anonymity_note_ti": "መን ምዃንካ ክትነግር ኣየድልየካን እዩ፣ እቲ ጻውዒት ድማ ኣብ ሕሳብ ተሌፎን ኣይርአን እዩ።",
    },
    "112": {
        "name_fi": "112 – hätätilanteessa",
        "name_ar": "112 – عند الخطر الداهم",
        "name_so": "112 – marka khatar degdeg ah jirto",
        "name_fa": "112 – در خطر فوری",
        "name_ckb": "112 – لە مەترسیی بەپەلەدا",
        "name_kmr": "112 – di xetereke lezgîn de",
        "name_ti": "112 – ኣብ ህጹጽ ሓደጋ",
        "summary_fi": "Soita 112, kun on kiire ja jonkun henki, terveys, omaisuus tai ympäristö on vaarassa.",
        "summary_ar": "اتصل بالرقم 112 عندما يكون الأمر عاجلًا وتكون حياة شخص أو صحته أو ممتلكاته أو "
        "البيئة في خطر.",
        "summary_so": "Wac 112 marka ay degdeg tahay oo nolosha, caafimaadka ama hantida qof, ama "
        "deegaanku, khatar ku jiraan.",
        "summary_fa": "وقتی کار فوری است و جان، سلامت یا دارایی کسی یا محیط زیست در خطر است، با 112 "
        "تماس بگیرید.",
        "summary_ckb": "کاتێک کارەکە بەپەلەیە و ژیان، تەندروستی یان موڵکی کەسێک، یان ژینگە، لە "
        "مەترسیدایە، پەیوەندی بە 112 بکە.",
        "summary_kmr": "Gava ku tiştek lezgîn e û jiyan, tendurustî an malê kesekî, an jî hawîrdor, "
        "di xeterê de ye, li 112 bigere.",
        "summary_ti": "ህጹጽ ኩነታት ምስ ዘጋጥም፣ ህይወት፣ ጥዕና ወይ ንብረት ሓደ ሰብ፣ ወይ ከባቢ፣ ኣብ ሓደጋ ምስ ዝህሉ፣ ናብ 112 ደውል።",
    },
    "polisen-114-14": {
        "name_fi": "Poliisi, 114 14",
        "name_ar": "الشرطة، 114 14",
        "name_so": "Booliska, 114 14",
        "name_fa": "پلیس، 114 14",
        "name_ckb": "پۆلیس، 114 14",
        "name_kmr": "Polîs, 114 14",
        "name_ti": "ፖሊስ፣ 114 14",
        "summary_fi": "Poliisin numero, kun asia ei ole kiireellinen: voit antaa vihjeen, tehdä "
        "rikosilmoituksen tai kysyä jotakin.",
        "summary_ar": "رقم الشرطة عندما لا يكون الأمر طارئًا: لتقديم معلومة أو الإبلاغ عن جريمة أو طرح سؤال.",
        "summary_so": "Lambarka booliska marka aanay degdeg ahayn: si aad u bixiso xog, u soo "
        "sheegto dambi ama wax u weydiiso.",
        "summary_fa": "شمارهٔ پلیس برای وقتی که موضوع فوری نیست: برای دادن اطلاعات، گزارش جرم یا پرسیدن سؤال.",
        "summary_ckb": "ژمارەی پۆلیس کاتێک بارەکە بەپەلە نییە: بۆ دانی زانیاری، سکاڵاکردن لە تاوان "
        "یان پرسیارکردن.",
        "summary_kmr": "Hejmara polîs gava ku tiştek ne lezgîn e: ji bo agahî dayînê, gilîkirina "
        "sûcekî an pirsîna tiştekî.",
        "summary_ti": "ህጹጽ ኣብ ዘይኮነሉ ግዜ ቁጽሪ ፖሊስ፦ ሓበሬታ ንምሃብ፣ ገበን ንምሕባር ወይ ሕቶ ንምሕታት።",
    },
    "boras-stad-socialtjansten": {
        "name_fi": "Boråsin kaupungin sosiaalipalvelut",
        "name_ar": "الخدمات الاجتماعية في مدينة بوروس",
        "name_so": "Adeegga bulshada ee Magaalada Borås",
        "name_fa": "خدمات اجتماعی شهر بوروس",
        "name_ckb": "خزمەتگوزاریی کۆمەڵایەتیی شاری بۆروس",
        "name_kmr": "Xizmetên civakî yên bajarê Borås",
        "name_ti": "ማሕበራዊ ኣገልግሎት ከተማ ቦሮስ",
        "summary_fi": "Kunnan sosiaalipalvelut antavat neuvoja ja tukea perheille, nuorille ja "
        "omaisille. Soita kaupungin asiakaspalveluun, niin puhelusi yhdistetään oikealle henkilölle.",
        "summary_ar": "تقدم الخدمات الاجتماعية في البلدية النصح والدعم للعائلات والشباب والأقارب. "
        "اتصل بمركز الاتصال في المدينة وسيحوّلون مكالمتك إلى الشخص المناسب.",
        "summary_so": "Adeegga bulshada ee degmadu wuxuu talo iyo taageero siiyaa qoysaska, "
        "dhallinyarada iyo qaraabada. Wac xarunta xiriirka ee magaalada, waxaana lagugu xiriirin "
        "doonaa qofka ku habboon.",
        "summary_fa": "خدمات اجتماعی شهرداری به خانواده‌ها، جوانان و بستگان مشاوره و پشتیبانی "
        "می‌دهد. با مرکز تماس شهر تماس بگیرید تا تماس شما را به فرد مناسب وصل کنند.",
        "summary_ckb": "خزمەتگوزاریی کۆمەڵایەتیی شارەوانی ئامۆژگاری و پشتگیری بە خێزان، گەنجان و "
        "خزمان دەدات. پەیوەندی بە ناوەندی پەیوەندیی شار بکە، ئەوان پەیوەندییەکەت بۆ کەسی گونجاو دەگوازنەوە.",
        "summary_kmr": "Xizmetên civakî yên şaredariyê şîret û piştgiriyê didin malbatan, ciwanan "
        "û xizman. Li navenda têkiliyê ya bajêr bigere, ew ê te bigihînin kesê rast.",
        "summary_ti": "ማሕበራዊ ኣገልግሎት ምምሕዳር ንስድራቤታት፣ ንመንእሰያትን ንቤተሰብን ምኽርን ደገፍን "
        "ይህብ። ናብ ማእከል ርክብ ከተማ ደውል፣ ናብ ዝምልከቶ ሰብ ድማ ከራኽቡኻ እዮም።",
    },
}

# A phone's Swedish note -> its note in each language.
PHONE_NOTES = {
    "Larmnummer": {
        "fi": "Hätänumero",
        "ar": "رقم الطوارئ",
        "so": "Lambarka gurmadka degdegga ah",
        "fa": "شمارهٔ اضطراری",
        "ckb": "ژمارەی فریاکەوتن",
        "kmr": "Hejmara acîl",
        "ti": "ቁጽሪ ህጹጽ ረድኤት",
    },
    "Kontaktcenter": {
        "fi": "Asiakaspalvelu",
        "ar": "مركز الاتصال",
        "so": "Xarunta xiriirka",
        "fa": "مرکز تماس",
        "ckb": "ناوەندی پەیوەندی",
        "kmr": "Navenda têkiliyê",
        "ti": "ማእከል ርክብ",
    },
}
