"""Forms only validate the shape of input; the law is checked by the services."""

from datetime import date
from typing import Any

from django import forms
from django.db.models import Case, QuerySet, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qsdp.orgunits.models import OrgUnit
from qsdp.people.forms import _date_field as date_field
from qsdp.reserves.models import (
    CheckKind,
    CheckResult,
    Condition,
    DecisionKind,
    EquipmentKind,
    Rank,
    RankGroup,
    RemovalReason,
    ReserveClassChoice,
    ReservePost,
    ReserveUnit,
    ReviewOutcome,
    Source,
    UnitKind,
)
from qsdp.reserves.selectors import (
    Arranged,
    EquipmentFilters,
    EquipmentStatus,
    RegisterStatus,
    ReservistFilters,
)
from qsdp.reserves.services import ClassFacts, EquipmentData, PostData, ReservistData, UnitData

FIRST_YEAR, LAST_YEAR = 2000, 2100
MAX_MONTHS = 600


def today() -> date:
    return timezone.localdate()


def _all(choices: Any) -> list[tuple[Any, Any]]:
    return [("", _("All")), *choices]


def _months(label: Any) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=False,
        min_value=0,
        max_value=MAX_MONTHS,
        decimal_places=1,
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.5"}),
    )


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


# Lists: GET filters. An invalid value is ignored (and shows its error).


class ReservistFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Name"),
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("e.g. nguyen van an")}),
    )
    org_unit = forms.ModelChoiceField(
        label=_("Commune/ward"),
        queryset=OrgUnit.objects.none(),
        required=False,
        empty_label=_("All"),
    )
    reserve_class = forms.TypedChoiceField(
        label=_("Class"), choices=_all(ReserveClassChoice.choices), coerce=int, required=False
    )
    specialty = forms.CharField(label=_("Military specialty"), required=False)
    arranged = forms.ChoiceField(
        label=_("Arranged into a unit"),
        choices=_all([(Arranged.YES, _("Arranged")), (Arranged.NO, _("Not arranged"))]),
        required=False,
    )
    unit = forms.ModelChoiceField(
        label=_("Reserve unit"),
        queryset=ReserveUnit.objects.none(),
        required=False,
        empty_label=_("All"),
    )
    status = forms.ChoiceField(
        label=_("In the register"),
        choices=[
            (RegisterStatus.ACTIVE, _("In the register")),
            (RegisterStatus.REMOVED, _("Removed")),
            (RegisterStatus.ALL, _("All")),
        ],
        required=False,
    )

    def __init__(
        self, data: Any, *, units: QuerySet[OrgUnit], reserve_units: QuerySet[ReserveUnit]
    ) -> None:
        super().__init__(data or None)
        self.fields["org_unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["unit"].queryset = reserve_units  # type: ignore[attr-defined]

    def filters(self) -> ReservistFilters:
        data = self.cleaned_data if self.is_valid() else {}
        return ReservistFilters(
            q=data.get("q") or "",
            org_unit=data.get("org_unit"),
            reserve_class=data.get("reserve_class") or None,
            specialty=data.get("specialty") or "",
            arranged=data.get("arranged") or "",
            unit=data.get("unit"),
            status=data.get("status") or RegisterStatus.ACTIVE,
        )


class YearFilterForm(forms.Form):
    year = forms.IntegerField(
        label=_("Year"), min_value=FIRST_YEAR, max_value=LAST_YEAR, required=False
    )
    org_unit = forms.ModelChoiceField(
        label=_("Commune/ward"),
        queryset=OrgUnit.objects.none(),
        required=False,
        empty_label=_("All"),
    )

    def __init__(self, data: Any, *, units: QuerySet[OrgUnit]) -> None:
        super().__init__(data or None, initial={"year": today().year})
        self.fields["org_unit"].queryset = units  # type: ignore[attr-defined]

    def value(self, name: str) -> Any:
        found = self.cleaned_data.get(name) if self.is_bound and self.is_valid() else None
        if name == "year":
            return found or today().year
        return found


class EquipmentFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=_all(EquipmentKind.choices), required=False)
    earmarked = forms.ChoiceField(
        label=_("Earmarked"),
        choices=_all([("yes", _("Earmarked for a unit")), ("no", _("Not earmarked"))]),
        required=False,
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[
            (EquipmentStatus.ACTIVE, _("Registered")),
            (EquipmentStatus.RELEASED, _("Released")),
            (EquipmentStatus.ALL, _("All")),
        ],
        required=False,
    )

    def filters(self) -> EquipmentFilters:
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return EquipmentFilters(
            kind=data.get("kind") or "",
            earmarked=data.get("earmarked") or "",
            status=data.get("status") or EquipmentStatus.ACTIVE,
        )


# The reservist.


