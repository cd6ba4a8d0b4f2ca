"""Forms only validate the shape of input; the rules are checked by the services."""

from datetime import date, timedelta
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from qsdp.militia.forms import ALL, FilterForm, today, unit_field, year_field
from qsdp.operations.models import DirectiveKind, DrillKind, IncidentKind, IncidentStatus
from qsdp.operations.services import (
    DirectiveData,
    DrillData,
    DrillPlanData,
    IncidentData,
    PatrolData,
    PhaseData,
)
from qsdp.orgunits.models import OrgUnit
from qsdp.people.forms import _date_field as date_field
from qsdp.people.models import Person

PHASES = 3
DEFAULT_PHASE_NAMES = (
    _("Moving into the states of readiness and defence"),
    _("Preparing for combat"),
    _("Live-force combat"),
)


def textarea() -> forms.Textarea:
    return forms.Textarea(attrs={"rows": 3})


def count_field(label: Any, **kwargs: Any) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=0,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        **kwargs,
    )


class UnitYearFilterForm(FilterForm):
    """A list's filter: year and unit (and whatever a subclass adds)."""

    year = year_field(required=False)
    org_unit = unit_field(_("Unit"), required=False, empty_label=ALL)

    def __init__(self, data: Any, *, units: QuerySet[OrgUnit], year: int | None) -> None:
        super().__init__(data or None, initial={"year": year})
        self.defaults = {"year": year}
        self.fields["org_unit"].queryset = units  # type: ignore[attr-defined]


# Drills


class DrillFilterForm(UnitYearFilterForm):
    kind = forms.ChoiceField(
        label=_("Kind of drill"), choices=[("", ALL), *DrillKind.choices], required=False
    )


class DueFilterForm(UnitYearFilterForm):
    kind = forms.ChoiceField(label=_("Kind of drill"), choices=DrillKind.choices, required=False)


