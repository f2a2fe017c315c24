"""The publishing workflow's fields as tests send them (cks_portal.core.publishing)."""

from cks_portal.core.publishing import State


def published_form(date="2025-01-01", time="10:00:00"):
    """What an admin change form posts for an item published since `date` `time`."""
    return {"state": State.PUBLISHED, "publish_at_0": date, "publish_at_1": time}
