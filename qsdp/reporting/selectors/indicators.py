"""The indicator table of a unit and its children for a year, with targets.

The children are those of the hierarchy date (31 December of the year unless
told otherwise), so the 2023 report shows the 2023 tree even after the 2025
reform; military commands are skipped (they keep no register of their own).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet

from qsdp.accounts.models import User
from qsdp.accounts.scoping import get_scoped_or_404
from qsdp.military_service.indicators import IndicatorValue
from qsdp.orgunits.models import MILITARY_KINDS, OrgUnit, OrgUnitKind
from qsdp.orgunits.selectors import open_on
from qsdp.reporting.gather import compute, compute_each
from qsdp.reporting.models import Target

# Units below which nothing is reported: villages' data is the commune's.
NOT_REPORTING_KINDS = (*MILITARY_KINDS, OrgUnitKind.VILLAGE)


@dataclass(frozen=True)
class UnitIndicators:
    unit: OrgUnit
    values: dict[str, IndicatorValue]
    targets: dict[str, Decimal] = field(default_factory=dict)


@dataclass(frozen=True)
class IndicatorTable:
    year: int
    as_of: date
    unit: UnitIndicators
    children: list[UnitIndicators]


def year_end(year: int) -> date:
    return date(year, 12, 31)


def reporting_unit_get(*, user: User, pk: int) -> OrgUnit:
    """A unit that reports, inside the user's scope (else 404)."""
    units = OrgUnit.objects.exclude(kind__in=NOT_REPORTING_KINDS).select_related("parent")
    return get_scoped_or_404(units, user, "path", pk=pk)


def reporting_children(*, org_unit: OrgUnit, on: date) -> QuerySet[OrgUnit]:
    """The children of ``org_unit`` open on ``on`` that keep a register."""
    return (
        OrgUnit.objects.filter(open_on(on), parent=org_unit)
        .exclude(kind__in=NOT_REPORTING_KINDS)
        .order_by("name", "code")
    )


def targets_of(*, units: Iterable[OrgUnit], year: int) -> dict[int, dict[str, Decimal]]:
    """unit id → code → the target set for that unit in ``year``, in one query."""
    found: dict[int, dict[str, Decimal]] = {unit.pk: {} for unit in units}
    rows = Target.objects.filter(org_unit__in=list(found), year=year)
    for unit_id, code, value in rows.values_list("org_unit_id", "indicator", "value"):
        found[unit_id][code] = value
    return found


def targets_for(*, org_unit: OrgUnit, year: int) -> dict[str, Decimal]:
    """code → the target set for ``org_unit`` in ``year``."""
    return targets_of(units=[org_unit], year=year)[org_unit.pk]


def indicator_table(
    *,
    user: User,
    org_unit: OrgUnit,
    year: int,
    as_of: date | None = None,
    child_codes: Iterable[str] | None = None,
) -> IndicatorTable:
    """Every indicator of ``org_unit`` and of each of its reporting children on
    ``as_of`` (31/12 of ``year`` by default) for ``year`` (the children's only
    ``child_codes`` when given); 404 out of scope."""
    unit = reporting_unit_get(user=user, pk=org_unit.pk)
    as_of = as_of or year_end(year)
    units = list(reporting_children(org_unit=unit, on=as_of))
    each = compute_each(units=units, year=year, codes=child_codes)
    targets = targets_of(units=[unit, *units], year=year)
    children = [UnitIndicators(child, each[child.pk], targets[child.pk]) for child in units]
    own = UnitIndicators(unit, compute(org_unit=unit, year=year), targets[unit.pk])
    return IndicatorTable(year=year, as_of=as_of, unit=own, children=children)
