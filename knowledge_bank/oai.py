"""OAI-PMH 2.0 for the knowledge bank: libraries and national aggregators harvest its
publications from /oai/ (docs/oai-pmh.md).

The protocol in brief, as this module answers it:

- A record is a publication that the public can see (`Publication.objects.published()`), or one
  that was public once and has since been withdrawn: that one is a *deleted* record, a header
  with `status="deleted"` and no metadata, so that harvesters remove their copy. Drafts,
  publications still waiting for their publish time and withdrawn ones that were never public
  never appear.
- Its identifier is `oai:<OAI_REPOSITORY_IDENTIFIER>:kunskapsbank/<id>`: the row's id, not its
  address, because curators may change the address and a harvester would then keep a record
  that no longer exists next to the new one.
- Its datestamp is the later of its last change and its publish time, so a scheduled
  publication that goes live without a save still enters every later incremental harvest.
  Seconds granularity, UTC.
- Sets: `type` and `type:<code>` (report, guide, …) and `topic` and `topic:<slug>`.
- Long lists come in pages of `OAI_PAGE_SIZE`. The resumption token holds the request, the
  position (datestamp and id of the last record sent) and the list's size, signed with the
  site's key and valid for `OAI_RESUMPTION_TOKEN_SECONDS`; nothing is stored on the server.
  Continuing after the last record sent rather than at an offset means a publication changed
  during a harvest moves to the end of the list instead of pushing another one out of it.

The XML is built with ElementTree, so no text from the database is ever pasted into markup.
The reads live here rather than in selectors.py: no page shares them, and nothing of them is
remembered in the cache except the topics' names (selectors.topic_labels).
"""

import datetime
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db.models import Exists, Min, OuterRef, Prefetch, Q
from django.db.models.functions import Greatest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cks_portal.core.publishing import State
from knowledge_bank import selectors
from knowledge_bank.models import Publication, PublicationAuthor

OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_IDENTIFIER = "http://www.openarchives.org/OAI/2.0/oai-identifier"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
MODS = "http://www.loc.gov/mods/v3"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# The prefixes the answers use; OAI-PMH's own elements take the default namespace. (Every
# element here is qualified, and the protocol's attributes are unqualified, which rules out
# ElementTree's `default_namespace` option.)
for _prefix, _uri in [
    ("", OAI),
    ("xsi", XSI),
    ("oai_dc", OAI_DC),
    ("dc", DC),
    ("mods", MODS),
    ("oai-identifier", OAI_IDENTIFIER),
]:
    ET.register_namespace(_prefix, _uri)

SCHEMAS = {
    OAI: "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd",
    OAI_IDENTIFIER: "http://www.openarchives.org/OAI/2.0/oai-identifier.xsd",
    OAI_DC: "http://www.openarchives.org/OAI/2.0/oai_dc.xsd",
    MODS: "http://www.loc.gov/standards/mods/v3/mods-3-7.xsd",
}

DATESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
LOCAL_PREFIX = "kunskapsbank/"
# Separates these signatures from the site's others (a salt, not a secret).
TOKEN_SALT = "knowledge_bank.oai.resumption"  # noqa: S105

# The patterns of the OAI-PMH schema: an argument that cannot be written back into the
# answer's <request> element as the schema demands is a bad argument.
SET_SPEC = re.compile(r"[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*")
METADATA_PREFIX = re.compile(r"[A-Za-z0-9\-_.!~*'()]+")
IDENTIFIER = re.compile(r"[^\s<>\"{}|\\^`]+")


