"""The figures a year-end review is written from, read from the registers once.

``gather_facts`` is the only part of the generator that reads the database: it
collects the indicators of the unit and of its reporting children on the tree
of 31 December of the year, the drills held, next year's plan (targets and
planned drills) and the approval state of the data. ``ReviewFacts`` holds only
JSON values (ISO dates as strings), so a signed review stores it as it was and
renders from it for ever after.
"""

from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from django.utils import timezone

from qsdp.core.locks import period_lock_for
from qsdp.military_service.indicators import IndicatorValue
from qsdp.operations.models import Directive, DirectiveTask, Drill, DrillPlan
from qsdp.orgunits.models import OrgUnit
from qsdp.reporting.gather import compute, compute_each
from qsdp.reporting.models import Submission
from qsdp.reporting.selectors.indicators import reporting_children, targets_for, year_end

Number = int | float | None


def plain(value: Decimal | int | None) -> Number:
    """An indicator value as JSON: ints stay ints, percentages become floats."""
    if value is None or isinstance(value, int):
        return value
    return float(value)


@dataclass(frozen=True)
class UnitRef:
    code: str
    name: str
    kind: str


@dataclass(frozen=True)
class Figure:
    """An indicator's value with the counts it was computed from."""

    value: Number
    numerator: int
    denominator: int


@dataclass(frozen=True)
class DrillFact:
    org_unit: UnitRef
    kind: str
    held_from: str
    rating: str  # the rating code; "" when not rated yet
    rating_label: str
    good_or_better: bool | None
    safety_incidents: bool


@dataclass(frozen=True)
class PlannedDrill:
    org_unit: UnitRef
    kind: str
    planned_on: str | None
    title: str


@dataclass(frozen=True)
class Approval:
    """A unit's submission of the year's data, and the lock approval wrote."""

    org_unit: UnitRef
    status: str  # a reporting.SubmissionStatus value, or "" when nothing was submitted
    submitted_at: str | None
    approved_at: str | None
    locked_by: str  # the name of the unit whose approval locks this data ("" when open)
    lock_reference: str
    locked_at: str | None


@dataclass(frozen=True)
class ReviewFacts:
    org_unit: UnitRef
    parent_name: str
    year: int
    gathered_at: str
    indicators: dict[str, Figure]
    children: list[UnitRef]
    by_unit: dict[str, dict[str, Number]]  # child code → indicator → value
    targets: dict[str, Number]  # this year's targets of the unit
    drills: list[DrillFact]
    plan_year: int
    plan_targets: dict[str, Number]
    plan_drills: list[PlannedDrill]
    approvals: list[Approval] = field(default_factory=list)
    # Figures no indicator gives: the directives issued in the year and their tasks.
    extra: dict[str, Number] = field(default_factory=dict)

    def value(self, code: str) -> Number:
        figure = self.indicators.get(code)
        return figure.value if figure else None

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "ReviewFacts":
        def unit(raw: dict[str, Any]) -> UnitRef:
            return UnitRef(**raw)

        return cls(
            org_unit=unit(data["org_unit"]),
            parent_name=data["parent_name"],
            year=data["year"],
            gathered_at=data["gathered_at"],
            indicators={k: Figure(**v) for k, v in data["indicators"].items()},
            children=[unit(c) for c in data["children"]],
            by_unit=data["by_unit"],
            targets=data["targets"],
            drills=[DrillFact(**{**d, "org_unit": unit(d["org_unit"])}) for d in data["drills"]],
            plan_year=data["plan_year"],
            plan_targets=data["plan_targets"],
            plan_drills=[
                PlannedDrill(**{**d, "org_unit": unit(d["org_unit"])}) for d in data["plan_drills"]
            ],
            approvals=[
                Approval(**{**a, "org_unit": unit(a["org_unit"])}) for a in data["approvals"]
            ],
            extra=data.get("extra", {}),
        )


def unit_ref(unit: OrgUnit) -> UnitRef:
    return UnitRef(code=unit.code, name=unit.name, kind=unit.kind)


def _figure(value: IndicatorValue) -> Figure:
    return Figure(plain(value.value), value.numerator, value.denominator)


def _iso(moment: Any) -> str | None:
    if moment is None:
        return None
    return (
        timezone.localtime(moment).isoformat() if hasattr(moment, "tzinfo") else moment.isoformat()
    )


