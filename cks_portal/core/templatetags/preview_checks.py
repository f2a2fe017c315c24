"""The accessibility check in the staff preview of a draft (issue 19).

`{% preview_accessibility_check %}` in a preview notice loads axe-core and the panel that lists
its findings, for verified staff only: an anonymous reader never gets axe's 650 KB, and a staff
member stopped at the login's code step sees the public site (`is_verified_staff`)."""

from django import template

from cks_portal.core.admin_site import is_verified_staff

register = template.Library()


@register.inclusion_tag("cks_portal/_preview_checks.html", takes_context=True)
def preview_accessibility_check(context):
    request = context.get("request")
    return {"show": request is not None and is_verified_staff(request.user)}
