"""Forms only validate the shape of input; the rules are checked by the services."""

from importlib import import_module
from importlib.util import find_spec
from typing import Any

from django import forms
from django.apps import apps
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from qsdp.awards.models import (
    AwardDecision,
    AwardForm,
    AwardProposal,
    AwardRecipient,
    ProposalStatus,
    RecipientKind,
)
from qsdp.awards.services import (
    DecisionData,
    ProposalData,
    RecipientData,
    RecordLink,
    RevocationData,
)
from qsdp.militia.forms import ALL, FilterForm, unit_field, year_field
from qsdp.orgunits.models import OrgUnit
from qsdp.people.forms import _date_field as date_field
from qsdp.people.models import Person


def textarea(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


def indicator_codes() -> list[str]:
    """Every indicator code of the apps (their ``indicators.INDICATORS``)."""
    codes: list[str] = []
    for config in apps.get_app_configs():
        if config.name.startswith("qsdp.") and find_spec(f"{config.name}.indicators"):
            codes.extend(getattr(import_module(f"{config.name}.indicators"), "INDICATORS", {}))
    return codes


class PersonChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.full_name} ({obj.birth_date:%d/%m/%Y})"


class ProposalFilterForm(FilterForm):
    year = year_field(required=False)
    org_unit = unit_field(_("Unit"), required=False, empty_label=ALL)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", ALL), *ProposalStatus.choices], required=False
    )
    form = forms.ModelChoiceField(
        label=_("Award form"), queryset=AwardForm.objects.all(), required=False, empty_label=ALL
    )

    def __init__(self, data: Any, *, units: QuerySet[OrgUnit]) -> None:
        super().__init__(data or None)
        self.fields["org_unit"].queryset = units  # type: ignore[attr-defined]


