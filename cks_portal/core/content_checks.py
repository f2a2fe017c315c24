"""Checks of what editors write: readability, sentence length, headings, link texts, image
descriptions, capitals and unmarked passages in another language.

Each rule is a small function that takes the text (plain, or rich text as the editor saved it)
and returns findings. A finding says what was found and where, and its rule says in plain
Swedish (gettext) why it matters and how to fix it. Nothing here blocks a save unless a rule's
severity is ERROR; the admin shows the findings beside the fields (issue 19).

The rules are written for Swedish text. LIX (läsbarhetsindex, Björnsson 1968) is words per
sentence plus the percentage of words longer than six letters.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.utils.translation import gettext_lazy as _

ERROR, WARNING, NOTE = "error", "warning", "note"

# Words, as LIX counts them: runs of letters (digits and signs are not words).
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# Abbreviations whose full stops do not end a sentence.
_ABBREVIATIONS = re.compile(
    r"\b(?:t\.ex|bl\.a|s\.k|m\.m|o\.s\.v|osv|dvs|d\.v\.s|ca|jfr|resp|t\.o\.m|fr\.o\.m|m\.fl|"
    r"e\.d|p\.g\.a|pga|inkl|exkl|kl|nr|tel|e\.g|i\.e|etc|prof|dr)\.",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+|\n\s*\n")


@dataclass(frozen=True)
class Rule:
    code: str
    title: str
    why: str
    how: str
    severity: str = WARNING


@dataclass(frozen=True)
class Finding:
    rule: Rule
    message: str
    excerpt: str = ""
    values: dict = field(default_factory=dict, compare=False)

    @property
    def severity(self):
        return self.rule.severity


# --- reading the text ---------------------------------------------------------------------


@dataclass
class Block:
    """A paragraph-like piece of text: its words as the reader meets them, the element it
    came from and the language it is marked with (None: the page's own)."""

    text: str
    tag: str
    lang: str | None


class _Reader(HTMLParser):
    BLOCKS = {
        "p",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "td",
        "th",
        "caption",
        "figcaption",
    }

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.headings, self.links = [], [], []
        self._stack = []  # (tag, lang)
        self._text = []
        self._link = None

    def _lang(self):
        for _tag, lang in reversed(self._stack):
            if lang is not None:
                return lang
        return None

    def _flush(self, tag):
        text = " ".join("".join(self._text).split())
        if text:
            self.blocks.append(Block(text, tag, self._lang()))
        self._text = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.BLOCKS:
            self._flush(self._stack[-1][0] if self._stack else "p")
        if tag == "br":
            self._text.append(" ")
            return
        self._stack.append((tag, attrs.get("lang")))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append([int(tag[1]), ""])
        if tag == "a":
            self._link = {"href": attrs.get("href") or "", "text": ""}

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self._flush(tag)
        if tag == "a" and self._link is not None:
            self._link["text"] = " ".join(self._link["text"].split())
            self.links.append(self._link)
            self._link = None
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index][0] == tag:
                del self._stack[index:]
                break

    def handle_data(self, data):
        self._text.append(data)
        if self._link is not None:
            self._link["text"] += data
        if self.headings and any(re.fullmatch(r"h[1-6]", tag) for tag, _lang in self._stack):
            self.headings[-1][1] += data

    def close(self):
        super().close()
        self._flush("p")


def read(text, *, rich=True):
    """The text's blocks, headings and links. Plain text is split into paragraphs at blank lines."""
    if not rich:
        blocks = [Block(" ".join(part.split()), "p", None) for part in re.split(r"\n\s*\n", text or "")]
        return [block for block in blocks if block.text], [], []
    reader = _Reader()
    reader.feed(text or "")
    reader.close()
    return reader.blocks, [(level, " ".join(title.split())) for level, title in reader.headings], reader.links


def words(text):
    return _WORD.findall(text)


