"""Forms only validate the shape of input; the services check the rest."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from qsdp.militia.forms import FilterForm, unit_field, year_field
from qsdp.orgunits.models import OrgUnit
from qsdp.people.forms import _date_field as date_field
from qsdp.reporting.registry import INDICATOR_DEFS


class UnitYearForm(FilterForm):
    """The GET filter of the reporting pages: which unit and which year."""

    org_unit = unit_field(_("Unit"), required=False)
    year = year_field(required=False)

    def __init__(self, *args: Any, units: QuerySet[OrgUnit], year: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = units  # type: ignore[attr-defined]
        self.defaults = {"org_unit": units.first(), "year": year}


class TargetForm(forms.Form):
    indicator = forms.ChoiceField(label=_("Indicator"), widget=forms.HiddenInput)
    value = forms.DecimalField(label=_("Target"), max_digits=12, decimal_places=1)
    basis = forms.CharField(
        label=_("Basis"),
        required=False,
        max_length=255,
        help_text=_("The plan or directive that set it."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = [(code, code) for code in INDICATOR_DEFS]  # type: ignore[attr-defined]


class DueForm(forms.Form):
    due_on = date_field(_("Due on"))


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for reopening"), widget=forms.Textarea(attrs={"rows": 3})
    )


class SubmitForm(forms.Form):
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
