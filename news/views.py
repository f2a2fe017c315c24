from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from cks_portal.core import i18n, page_cache, search
from cks_portal.core.admin_site import is_verified_staff
from cks_portal.core.models import EDITOR_FIELDS_LEFT_OUT
from news import calendar as ical
from news import registration as reg
from news import selectors
from news.forms import RegistrationForm
from news.models import Event, NewsItem, Registration, RegistrationClosed

NEWS_PER_PAGE = 10
EVENTS_PER_PAGE = 20


def _can_preview(user, model):
    return is_verified_staff(user) and user.has_perm(f"news.view_{model._meta.model_name}")


def _visible_or_404(request, queryset, slug):
    """The published object, or for staff any object (a preview); everyone else gets 404."""
    item = get_object_or_404(queryset, slug=slug)
    if not item.is_published and not _can_preview(request.user, queryset.model):
        raise Http404
    return item


def _year_filter(value):
    """The year in ?year=, or None; a message when it is not a year."""
    if not value:
        return None, None
    if value.isascii() and value.isdigit() and 1900 <= int(value) <= 2999:
        return int(value), None
    return None, _("“%(value)s” is not a year. Showing all years.") % {"value": value[:20]}


@page_cache.reads_ahead
def index(request):
    notices = []
    year, message = _year_filter(request.GET.get("year", "").strip())
    if message:
        notices.append(message)
    query = search.clean_query(request.GET.get("q", ""))
    topics = selectors.topics_with_news()
    topic = None
    topic_slug = request.GET.get("topic", "").strip()
    if topic_slug:
        topic = next((t for t in topics if t.slug == topic_slug), None)
        if topic is None:
            notices.append(_("There is no news on that topic. Showing all topics."))
    page = selectors.news_page(NEWS_PER_PAGE, request.GET.get("page"), year=year, topic=topic, query=query)
    years = selectors.years_with_news  # a callable: the kept filter that lists them rarely asks
    return render(
        request,
        "news/index.html",
        {
            "page_obj": page,
            "topics": topics,
            "topic": topic,
            "years": years,
            "year": year,
            "query": query,
            "notices": notices,
            "breadcrumbs": [(reverse("news:index"), _("News"))],
        },
    )


def detail(request, slug):
    found = selectors.published_news(slug)
    if found is not None:
        item, related = found
    else:
        # Not published: only staff who may see drafts get a preview.
        item = selectors.any_news(slug)
        if item is None or not (item.is_published or _can_preview(request.user, NewsItem)):
            raise Http404
        related = selectors.related_news(item)
    return render(
        request,
        "news/detail.html",
        {
            "item": item,
            "related": related,
            "outdated_months": round(settings.NEWS_OUTDATED_AFTER / 30.44),
            "absolute_url": request.build_absolute_uri(item.get_absolute_url()),
            "breadcrumbs": [(reverse("news:index"), _("News")), (item.get_absolute_url(), item.title)],
            # News is written in Swedish only (news/sitemaps.py).
            "page_languages": [i18n.DEFAULT_LANGUAGE],
        },
    )


@page_cache.reads_ahead
def calendar(request):
    """The upcoming events, soonest first, EVENTS_PER_PAGE to a page; the past ones have
    their own list (`past_events`)."""
    page = selectors.upcoming_page(EVENTS_PER_PAGE, request.GET.get("page"))
    return render(
        request,
        "news/calendar.html",
        {"page_obj": page, "breadcrumbs": [(reverse("news:calendar"), _("Calendar"))]},
    )


@page_cache.reads_ahead
def past_events(request):
    """Events that are over, the latest first, EVENTS_PER_PAGE to a page."""
    page = selectors.past_page(EVENTS_PER_PAGE, request.GET.get("page"))
    return render(
        request,
        "news/past_events.html",
        {
            "page_obj": page,
            "breadcrumbs": [
                (reverse("news:calendar"), _("Calendar")),
                (reverse("news:past_events"), _("Past events")),
            ],
        },
    )


def _event_or_404(request, slug):
    return _visible_or_404(
        request,
        Event.objects.select_related("updated_by").defer(*EDITOR_FIELDS_LEFT_OUT).with_registration_counts(),
        slug,
    )


@require_safe
def event_detail(request, slug):
    """The event page. It only links to the registration form (`register`), which has a page
    of its own: the form's CSRF token is a cookie, and a reader of the event page gets none."""
    event = _event_or_404(request, slug)
    return render(
        request,
        "news/event_detail.html",
        {
            "event": event,
            "absolute_url": request.build_absolute_uri(event.get_absolute_url()),
            "page_languages": [i18n.DEFAULT_LANGUAGE],
            "breadcrumbs": [
                (reverse("news:calendar"), _("Calendar")),
                (event.get_absolute_url(), event.title),
            ],
        },
    )


def _registration_error(request, form):
    """(message, status) when a valid-looking submission must not be registered, else (None, None)."""
    if reg.rate_limited(request):
        minutes = max(round(settings.REGISTRATION_RATE_WINDOW / 60), 1)
        message = _(
            "You have sent the form many times in a short while. Please wait up to "
            "%(minutes)s minutes and try again, or write to us if you need help."
        ) % {"minutes": minutes}
        return message, 429
    if form.is_valid() and form.is_spam:
        message = _(
            "The form could not be sent because the hidden field “Leave this field empty” "
            "was filled in. Empty it and send the form again."
        )
        return message, 400
    return None, None


