"""The editors' content checks (cks_portal/core/content_checks.py), with Swedish examples that
each rule must and must not flag."""

import pytest

from cks_portal.core import content_checks as checks


def codes(findings):
    return [finding.rule.code for finding in findings]


# --- LIX, against values worked out by hand ----------------------------------------------


def test_lix_of_short_plain_sentences():
    # 8 words, 2 sentences, no word longer than six letters: 8 / 2 + 0 = 4.
    index, word_count, sentence_count, long_words = checks.lix("Katten satt på mattan. Hunden sov i solen.")
    assert (word_count, sentence_count, long_words) == (8, 2, 0)
    assert index == pytest.approx(4.0)


def test_lix_of_an_official_sentence():
    # 9 words, 1 sentence; long: Kommunens, förebyggande, våldsbejakande, extremism, samordnas,
    # centrumet (6); "arbete" has six letters and is not long. 9 + 100 * 6 / 9 = 75.67.
    text = "Kommunens förebyggande arbete mot våldsbejakande extremism samordnas av centrumet."
    index, word_count, sentence_count, long_words = checks.lix(text)
    assert (word_count, sentence_count, long_words) == (9, 1, 6)
    assert index == pytest.approx(75.667, abs=0.001)


def test_lix_counts_abbreviations_and_numbers_as_swedish_readers_do():
    # "t.ex." does not end the sentence; "112" is not a word. Words: Ring(4) t ex om(2) du
    # är orolig(6) för någon(5) i din närhet(6): the abbreviation gives the words "t" and "ex":
    # Ring, t, ex, om, du, är, orolig, för, någon, i, din, närhet = 12 words, 1 sentence, 0 long.
    index, word_count, sentence_count, long_words = checks.lix(
        "Ring t.ex. om du är orolig för någon i din närhet 112."
    )
    assert (word_count, sentence_count, long_words) == (12, 1, 0)
    assert index == pytest.approx(12.0)


def test_lix_bands():
    assert checks.lix_band(22) == checks.LIX_BANDS[0][1]
    assert checks.lix_band(35) == checks.LIX_BANDS[2][1]
    assert checks.lix_band(65) == checks.LIX_BANDS[5][1]


PLAIN = (
    "Är du orolig för någon? Ring oss. Vi lyssnar på dig. Du får vara anonym. "
    "Vi svarar på vardagar. Du kan också skriva till oss. Vi hjälper dig att hitta rätt stöd. "
    "Det kostar inget att ringa. Du kan prata svenska eller engelska med oss."
)
OFFICIAL = (
    "Kommunens förebyggande verksamhet avseende våldsbejakande extremism organiseras genom "
    "förvaltningsövergripande samverkansstrukturer. Centrumets kunskapsuppbyggnad omfattar "
    "omvärldsbevakning, kompetensutveckling och metodutveckling. Ärendehanteringen "
    "dokumenteras systematiskt i enlighet med gällande sekretesslagstiftning. Uppföljningen "
    "genomförs kontinuerligt tillsammans med relevanta samverkansaktörer."
)


def test_plain_text_for_residents_is_not_flagged():
    assert "lix" not in codes(checks.check_text(PLAIN, rich=False))


def test_official_text_for_residents_is_flagged_with_its_numbers():
    [finding] = [f for f in checks.check_text(OFFICIAL, rich=False) if f.rule.code == "lix"]
    assert finding.values["target"] == 40
    assert finding.values["lix"] > 60
    assert str(finding.values["band"]) == str(checks.LIX_BANDS[5][1])


def test_professionals_have_a_higher_aim():
    # A text between the two aims: flagged for residents, not for professionals.
    # 39 words, 4 sentences, 14 longer than six letters: 39 / 4 + 100 * 14 / 39 = 45.65.
    text = (
        "Rapporten beskriver skolornas förebyggande arbete mot våldsbejakande extremism. Lärare "
        "och elever i sex kommuner har intervjuats om sina erfarenheter. De berättar hur de "
        "upptäcker oro hos en elev och vilka insatser som följer. Samverkan med socialtjänsten "
        "behövs nästan alltid."
    )
    index, word_count, sentence_count, long_words = checks.lix(text)
    assert (word_count, sentence_count, long_words) == (39, 4, 14)
    assert index == pytest.approx(45.647, abs=0.001)
    assert "lix" in codes(checks.check_text(text, rich=False, audience="residents"))
    assert "lix" not in codes(checks.check_text(text, rich=False, audience="professionals"))


def test_a_short_text_gets_no_readability_note():
    assert "lix" not in codes(checks.check_text("Förvaltningsövergripande samverkansstrukturer.", rich=False))


def test_english_and_marked_passages_do_not_count_for_swedish_readability():
    html = f'<p lang="en">{OFFICIAL}</p><p>{PLAIN}</p>'
    assert "lix" not in codes(checks.check_text(html))


# --- long sentences ----------------------------------------------------------------------


def test_a_sentence_of_thirty_words_is_flagged_and_twenty_is_not():
    long = " ".join(["ord"] * 30) + "."
    short = " ".join(["ord"] * 20) + "."
    [finding] = checks.check_long_sentences(checks.read(long, rich=False)[0])
    assert finding.values["count"] == 30
    assert checks.check_long_sentences(checks.read(short, rich=False)[0]) == []


