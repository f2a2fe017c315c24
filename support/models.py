"""Support contacts: who a worried resident can call, when, and in which language.

Opening hours are data (weekly intervals, dated exceptions, Swedish holidays), so that the
site can say "open now" and export the hours to other directories; `support.opening` holds
the calculation, these models hold the facts.
"""

import datetime
import functools
import re
import uuid
from dataclasses import dataclass

import phonenumbers
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from phonenumbers import shortnumberinfo
from simple_history.models import HistoricalRecords

from cks_portal.core import cldr, i18n, phone, search
from cks_portal.core.i18n import LocalizedModel, ReviewedTranslations
from cks_portal.core.models import Topic
from cks_portal.core.publishing import ChangeRecorded
from cks_portal.core.richtext import RichTextField
from support import opening

# Facts about support lines drift; an entry not checked for this long gets flagged.
VERIFY_EVERY_DAYS = 183

# HSDS wants stable UUIDs for organisations too; they are derived from the name so that
# every contact run by the same organisation points at the same one.
# "020-100 200", "033-35 70 00", "114 14": an area code with a hyphen, then groups of digits.
SWEDISH_GROUPING = re.compile(r"(?P<area>0\d{1,3}-)?[1-9]\d{1,3}( \d{2,4})*")

ORGANISATION_NAMESPACE = uuid.UUID("6f1d9a52-5c1e-4b8e-9a57-2f0e3c1b7d41")

# The fields of a visiting address: all of them or none.
ADDRESS_FIELDS = ("street_address", "postal_code", "city", "county")


# Macrolanguage codes that CLDR names after one of their varieties: "ku" is "kurdî (kurmancî)"
# there, but a line that answers in "Kurdish" may well mean Sorani too, so the name typed in
# the admin ("Kurdî") is shown instead. The site's own Kurmanji pages ("kmr") keep CLDR's name.
NARROWED_BY_CLDR = {"ku"}


class Language(LocalizedModel):
    code = models.CharField(
        _("ISO 639 code"),
        max_length=3,
        unique=True,
        help_text=_("Two letters (ISO 639-1) where they exist, for example “sv”, “ar”, “ku”; else three."),
    )
    name = models.CharField(_("name"), max_length=60)
    native_name = models.CharField(
        _("name in the language itself"), max_length=60, blank=True, help_text=_("For example “العربية”.")
    )

    class Meta:
        ordering = ["name_sv"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self):
        return f"{self.name} ({self.code})"

    @property
    def name_in_itself(self):
        """What the language calls itself, from CLDR as in the language switch ("العربية",
        "suomi"); the name typed in the admin for a code CLDR does not know, or for one whose
        CLDR name says more than the code (NARROWED_BY_CLDR)."""
        if self.code in NARROWED_BY_CLDR and self.native_name:
            return self.native_name
        return cldr.own_language_name(self.code) or self.native_name or self.t.name

    @property
    def name_in_english(self):
        """The English name, from CLDR where it knows the code: HSDS and schema.org use it."""
        return cldr.english_language_name(self.code) or self.name_en or self.name_sv

    @property
    def is_right_to_left(self):
        return cldr.is_right_to_left(self.code)

    def clean(self):
        self.code = (self.code or "").strip().lower()
        if not self.code.isascii() or not self.code.isalpha() or len(self.code) not in (2, 3):
            raise ValidationError({"code": _("Write the code as two or three letters, for example “sv”.")})


class Audience(LocalizedModel):
    slug = models.SlugField(_("slug"), max_length=60, unique=True, help_text=_("Used in filter URLs."))
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name_sv"]
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")

    def __str__(self):
        return self.name


# The columns a card on /stod/ prints (see `for_cards`); reading another one there would
# cost a query per card, which the query-count tests catch.
CARD_FIELDS = [
    "slug",
    "name",  # each translated field with every language's column (modeltranslation adds them)
    "summary",
    "is_anonymous",
    "anonymity_note",
    "closed_on_holidays",
]


