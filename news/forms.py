from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Layout, Submit
from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from news.models import Registration


class RegistrationForm(forms.ModelForm):
    consent = forms.BooleanField(
        required=True,
        error_messages={"required": _("Tick the box to show that you have read how we use your data.")},
    )
    # The honeypot: hidden from people (by CSS, from screen readers and the tab order) but
    # filled in by most robots that fill in every field.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta:
        model = Registration
        fields = ["name", "email", "organisation", "needs"]
        widgets = {"needs": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "name": {"required": _("Write your name.")},
            "email": {
                "required": _("Write your e-mail address, so that we can send you a confirmation."),
                "invalid": _("Write the e-mail address as name@example.se."),
            },
            "organisation": {"required": _("Write the organisation you work for or represent.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        self.fields["consent"].label = format_html(
            '{} <a href="{}">{}</a>',
            _("I have read how my data is used and deleted after the event:"),
            reverse("page", kwargs={"slug": "personuppgifter"}),
            _("personal data"),
        )
        self.helper = FormHelper()
        # The form is posted back to its own page, which keeps it and its errors in one place.
        self.helper.form_action = ""
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(
            "name",
            "email",
            "organisation",
            "needs",
            Field("consent", template="news/_consent_field.html"),
            Div("website", css_class="hp-field", aria_hidden="true"),
            Submit("register", _("Register")),
        )

    def clean_email(self):
        return self.cleaned_data["email"].strip()

    @property
    def is_spam(self):
        """True when the honeypot was filled in. Read after is_valid()."""
        return bool(self.cleaned_data.get("website", "").strip())
