"""Forms only validate the shape of input; the rules are checked by the services."""

from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qsdp.militia.forms import ALL, FilterForm, unit_field, year_field
from qsdp.orgunits.models import OrgUnit
from qsdp.people.forms import _date_field as date_field
from qsdp.people.models import Person
from qsdp.training.models import Audience, ResultGrade, SessionKind, TraineeCategory
from qsdp.training.selectors import (
    AttendanceRow,
    CourseFilters,
    PlanFilters,
    PropagandistFilters,
    RosterStatus,
)
from qsdp.training.services import CourseData, PlanData, SessionData


def today() -> date:
    return timezone.localdate()


def days_field(label: Any, **kwargs: Any) -> forms.DecimalField:
    return forms.DecimalField(
        label=label, min_value=0, max_digits=4, decimal_places=1, localize=True, **kwargs
    )


def grade_choices(grades: list[ResultGrade]) -> list[tuple[str, str]]:
    return [("", "—"), *((g.code, g.name) for g in grades)]


class NationalIdField(forms.CharField):
    """A person of the register named by citizen ID, among ``people``."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Citizen ID (CCCD)"))
        kwargs.setdefault("max_length", 12)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})
        self.people: QuerySet[Person] = Person.objects.none()

    def clean(self, value: Any) -> Person | None:  # type: ignore[override]
        text = super().clean(value).strip()
        if not text:
            return None
        found = self.people.filter(national_id=text).select_related("org_unit").first()
        if found is None:
            raise forms.ValidationError(_("No person with this citizen ID in your area."))
        return found


# Plans and sessions


class PlanFilterForm(FilterForm):
    year = year_field(required=False)
    org_unit = unit_field(_("Unit"), required=False, empty_label=ALL)
    audience = forms.ChoiceField(
        label=_("Trained force"), choices=[("", ALL), *Audience.choices], required=False
    )

    def __init__(self, data: Any, *, units: QuerySet[OrgUnit], year: int) -> None:
        super().__init__(data or None, initial={"year": year})
        self.defaults = {"year": year}
        self.fields["org_unit"].queryset = units  # type: ignore[attr-defined]

    def filters(self) -> PlanFilters:
        return PlanFilters(
            year=self.value("year"),
            org_unit=self.value("org_unit"),
            audience=self.value("audience") or "",
        )


class PlanForm(forms.Form):
    org_unit = unit_field(_("Unit"))
    year = year_field()
    audience = forms.ChoiceField(label=_("Trained force"), choices=Audience.choices)
    title = forms.CharField(label=_("Title"), max_length=255)
    planned_days = days_field(
        _("Planned days"),
        help_text=_(
            "For the militia, the days each member must do come from Luật DQTV 2019 Điều 28."
        ),
    )

    def __init__(self, *args: Any, units: QuerySet[OrgUnit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = units  # type: ignore[attr-defined]

    def plan_data(self) -> PlanData:
        data = self.cleaned_data
        return PlanData(
            year=data["year"],
            audience=data["audience"],
            title=data["title"],
            planned_days=data["planned_days"],
        )


class ApproveForm(forms.Form):
    approved_on = date_field(_("Approved on"), initial=today)
    approver_title = forms.CharField(
        label=_("Approver"),
        max_length=160,
        required=False,
        help_text=_("e.g. the commander of the city military command."),
    )


class SessionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=SessionKind.choices)
    held_on = date_field(_("Held on"), initial=today)
    days = days_field(_("Days"), initial=Decimal(1), help_text=_("0.5 for half a day."))
    topic = forms.CharField(label=_("Topic"), max_length=255)
    location = forms.CharField(label=_("Location"), max_length=255, required=False)
    org_unit = unit_field(_("Unit"))

    def __init__(self, *args: Any, units: QuerySet[OrgUnit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = units  # type: ignore[attr-defined]

    def session_data(self) -> SessionData:
        data = self.cleaned_data
        return SessionData(
            held_on=data["held_on"],
            days=data["days"],
            topic=data["topic"],
            org_unit=data["org_unit"],
            kind=data["kind"],
            location=data["location"],
        )


class AttendanceForm(forms.Form):
    """The whole session's attendance: for each row "present" and "result";
    ``add`` puts one more person of the area on the sheet, present."""

    def __init__(
        self,
        *args: Any,
        rows: list[AttendanceRow],
        grades: list[ResultGrade],
        people: QuerySet[Person],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            pk = row.person.pk
            self.fields[f"present_{pk}"] = forms.BooleanField(
                label=row.person.full_name, required=False, initial=row.present
            )
            self.fields[f"result_{pk}"] = forms.ChoiceField(
                label=_("Result"),
                choices=grade_choices(grades),
                required=False,
                initial=row.result_code,
                widget=forms.Select(attrs={"aria-label": row.person.full_name}),
            )
        self.fields["add"] = NationalIdField(
            required=False, help_text=_("Someone not on the list: added as present.")
        )
        self.fields["add"].people = people  # type: ignore[attr-defined]

    def lines(self) -> list[tuple[AttendanceRow, Any, Any]]:
        return [
            (r, self[f"present_{r.person.pk}"], self[f"result_{r.person.pk}"]) for r in self.rows
        ]

    def entries(self) -> list[tuple[Person, bool, str]]:
        data = self.cleaned_data
        found = [
            (r.person, data[f"present_{r.person.pk}"], data[f"result_{r.person.pk}"])
            for r in self.rows
        ]
        if data.get("add") is not None:
            found.append((data["add"], True, ""))
        return found


# Defence and security education


class CourseFilterForm(FilterForm):
    year = year_field(required=False)
    org_unit = unit_field(_("Unit"), required=False, empty_label=ALL)
    category = forms.ChoiceField(label=_("Trainee category"), required=False)

    def __init__(self, data: Any, *, units: QuerySet[OrgUnit], year: int) -> None:
        super().__init__(data or None, initial={"year": year})
        self.defaults = {"year": year}
        self.fields["org_unit"].queryset = units  # type: ignore[attr-defined]
        codes = dict.fromkeys(
            (c.code, c.name) for c in TraineeCategory.objects.order_by("rank", "valid_from")
        )
        self.fields["category"].choices = [("", ALL), *codes]  # type: ignore[attr-defined]

    def filters(self) -> CourseFilters:
        return CourseFilters(
            year=self.value("year"),
            org_unit=self.value("org_unit"),
            category=self.value("category") or "",
        )


class CategoryChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        until = f"{obj.valid_to:%d/%m/%Y}" if obj.valid_to else "…"
        return f"{obj.name} ({obj.valid_from:%d/%m/%Y} – {until})"


class CourseForm(forms.Form):
    org_unit = unit_field(_("Unit"))
    year = year_field()
    category = CategoryChoiceField(
        label=_("Trainee category"),
        queryset=TraineeCategory.objects.order_by("rank", "valid_from", "id"),
    )
    title = forms.CharField(label=_("Title"), max_length=255)
    organiser = forms.CharField(label=_("Organiser"), max_length=255)
    starts_on = date_field(_("Starts on"))
    ends_on = date_field(_("Ends on"))
    planned_trainees = forms.IntegerField(label=_("Planned trainees"), min_value=0)

    def __init__(self, *args: Any, units: QuerySet[OrgUnit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = units  # type: ignore[attr-defined]

    def course_data(self) -> CourseData:
        data = self.cleaned_data
        return CourseData(
            year=data["year"],
            category=data["category"],
            title=data["title"],
            organiser=data["organiser"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            planned_trainees=data["planned_trainees"],
        )


class ParticipantForm(forms.Form):
    person = NationalIdField(required=False, help_text=_("A person of the register."))
    official_name = forms.CharField(
        label=_("Or an official's full name"), max_length=160, required=False
    )
    position = forms.CharField(label=_("Position"), max_length=160, required=False)

    def __init__(self, *args: Any, people: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].people = people  # type: ignore[attr-defined]


class ResultsForm(forms.Form):
    """The whole course's completion and results."""

    def __init__(
        self, *args: Any, participants: list[Any], grades: list[ResultGrade], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.participants = participants
        for p in participants:
            self.fields[f"completed_{p.pk}"] = forms.BooleanField(
                label=p.name, required=False, initial=p.completed
            )
            self.fields[f"result_{p.pk}"] = forms.ChoiceField(
                label=_("Result"),
                choices=grade_choices(grades),
                required=False,
                initial=p.result.code if p.result else "",
                widget=forms.Select(attrs={"aria-label": p.name}),
            )

    def lines(self) -> list[tuple[Any, Any, Any]]:
        return [(p, self[f"completed_{p.pk}"], self[f"result_{p.pk}"]) for p in self.participants]

    def entries(self) -> list[tuple[Any, bool, str]]:
        data = self.cleaned_data
        return [(p, data[f"completed_{p.pk}"], data[f"result_{p.pk}"]) for p in self.participants]


# Propagandists


class PropagandistFilterForm(FilterForm):
    org_unit = unit_field(_("Unit"), required=False, empty_label=ALL)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            (RosterStatus.CURRENT, _("On the roster")),
            (RosterStatus.LEFT, _("Left the roster")),
            (RosterStatus.ALL, ALL),
        ],
    )

    def __init__(self, data: Any, *, units: QuerySet[OrgUnit]) -> None:
        super().__init__(data or None)
        self.fields["org_unit"].queryset = units  # type: ignore[attr-defined]

    def filters(self) -> PropagandistFilters:
        return PropagandistFilters(
            org_unit=self.value("org_unit"), status=self.value("status") or RosterStatus.CURRENT
        )