class SupportContactQuerySet(models.QuerySet):
    def active(self):
        """The lines the public sees, without the stored search vector, which no page prints."""
        return self.filter(is_active=True).defer("search_vector")

    def not_verified_since(self, day):
        return self.filter(models.Q(last_verified__isnull=True) | models.Q(last_verified__lt=day))

    def for_listing(self, moment=None):
        """Everything a list or detail page prints, in a fixed number of queries whatever the data."""
        return self.with_hours(moment).prefetch_related(
            "audiences",
            "languages",
            "topics",
            models.Prefetch("phones", queryset=PhoneNumber.objects.prefetch_related("languages")),
        )

    def for_cards(self, moment=None):
        """What a card on /stod/ prints, and nothing more: `for_home`, and the languages and
        audiences as lists too (`card_languages`, `card_audiences`). Six queries for the
        contacts of one page, whatever their number."""
        return self.for_home(moment).prefetch_related(
            models.Prefetch("languages", to_attr="card_languages"),
            models.Prefetch("audiences", to_attr="card_audiences"),
        )

    def for_home(self, moment=None):
        """What the home page's box prints: the name, the phones and the hours, as plain lists
        (`card_phones`, `card_intervals`, `card_exceptions`) because a related manager and a
        queryset for each contact and relation cost more than the rows. Four queries."""
        return self.only(*CARD_FIELDS).prefetch_related(
            models.Prefetch("intervals", to_attr="card_intervals"),
            models.Prefetch(
                "exceptions", queryset=OpeningException.objects.near(moment), to_attr="card_exceptions"
            ),
            models.Prefetch("phones", to_attr="card_phones"),
        )

    def with_hours(self, moment=None):
        """The hours and the exceptions near `moment` that `opening_state` needs (two queries)."""
        return self.prefetch_related(
            "intervals", models.Prefetch("exceptions", queryset=OpeningException.objects.near(moment))
        )


