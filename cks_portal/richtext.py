"""Rich text that staff write in the admin.

There is one allow-list for the whole site. Text is cleaned when it is saved, so the
database never holds markup the site would not render, and templates can print it as is.
"""

import nh3
from django.db import models
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "strong",
    "em",
    "b",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "ul",
    "ol",
    "li",
    "blockquote",
    "a",
    "abbr",
    "cite",
    "q",
    "code",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "caption",
    "figure",
    "figcaption",
    "hr",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang", "lang"},
    "abbr": {"title"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
    "*": {"lang", "dir"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitize_html(html):
    """Return `html` reduced to the site's allow-list (scripts, handlers, styles removed)."""
    if not html:
        return ""
    attributes = {tag: set(attrs) | ALLOWED_ATTRIBUTES["*"] for tag, attrs in ALLOWED_ATTRIBUTES.items()}
    for tag in ALLOWED_TAGS:
        attributes.setdefault(tag, set(ALLOWED_ATTRIBUTES["*"]))
    attributes.pop("*")
    return nh3.clean(
        html.replace("\x00", ""),
        tags=ALLOWED_TAGS,
        attributes=attributes,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


class RichTextField(models.TextField):
    """A TextField whose HTML is sanitised on every save."""

    def pre_save(self, model_instance, add):
        value = sanitize_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def from_db_value(self, value, expression, connection):
        # Stored values were cleaned on save; marking them safe lets templates print them.
        return mark_safe(value) if value else value  # noqa: S308