def sentences(text):
    """The sentences of a block of text; abbreviations such as "t.ex." do not end one."""
    guarded = _ABBREVIATIONS.sub(lambda match: match.group(0).replace(".", "\u2024"), text)
    parts = (part.replace("\u2024", ".").strip() for part in _SENTENCE_END.split(guarded))
    return [part for part in parts if words(part)]


# --- readability --------------------------------------------------------------------------

LIX = Rule(
    "lix",
    _("Readability (LIX)"),
    _(
        "Public language must be plain, simple and understandable (the Language Act). LIX counts "
        "words per sentence and the share of long words: the higher it is, the fewer readers get "
        "through the text, and a worried relative reading in their second language gets through "
        "least of all."
    ),
    _(
        "Split long sentences, say one thing per sentence, and pick a short everyday word where "
        "there is one. Compound words and official terms raise the index fastest."
    ),
    NOTE,
)

# The usual bands, the lowest first: (upper limit, name of the band).
LIX_BANDS = (
    (25, _("very easy, like a children's book")),
    (30, _("easy")),
    (40, _("medium, like a newspaper or fiction")),
    (50, _("fairly hard, like factual information")),
    (60, _("hard, like a specialist text")),
    (float("inf"), _("very hard, like research or legal text")),
)
# The index each audience's texts should stay at or below.
LIX_TARGETS = {"residents": 40, "professionals": 50}
# Fewer words than this give an index that says little.
LIX_MIN_WORDS = 30


def lix(text):
    """(index, words, sentences, long words) of plain text, or None if it has no words."""
    all_sentences = [sentence for block in re.split(r"\n\s*\n", text) for sentence in sentences(block)]
    all_words = [word for sentence in all_sentences for word in words(sentence)]
    if not all_words:
        return None
    long_words = sum(1 for word in all_words if len(word) > 6)
    index = len(all_words) / len(all_sentences) + 100 * long_words / len(all_words)
    return index, len(all_words), len(all_sentences), long_words


def lix_band(index):
    return next(name for limit, name in LIX_BANDS if index < limit)


def check_lix(blocks, audience="residents"):
    text = "\n\n".join(block.text for block in blocks if block.lang in (None, "sv"))
    result = lix(text)
    if result is None or result[1] < LIX_MIN_WORDS:
        return []
    index, word_count, sentence_count, long_words = result
    target = LIX_TARGETS[audience]
    if index <= target:
        return []
    values = {
        "lix": round(index),
        "band": lix_band(index),
        "target": target,
        "words": word_count,
        "sentences": sentence_count,
        "long": long_words,
    }
    return [
        Finding(
            LIX,
            _(
                "LIX %(lix)s (%(band)s) is above %(target)s, the aim for this text's readers: "
                "%(words)s words in %(sentences)s sentences, %(long)s of them longer than six letters."
            )
            % values,
            values=values,
        )
    ]


# --- long sentences -----------------------------------------------------------------------

LONG_SENTENCE = Rule(
    "long-sentence",
    _("Very long sentence"),
    _(
        "A reader has to keep the whole sentence in mind before it makes sense. Past about 25 "
        "words many readers lose the thread, and screen-reader users cannot glance back."
    ),
    _("Split the sentence in two or three, one thought in each."),
)
LONG_SENTENCE_WORDS = 25


def check_long_sentences(blocks):
    findings = []
    for block in blocks:
        for sentence in sentences(block.text):
            count = len(words(sentence))
            if count > LONG_SENTENCE_WORDS:
                findings.append(
                    Finding(
                        LONG_SENTENCE,
                        _("A sentence of %(count)s words.") % {"count": count},
                        excerpt=_excerpt(sentence),
                        values={"count": count},
                    )
                )
    return findings


# --- headings -----------------------------------------------------------------------------

HEADING_LEVELS = Rule(
    "heading-level",
    _("Heading level skipped"),
    _(
        "Screen-reader users move through a page by its headings, and the levels tell them how "
        "the parts belong together. A skipped level makes them think something is missing."
    ),
    _(
        "Use Heading 2 for the text's main parts and Heading 3 under a Heading 2. Choose the "
        "level by structure, not by size."
    ),
)


