"""Strings from django-simple-history, which ships no Swedish translation, listed here so that
makemessages puts them in our catalogue and the admin's history pages speak Swedish.
Never imported; gettext_noop only marks them."""

from django.utils.translation import gettext_noop

gettext_noop("History")
gettext_noop("Changes")
gettext_noop("Change History")
gettext_noop("Change history: %s")
gettext_noop("View history: %s")
gettext_noop("Revert %s")
gettext_noop("View %s")
gettext_noop("Revert %(verbose_name)s")
gettext_noop("View %(verbose_name)s")
gettext_noop("Revert")
gettext_noop("Close")
gettext_noop("Date/time")
gettext_noop("Comment")
gettext_noop("Changed by")
gettext_noop("Change reason")
gettext_noop("Object")
gettext_noop("Created")
gettext_noop("Changed")
gettext_noop("Deleted")
gettext_noop("Deleted %(type_name)s")
gettext_noop("None")
gettext_noop("You may edit it again below")
gettext_noop('The %(name)s "%(obj)s" was changed successfully.')
gettext_noop("Press the 'Revert' button below to revert to this version of the object.")
gettext_noop("Press the 'Change History' button below to edit the history.")
gettext_noop("This object doesn't have a change history.")
gettext_noop("Choose a date from the list below to revert to a previous version of this object.")

# django-axes: the models an administrator opens to see and clear lockouts.
gettext_noop("access failure")
gettext_noop("access failures")
gettext_noop("access attempt")
gettext_noop("access attempts")
gettext_noop("access log")
gettext_noop("access logs")
