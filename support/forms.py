from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import ModelChoiceIterator
from django.http import QueryDict
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from support import selectors
from support.models import Audience, Language


class _ListedChoices(ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.field.listed():
            yield self.choice(obj)

    def __len__(self):
        return len(self.field.listed()) + (self.field.empty_label is not None)


class ListedChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField that reads its choices once per form and checks a chosen value
    against them: one query for both the list and the validation, instead of two."""

    iterator = _ListedChoices

    def __init__(self, *args, listed=None, **kwargs):
        """`listed`: a function that returns the choices (a selector, which may remember
        them); without it they are read from the queryset."""
        super().__init__(*args, **kwargs)
        self.read_choices = listed

    def __deepcopy__(self, memo):
        copy = super().__deepcopy__(memo)
        copy._listed = None
        return copy

    def listed(self):
        if getattr(self, "_listed", None) is None:
            self._listed = self.read_choices() if self.read_choices else list(self.queryset)
        return self._listed

    def to_python(self, value):
        if value in self.empty_values:
            return None
        for obj in self.listed():
            if str(getattr(obj, self.to_field_name)) == str(value):
                return obj
        raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")

    def validate(self, value):
        forms.Field.validate(self, value)


class ContactFilterForm(forms.Form):
    """The GET filters on /stod/: plain links and a form that work without JavaScript."""

    language = ListedChoiceField(
        queryset=Language.objects.filter(contacts__is_active=True).distinct(),
        to_field_name="code",
        listed=selectors.filter_languages,
        required=False,
        label=_("Language they answer in"),
        empty_label=_("Any language"),
        error_messages={"invalid_choice": _("We have no support line in that language.")},
    )
    audience = ListedChoiceField(
        queryset=Audience.objects.filter(contacts__is_active=True).distinct(),
        to_field_name="slug",
        listed=selectors.filter_audiences,
        required=False,
        label=_("Who it is for"),
        empty_label=_("Everyone"),
        error_messages={"invalid_choice": _("That group is not one of the choices.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each language is named in itself, from CLDR, as in the language switch: a reader
        # looking for a line in Arabic finds "العربية" whatever language the page is in.
        self.fields["language"].label_from_instance = lambda language: capfirst(language.name_in_itself)
        self.fields["audience"].label_from_instance = lambda audience: audience.t.name

    def selects(self):
        """[(bound field, [(value, label, selected, language), …]), …]: what the list page
        needs to write each filter's <select> itself. Django's widget templates cost more for
        these two short lists than all the cards' opening states together (docs/benchmarks.md).
        `language` is the Language an option names in itself (for its lang and dir), else None;
        those options are in the order of their names."""
        selects = []
        for bound in self:
            field = bound.field
            chosen = str(bound.value() or "")
            options = [("", field.empty_label, not chosen, None)]
            listed = [
                (str(getattr(obj, field.to_field_name)), field.label_from_instance(obj), obj)
                for obj in field.listed()
            ]
            if bound.name == "language":
                listed.sort(key=lambda option: option[1].casefold())
            for value, label, obj in listed:
                options.append((value, label, value == chosen, obj if bound.name == "language" else None))
            selects.append((bound, options))
        return selects

    def chosen(self):
        """The filters in use, as a QueryDict for links to the other pages of the same list;
        empty when none is chosen or the form is not valid (then all lines are shown)."""
        query = QueryDict(mutable=True)
        if self.is_bound and self.is_valid():
            for name, value in self.cleaned_data.items():
                if value:
                    query[name] = getattr(value, self.fields[name].to_field_name)
        return query

    def selected(self):
        """{"language": Language or None, "audience": Audience or None}: the filters chosen,
        none when the form is not valid (then all lines are shown)."""
        if not self.is_valid():
            return {}
        return {name: self.cleaned_data[name] for name in ("language", "audience")}
