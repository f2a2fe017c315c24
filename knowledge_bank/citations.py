"""Citation exports: BibTeX, RIS and CSL-JSON, for one publication or a list.

Each function takes publications fetched with `prefetch_related("credits__author", "topics")`
so that a list of any length costs the same few queries.
"""

import json
import re
from urllib.parse import quote

from django.utils.text import slugify

FORMATS = {
    # name in the URL: (media type, file extension)
    "bibtex": ("application/x-bibtex; charset=utf-8", "bib"),
    "ris": ("application/x-research-info-systems; charset=utf-8", "ris"),
    "csl-json": ("application/vnd.citationstyles.csl+json; charset=utf-8", "json"),
}

_BIBTEX_SPECIAL = re.compile(r"([\\{}%&$#_~^])")
# BibTeX counts braces to find where a value ends and ignores backslashes while it does, so
# "\}" closes the value early and the rest is read as new fields. Braces in text therefore
# become commands without braces of their own.
_BIBTEX_REPLACEMENTS = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "~": r"\~{}",
    "^": r"\^{}",
}
# Characters a URL may not hold as they are (RFC 3986) and that would unbalance a BibTeX
# value; percent-encoded, the link stays the same.
_URL_UNSAFE = re.compile(r"[{}\\\s]")


def _bibtex_escape(text):
    def replace(match):
        char = match.group(1)
        return _BIBTEX_REPLACEMENTS.get(char, "\\" + char)

    return _BIBTEX_SPECIAL.sub(replace, " ".join(str(text).split()))


def _bibtex_url(url):
    """A URL as biblatex and url.sty read it: verbatim (so "%" stays as it is), with nothing
    that could unbalance the braces."""
    return _URL_UNSAFE.sub(lambda match: quote(match.group(0), safe=""), url)


# " and " separates names in an author list, whatever its case.
_BIBTEX_AND = re.compile(r"\sand\s", re.IGNORECASE)


def _bibtex_name(author):
    """One name in an author list. An organisation is one brace group, so that BibTeX neither
    splits it at " and " nor reads "Borås Stad, Centrum …" as family name, given name; a
    person's family name is braced only when it holds what BibTeX would split at."""
    family = _bibtex_escape(author.family_name)
    if not author.given_name:
        return f"{{{family}}}"
    if "," in family or _BIBTEX_AND.search(family):
        family = f"{{{family}}}"
    given = _bibtex_escape(author.given_name)
    if "," in given or _BIBTEX_AND.search(given):
        given = f"{{{given}}}"
    return f"{family}, {given}"


# BibTeX's own month macros: styles print them as the month's name in the style's language,
# where a number in braces is printed as it is ("2 2026").
BIBTEX_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# The field that names who issued a publication, per entry type: BibTeX's standard styles print
# `institution` for a report and `organization` for a manual, and ignore `publisher` there.
_ISSUER_FIELD = {"techreport": "institution", "manual": "organization"}


def citation_key(publication):
    first = publication.ordered_authors()[:1]
    name = slugify(first[0].family_name) if first else slugify(publication.title)[:20]
    return f"{name or 'cks'}{publication.year}-{publication.pk}".replace("-", "")


def _url(publication, request):
    return publication.external_url or (
        request.build_absolute_uri(publication.get_absolute_url()) if request else ""
    )


def bibtex(publications, request=None):
    entries = []
    for publication in publications:
        kind = publication.Type(publication.type)
        entry_type = kind.bibtex_type
        fields = [
            ("title", f"{{{_bibtex_escape(publication.full_title)}}}"),
            ("author", " and ".join(_bibtex_name(a) for a in publication.ordered_authors())),
            ("year", str(publication.year)),
            (_ISSUER_FIELD.get(entry_type, "publisher"), _bibtex_escape(publication.publisher)),
            ("language", publication.language),
            ("abstract", _bibtex_escape(publication.summary)),
            ("isbn", _bibtex_escape(publication.isbn)),
            ("doi", _bibtex_escape(publication.doi)),
            ("url", _bibtex_url(_url(publication, request))),
            ("keywords", ", ".join(_bibtex_escape(t.name) for t in publication.topics.all())),
        ]
        if entry_type == "misc":
            fields.append(("howpublished", _bibtex_escape(kind.label)))
        elif entry_type == "techreport" and kind != publication.Type.REPORT:
            # Printed instead of "Technical report": "Policy document".
            fields.append(("type", _bibtex_escape(kind.label)))
        lines = [f"  {name} = {{{value}}}" for name, value in fields if value]
        if publication.date:
            # A macro, not a braced value.
            lines.append(f"  month = {BIBTEX_MONTHS[publication.date.month - 1]}")
        body = ",\n".join(lines)
        entries.append(f"@{entry_type}{{{citation_key(publication)},\n{body}\n}}\n")
    return "\n".join(entries)


def _ris_line(tag, value):
    value = " ".join(str(value).split())
    return f"{tag}  - {value}" if value else None


def ris(publications, request=None):
    records = []
    for publication in publications:
        kind = publication.Type(publication.type)
        lines = [
            _ris_line("TY", kind.ris_type),
            _ris_line("TI", publication.full_title),
            *[_ris_line("AU", a.citation_name) for a in publication.ordered_authors()],
            _ris_line("PY", publication.year),
            _ris_line("DA", publication.date.strftime("%Y/%m/%d") if publication.date else ""),
            _ris_line("PB", publication.publisher),
            _ris_line("LA", publication.language),
            _ris_line("AB", publication.summary),
            _ris_line("SN", publication.isbn),
            _ris_line("DO", publication.doi),
            _ris_line("UR", _url(publication, request)),
            *[_ris_line("KW", t.name) for t in publication.topics.all()],
            "ER  - ",
        ]
        records.append("\r\n".join(line for line in lines if line))
    return "\r\n\r\n".join(records) + "\r\n"


def _csl_name(author):
    if author.given_name:
        return {"family": author.family_name, "given": author.given_name}
    return {"literal": author.family_name}


_CSL_IN_CONTAINER = {"article-journal", "webpage"}


def csl_items(publications, request=None):
    items = []
    for publication in publications:
        kind = publication.Type(publication.type)
        date_parts = [publication.year]
        if publication.date:
            date_parts = [publication.date.year, publication.date.month, publication.date.day]
        item = {
            "id": citation_key(publication),
            "type": kind.csl_type,
            "title": publication.full_title,
            "author": [_csl_name(a) for a in publication.ordered_authors()],
            "issued": {"date-parts": [date_parts]},
            "publisher": publication.publisher,
            "language": publication.language,
            "abstract": publication.summary,
            "ISBN": publication.isbn,
            "DOI": publication.doi,
            "URL": _url(publication, request),
            "keyword": ", ".join(t.name for t in publication.topics.all()),
        }
        if kind.csl_type in _CSL_IN_CONTAINER:
            # APA names the journal of an article and the site of a web page, not a publisher;
            # the record's "publisher or organisation" is that.
            item["container-title"] = item.pop("publisher")
        items.append({key: value for key, value in item.items() if value not in ("", [], None)})
    return items


def csl_json(publications, request=None):
    return json.dumps(csl_items(publications, request), ensure_ascii=False, indent=2) + "\n"


RENDERERS = {"bibtex": bibtex, "ris": ris, "csl-json": csl_json}
