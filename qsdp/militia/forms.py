"""Forms only validate the shape of input; the law is checked by the services."""

from datetime import date
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qsdp.militia.models import (
    DUTY_GROUND_CHOICES,
    MAX_TRAINING_DAYS,
    DutyOutcome,
    LeaveReason,
    MilitiaMember,
    MilitiaTypeChoices,
    MilitiaUnit,
    Position,
    RegistrationSource,
    UnitKind,
)
from qsdp.militia.selectors import DecisionFilters, MemberFilters, MemberStatus, UnitFilters
from qsdp.militia.services import MemberData, UnitData
from qsdp.orgunits.models import OrgUnit
from qsdp.people.forms import _date_field as date_field

FIRST_YEAR, LAST_YEAR = 2000, 2100
ALL = _("All")


def today() -> date:
    return timezone.localdate()


def year_field(label: Any = None, **kwargs: Any) -> forms.IntegerField:
    return forms.IntegerField(
        label=label or _("Year"), min_value=FIRST_YEAR, max_value=LAST_YEAR, **kwargs
    )


def unit_field(label: Any, **kwargs: Any) -> "forms.ModelChoiceField[Any]":
    return forms.ModelChoiceField(label=label, queryset=OrgUnit.objects.none(), **kwargs)


class FilterForm(forms.Form):
    """A GET filter: an invalid value falls back to its default (and shows its error)."""

    defaults: dict[str, Any] = {}

    def value(self, name: str) -> Any:
        data = self.cleaned_data if self.is_valid() else {}
        found = data.get(name)
        return self.defaults.get(name) if found in (None, "") else found


# Members