def register(request, slug):
    """The registration form of an event. Errors are shown beside the fields with the input
    kept; a registration ends on the same page (`registration_sent`) whatever happened, and
    the e-mail tells the owner of the address the rest."""
    event = _event_or_404(request, slug)
    if not event.takes_registrations_here:
        raise Http404
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    form = None
    status = 200
    if not event.registration_is_open:
        status = 409 if request.method == "POST" else 200  # closed while the form was open
    elif request.method == "POST":
        form = RegistrationForm(request.POST)
        message, status = _registration_error(request, form)
        if message:
            form.add_error(None, message)
        elif form.is_valid():
            try:
                reg.register(
                    request,
                    event,
                    name=form.cleaned_data["name"],
                    email=form.cleaned_data["email"],
                    organisation=form.cleaned_data["organisation"],
                    needs=form.cleaned_data["needs"],
                    language=get_language(),
                )
            except RegistrationClosed as closed:
                form.add_error(None, str(closed))
                status = 409
            else:
                return redirect("news:registration_sent", slug=event.slug)
        else:
            status = 400
    else:
        form = RegistrationForm()
    return render(
        request,
        "news/register.html",
        {"event": event, "form": form, "breadcrumbs": _event_breadcrumbs(event, _("Register"))},
        status=status,
    )


@require_safe
def registration_sent(request, slug):
    """The page after sending the form: the same for everyone, so it tells a visitor nothing
    about a registration made with the address they typed."""
    event = _event_or_404(request, slug)
    if not event.takes_registrations_here:
        raise Http404
    return render(
        request,
        "news/registration_sent.html",
        {"event": event, "breadcrumbs": _event_breadcrumbs(event, _("Register"))},
    )


def _event_breadcrumbs(event, *extra):
    crumbs = [(reverse("news:calendar"), _("Calendar")), (event.get_absolute_url(), event.title)]
    return crumbs + [(event.get_registration_url(), title) for title in extra]


def _registration_from_link(request, slug, token):
    """(registration, None) for a valid personal link, else (None, a page explaining why)."""
    problem = None
    try:
        pk = reg.read_token(token)
    except reg.LinkExpired:
        problem, status = "expired", 410
    except signing.BadSignature:
        problem, status = "invalid", 404
    else:
        registration = Registration.objects.select_related("event").filter(pk=pk, event__slug=slug).first()
        if registration is None:
            problem, status = "gone", 404
    if problem:
        page = render(
            request,
            "news/registration_link_problem.html",
            {"problem": problem, "breadcrumbs": [(reverse("news:calendar"), _("Calendar"))]},
            status=status,
        )
        return None, page
    return registration, None


def _registration_breadcrumbs(registration):
    return _event_breadcrumbs(registration.event)


# The personal pages show a person's details: never kept in the shared page cache or by a
# browser or proxy (never_cache sends Cache-Control: private, no-store among others).
@never_cache
def registration_status(request, slug, token):
    """The registrant's own page: confirmed, on the waiting list (and where) or cancelled."""
    registration, problem = _registration_from_link(request, slug, token)
    if problem:
        return problem
    return render(
        request,
        "news/registration_status.html",
        {
            "registration": registration,
            "event": registration.event,
            "position": registration.waiting_position() if registration.is_waitlisted else None,
            "cancel_url": reg.cancel_url(registration),
            "breadcrumbs": _registration_breadcrumbs(registration),
        },
    )


@never_cache
def registration_cancel(request, slug, token):
    """Asks before cancelling (GET), cancels on POST and tells whoever moves up from the waiting list."""
    registration, problem = _registration_from_link(request, slug, token)
    if problem:
        return problem
    if request.method == "POST":
        reg.cancel(request, registration)
        return redirect(reg.status_url(registration))
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    return render(
        request,
        "news/registration_cancel.html",
        {
            "registration": registration,
            "event": registration.event,
            "status_url": reg.status_url(registration),
            "breadcrumbs": _registration_breadcrumbs(registration),
        },
    )


def _ics_response(calendar_bytes, filename, disposition="attachment"):
    response = HttpResponse(calendar_bytes, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def event_ics(request, slug):
    event = get_object_or_404(Event.objects.published(), slug=slug)
    return _ics_response(ical.calendar_for(request, [event]), f"{event.slug}.ics")


def calendar_ics(request):
    # Calendar programs subscribe to this: upcoming events and those of the last year.
    since = timezone.now() - timedelta(days=365)
    events = Event.objects.published().filter(end__gte=since).order_by("start")[:200]
    # Inline: it is a feed that calendar programs subscribe to, not a file to save.
    return _ics_response(ical.calendar_for(request, events), "kalender.ics", disposition="inline")


def home_context(request):
    """What the home page shows from this app: the latest three news items, the next three events."""
    return {
        "latest_news": selectors.latest_news(3),
        "next_events": selectors.upcoming_events(3),
    }
