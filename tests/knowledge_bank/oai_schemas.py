"""The XML Schemas of OAI-PMH 2.0, oai_dc, the OAI identifier description and MODS 3.7, read
from the copies in schemas/ (SOURCE.md there says where each came from): the tests validate
offline, and strictly, since the OAI-PMH schema checks a record's metadata against the schema
of its namespace."""

from pathlib import Path

from lxml import etree

SCHEMAS = Path(__file__).parent / "schemas"

# Where the schemas say they import from, and the copy each address stands for.
COPIES = {
    "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd": "OAI-PMH.xsd",
    "http://www.openarchives.org/OAI/2.0/oai_dc.xsd": "oai_dc.xsd",
    "http://www.openarchives.org/OAI/2.0/oai-identifier.xsd": "oai-identifier.xsd",
    "http://dublincore.org/schemas/xmls/simpledc20021212.xsd": "simpledc20021212.xsd",
    "http://www.w3.org/2001/03/xml.xsd": "xml.xsd",
    "http://www.loc.gov/mods/xml.xsd": "xml.xsd",
    "http://www.loc.gov/standards/xlink/xlink.xsd": "xlink.xsd",
    "http://www.loc.gov/standards/mods/v3/mods-3-7.xsd": "mods-3-7.xsd",
}

# One schema that brings in every namespace an answer may hold.
ALL = b"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="http://www.openarchives.org/OAI/2.0/"
             schemaLocation="http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"/>
  <xs:import namespace="http://www.openarchives.org/OAI/2.0/oai_dc/"
             schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc.xsd"/>
  <xs:import namespace="http://www.openarchives.org/OAI/2.0/oai-identifier"
             schemaLocation="http://www.openarchives.org/OAI/2.0/oai-identifier.xsd"/>
  <xs:import namespace="http://www.loc.gov/mods/v3"
             schemaLocation="http://www.loc.gov/standards/mods/v3/mods-3-7.xsd"/>
</xs:schema>"""


class LocalCopies(etree.Resolver):
    def resolve(self, url, public_id, context):
        if url.startswith(str(SCHEMAS)):
            return None  # a copy that names its neighbour by file name
        name = COPIES.get(url)
        if name is None:
            raise AssertionError(f"a schema imports {url}, which has no local copy")
        return self.resolve_filename(str(SCHEMAS / name), context)


def _schema():
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(LocalCopies())
    return etree.XMLSchema(etree.fromstring(ALL, parser, base_url=str(SCHEMAS / "all.xsd")))


_SCHEMA = None


def validate(content):
    """The parsed document; fails the test with the schema's complaints if it is not valid."""
    global _SCHEMA
    if _SCHEMA is None:
        _SCHEMA = _schema()
    document = etree.fromstring(content, etree.XMLParser(no_network=True, resolve_entities=False))
    if not _SCHEMA.validate(document):
        errors = "\n".join(f"line {e.line}: {e.message}" for e in _SCHEMA.error_log)
        raise AssertionError(f"not valid OAI-PMH:\n{errors}\n\n{content.decode()[:3000]}")
    return document
