"""Staff roles: one group per kind of work, each allowed to change exactly its own models.

The groups are created by a data migration; their permissions are (re)applied after every
`migrate`, because permissions for a model exist only once that model's app has migrated.
A model listed here that does not exist yet is skipped.
"""

EDITOR = "Redaktör"
LIBRARIAN = "Kunskapsbank"
SUPPORT_EDITOR = "Stödinformation"

# group -> "app_label.model" whose add/change/delete/view permissions the group gets.
ROLE_MODELS = {
    EDITOR: [
        "pages.page",
        "news.newsitem",
        "news.event",
        "news.registration",
    ],
    LIBRARIAN: [
        "cks_portal.topic",
        "cks_portal.thesaurusentry",
        "knowledge_bank.publication",
        "knowledge_bank.author",
        "knowledge_bank.publicationauthor",
    ],
    SUPPORT_EDITOR: [
        "support.supportcontact",
        "support.phonenumber",
        "support.openinginterval",
        "support.openingexception",
        "support.language",
        "support.audience",
    ],
}

# Models a group may look up (for choosers in its forms) without changing them.
ROLE_VIEW_ONLY = {
    EDITOR: ["cks_portal.topic"],
    SUPPORT_EDITOR: ["cks_portal.topic"],
}

ACTIONS = ("add", "change", "delete", "view")


def expected_permissions(group_name):
    """The set of "app_label.codename" strings the group should hold."""
    perms = set()
    for label in ROLE_MODELS.get(group_name, []):
        app_label, model = label.split(".")
        perms.update(f"{app_label}.{action}_{model}" for action in ACTIONS)
    for label in ROLE_VIEW_ONLY.get(group_name, []):
        app_label, model = label.split(".")
        perms.add(f"{app_label}.view_{model}")
    return perms


def sync_role_permissions(sender=None, using="default", **kwargs):
    from django.contrib.auth.models import Group, Permission

    for group_name in ROLE_MODELS:
        group, _created = Group.objects.using(using).get_or_create(name=group_name)
        wanted = expected_permissions(group_name)
        found = [
            perm
            for perm in Permission.objects.using(using).select_related("content_type")
            if f"{perm.content_type.app_label}.{perm.codename}" in wanted
        ]
        group.permissions.set(found)