class _ReservistFields(forms.Form):
    rank_group = forms.ChoiceField(
        label=_("Rank group"), choices=RankGroup.choices, initial=RankGroup.NCO_OR_SOLDIER
    )
    rank = forms.ChoiceField(
        label=_("Military rank"), choices=[("", "—"), *Rank.choices], required=False
    )
    specialty_code = forms.CharField(
        label=_("Military specialty code"), max_length=16, required=False
    )
    specialty_name = forms.CharField(label=_("Military specialty"), max_length=120, required=False)
    health_class = forms.TypedChoiceField(
        label=_("Health class"),
        choices=[("", "—"), *[(n, str(n)) for n in range(1, 7)]],
        coerce=int,
        empty_value=None,
        required=False,
    )

    def reservist_data(self) -> ReservistData:
        data = self.cleaned_data
        return ReservistData(
            rank_group=data["rank_group"],
            rank=data["rank"],
            specialty_code=data["specialty_code"],
            specialty_name=data["specialty_name"],
            health_class=data["health_class"],
        )


class ReservistCreateForm(_ReservistFields):
    """A person into the reserve register: where he comes from and the months the
    class depends on (``rules.reserve_class`` decides the class)."""

    registered_on = date_field(_("Registered on"), initial=today)
    source = forms.ChoiceField(label=_("Source"), choices=Source.choices)
    active_service_months = _months(_("Months of active service"))
    combat_experience = forms.BooleanField(label=_("Has been in combat"), required=False)
    police_service_months = _months(_("Months of service in the police"))
    standing_militia_months = _months(_("Months as standing militia"))
    concentrated_training_months = _months(_("Months of concentrated training"))

    field_order = [
        "registered_on", "source", "active_service_months", "combat_experience",
        "police_service_months", "standing_militia_months", "concentrated_training_months",
        "rank_group", "rank", "specialty_code", "specialty_name", "health_class",
    ]  # fmt: skip

    def class_facts(self) -> ClassFacts:
        data = self.cleaned_data
        return ClassFacts(
            source=data["source"],
            active_service_months=_float(data["active_service_months"]),
            combat_experience=data["combat_experience"],
            police_service_months=_float(data["police_service_months"]),
            standing_militia_months=_float(data["standing_militia_months"]),
            concentrated_training_months=_float(data["concentrated_training_months"]),
        )


class ReservistEditForm(_ReservistFields):
    reserve_class = forms.TypedChoiceField(
        label=_("Reserve class"), choices=ReserveClassChoice.choices, coerce=int
    )
    field_order = ["reserve_class"]


class RemovalForm(forms.Form):
    removed_on = date_field(_("Removed on"), initial=today)
    removal_reason = forms.ChoiceField(
        label=_("Reason"), choices=[("", "—"), *RemovalReason.choices], required=False
    )
    removal_note = forms.CharField(label=_("Note"), max_length=255, required=False)


class ArrangeForm(forms.Form):
    post = forms.ModelChoiceField(label=_("Post"), queryset=ReservePost.objects.none())
    arranged_on = date_field(_("Arranged on"), initial=today)
    near_match_reason = forms.CharField(
        label=_("Reason for a near-match specialty"),
        max_length=255,
        required=False,
        help_text=_("Required when the post needs another specialty than the reservist's."),
    )

    def __init__(self, *args: Any, posts: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["post"]
        order = Case(*(When(pk=fill.post.pk, then=n) for n, fill in enumerate(posts)))
        field.queryset = ReservePost.objects.filter(  # type: ignore[attr-defined]
            pk__in=[fill.post.pk for fill in posts]
        ).order_by(order)
        labels = {fill.post.pk: _post_label(fill) for fill in posts}
        field.label_from_instance = lambda post: labels.get(post.pk, str(post))  # type: ignore[attr-defined]


def _post_label(fill: Any) -> str:
    post = fill.post
    return (
        f"{post.unit.name} · {post.title} ({post.specialty_code} {post.specialty_name}) · "
        f"{fill.arranged}/{fill.establishment}"
    )


class ArrangementEndForm(forms.Form):
    ended_on = date_field(_("Ended on"), initial=today)
    reason = forms.CharField(label=_("Reason"), max_length=255, required=False)


class ReviewForm(forms.Form):
    year = forms.IntegerField(
        label=_("Year"), min_value=FIRST_YEAR, max_value=LAST_YEAR, initial=lambda: today().year
    )
    reviewed_on = date_field(_("Reviewed on"), initial=today)
    residence_confirmed = forms.BooleanField(label=_("Residence confirmed"), required=False)
    health_confirmed = forms.BooleanField(label=_("Health confirmed"), required=False)
    specialty_confirmed = forms.BooleanField(label=_("Specialty confirmed"), required=False)
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=ReviewOutcome.choices, widget=forms.RadioSelect
    )
    removal_reason = forms.ChoiceField(
        label=_("Reason for removal"),
        choices=[("", "—"), *RemovalReason.choices],
        required=False,
        help_text=_("Only when the outcome is removal."),
    )
    note = forms.CharField(label=_("Note"), max_length=255, required=False)


class DecisionForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Decision"), choices=DecisionKind.choices, widget=forms.RadioSelect
    )
    unit = forms.ModelChoiceField(label=_("Reserve unit"), queryset=ReserveUnit.objects.none())
    position = forms.CharField(label=_("Position"), max_length=120)
    decision_number = forms.CharField(label=_("Decision number"), max_length=40)
    decided_on = date_field(_("Decided on"), initial=today)
    signer = forms.CharField(label=_("Signed by"), max_length=120)

    def __init__(self, *args: Any, units: QuerySet[ReserveUnit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]


# Units, posts, checks.


class UnitForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=160)
    code = forms.CharField(label=_("Code"), max_length=32, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=UnitKind.choices)
    org_unit = forms.ModelChoiceField(label=_("Held by"), queryset=OrgUnit.objects.none())
    parent = forms.ModelChoiceField(
        label=_("Parent unit"), queryset=ReserveUnit.objects.none(), required=False
    )

    def __init__(
        self,
        *args: Any,
        holders: QuerySet[OrgUnit],
        parents: QuerySet[ReserveUnit],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = holders  # type: ignore[attr-defined]
        self.fields["parent"].queryset = parents  # type: ignore[attr-defined]

    def unit_data(self) -> UnitData:
        data = self.cleaned_data
        return UnitData(
            name=data["name"],
            kind=data["kind"],
            org_unit=data["org_unit"],
            code=data["code"],
            parent=data["parent"],
        )


class PostForm(forms.Form):
    title = forms.CharField(label=_("Post"), max_length=120)
    specialty_code = forms.CharField(label=_("Military specialty code"), max_length=16)
    specialty_name = forms.CharField(label=_("Military specialty"), max_length=120)
    establishment_count = forms.IntegerField(label=_("Establishment strength"), min_value=0)

    def post_data(self) -> PostData:
        data = self.cleaned_data
        return PostData(
            title=data["title"],
            specialty_code=data["specialty_code"],
            specialty_name=data["specialty_name"],
            establishment_count=data["establishment_count"],
        )


class CheckForm(forms.Form):
    checked_on = date_field(_("Checked on"), initial=today)
    kind = forms.ChoiceField(label=_("Kind"), choices=CheckKind.choices)
    present_count = forms.IntegerField(label=_("Present"), min_value=0)
    result = forms.ChoiceField(label=_("Result"), choices=CheckResult.choices)
    note = forms.CharField(label=_("Note"), max_length=255, required=False)


# Equipment.


class EquipmentForm(forms.Form):
    managed_by = forms.ModelChoiceField(label=_("Commune/ward"), queryset=OrgUnit.objects.none())
    registered_on = date_field(_("Registered on"), initial=today)
    owner_name = forms.CharField(label=_("Owner"), max_length=160)
    kind = forms.ChoiceField(label=_("Kind"), choices=EquipmentKind.choices)
    description = forms.CharField(label=_("Description"), max_length=255, required=False)
    plate_or_serial = forms.CharField(label=_("Plate or serial number"), max_length=40)
    condition = forms.ChoiceField(label=_("Condition"), choices=Condition.choices)
    earmarked_unit = forms.ModelChoiceField(
        label=_("Earmarked for"), queryset=ReserveUnit.objects.none(), required=False
    )

    def __init__(
        self,
        *args: Any,
        units: QuerySet[OrgUnit],
        reserve_units: QuerySet[ReserveUnit],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["managed_by"].queryset = units  # type: ignore[attr-defined]
        self.fields["earmarked_unit"].queryset = reserve_units  # type: ignore[attr-defined]
        if units.count() == 1:
            self.initial["managed_by"] = units.first()

    def equipment_data(self) -> EquipmentData:
        data = self.cleaned_data
        return EquipmentData(
            owner_name=data["owner_name"],
            kind=data["kind"],
            plate_or_serial=data["plate_or_serial"],
            condition=data["condition"],
            description=data["description"],
        )


class EarmarkForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Earmarked for"), queryset=ReserveUnit.objects.none(), required=False
    )
    condition = forms.ChoiceField(label=_("Condition"), choices=Condition.choices)

    def __init__(self, *args: Any, units: QuerySet[ReserveUnit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]


class ReleaseForm(forms.Form):
    released_on = date_field(_("Released on"), initial=today)
    reason = forms.CharField(label=_("Reason"), max_length=255, required=False)


class SignerForm(forms.Form):
    signer = forms.CharField(label=_("Signed by (name)"), max_length=120, required=False)
