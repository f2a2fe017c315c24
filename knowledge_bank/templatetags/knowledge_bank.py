from django import template
from django.urls import reverse

from cks_portal.core import jsonld
from cks_portal.core.i18n import lang_attribute

register = template.Library()


@register.simple_tag
def pub_lang(publication):
    """` lang="en"` on text in the publication's own language when it differs from the page's."""
    return lang_attribute(publication.language)


@register.simple_tag
def schema_org(publication, request):
    """The schema.org description of a publication, for the `jsonld` filter."""
    kind = publication.Type(publication.type)
    data = jsonld.document(
        kind.schema_type,
        name=publication.full_title,
        headline=publication.title,
        inLanguage=publication.language,
        datePublished=publication.date.isoformat() if publication.date else str(publication.year),
        description=publication.summary,
        url=request.build_absolute_uri(publication.get_absolute_url()),
        author=[
            jsonld.person_or_organization(str(a), bool(a.given_name)) for a in publication.ordered_authors()
        ],
        about=[topic.name for topic in publication.topics.all()],
    )
    if publication.publisher:
        data["publisher"] = jsonld.organization(publication.publisher)
        # A work without named authors is the publisher's, as reference lists cite it.
        data["author"] = data["author"] or [data["publisher"]]
    if not data["author"]:
        del data["author"]
    if publication.isbn:
        data["isbn"] = publication.isbn
    same_as = [
        url
        for url in (publication.external_url, publication.doi and f"https://doi.org/{publication.doi}")
        if url
    ]
    if same_as:
        data["sameAs"] = same_as
    if publication.file:
        data["encoding"] = jsonld.thing(
            "MediaObject",
            encodingFormat="application/pdf",
            contentSize=str(publication.file_size or ""),
            contentUrl=request.build_absolute_uri(
                reverse("knowledge_bank:download", kwargs={"slug": publication.slug})
            ),
        )
    return data
