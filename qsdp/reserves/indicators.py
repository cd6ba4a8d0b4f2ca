"""The reserve indicators of DESIGN.md, computed from the register for any org-unit
subtree and year with aggregate queries (no per-person loops).

- A reservist belongs to the subtree of the commune that keeps his record
  (``managed_by``), as an event belongs to its recording unit in
  ``qsdp.military_service.indicators``: a later move does not change a past year.
- ``reserves.count``: in the register on 31 December of the year (registered on
  or before it, not removed on or before it).
- ``reserves.arranged_pct``: of those, the share arranged into a post that day.
- ``reserves.appointments`` / ``reserves.dismissals``: commander decisions dated
  in the year.
- ``reserves.reviewed_pct``: reviewed in the year, over those in the register at
  the end of the year plus those the year's review removed.

The value shape is ``IndicatorValue`` of the military-service indicators (generic,
so reused rather than copied).
"""

from collections.abc import Callable
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from qsdp.military_service.indicators import IndicatorValue, count_value, percent_value
from qsdp.orgunits.models import OrgUnit
from qsdp.reserves.models import (
    Arrangement,
    CommanderDecision,
    DecisionKind,
    ReserveReview,
    Reservist,
)
from qsdp.reserves.selectors.arrangement import arranged_on_q
from qsdp.reserves.selectors.reservists import in_register_q


def _of(unit: OrgUnit) -> QuerySet[Reservist]:
    return Reservist.objects.filter(managed_by__path__startswith=unit.path)


def _in_register(unit: OrgUnit, on: date) -> QuerySet[Reservist]:
    return _of(unit).filter(
        Q(registered_on__lte=on), Q(removed_on__isnull=True) | Q(removed_on__gt=on)
    )


def reserves_count(*, org_unit: OrgUnit, year: int) -> IndicatorValue:
    return count_value("reserves.count", _in_register(org_unit, date(year, 12, 31)).count())


def reserves_arranged_pct(*, org_unit: OrgUnit, year: int) -> IndicatorValue:
    end = date(year, 12, 31)
    members = _in_register(org_unit, end)
    held = Arrangement.objects.filter(arranged_on_q(end), reservist=OuterRef("pk"))
    counts = members.aggregate(total=Count("pk"), held=Count("pk", filter=Exists(held)))
    return percent_value("reserves.arranged_pct", counts["held"], counts["total"])


def _decisions(unit: OrgUnit, year: int, kind: DecisionKind) -> int:
    return CommanderDecision.objects.filter(
        reservist__managed_by__path__startswith=unit.path, decided_on__year=year, kind=kind
    ).count()


def reserves_appointments(*, org_unit: OrgUnit, year: int) -> IndicatorValue:
    return count_value(
        "reserves.appointments", _decisions(org_unit, year, DecisionKind.APPOINTMENT)
    )


def reserves_dismissals(*, org_unit: OrgUnit, year: int) -> IndicatorValue:
    return count_value("reserves.dismissals", _decisions(org_unit, year, DecisionKind.DISMISSAL))


def reserves_reviewed_pct(*, org_unit: OrgUnit, year: int) -> IndicatorValue:
    end = date(year, 12, 31)
    reviewed = Exists(ReserveReview.objects.filter(reservist=OuterRef("pk"), year=year))
    population = _of(org_unit).filter(in_register_q(end) | Q(reviewed))
    counts = population.aggregate(total=Count("pk"), reviewed=Count("pk", filter=reviewed))
    return percent_value("reserves.reviewed_pct", counts["reviewed"], counts["total"])


Indicator = Callable[..., IndicatorValue]

INDICATORS: dict[str, Indicator] = {
    "reserves.count": reserves_count,
    "reserves.arranged_pct": reserves_arranged_pct,
    "reserves.appointments": reserves_appointments,
    "reserves.dismissals": reserves_dismissals,
    "reserves.reviewed_pct": reserves_reviewed_pct,
}


def indicator_value(code: str, *, org_unit: OrgUnit, year: int) -> IndicatorValue:
    """The value of the indicator ``code`` (KeyError for a code not of this app)."""
    return INDICATORS[code](org_unit=org_unit, year=year)
