from django import forms
from django.utils.translation import gettext_lazy as _

from support.models import Audience, Language


class ContactFilterForm(forms.Form):
    """The GET filters on /stod/: plain links and a form that work without JavaScript."""

    language = forms.ModelChoiceField(
        queryset=Language.objects.filter(contacts__is_active=True).distinct(),
        to_field_name="code",
        required=False,
        label=_("Language they answer in"),
        empty_label=_("Any language"),
        error_messages={"invalid_choice": _("We have no support line in that language.")},
    )
    audience = forms.ModelChoiceField(
        queryset=Audience.objects.filter(contacts__is_active=True).distinct(),
        to_field_name="slug",
        required=False,
        label=_("Who it is for"),
        empty_label=_("Everyone"),
        error_messages={"invalid_choice": _("That group is not one of the choices.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].label_from_instance = lambda language: language.t.name
        self.fields["audience"].label_from_instance = lambda audience: audience.t.name

    def filter(self, contacts):
        if not self.is_valid():
            return contacts
        if self.cleaned_data["language"]:
            contacts = contacts.filter(languages=self.cleaned_data["language"])
        if self.cleaned_data["audience"]:
            contacts = contacts.filter(audiences=self.cleaned_data["audience"])
        return contacts
