"""The public pages' reads of the knowledge bank that are remembered, and its clock-driven
changes. The search itself (knowledge_bank.search) reads the rows on each request; only
the small lists every request needs are kept by the cache layer until content changes."""

from django.db.models import Exists, OuterRef

from cks_portal.core import i18n
from cks_portal.core.models import Topic
from cks_portal.core.page_cache import memo
from knowledge_bank.models import Publication


def scheduled_changes(now):
    """A publication with a publish date ahead of now goes live then, without a save
    (registered with the cache layer)."""
    return [(Publication.objects.going_live(now), "publish_at")]


def featured():
    """The featured selection, in the curators' order."""
    return Publication.objects.published().filter(featured=True).order_by("featured_order", "title")


def featured_for_home(count):
    """The first `count` of the featured selection, with what the home page prints."""
    return memo(
        f"knowledge_bank:featured:{count}",
        lambda: list(featured().only("title", "slug", "year", "type", "language")[:count]),
    )


def published_count():
    """How many publications are published, remembered until content changes."""
    return memo("knowledge_bank:published-count", lambda: Publication.objects.published().count())


def topic_labels():
    """{topic id: (slug, Swedish name, {language: name})} for every topic: one small query."""
    languages = i18n.content_languages()

    def load():
        rows = Topic.objects.values_list("pk", "slug", *i18n.columns("name"))
        return {pk: (slug, names[0], dict(zip(languages, names, strict=True))) for pk, slug, *names in rows}

    return memo("knowledge_bank:topic-names", load)


def suggested_topics():
    """[(slug, {language: name}), …]: the topics that published publications have, with their
    names in every language they are translated into, for the suggestions under a search box
    (knowledge_bank.suggest). One small query, remembered until content changes."""
    languages = i18n.content_languages()

    def load():
        published = Publication.topics.through.objects.filter(
            topic=OuterRef("pk"), publication__in=Publication.objects.published().values("pk")
        )
        rows = Topic.objects.filter(Exists(published)).values_list("slug", *i18n.columns("name"))
        return [
            (slug, {lang: name for lang, name in zip(languages, names, strict=True) if name})
            for slug, *names in rows
        ]

    return memo("knowledge_bank:suggested-topics", load)
