from django.conf import settings
from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Collate, Concat, Greatest, Left, Lower
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cks_portal.core import compounds, i18n, search, suggestions
from cks_portal.core.i18n import ReviewedTranslations
from cks_portal.core.models import Topic
from cks_portal.core.publishing import ChangeRecorded, Publishing, PublishingQuerySet
from knowledge_bank.files import describe_file, extract_pdf_text, validate_pdf


class Author(models.Model):
    family_name = models.CharField(
        _("family name or organisation"),
        max_length=200,
        help_text=_("For an organisation as author, write its name here and leave the given name empty."),
    )
    given_name = models.CharField(_("given name"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["family_name", "given_name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return f"{self.given_name} {self.family_name}".strip()

    @property
    def citation_name(self):
        """“Family, Given” as reference lists write it."""
        return f"{self.family_name}, {self.given_name}" if self.given_name else self.family_name


class PublicationQuerySet(PublishingQuerySet):
    def search(self, query, ranked=True):
        """Publications matching `query` (web-search syntax), annotated with `rank` when
        `ranked`. An empty or unsearchable query matches nothing."""
        query = search.clean_query(query)
        if not query:
            return self.none()
        search_query = search.websearch_query(query)
        matching = self.filter(search_vector=search_query)
        if ranked:
            matching = matching.annotate(rank=search.rank(models.F("search_vector"), search_query))
        return matching

    def with_snippets(self, query):
        """Adds `snippet`, a headline from the Swedish summary when the query matches there, else
        from the part of the file's text where the query's first word appears (computed for
        the rows fetched, after ORDER BY and LIMIT). ts_headline parses
        all the text it is given, so it is given a few hundred characters, not a report."""
        query = search.clean_query(query)
        if not query:
            return self
        search_query = search.websearch_query(query)
        body = search.MatchWindow(
            models.F("file_text"), search_query, reach=settings.KNOWLEDGE_BANK_SNIPPET_SOURCE_CHARS
        )
        return self.annotate(
            snippet=models.Case(
                models.When(
                    summary_vector=search_query, then=search.headline(models.F("summary_sv"), search_query)
                ),
                default=search.headline(body, search_query),
                output_field=models.TextField(),
            )
        )

    def sync_topic_ids(self):
        """Write each publication's `topic_ids` from its topic rows. Publications with the
        same topics are updated together, so a whole table takes one UPDATE per combination
        of topics rather than one per row."""
        ids = list(self.values_list("pk", flat=True))
        topics = {}
        for start in range(0, len(ids), 10_000):
            chunk = ids[start : start + 10_000]
            rows = Publication.topics.through.objects.filter(publication_id__in=chunk).values_list(
                "publication_id", "topic_id"
            )
            for publication_id, topic_id in rows:
                topics.setdefault(publication_id, []).append(topic_id)
        groups = {}
        for pk in ids:
            groups.setdefault(" ".join(str(t) for t in sorted(topics.get(pk, ()))), []).append(pk)
        for value, pks in groups.items():
            for start in range(0, len(pks), 10_000):
                Publication.objects.filter(pk__in=pks[start : start + 10_000]).update(topic_ids=value)

    def with_topics(self, slugs):
        through = Publication.topics.through.objects.filter(publication=OuterRef("pk"), topic__slug__in=slugs)
        return self.filter(Exists(through))

    def sharing_topics_with(self, publication):
        through = Publication.topics.through.objects.filter(
            publication=OuterRef("pk"), topic__in=publication.topics.all()
        )
        return self.filter(Exists(through)).exclude(pk=publication.pk)


def choice_label(choices, value):
    """The label of `value` among the TextChoices `choices`, or the value itself when it is
    not one of them (as get_FOO_display() answers)."""
    try:
        return choices(value).label
    except ValueError:
        return value


def newest_first_index(name, first=None):
    """An index in the "newest first" order (knowledge_bank.search.NEWEST), after the column
    `first` when one is given, with the other columns the filters test as further keys and
    `topic_ids` included."""
    filtered = [column for column in ("state", "type", "language", "publish_at") if column != first]
    return models.Index(
        *([F(first)] if first else []),
        F("year").desc(),
        F("date").desc(nulls_last=True),
        F("title"),
        F("id"),
        *(F(column) for column in filtered),
        include=["topic_ids"],
        name=name,
    )


class Publication(search.SearchIndexed, ReviewedTranslations, Publishing, ChangeRecorded):
    class Type(models.TextChoices):
        REPORT = "report", _("Report")
        GUIDE = "guide", _("Guide or handbook")
        ARTICLE = "article", _("Research article")
        BOOK = "book", _("Book")
        FILM = "film", _("Film")
        WEB = "web", _("Web resource")
        POLICY = "policy", _("Policy document")

        @property
        def csl_type(self):
            return {
                "report": "report",
                "guide": "report",
                "article": "article-journal",
                "book": "book",
                "film": "motion_picture",
                "web": "webpage",
                # Not "legislation": an action plan is issued by an authority, not enacted, and
                # APA prints a legislation item without its author and publisher.
                "policy": "report",
            }[self.value]

        @property
        def ris_type(self):
            return {
                "report": "RPRT",
                "guide": "RPRT",
                "article": "JOUR",
                "book": "BOOK",
                "film": "VIDEO",
                "web": "ELEC",
                "policy": "GOVDOC",
            }[self.value]

        @property
        def bibtex_type(self):
            return {
                "report": "techreport",
                "guide": "manual",
                "article": "article",
                "book": "book",
                "film": "misc",
                "web": "misc",
                # A report of an authority: its `institution` is printed, and `type` names it.
                "policy": "techreport",
            }[self.value]

        @property
        def schema_type(self):
            return {
                "report": "Report",
                "guide": "Book",
                "article": "ScholarlyArticle",
                "book": "Book",
                "film": "Movie",
                "web": "WebPage",
                "policy": "Report",
            }[self.value]

    class Language(models.TextChoices):
        SWEDISH = "sv", _("Swedish")
        ENGLISH = "en", _("English")
        NORWEGIAN = "no", _("Norwegian")
        DANISH = "da", _("Danish")
        FINNISH = "fi", _("Finnish")
        GERMAN = "de", _("German")
        FRENCH = "fr", _("French")
        ARABIC = "ar", _("Arabic")

    class Audience(models.TextChoices):
        PROFESSIONALS = "professionals", _("Professionals in general")
        SCHOOL = "school", _("School and youth work")
        SOCIAL_SERVICES = "social-services", _("Social services")
        DECISION_MAKERS = "decision-makers", _("Decision makers and managers")
        RESEARCHERS = "researchers", _("Researchers and students")
        PUBLIC = "public", _("Relatives and the public")

    title = models.CharField(
        _("title"), max_length=300, help_text=_("As printed on the publication, in its own language.")
    )
    subtitle = models.CharField(_("subtitle"), max_length=300, blank=True)
    slug = models.SlugField(
        _("address"), max_length=120, unique=True, help_text=_("Shown at /kunskapsbank/address/.")
    )
    authors = models.ManyToManyField(
        Author, through="PublicationAuthor", related_name="publications", verbose_name=_("authors")
    )
    publisher = models.CharField(
        _("publisher or organisation"), max_length=200, blank=True, help_text=_("Who issued it.")
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1900), MaxValueValidator(2100)], db_index=True
    )
    date = models.DateField(
        _("publication date"), null=True, blank=True, help_text=_("Only if the exact date is known.")
    )
    type = models.CharField(_("type"), max_length=20, choices=Type, default=Type.REPORT)
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=Language,
        default=Language.SWEDISH,
        help_text=_("The publication's own language."),
    )
    topics = models.ManyToManyField(Topic, related_name="publications", blank=True, verbose_name=_("topics"))
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience, default=Audience.PROFESSIONALS
    )
    summary = models.TextField(
        _("summary"), help_text=_("Two to five sentences in your own words: what it is and who it helps.")
    )
    # The Swedish summary's words, worked out by PostgreSQL whenever the row is written: a
    # search asks whether its query matches the summary (with_snippets) for each result shown,
    # which parsing the summary's text again took 30-40 µs a row.
    summary_vector = models.GeneratedField(
        expression=SearchVector("summary_sv", config=search.SEARCH_CONFIG),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    file = models.FileField(
        _("file"),
        upload_to="kunskapsbank/%Y/",
        blank=True,
        validators=[FileExtensionValidator(["pdf"]), validate_pdf],
        help_text=format_lazy(
            _("A PDF of at most {size} MB. Its text is indexed for search."),
            size=settings.KNOWLEDGE_BANK_MAX_UPLOAD_MB,
        ),
    )
    file_size = models.PositiveBigIntegerField(_("file size in bytes"), null=True, blank=True, editable=False)
    file_text = models.TextField(_("text extracted from the file"), blank=True, editable=False)
    external_url = models.URLField(
        _("external link"),
        max_length=500,
        blank=True,
        help_text=_("Where the publication can be read on another site."),
    )
    isbn = models.CharField(_("ISBN"), max_length=20, blank=True)
    doi = models.CharField(
        _("DOI"),
        max_length=200,
        blank=True,
        help_text=_("For example 10.1234/abcd, without https://doi.org/."),
    )
    featured = models.BooleanField(_("in the featured selection"), default=False)
    featured_order = models.PositiveSmallIntegerField(
        _("order in the featured selection"), default=0, help_text=_("Lower numbers come first.")
    )
    review_date = models.DateField(
        _("review date"),
        null=True,
        blank=True,
        help_text=_("When a curator should check that it is still relevant."),
    )
    link_status = models.PositiveSmallIntegerField(_("link status"), null=True, blank=True, editable=False)
    link_error = models.CharField(_("link error"), max_length=200, blank=True, editable=False)
    link_checked_at = models.DateTimeField(_("link checked at"), null=True, blank=True, editable=False)
    link_response_ms = models.PositiveIntegerField(
        _("link response time (ms)"), null=True, blank=True, editable=False
    )
    # The ids of the publication's topics ("3 7"), a copy of its many-to-many rows kept in the
    # row itself, so that a search that reads 1,000 rows has their topics for the facets and
    # filters without looking each one up. Kept current by `sync_topic_ids`.
    topic_ids = models.CharField(max_length=300, blank=True, default="", editable=False)
    # The parts of the compound words in the title, summaries and indexed text ("heder" and
    # "våld" for "hedersvåld"), indexed with the lowest weight (cks_portal/core/compounds.py).
    search_parts = models.TextField(blank=True, default="", editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = PublicationQuerySet.as_manager()
    # Who changed what and when. The extracted text and the search vector are derived from the
    # file and would only bloat the history; the link checker's findings are not edits.
    history = HistoricalRecords(
        excluded_fields=[
            "file_text",
            "search_vector",
            "summary_vector",
            "topic_ids",
            "search_parts",
            "translations_to_review",
            "updated_at",
            "link_status",
            "link_error",
            "link_checked_at",
            "link_response_ms",
        ]
    )

    class Meta:
        ordering = ["-year", "title"]
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        indexes = [
            models.Index(fields=["featured", "featured_order"], name="kb_featured_idx"),
            # `search_vector @@ query` without reading every row.
            GinIndex(fields=["search_vector"], name="kb_search_idx"),
            # The words and pairs of neighbouring words of each vector, so that a quoted phrase
            # reads only the rows that hold its pairs (search.PhraseCandidates).
            GinIndex(search.WordPairs("search_vector"), name="kb_word_pairs_idx"),
            # The words of the title as typed, for search as you type (knowledge_bank.suggest):
            # a prefix such as 'radi':* is found among the index's sorted words.
            GinIndex(SearchVector("title", config="simple"), name="kb_title_words_idx"),
            # Titles that begin with what was typed, in byte order (`lower(title) COLLATE "C"
            # LIKE 'radi%'`): in the "C" collation a LIKE prefix is a range of the index,
            # whatever the database's own collation.
            models.Index(Collate(Lower("title"), "C"), name="kb_title_prefix_idx"),
            # The "newest first" order (knowledge_bank.search.NEWEST), so the newest matches of
            # a broad search are read in index order instead of sorting every row. The columns
            # the filters test follow as keys, so an equality filter is tested inside the index
            # scan; with `topic_ids` included, a list without words is read from the index
            # alone (an index-only scan).
            newest_first_index("kb_newest_idx"),
            # The same order within each type, for a search filtered by one type: its walk
            # reads only that type's entries, where the walk above steps over the entries of
            # every other type (six in seven at 100,000 publications; 4.7 of the filtered walk's
            # 6.2 ms when no text was tested; docs/benchmarks.md). The planner takes it when the
            # filter names one type.
            newest_first_index("kb_type_newest_idx", first="type"),
            # OAI-PMH lists records in datestamp order (knowledge_bank/oai.py): a page, or the
            # earliest datestamp, is read from the start of this index instead of sorting every
            # row, and with the columns its filters test included, a list is counted from the
            # index alone.
            models.Index(
                Greatest("updated_at", "publish_at"),
                F("id"),
                include=["state", "publish_at", "updated_at", "type", "topic_ids"],
                name="kb_oai_datestamp_idx",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("knowledge_bank:detail", kwargs={"slug": self.slug})

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._stored_file_name = instance.__dict__.get("file")
        return instance

    def save(self, *args, **kwargs):
        if self.file and self.file.name != getattr(self, "_stored_file_name", None):
            self.read_file()
        elif not self.file:
            self.file_size, self.file_text = None, ""
        self.search_parts = compounds.parts(*self.searched_texts())
        super().save(*args, **kwargs)
        self._stored_file_name = self.file.name
        if self.is_published:
            # Only public text: a suggestion must not show a word of a draft. (A scheduled
            # publication's words join at its next save after it goes live, or by `reindex`.)
            suggestions.remember_words(
                self.title, self.subtitle, *(getattr(self, c, "") for c in i18n.columns("summary"))
            )

    def searched_texts(self):
        """The row's own texts that its search vector indexes."""
        return (
            self.title,
            self.subtitle,
            *(getattr(self, column, "") for column in i18n.columns("summary")),
            (self.file_text or "")[: settings.KNOWLEDGE_BANK_INDEXED_TEXT_MAX_CHARS],
        )

    def read_file(self):
        """Size and text of the uploaded file. Raises on a file pypdf cannot read.

        A new upload is still open and not yet stored: it is read in place and left open at
        its start, because storage reads it again to save it (closing it here once made every
        upload through the admin fail). A stored file is opened and closed here."""
        opened_here = self.file.closed
        if opened_here:
            self.file.open("rb")
        try:
            self.file_size = self.file.size
            self.file.seek(0)
            self.file_text = extract_pdf_text(self.file)[: settings.KNOWLEDGE_BANK_FILE_TEXT_MAX_CHARS]
        finally:
            if opened_here:
                self.file.close()
            else:
                self.file.seek(0)

    @property
    def full_title(self):
        return f"{self.title}: {self.subtitle}" if self.subtitle else self.title

    # The labels of `type` and `language` for a list of results. Django's get_FOO_display()
    # builds a dict of every choice on each call and hashes each lazy label, which asks gettext
    # for all of them: on a page of twenty results that was a fifth of the rendering.
    @property
    def type_label(self):
        return choice_label(self.Type, self.type)

    @property
    def language_label(self):
        return choice_label(self.Language, self.language)

    @property
    def file_description(self):
        """“PDF, 2,3 MB”."""
        return describe_file(self.file_size) if self.file else ""

    @property
    def link_is_broken(self):
        return self.link_checked_at is not None and (self.link_status is None or self.link_status >= 400)

    def ordered_authors(self):
        """The authors in their order; uses `prefetch_related("credits__author")` when present."""
        return [credit.author for credit in self.credits.all()]

    @classmethod
    def search_document(cls):
        """The vector of a row, from its columns and the names of its authors and topics
        (subqueries), so that one UPDATE can recompute one row or a whole table."""
        TEXT = models.TextField()

        def names(rows, *columns, order):
            spaced = [item for name in columns for item in (Value(" "), F(name))][1:]
            text = Concat(*spaced, output_field=TEXT) if len(spaced) > 1 else spaced[0]
            joined = StringAgg(text, " ", order_by=order)
            rows = rows.filter(publication=OuterRef("pk")).order_by().values("publication")
            return Coalesce(
                Subquery(rows.annotate(joined=joined).values("joined")), Value(""), output_field=TEXT
            )

        authors = names(
            PublicationAuthor.objects, "author__given_name", "author__family_name", order=("order", "pk")
        )
        topics = names(
            Publication.topics.through.objects,
            *(f"topic__{name}" for name in i18n.columns("name")),
            order=("pk",),
        )
        topic_parts = names(Publication.topics.through.objects, "topic__search_parts", order=("pk",))

        def part(weight, *texts):
            spaced = [item for text in texts for item in (Value(" "), text)][1:]
            text = Concat(*spaced, output_field=TEXT) if len(spaced) > 1 else spaced[0]
            return SearchVector(text, weight=weight, config=search.SEARCH_CONFIG)

        return (
            part("A", F("title"), F("subtitle"))
            + part("B", authors, topics, F("publisher"))
            + part("C", *(F(name) for name in i18n.columns("summary")))
            + part("D", Left("file_text", settings.KNOWLEDGE_BANK_INDEXED_TEXT_MAX_CHARS))
            # Parts of compounds, below every word as written: "heder" ranks a publication that
            # says "heder" above one that only says "hedersvåld".
            + part("D", F("search_parts"), topic_parts)
        )


class PublicationAuthor(models.Model):
    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="credits")
    author = models.ForeignKey(
        Author, on_delete=models.PROTECT, related_name="credits", verbose_name=_("author")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("author of the publication")
        verbose_name_plural = _("authors of the publication")
        constraints = [models.UniqueConstraint(fields=["publication", "author"], name="kb_unique_credit")]

    def __str__(self):
        return str(self.author)


# The vector holds author and topic names, so it must follow them when they change, also
# outside the admin (shell, imports, demo loader).
@receiver(m2m_changed, sender=Publication.topics.through)
def _topics_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse:
        # topic.publications.add(…): pk_set holds the publications (none for a clear).
        pks = getattr(instance, "_cleared_publications", ()) if action == "post_clear" else pk_set
        publications = Publication.objects.filter(pk__in=pks or ())
        publications.sync_topic_ids()
        for publication in publications:
            publication.update_search_vector()
    else:
        Publication.objects.filter(pk=instance.pk).sync_topic_ids()
        instance.update_search_vector()


@receiver(m2m_changed, sender=Publication.topics.through)
def _topics_clearing(sender, instance, action, reverse, **kwargs):
    # A clear from the topic's side says nothing of which publications lost it: note them first.
    if action == "pre_clear" and reverse:
        instance._cleared_publications = list(instance.publications.values_list("pk", flat=True))


@receiver(pre_delete, sender=Topic)
def _topic_deleted(sender, instance, **kwargs):
    # Deleting a topic deletes its rows without m2m_changed; the copies must not keep its id.
    pks = list(instance.publications.values_list("pk", flat=True))
    if pks:
        Publication.topics.through.objects.filter(topic=instance).delete()
        Publication.objects.filter(pk__in=pks).sync_topic_ids()


@receiver([post_save, post_delete], sender=PublicationAuthor)
def _credits_changed(sender, instance, **kwargs):
    publication = Publication.objects.filter(pk=instance.publication_id).first()
    if publication:
        publication.update_search_vector()


@receiver(post_save, sender=Author)
@receiver(post_save, sender=Topic)
def _name_changed(sender, instance, created, **kwargs):
    if created:
        return
    for publication in instance.publications.all():
        publication.update_search_vector()
