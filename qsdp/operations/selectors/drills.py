"""Drill plans and drills, and where each unit stands against the cadence."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Max, Prefetch, QuerySet

from qsdp.accounts.models import User
from qsdp.accounts.scoping import get_scoped_or_404, scope_for
from qsdp.core.selectors import rule_setting
from qsdp.core.settings_registry import DRILL_CADENCE_YEARS
from qsdp.operations import rules
from qsdp.operations.models import Drill, DrillKind, DrillPhase, DrillPlan
from qsdp.operations.selectors._common import in_subtree, visible
from qsdp.orgunits.models import OrgUnit


@dataclass(frozen=True)
class DrillFilters:
    year: int | None = None
    kind: str = ""
    org_unit: OrgUnit | None = None


def drill_plan_list(*, user: User, filters: DrillFilters) -> QuerySet[DrillPlan]:
    plans = visible(DrillPlan.objects.all(), user).filter(in_subtree(filters.org_unit))
    if filters.year:
        plans = plans.filter(year=filters.year)
    if filters.kind:
        plans = plans.filter(kind=filters.kind)
    return plans.select_related("org_unit", "drill").order_by(
        "-year", "org_unit__name", "kind", "id"
    )


def drill_plan_get(*, user: User, pk: int) -> DrillPlan:
    return get_scoped_or_404(
        DrillPlan.objects.select_related("org_unit", "drill"), user, "org_unit__path", pk=pk
    )


def drill_list(*, user: User, filters: DrillFilters) -> QuerySet[Drill]:
    drills = visible(Drill.objects.all(), user, "plan__org_unit__path").filter(
        in_subtree(filters.org_unit, "plan__org_unit__path")
    )
    if filters.year:
        drills = drills.filter(held_from__year=filters.year)
    if filters.kind:
        drills = drills.filter(plan__kind=filters.kind)
    return drills.select_related("plan__org_unit").order_by("-held_from", "id")


def drill_get(*, user: User, pk: int) -> Drill:
    phases = Prefetch("phases", queryset=DrillPhase.objects.order_by("number"))
    return get_scoped_or_404(
        Drill.objects.select_related("plan__org_unit").prefetch_related(phases),
        user,
        "plan__org_unit__path",
        pk=pk,
    )


@dataclass(frozen=True)
class DueRow:
    unit: OrgUnit
    level: str
    cadence_years: int | None
    due: rules.DrillDue

    @property
    def state(self) -> str:
        return self.due.state.value


def drill_due_list(
    *,
    user: User,
    year: int,
    kind: str = DrillKind.DEFENCE_ZONE_COMBAT,
    org_unit: OrgUnit | None = None,
) -> list[DueRow]:
    """Every province, district and commune of the user's area open in ``year``
    with its last drill of ``kind``, its cadence and whether a drill is due,
    planned, held or overdue (three queries)."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    units = (
        OrgUnit.objects.filter(scope_for(user).q("path"), in_subtree(org_unit, "path"))
        .filter(kind__in=rules.DRILL_UNIT_KINDS, opened_on__lte=end)
        .exclude(closed_on__lte=start)
        .order_by("level", "name", "id")
    )
    last_held = dict(
        Drill.objects.filter(plan__kind=kind, plan__year__lte=year, plan__org_unit__in=units)
        .values("plan__org_unit_id")
        .annotate(last=Max("plan__year"))
        .values_list("plan__org_unit_id", "last")
    )
    planned: dict[int, set[int]] = {}
    for unit_id, plan_year in DrillPlan.objects.filter(
        kind=kind, year=year, org_unit__in=units
    ).values_list("org_unit_id", "year"):
        planned.setdefault(unit_id, set()).add(plan_year)
    cadence = rule_setting(DRILL_CADENCE_YEARS, on=end).get(kind, {})
    rows = []
    for unit in units:
        level = rules.drill_level(unit.kind)
        years = cadence.get(level.value) if level else None
        due = rules.drill_due(
            year=year,
            cadence_years=years,
            last_held_year=last_held.get(unit.pk),
            planned_years=planned.get(unit.pk, set()),
        )
        rows.append(DueRow(unit, level.value if level else "", years, due))
    return rows