def _uri_reference():
    """RFC 3986's URI-reference, which the schema's anyURI asks of an identifier (libxml2
    parses it so): a colon before the first "/", "?" or "#" must end a scheme, a "%" must be
    followed by two hex digits, a port is one digit or more (libxml2 refuses an empty one). A
    host in brackets (an IP literal) is not accepted here, which only makes such an
    identifier a bad argument."""
    unreserved, sub_delims, pct = r"A-Za-z0-9\-._~", r"!$&'()*+,;=", r"%[0-9A-Fa-f]{2}"
    pchar = rf"(?:[{unreserved}{sub_delims}:@]|{pct})"
    segment, segment_nz = rf"{pchar}*", rf"{pchar}+"
    segment_nz_nc = rf"(?:[{unreserved}{sub_delims}@]|{pct})+"
    tail = rf"(?:\?(?:{pchar}|[/?])*)?(?:#(?:{pchar}|[/?])*)?"
    userinfo = rf"(?:[{unreserved}{sub_delims}:]|{pct})*"
    authority = rf"(?:{userinfo}@)?(?:[{unreserved}{sub_delims}]|{pct})*(?::[0-9]{{1,5}})?"
    path_abempty, path_absolute = rf"(?:/{segment})*", rf"/(?:{segment_nz}(?:/{segment})*)?"
    hier_part = rf"(?://{authority}{path_abempty}|{path_absolute}|{segment_nz}(?:/{segment})*|)"
    relative_part = rf"(?://{authority}{path_abempty}|{path_absolute}|{segment_nz_nc}(?:/{segment})*|)"
    scheme = r"[A-Za-z][A-Za-z0-9+\-.]*"
    return re.compile(rf"(?:{scheme}:{hier_part}|{relative_part}){tail}")


URI_REFERENCE = _uri_reference()


def well_formed_identifier(text):
    """Whether `text` can be written back into the answer's <request> element: no character
    the pattern above refuses, and RFC 3986's syntax for the rest (libxml2 reads any other
    character, such as a letter outside ASCII, as one it allows)."""
    if not IDENTIFIER.fullmatch(text):
        return False
    return bool(URI_REFERENCE.fullmatch(re.sub(r"[^\x21-\x7e]", "_", text)))


DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
SECOND = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
# Characters XML 1.0 cannot hold at all, not even escaped.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

LIST_ARGUMENTS = ({"metadataPrefix"}, {"from", "until", "set"})
VERBS = {
    # verb: (required arguments, optional arguments); resumptionToken is handled apart.
    "Identify": (set(), set()),
    "ListMetadataFormats": (set(), {"identifier"}),
    "ListSets": (set(), set()),
    "GetRecord": ({"identifier", "metadataPrefix"}, set()),
    "ListIdentifiers": LIST_ARGUMENTS,
    "ListRecords": LIST_ARGUMENTS,
}
RESUMABLE = {"ListSets", "ListIdentifiers", "ListRecords"}

# The DCMI Type of each kind of publication (dc:type) and MODS's typeOfResource.
DCMI_TYPES = {"film": "MovingImage", "web": "InteractiveResource"}
MODS_RESOURCE_TYPES = {"film": "moving image", "web": "text"}


