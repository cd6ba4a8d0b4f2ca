from datetime import date

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


class OnDateForm(forms.Form):
    """The "as of" date of a tree or a unit page (a GET filter)."""

    on = forms.DateField(
        label=_("As of"),
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(
            format="%d/%m/%Y",
            attrs={
                "placeholder": _("dd/mm/yyyy"),
                "inputmode": "numeric",
                "autocomplete": "off",
                "pattern": r"\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}",
            },
        ),
        help_text=_("Day, month, year: dd/mm/yyyy."),
        error_messages={"invalid": _("Enter a date as dd/mm/yyyy, e.g. 22/11/2023.")},
    )

    @classmethod
    def from_query(cls, query: QueryDict, default: date) -> "OnDateForm":
        """Bound to the query string, with ``default`` when it names no date."""
        return cls({"on": query.get("on") or f"{default:%d/%m/%Y}"})

    def day(self, default: date) -> date:
        """The chosen date, or ``default`` when the input is not a date."""
        if self.is_valid():
            return self.cleaned_data["on"]
        return default
