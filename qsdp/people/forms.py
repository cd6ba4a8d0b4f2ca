"""Forms only validate the shape of input; the law is checked by the services."""

from datetime import date

from django import forms
from django.db.models import QuerySet
from django.forms.models import fields_for_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from qsdp.orgunits.models import COMMUNE_LEVEL_KINDS, OrgUnit
from qsdp.people.choices import EducationLevel, Sex
from qsdp.people.models import Person
from qsdp.people.selectors import PersonFilters, PersonStatus
from qsdp.people.services import EDITABLE_FIELDS, PersonData

DATE_PLACEHOLDER = "dd/mm/yyyy"


def _date_field(label: StrOrPromise, **kwargs: object) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=forms.DateInput(attrs={"placeholder": DATE_PLACEHOLDER, "inputmode": "numeric"}),
        **kwargs,  # type: ignore[arg-type]
    )


def unit_choices(units: QuerySet[OrgUnit]) -> QuerySet[OrgUnit]:
    return units.filter(kind__in=COMMUNE_LEVEL_KINDS).order_by("name")


class PersonFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Name or citizen ID"),
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("e.g. nguyen van an")}),
    )
    org_unit = forms.ModelChoiceField(
        label=_("Unit"), queryset=OrgUnit.objects.none(), required=False, empty_label=_("All")
    )
    sex = forms.ChoiceField(label=_("Sex"), choices=[("", _("All")), *Sex.choices], required=False)
    birth_year = forms.IntegerField(
        label=_("Birth year"), min_value=1900, max_value=2100, required=False
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("All")),
            (PersonStatus.RESIDENT, _("Living here")),
            (PersonStatus.TRANSFERRED_OUT, _("Transferred out")),
            (PersonStatus.INCOMING, _("Incoming transfers")),
        ],
    )

    def __init__(self, *args: object, units: QuerySet[OrgUnit], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["org_unit"].queryset = unit_choices(units)  # type: ignore[attr-defined]

    def filters(self) -> PersonFilters:
        data = self.cleaned_data if self.is_valid() else {}
        return PersonFilters(
            q=data.get("q") or "",
            org_unit=data.get("org_unit"),
            sex=data.get("sex") or "",
            birth_year=data.get("birth_year"),
            status=data.get("status") or "",
        )


FIELD_ORDER = [
    "family_name", "middle_name", "given_name", "birth_date", "sex", "national_id",
    "ethnicity", "religion", "org_unit", "residence_started_on", "address", "phone",
    "education_grade", "education_level", "occupation", "workplace", "allow_namesake",
]  # fmt: skip


class PersonForm(forms.Form):
    """The typed fields of a person; on creation also where and since when."""

    def __init__(
        self,
        *args: object,
        units: QuerySet[OrgUnit] | None = None,
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if units is not None:
            self.fields["org_unit"] = forms.ModelChoiceField(
                label=_("Commune/ward of residence"), queryset=unit_choices(units)
            )
            self.fields["residence_started_on"] = _date_field(
                _("Resident since"), initial=timezone.localdate
            )
        self.fields.update(fields_for_model(Person, fields=EDITABLE_FIELDS))
        self.fields["birth_date"] = _date_field(_("date of birth"))
        self.fields["national_id"].widget.attrs.update({"inputmode": "numeric", "maxlength": 12})
        self.fields["phone"].widget.attrs.update({"inputmode": "tel"})
        self.fields["allow_namesake"] = forms.BooleanField(
            label=_("This is a different person from the one with the same name and birth date"),
            required=False,
        )
        self.fields["sex"].choices = [("", _("Choose…")), *Sex.choices]  # type: ignore[attr-defined]
        self.fields["education_level"].choices = [  # type: ignore[attr-defined]
            ("", _("None")),
            *EducationLevel.choices,
        ]
        if units is not None:
            self.fields["org_unit"].empty_label = _("Choose…")  # type: ignore[attr-defined]
        else:
            # The version the edit was read at (optimistic locking, see person_update).
            self.fields["version"] = forms.IntegerField(
                widget=forms.HiddenInput, min_value=1, required=False
            )
        # The order of a household register: name, birth, identity, then the rest.
        self.order_fields(FIELD_ORDER)

    def clean_national_id(self) -> str:
        return "".join(str(self.cleaned_data.get("national_id") or "").split())

    def person_data(self) -> PersonData:
        return PersonData(**{name: self.cleaned_data[name] for name in EDITABLE_FIELDS})


class TransferOutForm(forms.Form):
    on = _date_field(_("Transfer date"), initial=timezone.localdate)
    moved_to_unit = forms.ModelChoiceField(
        label=_("Destination in qsdp"),
        queryset=OrgUnit.objects.none(),
        required=False,
        help_text=_("Leave empty when the destination is outside the system."),
    )
    moved_to = forms.CharField(label=_("Destination address"), max_length=255, required=False)

    def __init__(self, *args: object, on: date | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        day = on or timezone.localdate()
        self.fields["moved_to_unit"].queryset = unit_choices(  # type: ignore[attr-defined]
            OrgUnit.objects.filter(opened_on__lte=day).exclude(closed_on__lte=day)
        )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if not data.get("moved_to_unit") and not data.get("moved_to"):
            raise forms.ValidationError(_("Give the destination: a unit or an address."))
        return data


class TransferInForm(forms.Form):
    on = _date_field(_("Arrival date"), initial=timezone.localdate)
    address = forms.CharField(label=_("Address"), max_length=255, required=False)


class PersonDeleteForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for deletion"),
        max_length=255,
        help_text=_("For example: entered twice, recorded in error. The record can be restored."),
    )