class OAIError(Exception):
    """An answer with one of the protocol's error codes (HTTP 200, as the protocol says)."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


def _text(value):
    return NOT_XML.sub("", str(value))


def _sub(parent, tag, text=None, **attributes):
    element = ET.SubElement(parent, tag, {key: _text(value) for key, value in attributes.items()})
    if text is not None:
        element.text = _text(text)
    return element


def _schema_location(element, namespace):
    element.set(f"{{{XSI}}}schemaLocation", f"{namespace} {SCHEMAS[namespace]}")


def datestamp(moment):
    """A moment as the protocol writes it: UTC, to the second."""
    return moment.astimezone(datetime.UTC).strftime(DATESTAMP_FORMAT)


def identifier_of(publication_id):
    return f"oai:{settings.OAI_REPOSITORY_IDENTIFIER}:{LOCAL_PREFIX}{publication_id}"


def publication_id(identifier):
    """The id in one of our identifiers, or None for any other text."""
    prefix = f"oai:{settings.OAI_REPOSITORY_IDENTIFIER}:{LOCAL_PREFIX}"
    if not identifier.startswith(prefix):
        return None
    number = identifier.removeprefix(prefix)
    if not number.isascii() or not number.isdigit() or number != str(int(number)):
        return None
    return int(number) if int(number) < 2**63 else None


# --- What may be harvested -----------------------------------------------------------------


def harvestable():
    """Every record: the published publications and the withdrawn ones that were public once
    (their history has a public state with a publish time before their last change), each
    annotated with `datestamp`. Withdrawn publications that never were public stay hidden:
    even their address could say what a draft was about."""
    was_public = Publication.history.model.objects.filter(
        id=OuterRef("pk"), state__in=State.public(), publish_at__lte=OuterRef("updated_at")
    )
    withdrawn = Publication.objects.filter(state=State.WITHDRAWN).filter(Exists(was_public))
    return (Publication.objects.published() | withdrawn).annotate(
        datestamp=Greatest("updated_at", "publish_at")
    )


def earliest_datestamp():
    """The oldest datestamp of any record (one query); now when there is none."""
    return harvestable().aggregate(first=Min("datestamp"))["first"] or timezone.now()


def sets():
    """[(setSpec, setName)]: the kinds of publication and the topics, each under its parent."""
    with translation.override(settings.LANGUAGE_CODE):
        found = [("type", _("Type of publication"))]
        found += [(f"type:{kind.value}", str(kind.label)) for kind in Publication.Type]
        found.append(("topic", _("Topic")))
        topics = sorted(selectors.topic_labels().values(), key=lambda labels: labels[1])
        found += [(f"topic:{slug}", name) for slug, name, _names in topics if SET_SPEC.fullmatch(slug)]
    return found


def in_set(records, spec):
    """`records` narrowed to the set `spec`; an unknown set holds nothing."""
    group, _colon, member = spec.partition(":")
    if group == "type" and not member:
        return records
    if group == "type" and member in Publication.Type.values:
        return records.filter(type=member)
    if group == "topic" and not member:
        return records.exclude(topic_ids="")
    if group == "topic" and ":" not in member:
        return records.with_topics([member])
    return records.none()


# --- Requests ------------------------------------------------------------------------------


@dataclass
class ListRequest:
    """What a ListIdentifiers or ListRecords request asks for, first or resumed."""

    verb: str
    metadata_prefix: str
    since: str = ""
    until: str = ""
    set_spec: str = ""
    cursor: int = 0
    size: int = 0
    after: tuple = None

    def records(self):
        records = harvestable()
        if self.since:
            records = records.filter(datestamp__gte=parse_moment(self.since, "from")[0])
        if self.until:
            records = records.filter(datestamp__lt=parse_moment(self.until, "until", end=True)[0])
        if self.set_spec:
            records = in_set(records, self.set_spec)
        return records

    def token(self, page, size):
        last = page[-1]
        payload = {
            "v": self.verb,
            "m": self.metadata_prefix,
            "f": self.since,
            "u": self.until,
            "s": self.set_spec,
            "c": self.cursor + len(page),
            "n": size,
            "d": last.datestamp.isoformat(),
            "i": last.pk,
        }
        return signing.dumps(payload, salt=TOKEN_SALT, compress=True)

    @classmethod
    def resume(cls, verb, token):
        try:
            payload = signing.loads(token, salt=TOKEN_SALT, max_age=settings.OAI_RESUMPTION_TOKEN_SECONDS)
        except signing.SignatureExpired:
            raise OAIError("badResumptionToken", _("The resumption token has expired.")) from None
        except signing.BadSignature:
            raise OAIError("badResumptionToken", _("The resumption token is not valid.")) from None
        try:
            if payload["v"] != verb:
                raise ValueError
            return cls(
                verb=verb,
                metadata_prefix=str(payload["m"]),
                since=str(payload["f"]),
                until=str(payload["u"]),
                set_spec=str(payload["s"]),
                cursor=int(payload["c"]),
                size=int(payload["n"]),
                after=(datetime.datetime.fromisoformat(payload["d"]), int(payload["i"])),
            )
        except (KeyError, TypeError, ValueError):
            raise OAIError("badResumptionToken", _("The resumption token is not valid.")) from None


def parse_moment(value, name, end=False):
    """(moment, granularity) of a `from` or `until` argument; `end` gives the first moment
    after it, so that `until` includes the whole day or second it names."""
    try:
        if DAY.fullmatch(value):
            moment = datetime.datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=datetime.UTC)
            step, granularity = datetime.timedelta(days=1), "day"
        elif SECOND.fullmatch(value):
            moment = datetime.datetime.strptime(value, DATESTAMP_FORMAT).replace(tzinfo=datetime.UTC)
            step, granularity = datetime.timedelta(seconds=1), "second"
        else:
            raise ValueError
    except ValueError:
        raise OAIError(
            "badArgument",
            _("“%(name)s” must be a date (YYYY-MM-DD) or a UTC time (YYYY-MM-DDThh:mm:ssZ).")
            % {"name": name},
        ) from None
    if end:
        try:
            moment += step
        except OverflowError:
            moment = datetime.datetime.max.replace(tzinfo=datetime.UTC)
    return moment, granularity


def arguments(request):
    """The request's arguments as {name: value}, checked against its verb. Raises OAIError."""
    data = request.POST if request.method == "POST" else request.GET
    verbs = data.getlist("verb")
    if len(verbs) != 1 or verbs[0] not in VERBS:
        if not verbs:
            raise OAIError("badVerb", _("The request has no verb."))
        if len(verbs) > 1:
            raise OAIError("badVerb", _("The verb is given more than once."))
        raise OAIError("badVerb", _("This is not an OAI-PMH verb."))
    verb = verbs[0]
    required, optional = VERBS[verb]
    given = {name: values for name, values in data.lists() if name != "verb"}
    for name, values in given.items():
        if len(values) > 1:
            raise OAIError("badArgument", _("“%(name)s” is given more than once.") % {"name": name})
    args = {name: values[0] for name, values in given.items()}
    if "resumptionToken" in args:
        if verb not in RESUMABLE:
            raise OAIError("badArgument", _("This verb takes no resumption token."))
        if len(args) > 1:
            raise OAIError("badArgument", _("A resumption token must be the only argument besides the verb."))
        return verb, args
    unknown = sorted(set(args) - required - optional)
    if unknown:
        raise OAIError("badArgument", _("This verb does not take “%(name)s”.") % {"name": unknown[0][:50]})
    missing = sorted(required - set(args))
    if missing:
        raise OAIError("badArgument", _("This verb needs “%(name)s”.") % {"name": missing[0]})
    if "metadataPrefix" in args and not METADATA_PREFIX.fullmatch(args["metadataPrefix"]):
        raise OAIError("badArgument", _("The metadata prefix is not well formed."))
    if "identifier" in args and not well_formed_identifier(args["identifier"]):
        raise OAIError("badArgument", _("The identifier is not well formed."))
    if "set" in args and not SET_SPEC.fullmatch(args["set"]):
        raise OAIError("badArgument", _("The set is not well formed."))
    since = parse_moment(args["from"], "from") if "from" in args else None
    until = parse_moment(args["until"], "until") if "until" in args else None
    if since and until:
        if since[1] != until[1]:
            raise OAIError("badArgument", _("“from” and “until” must have the same granularity."))
        if since[0] > until[0]:
            raise OAIError("badArgument", _("“from” is later than “until”."))
    return verb, args


