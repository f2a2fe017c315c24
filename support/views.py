import datetime

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from cks_portal.core import page_cache
from support import selectors
from support.forms import ContactFilterForm
from support.models import SupportContact
from support.schema_org import contact_json_ld


def _with_states(request, contacts, moment):
    """Each contact with its open/closed state; a cached copy of the page ends when the
    first of them changes, or at midnight, when "tomorrow" becomes "today"."""
    pairs = [(contact, contact.opening_state(moment)) for contact in contacts]
    _expire_with(request, [state for _contact, state in pairs], moment)
    return pairs


def _expire_with(request, states, moment):
    page_cache.expire_at(request, _next_change(states, moment))


def _next_change(states, moment):
    """The first moment at which one of `states` changes, or midnight, when "tomorrow"
    becomes "today" and a weekday becomes "tomorrow"; what the states say holds until then."""
    local = timezone.localtime(moment)
    midnight = (local + datetime.timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    changes = [state.closes_at or state.opens_at for state in states]
    return min([midnight, *(change for change in changes if change)])


def index(request):
    now = timezone.now()
    form = ContactFilterForm(request.GET or None)
    filters = form.chosen()
    page = selectors.contacts_page(
        now, settings.SUPPORT_PAGE_SIZE, request.GET.get("page"), **form.selected()
    )

    def render_listing():
        # The count, the cards with their open states and the page links. Kept rendered until
        # content changes or the first state does: the rows are not even read while it lasts.
        pairs = [(contact, contact.opening_state(now)) for contact in page.object_list]
        html = render_to_string(
            "support/_listing.html", {"page_obj": page, "contacts": pairs, "filters": filters}, request
        )
        return html, _next_change([state for _contact, state in pairs], now)

    listing, until = page_cache.kept_fragment(f"support:{page.memo_name}", now, render_listing)
    page_cache.expire_at(request, until)
    context = {
        "form": form,
        "listing": listing,
        "page_obj": page,
        "is_filtered": bool(filters),
        "breadcrumbs": [(request.path, _("Support and advice"))],
    }
    return render(request, "support/index.html", context)


def detail(request, slug):
    now = timezone.now()

    contact = selectors.active_contact(slug, now)
    if contact is None:
        raise Http404
    state = contact.opening_state(now)
    _expire_with(request, [state], now)
    context = {
        "contact": contact,
        "state": state,
        "week": contact.weekly_hours,  # a callable: the kept fragment that prints it rarely asks
        "exceptions": contact.upcoming_exceptions(now),
        "json_ld": contact_json_ld(contact, request),
        "breadcrumbs": [
            (SupportContact.get_index_url(), _("Support and advice")),
            (contact.get_absolute_url(), contact.t.name),
        ],
    }
    return render(request, "support/detail.html", context)


def home_context(request):
    """What the home page shows from this app: the featured lines and whether they are open."""
    now = timezone.now()
    contacts = selectors.featured_contacts(now, 4)
    return {"support_contacts": _with_states(request, contacts, now)}