class ProposalForm(forms.Form):
    org_unit = unit_field(_("Proposing unit"))
    year = year_field()
    form = forms.ModelChoiceField(label=_("Award form"), queryset=AwardForm.objects.all())
    title = forms.CharField(
        label=_("Title"),
        max_length=255,
        required=False,
        help_text=_("For example: for outstanding achievement in local defence work in 2023."),
    )
    summary = forms.CharField(label=_("Summary of achievements"), required=False, widget=textarea())

    def __init__(self, *args: Any, units: QuerySet[OrgUnit] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if units is None:
            del self.fields["org_unit"]
        else:
            self.fields["org_unit"].queryset = units  # type: ignore[attr-defined]

    def proposal_data(self) -> ProposalData:
        data = self.cleaned_data
        return ProposalData(
            year=data["year"], form=data["form"], title=data["title"], summary=data["summary"]
        )

    @classmethod
    def initial_of(cls, proposal: AwardProposal) -> dict[str, Any]:
        return {
            "year": proposal.year,
            "form": proposal.form,
            "title": proposal.title,
            "summary": proposal.summary,
        }


class RecipientForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Recipient"), choices=RecipientKind.choices, widget=forms.RadioSelect
    )
    person = PersonChoiceField(label=_("Person"), queryset=Person.objects.none(), required=False)
    unit = unit_field(_("Collective (unit)"), required=False)
    name = forms.CharField(
        label=_("Name"),
        max_length=255,
        required=False,
        help_text=_("For a collective outside the tree, e.g. a militia platoon."),
    )
    position = forms.CharField(label=_("Position"), max_length=255, required=False)
    achievement = forms.CharField(label=_("Achievement"), widget=textarea(4))
    indicators = forms.MultipleChoiceField(
        label=_("Indicators as evidence"), required=False, choices=()
    )
    records = forms.CharField(
        label=_("Records as evidence"),
        required=False,
        widget=textarea(2),
        help_text=_("One a line: the record type, its number and a label, e.g. "
                    "“operations.drill 12 Sông Cầu drill”."),
    )  # fmt: skip

    def __init__(self, *args: Any, proposal: AwardProposal, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        path = proposal.org_unit.path
        self.fields["person"].queryset = Person.objects.filter(  # type: ignore[attr-defined]
            org_unit__path__startswith=path
        ).order_by("sort_name", "birth_date")
        # The units of the area and the military commands serving them.
        self.fields["unit"].queryset = OrgUnit.objects.filter(  # type: ignore[attr-defined]
            Q(path__startswith=path) | Q(serves__path__startswith=path)
        ).order_by("level", "name")
        self.fields["indicators"].choices = [(c, c) for c in indicator_codes()]  # type: ignore[attr-defined]

    def clean_records(self) -> list[RecordLink]:
        links = []
        for line in self.cleaned_data["records"].splitlines():
            parts = line.split(maxsplit=2)
            if not parts:
                continue
            if len(parts) < 2 or not parts[1].isdigit():
                raise forms.ValidationError(
                    _("Write each record as its type, its number and a label.")
                )
            links.append(RecordLink(parts[0], int(parts[1]), parts[2] if len(parts) > 2 else ""))
        return links

    def recipient_data(self) -> RecipientData:
        data = self.cleaned_data
        return RecipientData(
            kind=data["kind"],
            achievement=data["achievement"],
            person=data["person"],
            unit=data["unit"],
            name=data["name"],
            position=data["position"],
            indicators=tuple(data["indicators"]),
            records=tuple(data["records"]),
        )


class ReviewForm(forms.Form):
    recommend = forms.TypedChoiceField(
        label=_("Review"),
        choices=[("1", _("Recommend for decision")), ("0", _("Reject"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Reason or remarks"),
        required=False,
        widget=textarea(),
        help_text=_("Required when rejecting."),
    )


class DecisionForm(forms.Form):
    form = forms.ModelChoiceField(label=_("Award form"), queryset=AwardForm.objects.all())
    proposals = forms.ModelMultipleChoiceField(
        label=_("Recommended proposals"),
        queryset=AwardProposal.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    number = forms.CharField(label=_("Number"), max_length=60, help_text=_("e.g. 123/QĐ-UBND"))
    decided_on = date_field(_("Date"))
    deciding_unit = unit_field(_("Deciding unit"))
    signer_name = forms.CharField(label=_("Signed by"), max_length=160)
    signer_title = forms.CharField(
        label=_("Signer's title"), max_length=160, help_text=_("e.g. Chairman")
    )
    title = forms.CharField(label=_("Title awarded"), max_length=255, required=False)

    def __init__(
        self,
        *args: Any,
        proposals: QuerySet[AwardProposal],
        units: QuerySet[OrgUnit],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["proposals"].queryset = proposals  # type: ignore[attr-defined]
        self.fields["proposals"].label_from_instance = (  # type: ignore[attr-defined]
            lambda p: f"{p.org_unit.name} · {p.form.name} · {p.year}"
        )
        self.fields["deciding_unit"].queryset = units  # type: ignore[attr-defined]

    def decision_data(self) -> DecisionData:
        data = self.cleaned_data
        return DecisionData(
            number=data["number"].strip(),
            decided_on=data["decided_on"],
            deciding_unit=data["deciding_unit"],
            signer_name=data["signer_name"],
            signer_title=data["signer_title"],
            form=data["form"],
            title=data["title"],
        )


class RevocationForm(forms.Form):
    recipients = forms.ModelMultipleChoiceField(
        label=_("Awards to revoke"),
        queryset=AwardRecipient.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    number = forms.CharField(label=_("Number of the revoking decision"), max_length=60)
    revoked_on = date_field(_("Date"))
    reason = forms.CharField(label=_("Reason"), widget=textarea())

    def __init__(self, *args: Any, decision: AwardDecision, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["recipients"].queryset = AwardRecipient.objects.filter(  # type: ignore[attr-defined]
            proposal__decision=decision, revocation__isnull=True
        ).order_by("kind", "id")

    def revocation_data(self) -> RevocationData:
        data = self.cleaned_data
        return RevocationData(
            number=data["number"].strip(), revoked_on=data["revoked_on"], reason=data["reason"]
        )