# --- Answers -------------------------------------------------------------------------------


class Answer:
    """One response document: `answer(request)` fills in the verb's element or an error."""

    def __init__(self, request):
        self.request = request
        self.base_url = request.build_absolute_uri(reverse("oai"))
        self.site = request.build_absolute_uri("/").rstrip("/")
        self.root = ET.Element(f"{{{OAI}}}OAI-PMH")
        _schema_location(self.root, OAI)
        _sub(self.root, f"{{{OAI}}}responseDate", datestamp(timezone.now()))
        self.request_element = _sub(self.root, f"{{{OAI}}}request", self.base_url)

    def tostring(self):
        return ET.tostring(self.root, encoding="utf-8", xml_declaration=True)

    def error(self, error):
        if error.code in ("badVerb", "badArgument"):
            # The protocol: the arguments of a request it could not read are not repeated.
            self.request_element.attrib.clear()
        _sub(self.root, f"{{{OAI}}}error", error.message, code=error.code)

    def answer(self):
        with translation.override(settings.LANGUAGE_CODE):
            try:
                verb, args = arguments(self.request)
                self.request_element.set("verb", verb)
                for name, value in sorted(args.items()):
                    self.request_element.set(name, _text(value))
                getattr(self, verb)(args)
            except OAIError as error:
                self.error(error)
        return self.tostring()

    def element(self, tag):
        return _sub(self.root, f"{{{OAI}}}{tag}")

    # The verbs.

    def Identify(self, args):  # named as the protocol names the verb
        identify = self.element("Identify")
        _sub(identify, f"{{{OAI}}}repositoryName", f"{settings.SITE_NAME}: {_('Knowledge bank')}")
        _sub(identify, f"{{{OAI}}}baseURL", self.base_url)
        _sub(identify, f"{{{OAI}}}protocolVersion", "2.0")
        _sub(identify, f"{{{OAI}}}adminEmail", settings.SITE_CONTACT_EMAIL)
        _sub(identify, f"{{{OAI}}}earliestDatestamp", datestamp(earliest_datestamp()))
        _sub(identify, f"{{{OAI}}}deletedRecord", "transient")
        _sub(identify, f"{{{OAI}}}granularity", "YYYY-MM-DDThh:mm:ssZ")
        _sub(identify, f"{{{OAI}}}compression", "gzip")
        description = _sub(identify, f"{{{OAI}}}description")
        scheme = _sub(description, f"{{{OAI_IDENTIFIER}}}oai-identifier")
        _schema_location(scheme, OAI_IDENTIFIER)
        _sub(scheme, f"{{{OAI_IDENTIFIER}}}scheme", "oai")
        _sub(scheme, f"{{{OAI_IDENTIFIER}}}repositoryIdentifier", settings.OAI_REPOSITORY_IDENTIFIER)
        _sub(scheme, f"{{{OAI_IDENTIFIER}}}delimiter", ":")
        _sub(scheme, f"{{{OAI_IDENTIFIER}}}sampleIdentifier", identifier_of(1))

    def ListMetadataFormats(self, args):
        if "identifier" in args:
            publication = self.find(args["identifier"], harvestable().only("pk", "state"))
            if publication.state == State.WITHDRAWN:
                raise OAIError(
                    "noMetadataFormats", _("The publication has been withdrawn: no metadata is available.")
                )
        formats = self.element("ListMetadataFormats")
        for prefix, (namespace, _builder) in FORMATS.items():
            item = _sub(formats, f"{{{OAI}}}metadataFormat")
            _sub(item, f"{{{OAI}}}metadataPrefix", prefix)
            _sub(item, f"{{{OAI}}}schema", SCHEMAS[namespace])
            _sub(item, f"{{{OAI}}}metadataNamespace", namespace)

    def ListSets(self, args):
        if "resumptionToken" in args:
            raise OAIError("badResumptionToken", _("The list of sets is always given whole."))
        found = self.element("ListSets")
        for spec, name in sets():
            item = _sub(found, f"{{{OAI}}}set")
            _sub(item, f"{{{OAI}}}setSpec", spec)
            _sub(item, f"{{{OAI}}}setName", name)

    def GetRecord(self, args):
        builder = self.builder(args["metadataPrefix"])
        publication = self.find(args["identifier"], with_metadata(harvestable()))
        self.record(_sub(self.element("GetRecord"), f"{{{OAI}}}record"), publication, builder)

    def ListIdentifiers(self, args):
        self.list(args, "ListIdentifiers")

    def ListRecords(self, args):
        self.list(args, "ListRecords")

    # Their parts.

    def builder(self, prefix):
        if prefix not in FORMATS:
            raise OAIError(
                "cannotDisseminateFormat",
                _("This repository offers the formats %(formats)s.") % {"formats": ", ".join(FORMATS)},
            )
        return FORMATS[prefix][1]

    def find(self, identifier, records):
        pk = publication_id(identifier)
        publication = records.filter(pk=pk).first() if pk is not None else None
        if publication is None:
            raise OAIError("idDoesNotExist", _("No publication has this identifier."))
        return publication

    def list(self, args, verb):
        if "resumptionToken" in args:
            ask = ListRequest.resume(verb, args["resumptionToken"])
        else:
            ask = ListRequest(
                verb,
                args["metadataPrefix"],
                since=args.get("from", ""),
                until=args.get("until", ""),
                set_spec=args.get("set", ""),
            )
        builder = self.builder(ask.metadata_prefix)
        records = ask.records()
        page_size = settings.OAI_PAGE_SIZE
        page = records
        if ask.after:
            moment, pk = ask.after
            # The first condition lets PostgreSQL start in kb_oai_datestamp_idx at the last
            # record sent; the second skips those sent with the same datestamp.
            page = page.filter(datestamp__gte=moment).filter(Q(datestamp__gt=moment) | Q(pk__gt=pk))
        page = page.order_by("datestamp", "pk")
        if verb == "ListRecords":
            page = with_metadata(page)
        else:
            page = page.only("pk", "state", "type", "topic_ids", "updated_at", "publish_at")
        page = list(page[: page_size + 1])
        more = len(page) > page_size
        page = page[:page_size]
        if not page:
            raise OAIError("noRecordsMatch", _("No publication matches the request."))
        size = ask.size or (records.count() if more else len(page))
        found = self.element(verb)
        labels = selectors.topic_labels()
        for publication in page:
            if verb == "ListRecords":
                self.record(_sub(found, f"{{{OAI}}}record"), publication, builder, labels)
            else:
                self.header(found, publication, labels)
        if more or ask.cursor:
            token = ask.token(page, size) if more else None
            _sub(
                found,
                f"{{{OAI}}}resumptionToken",
                token,
                completeListSize=max(size, ask.cursor + len(page)),
                cursor=ask.cursor,
                **(
                    {
                        "expirationDate": datestamp(
                            timezone.now() + datetime.timedelta(seconds=settings.OAI_RESUMPTION_TOKEN_SECONDS)
                        )
                    }
                    if more
                    else {}
                ),
            )

    def header(self, parent, publication, labels):
        attributes = {"status": "deleted"} if publication.state == State.WITHDRAWN else {}
        header = _sub(parent, f"{{{OAI}}}header", **attributes)
        _sub(header, f"{{{OAI}}}identifier", identifier_of(publication.pk))
        _sub(header, f"{{{OAI}}}datestamp", datestamp(publication.datestamp))
        _sub(header, f"{{{OAI}}}setSpec", f"type:{publication.type}")
        for slug in topic_slugs(publication, labels):
            _sub(header, f"{{{OAI}}}setSpec", f"topic:{slug}")

    def record(self, parent, publication, builder, labels=None):
        labels = selectors.topic_labels() if labels is None else labels
        self.header(parent, publication, labels)
        if publication.state != State.WITHDRAWN:
            metadata = _sub(parent, f"{{{OAI}}}metadata")
            builder(metadata, Description(publication, labels, self.site))


