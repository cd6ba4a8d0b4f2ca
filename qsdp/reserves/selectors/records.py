"""Commander decisions, readiness checks and reserve equipment, as the user may see them."""

from dataclasses import dataclass

from django.db.models import QuerySet

from qsdp.accounts.models import User
from qsdp.accounts.scoping import get_scoped_or_404, scope_for
from qsdp.reserves.models import CommanderDecision, ReadinessCheck, ReserveEquipment, ReserveUnit
from qsdp.reserves.selectors.units import UNIT_PATHS

DECISION_PATHS = ("reservist__person__org_unit__path",)
CHECK_PATHS = tuple(f"unit__{p}" for p in UNIT_PATHS)
EQUIPMENT_PATHS = ("managed_by__path",)


class EquipmentStatus:
    ACTIVE = "active"
    RELEASED = "released"
    ALL = "all"


@dataclass(frozen=True)
class EquipmentFilters:
    kind: str = ""
    earmarked: str = ""  # "yes" / "no" / ""
    unit: ReserveUnit | None = None
    status: str = EquipmentStatus.ACTIVE


def decision_list(
    *, user: User, year: int | None = None, kind: str = ""
) -> QuerySet[CommanderDecision]:
    """Appointments and dismissals of reservists the user may see, newest first."""
    rows = CommanderDecision.objects.filter(scope_for(user).q(*DECISION_PATHS))
    if year is not None:
        rows = rows.filter(decided_on__year=year)
    if kind:
        rows = rows.filter(kind=kind)
    return rows.select_related("reservist__person", "unit").order_by("-decided_on", "-id")


def readiness_check_list(*, user: User, year: int | None = None) -> QuerySet[ReadinessCheck]:
    rows = ReadinessCheck.objects.filter(scope_for(user).q(*CHECK_PATHS))
    if year is not None:
        rows = rows.filter(checked_on__year=year)
    return rows.select_related("unit").order_by("-checked_on", "-id")


def equipment_list(*, user: User, filters: EquipmentFilters) -> QuerySet[ReserveEquipment]:
    rows = ReserveEquipment.objects.filter(scope_for(user).q(*EQUIPMENT_PATHS))
    if filters.status == EquipmentStatus.ACTIVE:
        rows = rows.filter(released_on__isnull=True)
    elif filters.status == EquipmentStatus.RELEASED:
        rows = rows.filter(released_on__isnull=False)
    if filters.kind:
        rows = rows.filter(kind=filters.kind)
    if filters.earmarked == "yes":
        rows = rows.filter(earmarked_unit__isnull=False)
    elif filters.earmarked == "no":
        rows = rows.filter(earmarked_unit__isnull=True)
    if filters.unit is not None:
        rows = rows.filter(earmarked_unit=filters.unit)
    return rows.select_related("managed_by", "earmarked_unit", "owner_person").order_by(
        "kind", "plate_or_serial", "id"
    )


def equipment_get(*, user: User, pk: int) -> ReserveEquipment:
    return get_scoped_or_404(
        ReserveEquipment.objects.select_related("managed_by", "earmarked_unit", "owner_person"),
        user,
        *EQUIPMENT_PATHS,
        pk=pk,
    )