class MemberFilterForm(FilterForm):
    q = forms.CharField(
        label=_("Name or citizen ID"),
        required=False,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    org_unit = unit_field(_("Commune/ward"), required=False, empty_label=ALL)
    militia_type = forms.ChoiceField(
        label=_("Militia type"), choices=[("", ALL), *MilitiaTypeChoices.choices], required=False
    )
    unit = forms.ModelChoiceField(
        label=_("Unit"), queryset=MilitiaUnit.objects.none(), required=False, empty_label=ALL
    )
    term_ending_in = year_field(_("Term ending in"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            (MemberStatus.CURRENT, _("Serving")),
            (MemberStatus.LEFT, _("Left the militia")),
            (MemberStatus.ALL, ALL),
        ],
    )

    def __init__(
        self,
        data: Any,
        *,
        units: QuerySet[OrgUnit],
        militia_units: QuerySet[MilitiaUnit],
    ) -> None:
        super().__init__(data or None)
        self.fields["org_unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["unit"].queryset = militia_units  # type: ignore[attr-defined]

    def filters(self) -> MemberFilters:
        return MemberFilters(
            q=self.value("q") or "",
            org_unit=self.value("org_unit"),
            militia_type=self.value("militia_type") or "",
            unit=self.value("unit"),
            term_ending_in=self.value("term_ending_in"),
            status=self.value("status") or MemberStatus.CURRENT,
        )


class MemberForm(forms.Form):
    militia_type = forms.ChoiceField(label=_("Militia type"), choices=MilitiaTypeChoices.choices)
    unit = forms.ModelChoiceField(
        label=_("Unit"), queryset=MilitiaUnit.objects.none(), required=False, empty_label="—"
    )
    position = forms.ChoiceField(
        label=_("Position"), choices=Position.choices, initial=Position.MEMBER
    )
    volunteer = forms.BooleanField(label=_("Serves as a volunteer"), required=False)
    term_start = date_field(_("Term start"), initial=today)
    term_end = date_field(
        _("Term end"),
        required=False,
        help_text=_("Leave empty for the term the law sets for the type."),
    )

    def __init__(self, *args: Any, units: QuerySet[MilitiaUnit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]

    def member_data(self) -> MemberData:
        data = self.cleaned_data
        return MemberData(
            militia_type=data["militia_type"],
            term_start=data["term_start"],
            unit=data["unit"],
            position=data["position"],
            volunteer=data["volunteer"],
            term_end=data["term_end"],
        )


class LeaveForm(forms.Form):
    left_on = date_field(_("Left the militia on"), initial=today)
    reason = forms.ChoiceField(label=_("Reason"), choices=LeaveReason.choices)
    note = forms.CharField(label=_("Note"), max_length=255, required=False)


class ExtendForm(forms.Form):
    extended_on = date_field(_("Decided on"), initial=today)
    new_term_end = date_field(_("New term end"))
    decision_number = forms.CharField(label=_("Decision number"), max_length=40, required=False)
    decided_by = forms.CharField(
        label=_("Decided by"),
        max_length=120,
        required=False,
        help_text=_("The chairman of the commune People's Committee."),
    )


class CompletionForm(forms.Form):
    recognised_on = date_field(_("Recognised on"), initial=today)
    decision_number = forms.CharField(label=_("Decision number"), max_length=40, required=False)
    decided_by = forms.CharField(label=_("Decided by"), max_length=120, required=False)


# Units


class CommanderChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A member shown by name and position."""

    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.person.full_name} ({obj.get_position_display()})"


class UnitFilterForm(FilterForm):
    org_unit = unit_field(_("Commune/ward"), required=False, empty_label=ALL)
    militia_type = forms.ChoiceField(
        label=_("Militia type"), choices=[("", ALL), *MilitiaTypeChoices.choices], required=False
    )

    def __init__(self, data: Any, *, units: QuerySet[OrgUnit]) -> None:
        super().__init__(data or None)
        self.fields["org_unit"].queryset = units  # type: ignore[attr-defined]

    def filters(self) -> UnitFilters:
        return UnitFilters(
            org_unit=self.value("org_unit"), militia_type=self.value("militia_type") or ""
        )


class UnitForm(forms.Form):
    """A unit's fields; on creation also its commune, once it exists also its commander."""

    name = forms.CharField(label=_("Name"), max_length=120)
    militia_type = forms.ChoiceField(label=_("Militia type"), choices=MilitiaTypeChoices.choices)
    kind = forms.ChoiceField(label=_("Kind of unit"), choices=UnitKind.choices)
    parent = forms.ModelChoiceField(
        label=_("Parent unit"),
        queryset=MilitiaUnit.objects.none(),
        required=False,
        empty_label="—",
    )

    def __init__(
        self,
        *args: Any,
        communes: QuerySet[OrgUnit] | None = None,
        parents: QuerySet[MilitiaUnit] | None = None,
        members: QuerySet[MilitiaMember] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if communes is not None:
            self.fields["org_unit"] = forms.ModelChoiceField(
                label=_("Commune/ward"), queryset=communes
            )
            self.order_fields(["org_unit"])
        if parents is not None:
            self.fields["parent"].queryset = parents  # type: ignore[attr-defined]
        if members is not None:
            self.fields["commander"] = CommanderChoiceField(
                label=_("Commander"), queryset=members, required=False, empty_label="—"
            )

    def unit_data(self) -> UnitData:
        data = self.cleaned_data
        return UnitData(
            name=data["name"],
            militia_type=data["militia_type"],
            kind=data["kind"],
            parent=data["parent"],
            commander=data.get("commander"),
        )


# Registration, decisions, training


class RegistrationFilterForm(FilterForm):
    year = year_field(required=False)
    org_unit = unit_field(_("Commune/ward"), required=False, empty_label=ALL)
    source = forms.ChoiceField(
        label=_("Source"), choices=[("", ALL), *RegistrationSource.choices], required=False
    )

    def __init__(self, data: Any, *, units: QuerySet[OrgUnit], year: int) -> None:
        super().__init__(data or None, initial={"year": year})
        self.defaults = {"year": year}
        self.fields["org_unit"].queryset = units  # type: ignore[attr-defined]


class RegistrationGenerateForm(forms.Form):
    org_unit = unit_field(_("Commune/ward"))
    year = year_field()

    def __init__(self, *args: Any, units: QuerySet[OrgUnit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = units  # type: ignore[attr-defined]


class RegistrationForm(forms.Form):
    registered_on = date_field(_("Registered on"), initial=today)


class DecisionForm(forms.Form):
    status = forms.ChoiceField(label=_("Ground"), choices=[("", "—"), *DUTY_GROUND_CHOICES])
    decided_on = date_field(_("Decided on"), initial=today)
    valid_until = date_field(
        _("Valid until"), required=False, help_text=_("Needed for a deferral.")
    )
    decision_number = forms.CharField(label=_("Decision number"), max_length=40, required=False)
    signer = forms.CharField(label=_("Signed by"), max_length=120, required=False)


class DecisionEndForm(forms.Form):
    ended_on = date_field(_("Ended on"), initial=today)
    reason = forms.CharField(label=_("Reason"), max_length=255)


class DecisionFilterForm(FilterForm):
    org_unit = unit_field(_("Commune/ward"), required=False, empty_label=ALL)
    outcome = forms.ChoiceField(
        label=_("Decision"), choices=[("", ALL), *DutyOutcome.choices], required=False
    )
    in_force = forms.BooleanField(label=_("Only those in force today"), required=False)

    def __init__(self, data: Any, *, units: QuerySet[OrgUnit]) -> None:
        super().__init__(data or None)
        self.fields["org_unit"].queryset = units  # type: ignore[attr-defined]

    def filters(self) -> DecisionFilters:
        return DecisionFilters(
            org_unit=self.value("org_unit"),
            outcome=self.value("outcome") or "",
            in_force_on=today() if self.value("in_force") else None,
        )


class TrainingFilterForm(FilterForm):
    year = year_field(required=False)
    org_unit = unit_field(_("Commune/ward"), required=False, empty_label=ALL)

    def __init__(self, data: Any, *, units: QuerySet[OrgUnit], year: int) -> None:
        super().__init__(data or None, initial={"year": year})
        self.defaults = {"year": year}
        self.fields["org_unit"].queryset = units  # type: ignore[attr-defined]


class TrainingForm(forms.Form):
    year = year_field()
    days_done = forms.IntegerField(
        label=_("Days done"),
        min_value=0,
        max_value=MAX_TRAINING_DAYS,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


class RosterFilterForm(FilterForm):
    on = date_field(_("On"), required=False)
    org_unit = unit_field(_("Commune/ward"), required=False, empty_label=ALL)

    def __init__(self, data: Any, *, units: QuerySet[OrgUnit]) -> None:
        super().__init__(data or None, initial={"on": today()})
        self.defaults = {"on": today()}
        self.fields["org_unit"].queryset = units  # type: ignore[attr-defined]
