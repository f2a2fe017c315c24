"""The public pages' reads of editable pages, and what they remember."""

from cks_portal.core.models import EDITOR_FIELDS_LEFT_OUT
from cks_portal.core.page_cache import memo
from cks_portal.pages.models import Page


def scheduled_changes(now):
    """A page scheduled for later goes live at its publish time, without a save (registered
    with the cache layer)."""
    return [(Page.objects.going_live(now), "publish_at")]


def about_page():
    """The published "About us" page (only its address, for the home page's link), or None."""
    return memo("home:about", lambda: Page.objects.published().filter(slug="om-oss").only("slug").first())


def published_page(slug):
    """The published page at `slug`, or None. Not remembered: the whole page is, by the page
    cache, and an edited page must show at once to staff too."""
    return (
        Page.objects.published()
        .select_related("updated_by")
        .defer(*EDITOR_FIELDS_LEFT_OUT, "search_vector")
        .filter(slug=slug)
        .first()
    )