def _targets(org_unit: OrgUnit, year: int) -> dict[str, Number]:
    # A percentage is a float; a count target is an int, as the indicators are.
    return {
        code: float(value) if code.endswith("_pct") else plain(int(value))
        for code, value in targets_for(org_unit=org_unit, year=year).items()
    }


def _drills(org_unit: OrgUnit, year: int) -> list[DrillFact]:
    drills = (
        Drill.objects.filter(plan__org_unit__path__startswith=org_unit.path, held_from__year=year)
        .select_related("plan__org_unit")
        .order_by("held_from", "plan__org_unit__name", "id")
    )
    return [
        DrillFact(
            org_unit=unit_ref(drill.plan.org_unit),
            kind=drill.plan.kind,
            held_from=drill.held_from.isoformat(),
            rating=drill.rating,
            rating_label=drill.rating_label,
            good_or_better=drill.rated_good_or_better,
            safety_incidents=bool(drill.safety_incidents.strip()),
        )
        for drill in drills
    ]


def _planned_drills(org_unit: OrgUnit, year: int) -> list[PlannedDrill]:
    plans = (
        DrillPlan.objects.filter(org_unit__path__startswith=org_unit.path, year=year)
        .select_related("org_unit")
        .order_by("planned_on", "org_unit__name", "kind", "id")
    )
    return [
        PlannedDrill(
            org_unit=unit_ref(plan.org_unit),
            kind=plan.kind,
            planned_on=plan.planned_on.isoformat() if plan.planned_on else None,
            title=plan.title,
        )
        for plan in plans
    ]


def _approvals(units: list[OrgUnit], year: int) -> list[Approval]:
    """The approval state of each unit's data: its submissions in one query; the
    lock (its own approval or an ancestor's) as ``period_lock_for`` finds it."""
    submissions = {
        s.org_unit_id: s for s in Submission.objects.filter(org_unit__in=units, year=year)
    }
    return [_approval(unit, submissions.get(unit.pk), year) for unit in units]


def _approval(unit: OrgUnit, submission: Submission | None, year: int) -> Approval:
    lock = period_lock_for(org_unit=unit, on=year_end(year))
    return Approval(
        org_unit=unit_ref(unit),
        status=submission.status if submission else "",
        submitted_at=_iso(submission.submitted_at) if submission else None,
        approved_at=_iso(submission.approved_at) if submission else None,
        locked_by=lock.org_unit.name if lock else "",
        lock_reference=lock.reference if lock else "",
        locked_at=_iso(lock.approved_at) if lock else None,
    )


def _directives(org_unit: OrgUnit, year: int) -> dict[str, Number]:
    tasks = DirectiveTask.objects.filter(
        directive__org_unit__path__startswith=org_unit.path, directive__issued_on__year=year
    )
    return {
        "directives.issued": Directive.objects.filter(
            org_unit__path__startswith=org_unit.path, issued_on__year=year
        ).count(),
        "directives.tasks": tasks.count(),
        "directives.tasks_completed": tasks.filter(completed_on__isnull=False).count(),
    }


def gather_facts(*, org_unit: OrgUnit, year: int) -> ReviewFacts:
    """Everything the review of ``org_unit`` for ``year`` says, computed live."""
    children = list(reporting_children(org_unit=org_unit, on=year_end(year)))
    own = compute(org_unit=org_unit, year=year)
    each = compute_each(units=children, year=year)
    by_unit = {
        child.code: {code: plain(v.value) for code, v in each[child.pk].items()}
        for child in children
    }
    parent = org_unit.parent
    return ReviewFacts(
        org_unit=unit_ref(org_unit),
        parent_name=parent.name if parent else "",
        year=year,
        gathered_at=timezone.localtime().isoformat(timespec="seconds"),
        indicators={code: _figure(value) for code, value in own.items()},
        children=[unit_ref(child) for child in children],
        by_unit=by_unit,
        targets=_targets(org_unit, year),
        drills=_drills(org_unit, year),
        plan_year=year + 1,
        plan_targets=_targets(org_unit, year + 1),
        plan_drills=_planned_drills(org_unit, year + 1),
        approvals=_approvals([org_unit, *children], year),
        extra=_directives(org_unit, year),
    )
