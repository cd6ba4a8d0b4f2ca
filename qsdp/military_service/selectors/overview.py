"""The indicators of the user's area for a year (the overview page)."""

from dataclasses import dataclass

from qsdp.accounts.models import User
from qsdp.accounts.scoping import ROOT, scope_for
from qsdp.military_service.indicators import INDICATORS, IndicatorValue, indicator_value
from qsdp.military_service.selectors._common import require_unit_in_scope
from qsdp.orgunits.models import OrgUnit, OrgUnitKind


@dataclass(frozen=True)
class AreaIndicators:
    unit: OrgUnit
    year: int
    values: list[IndicatorValue]  # in the order of ``INDICATORS``


def area_units(*, user: User) -> list[OrgUnit]:
    """The units at the top of the user's read scope: his commune, his city; the
    provinces for an administrator."""
    paths = scope_for(user).read_paths
    if ROOT in paths:
        return list(OrgUnit.objects.filter(kind=OrgUnitKind.PROVINCE).order_by("name", "path"))
    tops = [p for p in paths if not any(p != q and p.startswith(q) for q in paths)]
    return list(OrgUnit.objects.filter(path__in=tops).order_by("name", "path"))


def indicator_overview(
    *, user: User, year: int, org_unit: OrgUnit | None = None
) -> list[AreaIndicators]:
    """Every indicator of the app for ``org_unit`` (404 outside the scope) or for
    each unit of the user's area."""
    if org_unit is not None:
        require_unit_in_scope(user, org_unit)
    units = [org_unit] if org_unit is not None else area_units(user=user)
    return [
        AreaIndicators(
            unit, year, [indicator_value(code, org_unit=unit, year=year) for code in INDICATORS]
        )
        for unit in units
    ]
