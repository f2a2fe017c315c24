import pytest
from django.core.files.base import ContentFile

from cks_portal.core.models import Topic
from cks_portal.core.publishing import State
from knowledge_bank.demo import make_pdf
from knowledge_bank.models import Author, Publication, PublicationAuthor


@pytest.fixture
def topics(db):
    names = {
        "radikalisering": "Radikalisering",
        "hedersrelaterat-vald": "Hedersrelaterat våld",
        "organiserad-brottslighet": "Organiserad brottslighet",
    }
    return {
        slug: Topic.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in names.items()
    }


@pytest.fixture
def make_publication(db):
    """Create a published publication; `pdf=[...]` attaches a generated PDF with those paragraphs."""
    counter = iter(range(1, 10_000))

    def make(title="Rapport", pdf=None, authors=(), topics=(), **fields):
        number = next(counter)
        fields.setdefault("slug", f"pub-{number}")
        fields.setdefault("year", 2020)
        fields.setdefault("summary", "En sammanfattning.")
        fields.setdefault("state", State.PUBLISHED)
        publication = Publication.objects.create(title=title, **fields)
        if pdf:
            publication.file.save(f"{publication.slug}.pdf", ContentFile(make_pdf(title, pdf)), save=True)
        for order, (family, given) in enumerate(authors):
            author, _ = Author.objects.get_or_create(family_name=family, given_name=given)
            PublicationAuthor.objects.create(publication=publication, author=author, order=order)
        if topics:
            publication.topics.set(topics)
        return publication

    return make