def test_list_items_are_sentences_of_their_own():
    items = "".join(f"<li>{' '.join(['ord'] * 10)}</li>" for _ in range(5))
    assert "long-sentence" not in codes(checks.check_text(f"<ul>{items}</ul>"))


# --- headings ----------------------------------------------------------------------------


def test_a_skipped_heading_level_is_flagged():
    html = "<h2>Om oss</h2><p>Text.</p><h4>Kontakt</h4><p>Text.</p>"
    [finding] = [f for f in checks.check_text(html) if f.rule.code == "heading-level"]
    assert "Kontakt" in finding.message


def test_a_level_one_heading_in_the_body_is_flagged():
    assert "heading-level" in codes(checks.check_text("<h1>Nyhet</h1><p>Text.</p>"))


def test_headings_in_order_and_going_back_up_are_fine():
    html = "<h2>Stöd</h2><h3>Telefon</h3><h3>Chatt</h3><h2>Om oss</h2><h3>Personal</h3>"
    assert "heading-level" not in codes(checks.check_text(html))


def test_a_text_may_start_below_the_top_level_only_one_step():
    assert "heading-level" in codes(checks.check_text("<h3>Kontakt</h3>"))
    assert "heading-level" not in codes(checks.check_text("<h2>Kontakt</h2>"))


# --- link texts --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["klicka här", "Klicka här!", "här", "Läs mer", "läs mer »", "länk", "https://www.bra.se/rapporter"],
)
def test_vague_link_texts_are_flagged(text):
    html = f'<p>Rapporten finns, <a href="https://www.bra.se/rapporter">{text}</a>.</p>'
    assert codes(checks.check_text(html)) == ["link-text"]


@pytest.mark.parametrize(
    "text", ["Brås rapport om hedersrelaterat våld", "Orostelefonen", "Läs mer om stödlinjer för anhöriga"]
)
def test_link_texts_that_name_their_target_are_fine(text):
    html = f'<p>Se <a href="https://www.bra.se/">{text}</a>.</p>'
    assert "link-text" not in codes(checks.check_text(html))


def test_a_link_without_text_is_flagged():
    assert "link-text" in codes(checks.check_text('<p><a href="https://example.org/"></a></p>'))


# --- image descriptions ------------------------------------------------------------------


@pytest.mark.parametrize("alt", ["IMG_2041.jpg", "DSC01234", "bild", "Bild 2", "foto.png", "skärmbild.PNG"])
def test_file_names_and_empty_words_as_image_descriptions_are_flagged(alt):
    assert codes(checks.check_image_alt(alt)) == ["image-alt"]


def test_a_missing_description_is_flagged_unless_the_image_is_decoration():
    assert codes(checks.check_image_alt("")) == ["image-alt"]
    assert checks.check_image_alt("", decorative=True) == []
    assert checks.check_image_alt("", has_image=False) == []


@pytest.mark.parametrize(
    "alt", ["Deltagare vid seminariet om nätradikalisering i Borås stadshus", "Karta över Borås centrum"]
)
def test_real_descriptions_are_fine(alt):
    assert checks.check_image_alt(alt) == []


# --- capitals ----------------------------------------------------------------------------


def test_a_phrase_in_capitals_is_flagged():
    [finding] = checks.check_text("<p>VIKTIGT ATT VETA innan du ringer.</p>")
    assert finding.rule.code == "capitals"
    assert finding.excerpt == "VIKTIGT ATT VETA"


@pytest.mark.parametrize(
    "text", ["Kontakta VBE-samordnaren eller MUCF.", "BRÅ och CVE skriver om detta.", "Ring 112 vid fara."]
)
def test_abbreviations_are_not_flagged_as_capitals(text):
    assert "capitals" not in codes(checks.check_text(f"<p>{text}</p>"))


# --- passages in another language --------------------------------------------------------


def test_an_unmarked_english_sentence_in_swedish_text_is_flagged():
    html = (
        "<p>Centrumet arbetar förebyggande. The centre works with schools and the social "
        "services in the region.</p>"
    )
    [finding] = [f for f in checks.check_text(html) if f.rule.code == "unmarked-language"]
    assert finding.excerpt.startswith("The centre works")


def test_a_marked_english_passage_and_swedish_text_are_fine():
    html = (
        "<p>Centrumet arbetar förebyggande och det är viktigt för oss.</p>"
        '<p lang="en">The centre works with schools and the social services in the region.</p>'
    )
    assert "unmarked-language" not in codes(checks.check_text(html))


def test_an_english_loan_word_does_not_make_a_swedish_sentence_english():
    html = "<p>Vi har en chatt på nätet och en podcast om extremism för unga.</p>"
    assert "unmarked-language" not in codes(checks.check_text(html))


def test_every_rule_explains_itself():
    for rule in checks.RULES:
        assert str(rule.title) and len(str(rule.why)) > 40 and len(str(rule.how)) > 20
        assert rule.severity in (checks.ERROR, checks.WARNING, checks.NOTE)