def with_metadata(records):
    """What a record's metadata reads: the row without its file's text and search vector, and
    its authors in one more query."""
    credits = PublicationAuthor.objects.select_related("author").order_by("order", "pk")
    return records.defer("file_text", "search_vector").prefetch_related(Prefetch("credits", queryset=credits))


def topic_slugs(publication, labels):
    ids = [int(pk) for pk in publication.topic_ids.split()]
    return sorted(labels[pk][0] for pk in ids if pk in labels and SET_SPEC.fullmatch(labels[pk][0]))


# --- Metadata ------------------------------------------------------------------------------


class Description:
    """What both formats say about a publication, in the site's default language."""

    def __init__(self, publication, labels, site):
        self.publication = publication
        self.authors = publication.ordered_authors()
        ids = [int(pk) for pk in publication.topic_ids.split()]
        self.topics = sorted(labels[pk][1] for pk in ids if pk in labels)
        with translation.override(settings.LANGUAGE_CODE):
            self.page_url = site + publication.get_absolute_url()
            self.file_url = (
                site + reverse("knowledge_bank:download", kwargs={"slug": publication.slug})
                if publication.file
                else ""
            )
            self.type_label = str(Publication.Type(publication.type).label)
            self.audience_label = str(Publication.Audience(publication.audience).label)
        self.summary = getattr(publication, f"summary_{settings.LANGUAGE_CODE}", "") or publication.summary
        self.issued = publication.date.isoformat() if publication.date else str(publication.year)


