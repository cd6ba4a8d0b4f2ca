"""Militia units with their strength (current members)."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from qsdp.accounts.models import User
from qsdp.accounts.scoping import get_scoped_or_404
from qsdp.militia.models import MilitiaMember, MilitiaUnit
from qsdp.militia.selectors._common import in_subtree, visible
from qsdp.orgunits.models import OrgUnit

UNIT_PATHS = ("org_unit__path",)


@dataclass(frozen=True)
class UnitFilters:
    org_unit: OrgUnit | None = None
    militia_type: str = ""


def unit_list(*, user: User, filters: UnitFilters) -> QuerySet[MilitiaUnit]:
    """The units the user may see, each with ``strength``: its current members."""
    units = visible(MilitiaUnit.objects.all(), user, *UNIT_PATHS).filter(
        in_subtree(filters.org_unit, "org_unit__path")
    )
    if filters.militia_type:
        units = units.filter(militia_type=filters.militia_type)
    return (
        units.annotate(strength=Count("members", filter=Q(members__left_on__isnull=True)))
        .select_related("org_unit", "parent", "commander__person")
        .order_by("org_unit__name", "org_unit_id", "name", "id")
    )


def unit_get(*, user: User, pk: int) -> MilitiaUnit:
    return get_scoped_or_404(
        MilitiaUnit.objects.select_related("org_unit", "parent", "commander__person"),
        user,
        *UNIT_PATHS,
        pk=pk,
    )


def unit_members(*, unit: MilitiaUnit) -> list[MilitiaMember]:
    """The current members of a unit the caller has read through ``unit_get``."""
    return list(
        unit.members.filter(left_on__isnull=True)
        .select_related("person")
        .order_by("person__sort_name", "id")
    )


def units_for_commune(*, org_unit_id: int) -> QuerySet[MilitiaUnit]:
    """The units of one commune (choices of the member and unit forms)."""
    return MilitiaUnit.objects.filter(org_unit_id=org_unit_id).order_by("name", "id")