class SupportContact(search.SearchIndexed, ReviewedTranslations, ChangeRecorded):
    uuid = models.UUIDField(_("identifier for open data"), default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(
        _("name"), max_length=200, help_text=_("For example “Rädda Barnens orostelefon”.")
    )
    slug = models.SlugField(
        _("address"),
        max_length=100,
        unique=True,
        help_text=_("The page is shown at /stod/ followed by the address, for example /stod/orostelefonen/."),
    )
    organisation = models.CharField(
        _("organisation"), max_length=200, help_text=_("Who answers, for example “Rädda Barnen”.")
    )
    organisation_website = models.URLField(_("organisation's web site"), blank=True)
    commissioned_by = models.CharField(
        _("on behalf of"),
        max_length=200,
        blank=True,
        help_text=_("Who commissions or funds the line, for example “the National Coordinator”."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("One or two sentences: who it is for and what they help with."),
    )
    description = RichTextField(_("description"), blank=True)
    # Nouns: the admin's two-list chooser builds "Available …" and "Choose all …" from them.
    audiences = models.ManyToManyField(
        Audience,
        verbose_name=_("target groups"),
        related_name="contacts",
        blank=True,
        help_text=_("Who the contact is for."),
    )
    topics = models.ManyToManyField(
        Topic,
        verbose_name=_("support areas"),
        related_name="support_contacts",
        blank=True,
        help_text=_("What the contact helps with."),
    )
    languages = models.ManyToManyField(
        Language,
        verbose_name=_("answering languages"),
        related_name="contacts",
        blank=True,
        help_text=_("The languages calls and messages are answered in."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("web site"), blank=True)
    chat_url = models.URLField(_("chat"), blank=True, help_text=_("Link to the chat, if there is one."))
    is_anonymous = models.BooleanField(_("you can be anonymous"), default=False)
    anonymity_note = models.CharField(
        _("what anonymity means"),
        max_length=300,
        blank=True,
        help_text=_("For example “The call does not show on the phone bill.”"),
    )
    closed_on_holidays = models.BooleanField(
        _("closed on public holidays"),
        default=False,
        help_text=_(
            "Closed on Swedish public holidays and on Midsummer Eve, Christmas Eve and New Year's Eve."
        ),
    )
    hours_note = models.CharField(
        _("note on the hours"), max_length=300, blank=True, help_text=_("Shown under the opening hours.")
    )
    is_featured = models.BooleanField(_("show on the home page"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=100, help_text=_("Lower comes first."))
    # Not the publishing workflow (cks_portal.core.publishing): a support line is not an editorial
    # item with drafts and a publish time; it is a service that runs or not, shown or hidden.
    is_active = models.BooleanField(_("shown on the site"), default=True)
    last_verified = models.DateField(
        _("facts last verified"),
        null=True,
        blank=True,
        help_text=_("When someone last checked the number, hours and languages against the source."),
    )
    source_url = models.URLField(_("source"), blank=True, help_text=_("Where the facts were checked."))
    # A visiting address, for the lines people can also walk into; exported as an HSDS location.
    street_address = models.CharField(
        _("street address"), max_length=200, blank=True, help_text=_("For example “Södra Kyrkogatan 5”.")
    )
    postal_code = models.CharField(
        _("postal code"), max_length=10, blank=True, help_text=_("For example “503 38”.")
    )
    city = models.CharField(_("town"), max_length=100, blank=True)
    county = models.CharField(
        _("county"), max_length=100, blank=True, help_text=_("For example “Västra Götalands län”.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = SupportContactQuerySet.as_manager()
    # Who changed what and when; the hours and phones below keep their own history too.
    history = HistoricalRecords(excluded_fields=["updated_at", "search_vector", "translations_to_review"])

    # (field, weight) pairs of the search vector, most important first.
    # Translated fields in every language (cks_portal/core/i18n.py).
    SEARCH_WEIGHTS = (
        # A translation held back for review is not searched (i18n.searchable_columns).
        *((name, "A") for name in i18n.searchable_columns("name", reviewed=True)),
        ("organisation", "B"),
        *((name, "B") for name in i18n.searchable_columns("summary", reviewed=True)),
        *((name, "C") for name in i18n.searchable_columns("description", reviewed=True)),
    )

    class Meta:
        ordering = ["order", "name_sv"]
        verbose_name = _("support contact")
        verbose_name_plural = _("support contacts")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("support:detail", kwargs={"slug": self.slug})

    @staticmethod
    def get_index_url():
        return reverse("support:index")

    @property
    def organisation_uuid(self):
        return uuid.uuid5(ORGANISATION_NAMESPACE, self.organisation.strip().casefold())

    @property
    def has_visiting_address(self):
        return bool(self.street_address and self.postal_code and self.city)

    def clean(self):
        super().clean()
        address = {name: getattr(self, name).strip() for name in ADDRESS_FIELDS}
        if any(address.values()):
            missing = {
                name: ValidationError(
                    _("A visiting address needs a street, a postal code, a town and a county.")
                )
                for name, value in address.items()
                if not value
            }
            if missing:
                raise ValidationError(missing)

    @property
    def needs_verification(self):
        if not self.last_verified:
            return True
        return self.last_verified < timezone.localdate() - datetime.timedelta(days=VERIFY_EVERY_DAYS)

    def main_phone(self):
        """The first phone, from the list `for_home` or `for_cards` fetched when there is one."""
        phones = self.card_phones if hasattr(self, "card_phones") else list(self.phones.all())
        return phones[0] if phones else None

    def opening_state(self, moment=None):
        """Open or closed at `moment` (now by default), until when, and when it next opens.

        Uses the hours a list fetched (`SupportContactQuerySet.for_cards`, `with_hours`)
        when it has them, so it adds no queries to a list page.
        """
        moment = moment or timezone.now()
        if hasattr(self, "card_intervals"):
            intervals, exceptions = self.card_intervals, self.card_exceptions
        else:
            intervals, exceptions = list(self.intervals.all()), list(self.exceptions.all())
        return opening.state_at(moment, intervals, exceptions, self.closed_on_holidays)

    def is_open_at(self, moment):
        return self.opening_state(moment).is_open

    def weekly_hours(self):
        """[(day label, "09.00–12.00, 13.00–16.00"), …] with equal days grouped."""
        return opening.group_week(list(self.intervals.all()))

    def upcoming_exceptions(self, moment=None):
        today = timezone.localdate(moment) if moment else timezone.localdate()
        return [e for e in self.exceptions.all() if e.last_day >= today]


class PhoneNumber(LocalizedModel):
    class Kind(models.TextChoices):
        # The values are HSDS's phone types, so the export can use them as they are.
        VOICE = "voice", _("Phone")
        SMS = "sms", _("Text message (SMS)")
        TEXT = "text", _("Text telephone")
        FAX = "fax", _("Fax")

    contact = models.ForeignKey(
        SupportContact, verbose_name=_("support contact"), on_delete=models.CASCADE, related_name="phones"
    )
    uuid = models.UUIDField(_("identifier for open data"), default=uuid.uuid4, unique=True, editable=False)
    number = models.CharField(
        _("number"),
        max_length=30,
        help_text=_("Write it the Swedish way, for example “020-100 200”, or a short number like “114 14”."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.VOICE)
    note = models.CharField(_("note"), max_length=200, blank=True)
    languages = models.ManyToManyField(
        Language,
        verbose_name=_("languages on this number"),
        blank=True,
        related_name="phones",
        help_text=_("Only if this number answers in other languages than the contact as a whole."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("phone number")
        verbose_name_plural = _("phone numbers")

    def __str__(self):
        return self.display

    def get_absolute_url(self):
        return self.contact.get_absolute_url()

    def _parsed(self):
        try:
            return phonenumbers.parse(self.number or "", "SE")
        except phonenumbers.NumberParseException:
            return None

    def clean(self):
        parsed = self._parsed()
        if parsed is None or not (
            phonenumbers.is_valid_number(parsed)
            or shortnumberinfo.is_valid_short_number_for_region(parsed, "SE")
        ):
            raise ValidationError(
                {"number": _("“%(number)s” is not a phone number we can call.") % {"number": self.number}}
            )

    @property
    def display(self):
        """The number grouped as Swedes write it: "020-100 200", "08-123 456 78", "114 14"."""
        return dialling(self.number).display

    @property
    def tel_href(self):
        """A tel: link: E.164 ("tel:+4620100200"), or the short number as dialled ("tel:11414")."""
        return dialling(self.number).tel_href

    @property
    def e164(self):
        return self.tel_href.removeprefix("tel:")


@dataclass(frozen=True)
class Dialling:
    display: str
    tel_href: str
    is_short: bool


@functools.lru_cache(maxsize=2048)
def dialling(number):
    """How `number` (as an editor typed it) is shown, linked and classed.

    Parsing costs more than the rest of a list card, and a page shows each number two or
    three ways; the answer depends on the typed text alone, so it is kept per text and an
    edited number is never shown the old way."""
    number = number or ""
    parsed = phone.parse(number)
    if parsed is None:
        return Dialling(display=number, tel_href=phone.tel_href(number), is_short=False)
    is_short = phone.is_short(parsed)
    digits = phonenumbers.national_significant_number(parsed)
    return Dialling(
        display=_grouped(number, parsed, digits, is_short), tel_href=phone.tel_href(number), is_short=is_short
    )


def _grouped(number, parsed, digits, is_short):
    """A number the editor already grouped the Swedish way is shown as typed, because
    organisations have their own habits ("033-35 70 00"); bare digits are grouped here."""
    typed = " ".join(number.split())
    grouped = SWEDISH_GROUPING.fullmatch(typed)
    if grouped and parsed.country_code == 46:
        area = phonenumbers.length_of_national_destination_code(parsed)
        expected_area = f"0{digits[:area]}-" if area else None
        if grouped["area"] == expected_area:
            return typed
    if is_short:
        return opening.group_digits(digits)
    if parsed.country_code != 46:
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    area_length = phonenumbers.length_of_national_destination_code(parsed) or 2
    return f"0{digits[:area_length]}-{opening.group_digits(digits[area_length:])}"


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")

    @property
    def ical(self):
        return ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][self.value]


class TimeSpan(LocalizedModel):
    """Opens at a wall-clock time and closes later that day or, if ticked, the next day."""

    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"), help_text=_("00.00 means midnight at the end of the day."))
    closes_next_day = models.BooleanField(
        _("closes after midnight"),
        default=False,
        help_text=_(
            "Tick for lines open through the night, e.g. 22.00–02.00. 00.00–00.00 ticked is 24 hours."
        ),
    )

    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True

    @property
    def span(self):
        return opening.Span(self.opens, self.closes, self.closes_next_day)

    def clean_span(self):
        if self.opens is None or self.closes is None:
            return
        problem = self.span.problem()
        if problem == "closes_before_opens":
            raise ValidationError(
                {
                    "closes": _(
                        "It closes before it opens. If it is open past midnight, tick “closes after midnight”."
                    )
                }
            )
        if problem == "longer_than_a_day":
            raise ValidationError({"closes": _("One line can cover at most 24 hours.")})


class OpeningInterval(TimeSpan):
    contact = models.ForeignKey(
        SupportContact,
        verbose_name=_("support contact"),
        on_delete=models.CASCADE,
        related_name="intervals",
    )
    uuid = models.UUIDField(_("identifier for open data"), default=uuid.uuid4, unique=True, editable=False)
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)

    class Meta:
        ordering = ["weekday", "opens"]
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def __str__(self):
        return f"{Weekday(self.weekday).label} {self.span.label()}"

    def get_absolute_url(self):
        return self.contact.get_absolute_url()

    def clean(self):
        self.clean_span()


class OpeningExceptionQuerySet(models.QuerySet):
    def near(self, moment=None):
        """The exceptions that can change the state at `moment` (now by default) or the next
        opening within the horizon `support.opening` looks ahead."""
        today = timezone.localdate(moment) if moment else timezone.localdate()
        return self.filter(
            end_date__gte=today - datetime.timedelta(days=1),
            start_date__lte=today + datetime.timedelta(days=opening.HORIZON_DAYS),
        )


class OpeningException(TimeSpan):
    class Kind(models.TextChoices):
        CLOSED = "closed", _("Closed")
        SPECIAL = "special", _("Other hours")

    contact = models.ForeignKey(
        SupportContact,
        verbose_name=_("support contact"),
        on_delete=models.CASCADE,
        related_name="exceptions",
    )
    uuid = models.UUIDField(_("identifier for open data"), default=uuid.uuid4, unique=True, editable=False)
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("to and including"), blank=True, help_text=_("Empty means the same day."))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.CLOSED)
    opens = models.TimeField(_("opens"), null=True, blank=True, help_text=_("Only for other hours."))
    closes = models.TimeField(_("closes"), null=True, blank=True, help_text=_("Only for other hours."))
    reason = models.CharField(
        _("reason"),
        max_length=200,
        blank=True,
        help_text=_("Shown to visitors, for example “Staff training”."),
    )

    objects = OpeningExceptionQuerySet.as_manager()

    class Meta:
        ordering = ["start_date", "opens"]
        verbose_name = _("exception to the opening hours")
        verbose_name_plural = _("exceptions to the opening hours")

    def __str__(self):
        return f"{self.start_date} {self.get_kind_display()}"

    def get_absolute_url(self):
        return self.contact.get_absolute_url()

    @property
    def last_day(self):
        return self.end_date or self.start_date

    @property
    def is_closed(self):
        return self.kind == self.Kind.CLOSED

    def covers(self, day):
        return self.start_date <= day <= self.last_day

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The exception ends before it starts.")})
        if self.kind == self.Kind.SPECIAL:
            if self.opens is None or self.closes is None:
                raise ValidationError(_("Other hours need both an opening and a closing time."))
            self.clean_span()
        else:
            self.opens = self.closes = None
            self.closes_next_day = False

    def save(self, *args, **kwargs):
        if not self.end_date:
            self.end_date = self.start_date
        super().save(*args, **kwargs)


class ImportedServiceQuerySet(models.QuerySet):
    def in_conflict(self):
        return self.filter(conflict_since__isnull=False)


class ImportedService(models.Model):
    """Where an imported support contact comes from (an HSDS 3.0 API and the service's id
    there) and what the last sync wrote, so that the next sync can tell a local edit from a
    remote change (support/hsds_import.py).

    `synced_values` are the contact's imported fields as the last sync left them: a field
    that differs from them locally was edited here, one that differs remotely was changed
    there. A field changed on both sides, to different values, is a conflict: the contact
    keeps its local value, the remote one waits in `remote_values` until an editor chooses."""

    contact = models.OneToOneField(
        SupportContact,
        verbose_name=_("support contact"),
        on_delete=models.CASCADE,
        related_name="imported_from",
    )
    source_url = models.URLField(
        _("HSDS API"), max_length=500, help_text=_("The API the service comes from.")
    )
    remote_id = models.CharField(_("id at the source"), max_length=200)
    remote_modified = models.CharField(_("changed at the source"), max_length=40, blank=True)
    last_synced_at = models.DateTimeField(_("last synced"))
    synced_values = models.JSONField(_("values at the last sync"), default=dict)
    remote_values = models.JSONField(_("remote values waiting for a decision"), default=dict, blank=True)
    conflict_since = models.DateTimeField(_("conflict since"), null=True, blank=True)

    objects = ImportedServiceQuerySet.as_manager()

    class Meta:
        ordering = ["source_url", "remote_id"]
        verbose_name = _("imported service")
        verbose_name_plural = _("imported services")
        constraints = [
            models.UniqueConstraint(fields=["source_url", "remote_id"], name="support_imported_service_once")
        ]

    def __str__(self):
        return f"{self.source_url} {self.remote_id}"

    def get_absolute_url(self):
        return self.contact.get_absolute_url()

    @property
    def has_conflict(self):
        return self.conflict_since is not None