def check_headings(headings, top=2):
    """`top`: the highest level the text may use (the page's title is its only level 1)."""
    findings, previous = [], top - 1
    for level, title in headings:
        if level < top:
            findings.append(
                Finding(
                    HEADING_LEVELS,
                    _(
                        "“%(title)s” is a level %(level)s heading; the page title is the only one at that level."
                    )
                    % {"title": title, "level": level},
                    excerpt=title,
                )
            )
        elif level > previous + 1:
            findings.append(
                Finding(
                    HEADING_LEVELS,
                    _("“%(title)s” is a level %(level)s heading after level %(previous)s.")
                    % {"title": title, "level": level, "previous": previous},
                    excerpt=title,
                )
            )
        previous = max(level, top - 1)
    return findings


# --- link texts ---------------------------------------------------------------------------

LINK_TEXT = Rule(
    "link-text",
    _("Link text that says nothing"),
    _(
        "Screen-reader users often list a page's links on their own, and everyone scans for "
        "them: “click here” or “read more” out of context does not say where the link leads."
    ),
    _(
        "Let the link text name its target, for example “the Crime Prevention Council's report "
        "on honour-related violence” instead of “read more”."
    ),
)
VAGUE_LINK_TEXTS = {
    "klicka här",
    "klicka",
    "här",
    "läs mer",
    "läs mer här",
    "mer",
    "mer info",
    "mer information",
    "länk",
    "denna länk",
    "länken",
    "click here",
    "here",
    "read more",
    "more",
    "link",
}
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)


def check_links(links):
    findings = []
    for link in links:
        text = link["text"].strip()
        normal = text.lower().strip(" .:!»›→>")
        if not text:
            message = _("A link without text (to %(href)s).") % {"href": link["href"]}
        elif normal in VAGUE_LINK_TEXTS:
            message = _("The link text “%(text)s” does not say where the link leads.") % {"text": text}
        elif _URL.match(text):
            message = _("The link text is a bare web address; name the page instead.")
        else:
            continue
        findings.append(Finding(LINK_TEXT, message, excerpt=text))
    return findings


# --- image descriptions -------------------------------------------------------------------

IMAGE_ALT = Rule(
    "image-alt",
    _("Image description"),
    _(
        "People who cannot see the image hear its description instead. A file name or “image” "
        "tells them nothing; an image that only decorates should have no description at all."
    ),
    _(
        "Say in a sentence what the image shows that matters to the text. Leave the description "
        "empty only if the image is pure decoration."
    ),
)
_FILE_NAME = re.compile(
    r"^(?:img|dsc|dscn|pxl|photo|image|bild|screenshot|skärmbild)?[\s_-]*\d*.*\.(?:jpe?g|png|gif|webp|svg|heic|tiff?)$"
    r"|^(?:img|dsc|dscn|pxl)[\s_-]*\d+$",
    re.IGNORECASE,
)
VAGUE_ALT_TEXTS = {
    "bild",
    "foto",
    "fotografi",
    "image",
    "picture",
    "photo",
    "illustration",
    "logo",
    "logga",
    "grafik",
}


def check_image_alt(alt, *, has_image=True, decorative=False):
    """The description of one image (an image field's alt text)."""
    if not has_image:
        return []
    alt = (alt or "").strip()
    normal = re.sub(r"[\s_\-.\d]+$", "", alt.lower())
    if not alt:
        if decorative:
            return []
        message = _("The image has no description. Describe it unless it is pure decoration.")
    elif _FILE_NAME.match(alt):
        message = _("The description “%(alt)s” is a file name.") % {"alt": alt}
    elif normal in VAGUE_ALT_TEXTS:
        message = _("The description “%(alt)s” does not say what the image shows.") % {"alt": alt}
    else:
        return []
    return [Finding(IMAGE_ALT, message, excerpt=alt)]


# --- capitals -----------------------------------------------------------------------------

