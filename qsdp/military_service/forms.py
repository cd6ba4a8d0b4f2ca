"""Forms only validate the shape of input; the law is checked by the services."""

from datetime import date
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qsdp.military_service.models import PoliticalCheckItem, RegistrationChannel
from qsdp.military_service.rules.cycle import EventKind
from qsdp.military_service.rules.deferral import FACT_NAMES, GROUND_LABELS
from qsdp.orgunits.models import OrgUnit
from qsdp.people.forms import _date_field as date_field

FIRST_YEAR, LAST_YEAR = 2000, 2100
MAX_GRADE = 12
YES_NO = [(True, _("Yes")), (False, _("No"))]


def year_field(label: Any = None, **kwargs: Any) -> forms.IntegerField:
    return forms.IntegerField(
        label=label or _("Call-up year"), min_value=FIRST_YEAR, max_value=LAST_YEAR, **kwargs
    )


def today() -> date:
    return timezone.localdate()


class DecimalCommaField(forms.DecimalField):
    """A decimal typed the Vietnamese way ("1,5") or with a point ("1.5")."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        return super().to_python(value)


# Lists: GET filters. An invalid value falls back to the default (and shows its error).


class ListFilterForm(forms.Form):
    """The year and the unit of a list; subclasses add their own filters."""

    year = year_field(_("Year"), required=False)
    org_unit = forms.ModelChoiceField(
        label=_("Unit"), queryset=OrgUnit.objects.none(), required=False, empty_label=_("All")
    )

    def __init__(self, data: Any, *, units: QuerySet[OrgUnit], year: int) -> None:
        super().__init__(data or None, initial={"year": year})
        self.default_year = year
        self.fields["org_unit"].queryset = units  # type: ignore[attr-defined]

    def value(self, name: str) -> Any:
        """The cleaned value of ``name``; its initial value when nothing was
        asked; its default when absent or invalid."""
        if not self.is_bound:
            found = self.initial.get(name)
        else:
            found = self.cleaned_data.get(name) if self.is_valid() else None
        if name == "year":
            return found or self.default_year
        return found


class CallUpListFilterForm(ListFilterForm):
    """The filter of the call-up lists: the year is the call-up year."""

    year = year_field(required=False)


class RegistrationFilterForm(ListFilterForm):
    channel = forms.ChoiceField(
        label=_("Channel"), choices=[("", _("All")), *RegistrationChannel.choices], required=False
    )


class DeferralFilterForm(CallUpListFilterForm):
    kind = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("", _("All")),
            (EventKind.DEFERRAL, EventKind.DEFERRAL.label),
            (EventKind.EXEMPTION, EventKind.EXEMPTION.label),
        ],
        required=False,
    )


class PublicListForm(CallUpListFilterForm):
    """The public list is per commune: the unit is required."""

    signer = forms.CharField(label=_("Signed by (name)"), max_length=120, required=False)

    def __init__(self, data: Any, *, units: QuerySet[OrgUnit], year: int) -> None:
        super().__init__(data, units=units, year=year)
        self.fields["org_unit"].required = True
        self.fields["org_unit"].empty_label = _("Choose…")  # type: ignore[attr-defined]
        if not self.is_bound and units.count() == 1:
            self.initial["org_unit"] = units.first()


class ReturneeFilterForm(ListFilterForm):
    overdue_only = forms.BooleanField(label=_("Overdue only"), required=False)


class ReadyRegisterFilterForm(ListFilterForm):
    on = date_field(_("On"), required=False)

    def __init__(self, data: Any, *, units: QuerySet[OrgUnit], year: int) -> None:
        super().__init__(data, units=units, year=year)
        del self.fields["year"]
        self.initial["on"] = today()

    def value(self, name: str) -> Any:
        if name == "on":
            return super().value("on") or today()
        return super().value(name)


class PrintForm(forms.Form):
    """What a printed document needs besides the records."""

    signer = forms.CharField(label=_("Signed by (name)"), max_length=120, required=False)


# Registration.


class FirstRegistrationForm(forms.Form):
    registered_on = date_field(_("Registration date"), initial=today)
    channel = forms.ChoiceField(
        label=_("Channel"),
        choices=RegistrationChannel.choices,
        initial=RegistrationChannel.IN_PERSON,
        widget=forms.RadioSelect,
    )


class SupplementaryRegistrationForm(forms.Form):
    on = date_field(_("Date"), initial=today)
    occupation = forms.CharField(label=_("New occupation"), max_length=120, required=False)
    workplace = forms.CharField(label=_("New workplace or school"), max_length=160, required=False)
    education = forms.CharField(label=_("New education"), max_length=120, required=False)
    other = forms.CharField(label=_("Other change"), max_length=255, required=False)
    note = forms.CharField(label=_("Note"), max_length=255, required=False)

    CHANGES = ("occupation", "workplace", "education", "other")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not any(data.get(name) for name in self.CHANGES):
            raise forms.ValidationError(_("Give at least one change."))
        return data

    def changes(self) -> dict[str, str]:
        return {n: self.cleaned_data[n] for n in self.CHANGES if self.cleaned_data.get(n)}


class TemporaryAbsenceForm(forms.Form):
    left_on = date_field(_("Left on"), initial=today)
    planned_months = forms.IntegerField(label=_("Planned absence (months)"), min_value=0)
    destination = forms.CharField(label=_("Destination"), max_length=255, required=False)


class AbsenceReturnForm(forms.Form):
    returned_on = date_field(_("Came back on"))
    registered_on = date_field(_("Registered again on"), initial=today)


# Checks before the call-up.


class CallUpYearForm(forms.Form):
    """A form for the call-up of a year (the current one by default)."""

    call_up_year = year_field()

    def __init__(self, *args: Any, year: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["call_up_year"].initial = year


class PreScreeningForm(CallUpYearForm):
    screened_on = date_field(_("Pre-screened on"), initial=today)
    passed = forms.TypedChoiceField(
        label=_("Passed"),
        choices=YES_NO,
        coerce=lambda value: value in (True, "True"),
        widget=forms.RadioSelect,
    )
    note = forms.CharField(label=_("Note"), max_length=255, required=False)


# Circular 105/2023 groups the indicators by speciality; each is scored 1 to 6.
HEALTH_INDICATORS: dict[str, Any] = {
    "physique": _("Physique"),
    "eyes": _("Eyes"),
    "ent": _("Ear, nose and throat"),
    "dental": _("Teeth, jaw and face"),
    "internal": _("Internal medicine"),
    "neuro_psychiatric": _("Neurology and psychiatry"),
    "surgical": _("Surgery"),
    "dermatology": _("Dermatology"),
}


class HealthExamForm(CallUpYearForm):
    examined_on = date_field(_("Examined on"), initial=today)
    health_class = forms.IntegerField(
        label=_("Health class"),
        min_value=1,
        max_value=6,
        required=False,
        help_text=_("Only when the indicator scores are not given."),
    )
    myopia_diopters = DecimalCommaField(
        label=_("Myopia (D)"), max_digits=4, decimal_places=2, required=False
    )
    hyperopia_diopters = DecimalCommaField(
        label=_("Hyperopia (D)"), max_digits=4, decimal_places=2, required=False
    )
    bmi = DecimalCommaField(label=_("BMI"), max_digits=4, decimal_places=1, required=False)
    drug_addicted = forms.BooleanField(label=_("Drug addicted"), required=False)

    def __init__(self, *args: Any, year: int, **kwargs: Any) -> None:
        super().__init__(*args, year=year, **kwargs)
        for name, label in HEALTH_INDICATORS.items():
            self.fields[f"score_{name}"] = forms.IntegerField(
                label=label, min_value=1, max_value=6, required=False
            )
        self.order_fields(
            ["examined_on", "call_up_year", *(f"score_{n}" for n in HEALTH_INDICATORS)]
        )

    def scores(self) -> dict[str, int]:
        return {
            name: self.cleaned_data[f"score_{name}"]
            for name in HEALTH_INDICATORS
            if self.cleaned_data.get(f"score_{name}") is not None
        }


class EducationCheckForm(CallUpYearForm):
    checked_on = date_field(_("Checked on"), initial=today)
    completed_grade = forms.IntegerField(
        label=_("Completed grade"), min_value=0, max_value=MAX_GRADE
    )
    locality_exception_approved = forms.BooleanField(
        label=_("The locality is approved to take grade 7"), required=False
    )
    exception_approved_by = forms.CharField(
        label=_("Exception approved by"), max_length=160, required=False
    )


class PoliticalCheckForm(CallUpYearForm):
    checked_on = date_field(_("Checked on"), initial=today)
    checked_by = forms.CharField(label=_("Checked by"), max_length=120)

    def __init__(self, *args: Any, year: int, **kwargs: Any) -> None:
        super().__init__(*args, year=year, **kwargs)
        for item in PoliticalCheckItem:
            self.fields[f"item_{item.value}"] = forms.BooleanField(label=item.label, required=False)
        self.order_fields(["checked_on", "call_up_year", "checked_by"])

    def items(self) -> dict[str, bool]:
        return {item.value: self.cleaned_data[f"item_{item.value}"] for item in PoliticalCheckItem}


# Deferral and exemption.


class DeferralDecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (EventKind.DEFERRAL, EventKind.DEFERRAL.label),
            (EventKind.EXEMPTION, EventKind.EXEMPTION.label),
        ],
        widget=forms.RadioSelect,
    )
    reason_code = forms.ChoiceField(
        label=_("Ground"),
        choices=[
            ("", _("Choose…")),
            *((code.value, label) for code, label in GROUND_LABELS.items()),
        ],
    )
    decided_on = date_field(_("Decided on"), initial=today)
    valid_until = date_field(
        _("Deferred until"), required=False, help_text=_("For a deferral only.")
    )
    decision_number = forms.CharField(label=_("Decision number"), max_length=40, required=False)
    signer = forms.CharField(label=_("Signed by"), max_length=120, required=False)
    call_up_year = year_field(required=False)
    # The facts some grounds need (Điều 41; the field names of the rules).
    parent_work_capacity_loss_percent = forms.IntegerField(
        label=_("Parent's loss of working capacity (%)"),
        min_value=0,
        max_value=100,
        required=False,
        help_text=_("For a child of a sick soldier or of an Agent Orange victim."),
    )
    invalid_grade = forms.IntegerField(
        label=_("War invalid's grade"),
        min_value=1,
        max_value=4,
        required=False,
        help_text=_("For a child of a war invalid."),
    )
    is_the_one_designated_child = forms.NullBooleanField(
        label=_("He is the one child the family designated"),
        required=False,
        help_text=_("For a child of a sick soldier, an Agent Orange victim or a war invalid."),
    )
    is_the_one_designated_brother = forms.NullBooleanField(
        label=_("He is the one brother the family designated"),
        required=False,
        help_text=_("For a brother of a fallen soldier."),
    )
    years_since_relocation = forms.IntegerField(
        label=_("Years since the move"),
        min_value=0,
        required=False,
        help_text=_("For a move to an extremely disadvantaged commune."),
    )
    months_posted = forms.IntegerField(
        label=_("Months posted"),
        min_value=0,
        required=False,
        help_text=_("For an official posted to an extremely disadvantaged area."),
    )

    def facts(self) -> dict[str, Any]:
        return {n: self.cleaned_data[n] for n in FACT_NAMES if self.cleaned_data[n] is not None}

    def fact_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in FACT_NAMES]

    def decision_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name not in FACT_NAMES]


class DeferralEndForm(forms.Form):
    ended_on = date_field(_("Ended on"), initial=today)
    reason = forms.CharField(label=_("Why the ground ended"), max_length=255)


# Quotas, lists, orders, handover.


class QuotaAssignForm(CallUpYearForm):
    org_unit = forms.ModelChoiceField(
        label=_("Unit"), queryset=OrgUnit.objects.none(), empty_label=_("Choose…")
    )
    number = forms.IntegerField(label=_("Quota"), min_value=0)
    decided_on = date_field(_("Decided on"), initial=today)
    decision_number = forms.CharField(label=_("Decision number"), max_length=40, required=False)

    def __init__(self, *args: Any, year: int, units: QuerySet[OrgUnit], **kwargs: Any) -> None:
        super().__init__(*args, year=year, **kwargs)
        self.fields["org_unit"].queryset = units  # type: ignore[attr-defined]


class CandidateListBuildForm(CallUpYearForm):
    handover_on = date_field(
        _("Handover day"), help_text=_("Ages and deferrals are judged on this day.")
    )


class CandidateListApproveForm(CallUpYearForm):
    approved_on = date_field(_("Approved on"), initial=today)


class SubstituteForm(forms.Form):
    on = date_field(_("Date"), initial=today)
    reason = forms.CharField(label=_("Why he drops out"), max_length=255)


class OrderIssueForm(forms.Form):
    issued_on = date_field(_("Issued on"), initial=today)
    report_on = date_field(_("Report on"))
    report_place = forms.CharField(label=_("Report at"), max_length=255)


class OrderIssueAllForm(CallUpYearForm, OrderIssueForm):
    pass


class EnlistmentForm(CallUpYearForm):
    handover_on = date_field(_("Handover day"), initial=today)


# Discharge and return.


class DischargeForm(forms.Form):
    decided_on = date_field(_("Decided on"), initial=today)
    decision_number = forms.CharField(label=_("Decision number"), max_length=40)
    signer = forms.CharField(label=_("Signed by"), max_length=120, required=False)
    early = forms.BooleanField(label=_("Discharged before the end of the term"), required=False)


class ReturnHomeForm(forms.Form):
    returned_on = date_field(_("Returned home on"), initial=today)


class ReserveRegistrationForm(forms.Form):
    registered_on = date_field(_("Registered in the reserve on"), initial=today)
