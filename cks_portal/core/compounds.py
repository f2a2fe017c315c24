"""Swedish compounds split at index time, so that a part finds the whole.

Swedish writes "hedersvåld", "högerextremism" and "nätradikalisering" as one word, and
PostgreSQL's Swedish stemmer leaves them whole: a search for "heder", "extremism" or "nätet"
missed them. `parts(text)` returns the parts of the text's compounds as extra words, which a
search vector indexes with the lowest weight (D), so a publication that has the query's own
word still ranks above one that has it only inside a compound.

A word is split where it starts with a known part (data/compound_parts.txt) and goes on,
after an optional linking "s", with another known part: "heder|s|relaterat",
"höger|extremism", "nät|radikalisering". Requiring both sides to be known keeps "nätverk"
(network) whole, although it starts with "nät". The remainder is kept as written
("extremismen"); the text search configuration stems it like any word.

Why this and not an ispell dictionary in PostgreSQL (docs/search.md): the dictionary files
would have to be copied into the server's tsearch_data directory, which is inside the
virtual environment for the embedded server, root-owned for Debian's, and out of reach on a
managed database; Debian's Swedish Hunspell affix file also splits far more than it should
("nät|verk"). A short list of the field's own words, kept with the code, behaves the same
on every server and is cheap: splitting a publication's text takes well under a millisecond.
"""

import re
from functools import cache, lru_cache
from pathlib import Path

_WORD = re.compile(r"[^\W\d_]+")
MIN_LENGTH = 6  # shorter words are never compounds of two known parts
MIN_PART = 3


@cache
def lexicon():
    """({part: (part, *forms)}, {every part and form}) from the word list."""
    forms = {}
    path = Path(__file__).with_name("data") / "compound_parts.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        words = line.split("#", 1)[0].split()
        if words:
            for word in words:
                forms[word] = tuple(words)
    return forms, frozenset(forms)


def _starts_with_part(rest, known):
    return any(rest[:end] in known for end in range(MIN_PART, len(rest) + 1))


@lru_cache(maxsize=200_000)
def split(word, depth=0):
    """The parts of one word (lower case), or () when it is not a compound of known parts.
    Remembered: the same words recur in every text, so a long PDF costs a set lookup a word."""
    forms, known = lexicon()
    if len(word) < MIN_LENGTH or depth > 3:
        return ()
    found = []
    for end in range(MIN_PART, len(word) - MIN_PART + 1):
        head = next((h for h in (word[:end], word[:end] + "e", word[:end] + "a") if h in known), None)
        if head is None:  # "avhoppar|verksamhet" and "skol|hälsa" drop the part's last vowel
            continue
        rest = word[end:]
        if rest.startswith("s") and _starts_with_part(rest[1:], known) and not _starts_with_part(rest, known):
            rest = rest[1:]
        if len(rest) < MIN_PART or not _starts_with_part(rest, known):
            continue
        found.extend(forms[head])
        found.append(rest)
        found.extend(split(rest, depth + 1))
    return tuple(dict.fromkeys(found))


def parts(*texts):
    """The compound parts of every word in `texts`, space-separated, each part once."""
    seen = {}
    for text in texts:
        for word in set(_WORD.findall((text or "").lower())):
            for part in split(word):
                seen.setdefault(part, None)
    return " ".join(seen)


def words(*texts, min_length=4):
    """The distinct words of `texts` in lower case: the vocabulary misspellings are matched against."""
    found = set()
    for text in texts:
        found.update(w for w in _WORD.findall((text or "").lower()) if len(w) >= min_length)
    return found