class DrillPlanForm(forms.Form):
    org_unit = unit_field(_("Unit"))
    year = year_field()
    kind = forms.ChoiceField(label=_("Kind of drill"), choices=DrillKind.choices)
    title = forms.CharField(label=_("Title"), max_length=255)
    planned_on = date_field(_("Planned for"), required=False)
    directed_by = forms.CharField(label=_("Directed by"), max_length=255, required=False)

    def __init__(self, *args: Any, units: QuerySet[OrgUnit] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if units is None:
            del self.fields["org_unit"]
        else:
            self.fields["org_unit"].queryset = units  # type: ignore[attr-defined]

    def plan_data(self) -> DrillPlanData:
        data = self.cleaned_data
        return DrillPlanData(
            year=data["year"],
            kind=data["kind"],
            title=data["title"],
            planned_on=data["planned_on"],
            directed_by=data["directed_by"],
        )


class DrillForm(forms.Form):
    held_from = date_field(_("Held from"))
    held_to = date_field(_("Held to"))
    participants = count_field(_("Participants"))
    forces = forms.CharField(label=_("Forces taking part"), required=False, widget=textarea())
    notable_participants = forms.CharField(
        label=_("Notable participants"), required=False, widget=textarea()
    )
    safety_incidents = forms.CharField(
        label=_("Safety incidents"), required=False, help_text=_("Empty: none."), widget=textarea()
    )
    notes = forms.CharField(label=_("Notes"), required=False, widget=textarea())
    rating = forms.ChoiceField(label=_("Rating"), required=False)

    def __init__(self, *args: Any, ratings: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rating"].choices = [("", _("Not rated yet")), *ratings]  # type: ignore[attr-defined]
        for number in range(1, PHASES + 1):
            self.fields[f"phase_{number}"] = forms.CharField(
                label=_("Phase %(number)s") % {"number": number},
                initial=DEFAULT_PHASE_NAMES[number - 1],
                required=number == 1,
                max_length=255,
            )
            self.fields[f"phase_{number}_on"] = date_field(
                _("Date of phase %(number)s") % {"number": number}, required=number == 1
            )
            self.fields[f"phase_{number}_content"] = forms.CharField(
                label=_("Content of phase %(number)s") % {"number": number},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def drill_data(self) -> DrillData:
        data = self.cleaned_data
        return DrillData(
            held_from=data["held_from"],
            held_to=data["held_to"],
            participants=data["participants"],
            forces=data["forces"],
            notable_participants=data["notable_participants"],
            safety_incidents=data["safety_incidents"],
            notes=data["notes"],
        )

    def phases(self) -> list[PhaseData]:
        data = self.cleaned_data
        return [
            PhaseData(data[f"phase_{n}"], data[f"phase_{n}_on"], data[f"phase_{n}_content"])
            for n in range(1, PHASES + 1)
            if data.get(f"phase_{n}") and data.get(f"phase_{n}_on")
        ]


class RatingForm(forms.Form):
    # Any code may be posted: the service refuses one that is not on the scale.
    rating = forms.CharField(label=_("Rating"), max_length=40)

    def __init__(self, *args: Any, ratings: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rating"].widget = forms.Select(choices=ratings)


# Readiness duty


class DutyPostForm(forms.Form):
    org_unit = unit_field(_("Unit"))
    name = forms.CharField(label=_("Name"), max_length=120)
    opened_on = date_field(_("In use from"), initial=today)

    def __init__(self, *args: Any, units: QuerySet[OrgUnit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = units  # type: ignore[attr-defined]


class PeriodForm(forms.Form):
    """The period of a roster and the shape of its shifts."""

    start = date_field(_("First day"))
    end = date_field(_("Last day"))
    starts_at = forms.TimeField(label=_("Shift starts at"), initial="07:00")
    hours = forms.IntegerField(label=_("Hours per shift"), min_value=1, max_value=72, initial=24)
    per_day = forms.IntegerField(label=_("People per day"), min_value=1, max_value=6, initial=1)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and not 0 <= (end - start).days <= 62:
            self.add_error("end", _("A roster covers from one day to two months."))
        return data


def week_initial() -> dict[str, Any]:
    monday = today() + timedelta(days=7 - today().weekday())
    return {"start": monday, "end": monday + timedelta(days=6)}


class RosterForm(forms.Form):
    """One choice of a person per day and slot of the period."""

    def __init__(
        self, *args: Any, days: list[date], per_day: int, people: QuerySet[Person], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.days = days
        self.per_day = per_day
        for day in days:
            for slot in range(per_day):
                self.fields[self.key(day, slot)] = forms.ModelChoiceField(
                    label=f"{day:%d/%m}",
                    queryset=people,
                    required=False,
                    empty_label="—",
                )

    @staticmethod
    def key(day: date, slot: int) -> str:
        return f"d{day:%Y%m%d}_{slot}"

    def grid(self) -> list[tuple[date, list[Any]]]:
        return [(day, [self[self.key(day, s)] for s in range(self.per_day)]) for day in self.days]

    def chosen(self) -> list[tuple[date, Person]]:
        return [
            (day, person)
            for day in self.days
            for slot in range(self.per_day)
            if (person := self.cleaned_data.get(self.key(day, slot))) is not None
        ]


class SwapRequestForm(forms.Form):
    replacement = forms.ModelChoiceField(label=_("Replacement"), queryset=Person.objects.none())
    reason = forms.CharField(label=_("Reason"), required=False, widget=textarea())

    def __init__(self, *args: Any, people: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["replacement"].queryset = people  # type: ignore[attr-defined]


class SwapDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("approve", _("Approve")), ("reject", _("Reject"))]
    )
    note = forms.CharField(label=_("Note"), required=False, widget=textarea())


class DutyLogForm(forms.Form):
    day = date_field(_("Day"), initial=today)
    on_duty = forms.ModelMultipleChoiceField(
        label=_("On duty"), queryset=Person.objects.none(), required=False
    )
    events = forms.CharField(label=_("Events"), required=False, widget=textarea())
    handed_over_to = forms.CharField(label=_("Handed over to"), max_length=160, required=False)

    def __init__(self, *args: Any, people: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["on_duty"].queryset = people  # type: ignore[attr-defined]


class MonthForm(FilterForm):
    year = year_field(required=False)
    month = forms.IntegerField(label=_("Month"), min_value=1, max_value=12, required=False)
    org_unit = unit_field(_("Unit"), required=False, empty_label=ALL)

    def __init__(self, data: Any, *, units: QuerySet[OrgUnit]) -> None:
        super().__init__(data or None, initial={"year": today().year, "month": today().month})
        self.defaults = {"year": today().year, "month": today().month}
        self.fields["org_unit"].queryset = units  # type: ignore[attr-defined]


# Patrols and incidents


class PatrolForm(forms.Form):
    org_unit = unit_field(_("Unit"))
    on = date_field(_("Date"), initial=today)
    area = forms.CharField(label=_("Area"), max_length=255)
    militia_count = count_field(_("Militia"))
    police_count = count_field(_("Police"))
    other_count = count_field(_("Other forces"), initial=0)
    other_forces = forms.CharField(label=_("Other forces (who)"), max_length=255, required=False)
    result = forms.CharField(label=_("Result"), required=False, widget=textarea())
    notes = forms.CharField(label=_("Notes"), required=False, widget=textarea())

    def __init__(self, *args: Any, units: QuerySet[OrgUnit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = units  # type: ignore[attr-defined]

    def patrol_data(self) -> PatrolData:
        data = self.cleaned_data
        return PatrolData(**{k: data[k] for k in PatrolData.__dataclass_fields__})


class IncidentFilterForm(UnitYearFilterForm):
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", ALL), *IncidentStatus.choices], required=False
    )
    hot_spots_only = forms.BooleanField(label=_("Hot spots only"), required=False)


class IncidentForm(forms.Form):
    org_unit = unit_field(_("Unit"))
    reported_on = date_field(_("Reported on"), initial=today)
    kind = forms.ChoiceField(label=_("Kind"), choices=IncidentKind.choices)
    location = forms.CharField(label=_("Location"), max_length=255)
    description = forms.CharField(label=_("Description"), widget=textarea())
    is_hot_spot = forms.BooleanField(label=_("Hot spot"), required=False)

    def __init__(self, *args: Any, units: QuerySet[OrgUnit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = units  # type: ignore[attr-defined]

    def incident_data(self) -> IncidentData:
        data = self.cleaned_data
        return IncidentData(**{k: data[k] for k in IncidentData.__dataclass_fields__})


class FollowUpForm(forms.Form):
    on = date_field(_("Date"), initial=today)
    note = forms.CharField(label=_("Note"), widget=textarea())
    status = forms.ChoiceField(label=_("Status after"), choices=IncidentStatus.choices)
    is_hot_spot = forms.BooleanField(label=_("Hot spot"), required=False)


# Directives and tasks


class DirectiveFilterForm(UnitYearFilterForm):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", ALL), *DirectiveKind.choices], required=False
    )


class DirectiveForm(forms.Form):
    org_unit = unit_field(_("Issuing unit"))
    kind = forms.ChoiceField(label=_("Kind"), choices=DirectiveKind.choices)
    number = forms.CharField(label=_("Number and symbol"), max_length=60)
    issued_on = date_field(_("Issued on"), initial=today)
    signer = forms.CharField(label=_("Signed by"), max_length=160)
    summary = forms.CharField(label=_("Summary"), widget=textarea())
    file = forms.FileField(label=_("File"), required=False)

    def __init__(self, *args: Any, units: QuerySet[OrgUnit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = units  # type: ignore[attr-defined]

    def directive_data(self) -> DirectiveData:
        data = self.cleaned_data
        return DirectiveData(**{k: data[k] for k in DirectiveData.__dataclass_fields__})


class TaskForm(forms.Form):
    assigned_to = unit_field(_("Assigned to"))
    title = forms.CharField(label=_("Task"), max_length=255)
    deadline = date_field(_("Deadline"))

    def __init__(self, *args: Any, units: QuerySet[OrgUnit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = units  # type: ignore[attr-defined]


class TaskReportForm(forms.Form):
    reported_on = date_field(_("Reported on"), initial=today)
    completed = forms.BooleanField(label=_("Completed"), required=False)
    evidence = forms.CharField(label=_("Evidence"), required=False, widget=textarea())
    file = forms.FileField(label=_("File"), required=False)


class TaskFilterForm(UnitYearFilterForm):
    overdue_only = forms.BooleanField(label=_("Overdue only"), required=False)