def oai_dc(parent, about):
    publication = about.publication
    dc = _sub(parent, f"{{{OAI_DC}}}dc")
    _schema_location(dc, OAI_DC)

    def element(name, value, **attributes):
        if value:
            _sub(dc, f"{{{DC}}}{name}", value, **attributes)

    element("title", publication.full_title)
    for author in about.authors:
        element("creator", author.citation_name)
    for topic in about.topics:
        element("subject", topic, **{XML_LANG: settings.LANGUAGE_CODE})
    element("description", about.summary, **{XML_LANG: settings.LANGUAGE_CODE})
    element("publisher", publication.publisher)
    element("date", about.issued)
    element("type", DCMI_TYPES.get(publication.type, "Text"))
    element("type", about.type_label, **{XML_LANG: settings.LANGUAGE_CODE})
    if publication.file:
        element("format", "application/pdf")
    element("identifier", about.page_url)
    if publication.doi:
        element("identifier", f"https://doi.org/{publication.doi}")
    if publication.isbn:
        element("identifier", f"urn:isbn:{publication.isbn}")
    element("identifier", publication.external_url)
    element("language", publication.language)


def mods(parent, about):
    publication = about.publication
    record = _sub(parent, f"{{{MODS}}}mods", version="3.7")
    _schema_location(record, MODS)

    def sub(element, name, text=None, **attributes):
        return _sub(element, f"{{{MODS}}}{name}", text, **attributes)

    title = sub(record, "titleInfo")
    sub(title, "title", publication.title)
    if publication.subtitle:
        sub(title, "subTitle", publication.subtitle)
    for author in about.authors:
        name = sub(record, "name", type="personal" if author.given_name else "corporate")
        if author.given_name:
            sub(name, "namePart", author.family_name, type="family")
            sub(name, "namePart", author.given_name, type="given")
        else:
            sub(name, "namePart", author.family_name)
        role = sub(name, "role")
        sub(role, "roleTerm", "aut", type="code", authority="marcrelator")
    sub(record, "typeOfResource", MODS_RESOURCE_TYPES.get(publication.type, "text"))
    sub(record, "genre", about.type_label, authority="local", lang="swe")
    origin = sub(record, "originInfo", eventType="publication")
    if publication.publisher:
        sub(origin, "publisher", publication.publisher)
    sub(origin, "dateIssued", about.issued, encoding="w3cdtf", keyDate="yes")
    language = sub(record, "language")
    sub(language, "languageTerm", publication.language, type="code", authority="rfc5646")
    if publication.file:
        physical = sub(record, "physicalDescription")
        sub(physical, "internetMediaType", "application/pdf")
        sub(physical, "digitalOrigin", "born digital")
    if about.summary:
        sub(record, "abstract", about.summary, lang="swe")
    sub(record, "targetAudience", about.audience_label, lang="swe")
    for topic in about.topics:
        subject = sub(record, "subject", lang="swe")
        sub(subject, "topic", topic)
    sub(record, "identifier", about.page_url, type="uri")
    if publication.doi:
        sub(record, "identifier", publication.doi, type="doi")
    if publication.isbn:
        sub(record, "identifier", publication.isbn, type="isbn")
    location = sub(record, "location")
    sub(location, "url", about.page_url, usage="primary", access="object in context")
    if about.file_url:
        sub(location, "url", about.file_url, access="raw object")
    if publication.external_url:
        sub(location, "url", publication.external_url)
    info = sub(record, "recordInfo")
    sub(info, "recordContentSource", settings.SITE_ORGANISATION)
    sub(info, "recordChangeDate", datestamp(publication.datestamp), encoding="w3cdtf")
    sub(info, "recordIdentifier", identifier_of(publication.pk))


# prefix: (namespace, the function that writes a publication's metadata element)
FORMATS = {"oai_dc": (OAI_DC, oai_dc), "mods": (MODS, mods)}


def answer(request):
    """The bytes of the XML document that answers an OAI-PMH request (GET or POST)."""
    return Answer(request).answer()
