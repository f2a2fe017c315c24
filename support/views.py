from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from support.forms import ContactFilterForm
from support.models import SupportContact
from support.schema_org import contact_json_ld


def _with_states(contacts, moment):
    return [(contact, contact.opening_state(moment)) for contact in contacts]


def index(request):
    now = timezone.now()
    form = ContactFilterForm(request.GET or None)
    contacts = form.filter(SupportContact.objects.active().for_listing(now)).distinct()
    context = {
        "form": form,
        "contacts": _with_states(contacts, now),
        "is_filtered": form.is_bound and form.is_valid() and any(form.cleaned_data.values()),
        "breadcrumbs": [(request.path, _("Support and advice"))],
    }
    return render(request, "support/index.html", context)


def detail(request, slug):
    now = timezone.now()
    contact = get_object_or_404(SupportContact.objects.active().for_listing(now), slug=slug)
    context = {
        "contact": contact,
        "state": contact.opening_state(now),
        "week": contact.weekly_hours(),
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
    contacts = SupportContact.objects.active().filter(is_featured=True).for_listing(now)[:4]
    return {"support_contacts": _with_states(contacts, now)}
