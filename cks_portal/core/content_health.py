"""Content health: what needs an editor's attention, per role (issue 19, point 3).

Each app registers a provider (`registry.register_content_health`) that returns sections such
as "support contacts not verified for six months", each with the permission needed to fix its
items and the items themselves, each linking to the admin page where it is fixed. The admin
index shows a user the sections their permissions reach; `send_content_digest` mails each
role's members the sections of that role. An empty list means everything is fine.
"""

from dataclasses import dataclass, field

from django.utils import timezone

from cks_portal.core import registry
from cks_portal.core.roles import ROLE_MODELS, expected_permissions

# Items of one section listed by name; the rest are counted, with a link to the full list.
ITEMS_SHOWN = 10


@dataclass(frozen=True)
class HealthItem:
    text: str
    url: str  # the admin page where it is fixed
    detail: str = ""


@dataclass
class HealthSection:
    key: str
    heading: str
    permission: str  # "app_label.codename" needed to fix the items
    items: list = field(default_factory=list)
    total: int = 0  # items in all, when more than `items` were found
    list_url: str = ""  # an admin list of them all, when there is one

    @property
    def count(self):
        return max(self.total, len(self.items))

    @property
    def more(self):
        return self.count - len(self.items)


def all_sections(today=None):
    """Every provider's sections that have items, in the providers' order."""
    today = today or timezone.localdate()
    sections = []
    for provider in registry.content_health_providers():
        sections.extend(section for section in provider(today) if section.items)
    return sections


def sections_for_user(user, today=None):
    if not (user.is_active and user.is_staff):
        return []
    return [section for section in all_sections(today) if user.has_perm(section.permission)]


def sections_for_role(group_name, today=None, sections=None):
    permissions = expected_permissions(group_name)
    sections = all_sections(today) if sections is None else sections
    return [section for section in sections if section.permission in permissions]


def roles():
    return list(ROLE_MODELS)
