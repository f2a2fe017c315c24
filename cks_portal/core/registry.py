"""What the site asks of its apps, filled by each app in its `AppConfig.ready()`.

The core and the project's pages (home, /sok/, the sitemap, the main navigation, a page's
address) need something from every app, but the core imports no app: an app registers its
parts here instead, and the core reads the registry. Each entry has an `order`, because the
order on the page is an editorial choice, not the order of INSTALLED_APPS.

    from cks_portal.core import registry

    registry.register_home_box("news", _("Latest news"), "news/_home_news.html", context=home_context, order=20)
    registry.register_search_provider(news_results, order=30)
    registry.register_sitemaps({"news": NewsSitemap}, order=30)
    registry.register_navigation(_("News"), "news:index", "/nyheter/", order=20)
    registry.register_reserved_slugs("nyheter", "kalender")

The next scheduled change has its own register in `page_cache.register_scheduled_changes`.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class HomeBox:
    """A section of the home page: a heading and an app's template. `context(request)`
    returns what the template needs; boxes of one app may share one function."""

    key: str
    heading: str
    template: str
    context: object = None
    modifier: str = ""


@dataclass(frozen=True)
class NavigationEntry:
    """A link in the main navigation; `prefix` is the path that marks its section as current."""

    label: str
    url_name: str
    prefix: str
    kwargs: dict = field(default_factory=dict)


# (order, entry) pairs; read through the functions below, which sort them.
_home_boxes = []
_home_contexts = []
_search_providers = []
_suggestion_providers = []
_sitemaps = []
_sitemap_sections = []
_navigation = []
_reserved_slugs = set()
_content_health = []


def _add(entries, order, entry):
    # ready() may run twice (tests that reload apps): register each entry once.
    if all(existing != entry for _order, existing in entries):
        entries.append((order, entry))


def _sorted(entries):
    return [entry for _order, entry in sorted(entries, key=lambda pair: pair[0])]


def register_home_box(key, heading, template, *, context=None, order, modifier=""):
    _add(_home_boxes, order, HomeBox(key, heading, template, context, modifier))


def register_home_context(context):
    """`context(request)` adds to the home page's context outside any box."""
    _add(_home_contexts, 0, context)


def home_boxes():
    return _sorted(_home_boxes)


def home_context(request):
    """Every box's template context, each context function called once."""
    context, called = {}, []
    for function in _sorted(_home_contexts):
        context.update(function(request))
    for box in home_boxes():
        if box.context is not None and box.context not in called:
            called.append(box.context)
            context.update(box.context(request))
    return context


def register_search_provider(provider, *, order):
    """`provider` is a `search.SiteSearchProvider` (`provider(query, limit)` returns a
    `search.SearchGroup`); /sok/ shows the groups by order."""
    _add(_search_providers, order, provider)


def search_providers():
    return _sorted(_search_providers)


def register_suggestion_provider(provider, *, order):
    """`provider(prefix, limit)` returns at most `limit` `suggest.Suggestion`s for the words
    being typed in a search box (`suggest.Prefix`); /sok/forslag/ lists them by order."""
    _add(_suggestion_providers, order, provider)


def suggestion_providers():
    return _sorted(_suggestion_providers)


def register_sitemaps(sitemaps, *, order):
    """A dict of section name → Sitemap class, merged into /sitemap.xml."""
    _add(_sitemaps, order, sitemaps)


def sitemaps():
    merged = {}
    for section in _sorted(_sitemaps):
        merged.update(section)
    return merged


def register_sitemap_sections(*url_names, order):
    """Index pages (URL names without arguments) listed in the sitemap's "sections" part."""
    for url_name in url_names:
        _add(_sitemap_sections, order, url_name)


def sitemap_sections():
    return _sorted(_sitemap_sections)


def register_navigation(label, url_name, prefix, *, kwargs=None, order):
    _add(_navigation, order, NavigationEntry(label, url_name, prefix, kwargs or {}))


def navigation():
    return _sorted(_navigation)


def register_reserved_slugs(*slugs):
    """First path segments an app's URLs use, so that no editable page can take them."""
    _reserved_slugs.update(slugs)


def reserved_slugs():
    return frozenset(_reserved_slugs)


def register_content_health(provider, *, order):
    """`provider(today)` returns the app's `content_health.HealthSection`s: what its staff
    should fix (the admin index and the weekly digest show them to the role that may)."""
    _add(_content_health, order, provider)


def content_health_providers():
    return _sorted(_content_health)
