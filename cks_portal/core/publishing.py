"""The one editorial workflow of the site, shared by pages, news items, events and publications.

An item is a draft, scheduled, published or withdrawn. What the public sees is decided in one
place, `PublishingQuerySet.published()`: a public state and a publish time that has come. The
time is part of the query, so a scheduled item goes live by itself without a cron job, and the
page cache asks `going_live()` for the next such moment.

Also here: "changed at/by" (`ChangeRecorded`), which the admin's `RecordsEditorMixin` fills in.
"""

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from cks_portal.core.bulk import SaveEachQuerySet


class State(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")

    @classmethod
    def public(cls):
        """States whose items are public once their publish time has come."""
        return [cls.SCHEDULED, cls.PUBLISHED]


class PublishingQuerySet(SaveEachQuerySet):
    def _public_state(self):
        return self.filter(state__in=State.public())

    def published(self, now=None):
        """The one definition of "visible to the public": a public state and a publish time
        that has come (by `now`, a parameter for statements compiled once: core.statements)."""
        return self._public_state().filter(publish_at__lte=now or timezone.now())

    def going_live(self, now=None):
        """Items in a public state whose publish time is still to come: they join `published()`
        at that time by themselves."""
        return self._public_state().filter(publish_at__gt=now or timezone.now())


def state_field(default=State.DRAFT):
    """The state column; a model whose new items are public at once passes its own default."""
    return models.CharField(
        _("state"),
        max_length=12,
        choices=State,
        default=default,
        db_index=True,
        help_text=_(
            "Draft and withdrawn are seen only by staff. Scheduled goes live by itself at the "
            "publish time; published is visible from the publish time."
        ),
    )


class Publishing(models.Model):
    """State and publish time; the querysets of subclasses derive from PublishingQuerySet."""

    state = state_field()
    publish_at = models.DateTimeField(
        _("publish time"),
        default=timezone.now,
        db_index=True,
        help_text=_("Shown as the publishing date. A time in the future keeps the item hidden until then."),
    )

    objects = PublishingQuerySet.as_manager()

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if (
            self.state == State.SCHEDULED
            and self.publish_at
            and self._state.adding
            and self.publish_at <= timezone.now()
        ):
            raise ValidationError({"publish_at": _("A scheduled item needs a publish time in the future.")})

    @property
    def is_published(self):
        """The Python twin of `published()`, for an object already loaded."""
        return self.state in State.public() and self.publish_at <= timezone.now()

    @property
    def status_label(self):
        """The state as an editor thinks of it: "Scheduled" until the time comes."""
        if self.state in State.public():
            return State.PUBLISHED.label if self.is_published else State.SCHEDULED.label
        return self.get_state_display()


class ChangeRecorded(models.Model):
    """When an item was last changed and by whom (set by the admin's RecordsEditorMixin)."""

    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        abstract = True


class PublishingAdminMixin:
    """The same words in every admin list: a state filter, the state as editors think of it,
    and actions to publish and withdraw. The actions save each item (cks_portal.core.bulk), so
    history, cached pages and the conflict guard follow as after a change form. An admin may
    name its items in the messages by overriding `published_message`/`withdrawn_message`."""

    actions = ["publish", "withdraw"]
    published_message = ngettext_lazy(
        "%(count)d item was published.", "%(count)d items were published.", "count"
    )
    withdrawn_message = ngettext_lazy(
        "%(count)d item was withdrawn.", "%(count)d items were withdrawn.", "count"
    )

    @admin.display(description=_("state"), ordering="state")
    def status(self, obj):
        return obj.status_label

    @admin.action(description=_("Publish the selected items"), permissions=["change"])
    def publish(self, request, queryset):
        count = queryset.save_each(
            request.user, _("Published with a bulk action in the list"), state=State.PUBLISHED
        )
        self.message_user(request, self.published_message % {"count": count})

    @admin.action(description=_("Withdraw the selected items"), permissions=["change"])
    def withdraw(self, request, queryset):
        count = queryset.save_each(
            request.user, _("Withdrawn with a bulk action in the list"), state=State.WITHDRAWN
        )
        self.message_user(request, self.withdrawn_message % {"count": count})