CAPITALS = Rule(
    "capitals",
    _("Text in capital letters"),
    _(
        "Words in capitals are harder to read, since the shape of the words is lost, and some "
        "screen readers spell them out letter by letter."
    ),
    _("Write the text in ordinary letters; use bold or a heading for emphasis."),
)
# Three words or more in a row, each of two letters or more, all in capitals. A lone
# abbreviation (VBE, BRÅ, MUCF) is not flagged.
_CAPITALS_RUN = re.compile(r"\b[^\W\d_a-zåäö]{2,}(?:[\s,:;-]+[^\W\d_a-zåäö]{2,}){2,}\b")


def check_capitals(blocks):
    findings = []
    for block in blocks:
        for match in _CAPITALS_RUN.finditer(block.text):
            run = match.group(0)
            if any(letter.islower() for letter in run):
                continue
            findings.append(
                Finding(CAPITALS, _("“%(text)s” is written in capitals.") % {"text": run}, excerpt=run)
            )
    return findings


# --- passages in another language ---------------------------------------------------------

UNMARKED_LANGUAGE = Rule(
    "unmarked-language",
    _("Passage in another language"),
    _(
        "A screen reader reads every word with the page's language: an English sentence on a "
        "Swedish page is read with Swedish pronunciation and becomes hard to follow."
    ),
    _('Mark the passage with its language (the lang attribute, for example lang="en"), or translate it.'),
    NOTE,
)
# The commonest short words of each language; a passage is taken for English when it holds
# more of the English ones than of the Swedish ones, and at least three.
ENGLISH_WORDS = {
    "the", "and", "of", "to", "is", "are", "in", "that", "for", "with", "this", "be", "it",
    "on", "as", "by", "was", "were", "from", "or", "an", "have", "has", "not", "which", "their",
    "you", "your", "we", "our", "can", "will", "would", "should", "about", "into", "how", "what",
}  # fmt: skip
SWEDISH_WORDS = {
    "och", "att", "det", "som", "en", "ett", "på", "är", "för", "med", "av", "till", "den",
    "har", "inte", "om", "de", "vi", "du", "ni", "kan", "ska", "var", "sig", "men", "eller",
    "så", "från", "när", "vad", "hur", "sin", "sitt", "sina", "också", "efter", "under", "vid",
}  # fmt: skip
FOREIGN_MIN_WORDS = 3


def looks_english(text):
    counted = [word.lower() for word in words(text)]
    english = sum(1 for word in counted if word in ENGLISH_WORDS)
    swedish = sum(1 for word in counted if word in SWEDISH_WORDS)
    return english >= FOREIGN_MIN_WORDS and english > swedish


def check_language(blocks, page_language="sv"):
    findings = []
    for block in blocks:
        if block.lang not in (None, page_language):
            continue
        for sentence in sentences(block.text):
            if page_language == "sv" and looks_english(sentence):
                findings.append(
                    Finding(
                        UNMARKED_LANGUAGE,
                        _("This passage looks English but is not marked as such."),
                        excerpt=_excerpt(sentence),
                    )
                )
    return findings


# --- all together -------------------------------------------------------------------------

RULES = (LIX, LONG_SENTENCE, HEADING_LEVELS, LINK_TEXT, IMAGE_ALT, CAPITALS, UNMARKED_LANGUAGE)


def check_text(text, *, rich=True, audience="residents", language="sv", top_heading=2):
    """Every text rule's findings for one field. `rich`: the value is the rich-text HTML the
    editor saved; `audience`: "residents" or "professionals" (the LIX aim); `language`: the
    field's language (readability and the unmarked-language check are for Swedish only)."""
    blocks, headings, links = read(text, rich=rich)
    findings = []
    if language == "sv":
        findings += check_lix(blocks, audience)
        findings += check_language(blocks, language)
    findings += check_long_sentences(blocks)
    findings += check_headings(headings, top=top_heading)
    findings += check_links(links)
    findings += check_capitals(blocks)
    return findings


def _excerpt(text, length=90):
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"
