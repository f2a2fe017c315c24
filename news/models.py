import zipfile
from datetime import timedelta
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cks_portal.core import cldr, search
from cks_portal.core.i18n import lang_attribute
from cks_portal.core.models import Topic
from cks_portal.core.publishing import ChangeRecorded, Publishing, PublishingQuerySet
from cks_portal.core.publishing import State as State  # re-exported: the states news used to define
from cks_portal.core.richtext import RichTextField
from cks_portal.core.uploads import check_pdf_content, validate_size
from news import images

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"

# Widths of the renditions drawn from every news image; wider ones than the original are skipped.
RENDITION_WIDTHS = (480, 800, 1200)


class ContentLanguage(models.TextChoices):
    SWEDISH = "sv", _("Swedish")
    ENGLISH = "en", _("English")


class PublishableQuerySet(PublishingQuerySet):
    def published(self, now=None):
        """See PublishingQuerySet. The stored search vector (1-2 KB a row) is left in the
        database: pages never print it."""
        return super().published(now).defer("search_vector")

    def matching(self, query):
        """Items matching `query` in the site's search syntax, through the stored vector
        as /sok/ finds them."""
        return self.filter(search_vector=search.websearch_query(query))


class Publishable(search.SearchIndexed, Publishing, ChangeRecorded):
    """What news items and events share: language, editorial state, topics, change records."""

    language = models.CharField(
        _("language"),
        max_length=2,
        choices=ContentLanguage,
        default=ContentLanguage.SWEDISH,
        help_text=_(
            "The language the text is written in. It is shown as written on both versions of the site."
        ),
    )
    topics = models.ManyToManyField(
        Topic,
        verbose_name=_("topics"),
        blank=True,
        related_name="%(class)ss",
        help_text=_("Used for the topic filter and to find related items."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    objects = PublishableQuerySet.as_manager()
    # Every save is recorded with who and when; the admin shows the changes and restores. The
    # search vector is derived from the text and would only bloat the history.
    history = HistoricalRecords(inherit=True, excluded_fields=["updated_at", "search_vector"])

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    @property
    def lang_attr(self):
        """` lang="sv"` when the text's language is not the page's, for screen readers."""
        return lang_attribute(self.language)


def validate_attachment_size(file):
    validate_size(
        file,
        settings.NEWS_ATTACHMENT_MAX_BYTES,
        _("The file is %(size)s MB; the largest allowed is %(max)s MB."),
    )


def _is_docx(file):
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            return "[Content_Types].xml" in names and "word/document.xml" in names
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        file.seek(0)


def _is_odt(file):
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            # An OpenDocument file names its type in a small, uncompressed first member.
            if "mimetype" not in archive.namelist() or archive.getinfo("mimetype").file_size > 100:
                return False
            return archive.read("mimetype").strip() == ODT_MIMETYPE
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return False
    finally:
        file.seek(0)


def validate_programme(file):
    """An event's programme is what its name says: a PDF that opens, a Word document or an
    OpenDocument text, checked by content (the PDF check is the knowledge bank's). Run after
    the extension and size validators; a stored file was checked when it was uploaded."""
    if getattr(file, "_committed", False):
        return
    extension = PurePosixPath(file.name).suffix.lower()
    if extension == ".pdf":
        try:
            check_pdf_content(file)
        except ValidationError as error:
            if error.code != "not_pdf":
                raise
            raise ValidationError(
                _("The file is named like a PDF, but its content is not a PDF."), code="not_pdf"
            ) from None
    elif extension == ".docx" and not _is_docx(file):
        raise ValidationError(
            _("The file is named like a Word document, but its content is not a Word document."),
            code="not_docx",
        )
    elif extension == ".odt" and not _is_odt(file):
        raise ValidationError(
            _(
                "The file is named like an OpenDocument text, but its content is not an OpenDocument document."
            ),
            code="not_odt",
        )


def validate_news_slug(value):
    # /nyheter/rss/ and /nyheter/atom/ are the feeds.
    if value in {"rss", "atom"}:
        raise ValidationError(_("“%(slug)s” is used by a news feed."), params={"slug": value})


class NewsItem(Publishable):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("address"),
        max_length=100,
        unique=True,
        validators=[validate_news_slug],
        help_text=_(
            "Part of the web address: /nyheter/address/. Keep it once published, since links point to it."
        ),
    )
    lead = models.TextField(
        _("lead"),
        max_length=600,
        help_text=_("One to three sentences in bold under the title, also used in lists and feeds."),
    )
    body = RichTextField(
        _("body"),
        blank=True,
        help_text=_("Headings, lists, links, quotes and tables are kept; scripts and styles are removed."),
    )
    image = models.ImageField(
        _("image"),
        upload_to="news/%Y/",
        blank=True,
        width_field="image_width",
        height_field="image_height",
        validators=[images.validate_image],
        help_text=_("JPEG, PNG or WebP, at least 800 pixels wide. Smaller copies are made automatically."),
    )
    image_width = models.PositiveIntegerField(editable=False, null=True)
    image_height = models.PositiveIntegerField(editable=False, null=True)
    image_alt = models.CharField(
        _("alternative text"),
        max_length=300,
        blank=True,
        help_text=_(
            "What the image shows, for people who cannot see it. Required unless the image is decorative."
        ),
    )
    image_is_decorative = models.BooleanField(
        _("the image is decorative"),
        default=False,
        help_text=_("Tick only if the image adds no information; screen readers then skip it."),
    )
    image_caption = models.CharField(
        _("caption"), max_length=500, blank=True, help_text=_("Shown under the image, e.g. who is in it.")
    )
    image_credit = models.CharField(
        _("photographer"), max_length=200, blank=True, help_text=_("Shown as “Photo: …”.")
    )
    byline = models.CharField(_("byline"), max_length=200, blank=True, help_text=_("Who wrote the item."))
    byline_url = models.URLField(
        _("link about the writer"),
        max_length=500,
        blank=True,
        help_text=_("A page about the person in the byline, for search engines. Not shown on the page."),
    )
    source_name = models.CharField(
        _("source"),
        max_length=200,
        blank=True,
        help_text=_("The municipality or organisation the news comes from, if not CKS."),
    )
    source_url = models.URLField(_("link to the original"), blank=True)

    SEARCH_WEIGHTS = (("title", "A"), ("lead", "B"), ("body", "C"))

    class Meta:
        ordering = ["-publish_at", "-pk"]
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        indexes = [GinIndex(fields=["search_vector"], name="news_newsitem_search_idx")]

    def save(self, *args, **kwargs):
        if self.image and not self.image._committed:
            # A new upload: stored without its location and camera metadata (issue 14).
            cleaned, width, height = images.without_metadata(self.image)
            self.image = cleaned
            self.image_width, self.image_height = width, height
        elif self.image and self.image_width is None:
            # FieldFile.save(name, content) with a nameless ContentFile leaves the size empty
            # (Django reads the size from `content`, which has no name and so counts as no
            # file). Read it once here: a row without it makes Django open the file every
            # time the item is loaded, and a missing file would then break every page that
            # loads the item.
            self.image_width, self.image_height = self.image.width, self.image.height
        super().save(*args, **kwargs)
        if self.image:
            images.make_renditions(self.image, RENDITION_WIDTHS)

    def get_absolute_url(self):
        return reverse("news:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.image and not self.image_is_decorative and not self.image_alt.strip():
            raise ValidationError(
                {
                    "image_alt": _(
                        "Describe what the image shows, for people who cannot see it, or tick "
                        "“the image is decorative” if it adds no information."
                    )
                }
            )

    @property
    def is_outdated(self):
        return self.publish_at < timezone.now() - timedelta(days=settings.NEWS_OUTDATED_AFTER)

    @property
    def renditions(self):
        """(url, width, height) for every rendition the image has, smallest first. No queries."""
        if not self.image or not self.image_width:
            return []
        return images.rendition_list(self.image, self.image_width, self.image_height, RENDITION_WIDTHS)

    @property
    def image_src(self):
        """The rendition to use where srcset is not understood (feeds, Open Graph)."""
        found = self.renditions
        return found[-1] if found else None


class RegistrationMode(models.TextChoices):
    NONE = "none", _("No registration")
    EMAIL = "email", _("By e-mail")
    FORM = "form", _("Form on this site")


def validate_event_slug(value):
    # /kalender/kalender.ics is the calendar feed, /kalender/tidigare/ the past events.
    if value == "kalender":
        raise ValidationError(_("“kalender” is used by the calendar feed."))
    if value == "tidigare":
        raise ValidationError(_("“tidigare” is the address of the past events."))


class EventQuerySet(PublishableQuerySet):
    def upcoming(self):
        """Events that have not ended yet, soonest first."""
        return self.filter(end__gte=timezone.now()).order_by("start", "pk")

    def past(self):
        # An event starts before it ends, so `start` bounds the walk of the start index too.
        now = timezone.now()
        return self.filter(start__lt=now, end__lt=now).order_by("-start", "-pk")

    def with_registration_counts(self):
        """Adds `confirmed_count` and `waitlisted_count` as subqueries: still one query, however many
        events or registrations there are."""
        return self.annotate(
            confirmed_count=_registration_count(RegistrationStatus.CONFIRMED),
            waitlisted_count=_registration_count(RegistrationStatus.WAITLISTED),
        )


class Event(Publishable):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("address"),
        max_length=100,
        unique=True,
        validators=[validate_event_slug],
        help_text=_("Part of the web address: /kalender/address/."),
    )
    summary = models.TextField(
        _("summary"), max_length=600, help_text=_("One to three sentences, used in lists and calendars.")
    )
    body = RichTextField(
        _("description"),
        blank=True,
        help_text=_("Headings, lists, links, quotes and tables are kept; scripts and styles are removed."),
    )
    start = models.DateTimeField(_("starts"), help_text=_("Swedish time."))
    end = models.DateTimeField(_("ends"), help_text=_("Swedish time."))
    time_note = models.CharField(
        _("note about the time"), max_length=200, blank=True, help_text=_("For example “Coffee from 09.00”.")
    )
    venue = models.CharField(
        _("venue"), max_length=200, blank=True, help_text=_("For example “7A Odenplan”.")
    )
    address = models.CharField(
        _("street address"),
        max_length=300,
        blank=True,
        help_text=_("Street and number, for example “Odengatan 65”."),
    )
    postal_code = models.CharField(
        _("postal code"), max_length=10, blank=True, help_text=_("For example “113 22”.")
    )
    locality = models.CharField(
        _("town"), max_length=100, blank=True, help_text=_("For example “Stockholm”.")
    )
    online_url = models.URLField(
        _("link to join online"),
        max_length=500,
        blank=True,
        help_text=_("For an event held online, or one that can also be followed online."),
    )
    organiser = models.CharField(_("organiser"), max_length=300, blank=True)
    organiser_url = models.URLField(
        _("organiser's web site"),
        max_length=500,
        blank=True,
        help_text=_("For search engines and calendars. Leave empty when the centre organises the event."),
    )
    programme = models.FileField(
        _("programme"),
        upload_to="events/%Y/",
        blank=True,
        validators=[
            FileExtensionValidator(["pdf", "docx", "odt"]),
            validate_attachment_size,
            validate_programme,
        ],
        help_text=_("A PDF, Word or OpenDocument file with the programme."),
    )
    registration_mode = models.CharField(
        _("registration"),
        max_length=8,
        choices=RegistrationMode,
        default=RegistrationMode.NONE,
        help_text=_("How people sign up. The form on this site is set up under registrations."),
    )
    registration_email = models.EmailField(
        _("registration e-mail"), blank=True, help_text=_("Where people send their registration.")
    )
    registration_deadline = models.DateField(
        _("last day to register"),
        null=True,
        blank=True,
        help_text=_("Registrations are accepted through this day."),
    )
    capacity = models.PositiveIntegerField(
        _("seats"),
        null=True,
        blank=True,
        help_text=_(
            "For the form on this site: how many can attend. Leave empty for no limit. When the seats "
            "are taken, new registrations go on a waiting list."
        ),
    )

    objects = EventQuerySet.as_manager()

    SEARCH_WEIGHTS = (("title", "A"), ("summary", "B"), ("venue", "B"), ("body", "C"))

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        # Read backwards, it walks "latest first": the site search's candidates (news.search).
        # "end" finds the events not yet over (the calendar, the home page) without walking
        # every past event in start order.
        indexes = [
            models.Index(fields=["start", "id"], name="news_event_start_idx"),
            models.Index(fields=["end"], name="news_event_end_idx"),
            GinIndex(fields=["search_vector"], name="news_event_search_idx"),
        ]

    def get_absolute_url(self):
        return reverse("news:event", kwargs={"slug": self.slug})

    def get_ics_url(self):
        return reverse("news:event_ics", kwargs={"slug": self.slug})

    def get_registration_url(self):
        """The page with the registration form. The form has a page of its own so that the
        event page, like every page a reader only reads, sets no cookie (the form's CSRF
        token is one)."""
        return reverse("news:register", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The event must end after it starts.")
        if self.registration_mode == RegistrationMode.EMAIL and not self.registration_email:
            errors["registration_email"] = _("Give the address people should write to.")
        if self.state in (State.SCHEDULED, State.PUBLISHED) and not (self.has_place or self.online_url):
            # Calendars and search engines need to know where an event is held.
            errors["venue"] = _("Give where the event is held, or a link to join it online.")
        if self.capacity == 0:
            errors["capacity"] = _("Give at least one seat, or leave the field empty for no limit.")
        if self.registration_mode != RegistrationMode.NONE and not self.registration_deadline:
            errors["registration_deadline"] = _("Give the last day to register.")
        if (
            self.registration_deadline
            and self.start
            and self.registration_deadline > timezone.localdate(self.start)
        ):
            errors["registration_deadline"] = _("The last day to register cannot be after the event.")
        if errors:
            raise ValidationError(errors)

    @property
    def has_place(self):
        return bool(self.venue or self.address or self.locality)

    @property
    def place_text(self):
        """“7A Odenplan, Odengatan 65, 113 22 Stockholm”: the place on one line."""
        town = " ".join(part for part in (self.postal_code, self.locality) if part)
        return ", ".join(part for part in (self.venue, self.address, town) if part)

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def programme_name(self):
        return PurePosixPath(self.programme.name).name if self.programme else ""

    @property
    def takes_registrations_here(self):
        return self.registration_mode == RegistrationMode.FORM

    @property
    def registration_closed_reason(self):
        """Why the form on this site takes no registrations now, or "" while it is open."""
        if not self.takes_registrations_here:
            return _("Registration is not done on this site.")
        if not self.is_published:
            return _("Registration opens when the event is published.")
        if self.start <= timezone.now():
            return _("Registration is closed: the event has started.")
        if self.registration_deadline and timezone.localdate() > self.registration_deadline:
            return _("Registration closed on %(date)s.") % {
                "date": cldr.long_date(self.registration_deadline)
            }
        return ""

    @property
    def registration_is_open(self):
        return not self.registration_closed_reason

    def seats_left(self, confirmed_count):
        """Free seats, or None when the number of seats is not limited."""
        if self.capacity is None:
            return None
        return max(self.capacity - confirmed_count, 0)

    @property
    def free_seats(self):
        """Needs `confirmed_count` from `with_registration_counts()`. None: no limit."""
        return self.seats_left(self.confirmed_count)

    @property
    def is_full(self):
        return self.free_seats == 0


def _registration_count(status):
    counted = (
        Registration.objects.filter(event=OuterRef("pk"), status=status)
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted), 0)


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class RegistrationClosed(Exception):
    """The event stopped taking registrations between showing the form and sending it."""


class RegistrationQuerySet(models.QuerySet):
    def waiting_line(self):
        """The waiting list, first in line first."""
        return self.filter(status=RegistrationStatus.WAITLISTED).order_by("queued_at", "pk")

    def ended_before(self, moment):
        return self.filter(event__end__lt=moment)


class Registration(models.Model):
    """One person's registration for an event through the form on this site.

    Deliberately without change history: the purge command must remove the personal data
    for good, and a history table would keep a copy.
    """

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=200)
    needs = models.TextField(
        _("special needs"),
        max_length=1000,
        blank=True,
        help_text=_("For example food preferences, allergies or accessibility needs."),
    )
    consent = models.BooleanField(
        _("has read how the data is used"),
        default=False,
        help_text=_("Ticked by the person in the form, with a link to the privacy page."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=RegistrationStatus,
        default=RegistrationStatus.CONFIRMED,
        db_index=True,
    )
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=ContentLanguage,
        default=ContentLanguage.SWEDISH,
        help_text=_("The language of the form the person used; e-mail to them is written in it."),
    )
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    queued_at = models.DateTimeField(
        _("in line since"),
        default=timezone.now,
        help_text=_("The waiting list is served in this order."),
    )
    confirmed_at = models.DateTimeField(_("seat confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["event", "queued_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            # One registration per person and event, however the address is capitalised.
            models.UniqueConstraint(
                "event", Lower("email"), name="news_registration_one_per_email_and_event"
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.event})"

    def get_absolute_url(self):
        from news.registration import status_url

        return status_url(self)

    @property
    def is_confirmed(self):
        return self.status == RegistrationStatus.CONFIRMED

    @property
    def is_waitlisted(self):
        return self.status == RegistrationStatus.WAITLISTED

    @property
    def is_cancelled(self):
        return self.status == RegistrationStatus.CANCELLED

    def waiting_position(self):
        """1 for the first in line. One query."""
        ahead = Registration.objects.waiting_line().filter(event_id=self.event_id)
        ahead = ahead.filter(Q(queued_at__lt=self.queued_at) | Q(queued_at=self.queued_at, pk__lt=self.pk))
        return ahead.count() + 1