class PropagandistForm(forms.Form):
    org_unit = unit_field(_("Unit"))
    appointed_on = date_field(_("Appointed on"), initial=today)
    person = NationalIdField(required=False, help_text=_("A person of the register."))
    full_name = forms.CharField(label=_("Or a full name"), max_length=160, required=False)
    position = forms.CharField(label=_("Position"), max_length=160, required=False)

    def __init__(
        self, *args: Any, units: QuerySet[OrgUnit], people: QuerySet[Person], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["person"].people = people  # type: ignore[attr-defined]


class LeaveForm(forms.Form):
    left_on = date_field(_("Left the roster on"), initial=today)


class PropagandistTrainingForm(forms.Form):
    trained_on = date_field(_("Trained on"), initial=today)
    title = forms.CharField(label=_("Title"), max_length=255)
    organiser = forms.CharField(label=_("Organiser"), max_length=255, required=False)
    result = forms.ChoiceField(label=_("Result"), required=False)

    def __init__(self, *args: Any, grades: list[ResultGrade], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["result"].choices = grade_choices(grades)  # type: ignore[attr-defined]


class SummaryFilterForm(FilterForm):
    year = year_field(required=False)
    org_unit = unit_field(_("Unit"), required=False, empty_label=ALL)

    def __init__(self, data: Any, *, units: QuerySet[OrgUnit], year: int) -> None:
        super().__init__(data or None, initial={"year": year})
        self.defaults = {"year": year}
        self.fields["org_unit"].queryset = units  # type: ignore[attr-defined]
