"""A list's bulk actions change content, so they need the change permission: a staff member
who may only view a list must not publish, withdraw or feature through it."""

import pytest
from django.contrib.auth.models import Permission

from cks_portal.core.publishing import State
from tests.conftest import log_in_through_admin, make_staff
from tests.factories import make_news, make_publication


@pytest.fixture
def viewer(db, two_factor_on, django_user_model, client):
    """A staff member who may view publications and news but change nothing."""
    user = make_staff(django_user_model, "tittare")
    user.user_permissions.add(*Permission.objects.filter(codename__in=["view_publication", "view_newsitem"]))
    return log_in_through_admin(client, user)


@pytest.mark.parametrize(
    ("url", "action", "make", "unchanged"),
    [
        (
            "/admin/knowledge_bank/publication/",
            "withdraw",
            make_publication,
            lambda item: item.state == State.PUBLISHED,
        ),
        (
            "/admin/knowledge_bank/publication/",
            "feature",
            make_publication,
            lambda item: not item.featured,
        ),
        (
            "/admin/news/newsitem/",
            "withdraw",
            make_news,
            lambda item: item.state == State.PUBLISHED,
        ),
    ],
)
def test_a_staff_member_who_may_only_view_cannot_change_content_with_a_bulk_action(
    viewer, url, action, make, unchanged
):
    item = make()
    assert viewer.get(url).status_code == 200

    viewer.post(url, {"action": action, "_selected_action": [item.pk], "index": 0})

    item.refresh_from_db()
    assert unchanged(item)
    assert item.history.count() == 1
