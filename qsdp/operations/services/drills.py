"""Drill plans, drills held with their phases, and their rating on the
configured scale (rule setting ``operations.drill_rating_scale``)."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from qsdp.core.audit import diff, record_event, snapshot
from qsdp.core.errors import DomainError
from qsdp.core.locks import ensure_period_open
from qsdp.core.selectors import rule_setting
from qsdp.core.settings_registry import DRILL_RATING_SCALE
from qsdp.military_service.rules.common import vn_date
from qsdp.operations import rules
from qsdp.operations.errors import OperationsErrorCode as Code
from qsdp.operations.models import Drill, DrillPhase, DrillPlan
from qsdp.operations.services._common import check_not_future, guard, today, user_or_none
from qsdp.orgunits.models import OrgUnit

PLAN_FIELDS = ("org_unit", "year", "kind", "level", "planned_on", "title", "directed_by")
DRILL_FIELDS = (
    "held_from", "held_to", "participants", "forces", "notable_participants",
    "safety_incidents", "notes",
)  # fmt: skip


@dataclass(frozen=True)
class DrillPlanData:
    year: int
    kind: str
    title: str
    planned_on: date | None = None
    directed_by: str = ""


@dataclass(frozen=True)
class PhaseData:
    name: str
    on: date
    content: str = ""


@dataclass(frozen=True)
class DrillData:
    held_from: date
    held_to: date
    participants: int
    forces: str = ""
    notable_participants: str = ""
    safety_incidents: str = ""
    notes: str = ""


def _check_plan(org_unit: OrgUnit, data: DrillPlanData, *, exclude: int | None = None) -> str:
    level = rules.drill_level(org_unit.kind)
    if level is None:
        raise DomainError(
            Code.DRILL_UNIT_LEVEL,
            _("%(unit)s does not hold drills of its own: drills are planned by a province, "
              "a district or a commune.") % {"unit": org_unit.name},
            field="org_unit",
        )  # fmt: skip
    if data.planned_on is not None and data.planned_on.year != data.year:
        raise DomainError(
            Code.DRILL_PLAN_YEAR,
            _("The planned date %(date)s is not in %(year)s.")
            % {"date": vn_date(data.planned_on), "year": data.year},
            field="planned_on",
        )
    taken = DrillPlan.objects.filter(org_unit=org_unit, year=data.year, kind=data.kind)
    if exclude is not None:
        taken = taken.exclude(pk=exclude)
    if taken.exists():
        raise DomainError(
            Code.DRILL_PLAN_EXISTS,
            _("%(unit)s already has a plan for this kind of drill in %(year)s.")
            % {"unit": org_unit.name, "year": data.year},
            field="kind",
        )
    return level


@transaction.atomic
def drill_plan_create(*, actor: Any, org_unit: OrgUnit, data: DrillPlanData) -> DrillPlan:
    """Plan a drill of ``org_unit`` (its level follows from the unit's kind)."""
    guard(actor, org_unit.path)
    ensure_period_open(org_unit=org_unit, on=date(data.year, 1, 1), field="year")
    level = _check_plan(org_unit, data)
    plan = DrillPlan(
        org_unit=org_unit,
        year=data.year,
        kind=data.kind,
        level=level,
        planned_on=data.planned_on,
        title=data.title,
        directed_by=data.directed_by,
        created_by=user_or_none(actor),
    )
    plan.full_clean(validate_constraints=False)
    plan.save()
    record_event(
        actor=actor,
        verb="operations.drill_plan_created",
        target=plan,
        changes=diff({}, snapshot(plan, PLAN_FIELDS)),
    )
    return plan


@transaction.atomic
def drill_plan_update(*, actor: Any, plan: DrillPlan, data: DrillPlanData) -> DrillPlan:
    """Correct a plan not yet held."""
    guard(actor, plan.org_unit.path)
    ensure_period_open(org_unit=plan.org_unit, on=date(plan.year, 1, 1), field="year")
    plan = DrillPlan.objects.select_for_update().select_related("org_unit").get(pk=plan.pk)
    if Drill.objects.filter(plan=plan).exists():
        raise DomainError(
            Code.DRILL_ALREADY_HELD,
            _("This drill has been held; its plan can no longer be changed."),
        )
    _check_plan(plan.org_unit, data, exclude=plan.pk)
    before = snapshot(plan, PLAN_FIELDS)
    for name in ("year", "kind", "planned_on", "title", "directed_by"):
        setattr(plan, name, getattr(data, name))
    plan.full_clean(validate_constraints=False)
    plan.save()
    record_event(
        actor=actor,
        verb="operations.drill_plan_changed",
        target=plan,
        changes=diff(before, snapshot(plan, PLAN_FIELDS)),
    )
    return plan


def _check_drill(plan: DrillPlan, data: DrillData, phases: Sequence[PhaseData]) -> None:
    if data.held_to < data.held_from:
        raise DomainError(
            Code.DRILL_DATES,
            _("The drill cannot end (%(end)s) before it starts (%(start)s).")
            % {"end": vn_date(data.held_to), "start": vn_date(data.held_from)},
            field="held_to",
        )
    if data.held_from.year != plan.year:
        raise DomainError(
            Code.DRILL_PLAN_YEAR,
            _("The plan is for %(year)s; the drill starts on %(date)s.")
            % {"year": plan.year, "date": vn_date(data.held_from)},
            field="held_from",
        )
    check_not_future(data.held_to, "held_to")
    if data.participants < 1:
        raise DomainError(
            Code.DRILL_PARTICIPANTS,
            _("A drill held has at least one participant."),
            field="participants",
        )
    if not phases:
        raise DomainError(
            Code.DRILL_PHASES, _("Record at least the first phase of the drill."), field="phase_1"
        )
    for number, phase in enumerate(phases, start=1):
        if not data.held_from <= phase.on <= data.held_to:
            raise DomainError(
                Code.DRILL_PHASE_DATE,
                _("Phase %(number)s (%(date)s) falls outside the drill (%(start)s–%(end)s).")
                % {
                    "number": number,
                    "date": vn_date(phase.on),
                    "start": vn_date(data.held_from),
                    "end": vn_date(data.held_to),
                },
                field=f"phase_{number}_on",
            )


def _rating(code: str, on: date) -> rules.Rating:
    scale = rules.rating_scale(rule_setting(DRILL_RATING_SCALE, on=on))
    rating = rules.find_rating(scale, code)
    if rating is None:
        raise DomainError(
            Code.DRILL_RATING_NOT_ON_SCALE,
            _("The rating “%(rating)s” is not on the drill rating scale in force on %(date)s "
              "(%(scale)s).")
            % {"rating": code, "date": vn_date(on), "scale": ", ".join(r.label for r in scale)},
            field="rating",
        )  # fmt: skip
    return rating


def _apply_rating(drill: Drill, rating: rules.Rating, rated_on: date) -> None:
    drill.rating = rating.code
    drill.rating_label = rating.label
    drill.rated_good_or_better = rating.good_or_better
    drill.rated_on = rated_on


@transaction.atomic
def drill_record(
    *,
    actor: Any,
    plan: DrillPlan,
    data: DrillData,
    phases: Sequence[PhaseData],
    rating: str = "",
) -> Drill:
    """Record the drill held under ``plan`` with its phases (and its rating,
    when given: a code of the scale in force on the last day of the drill)."""
    guard(actor, plan.org_unit.path)
    ensure_period_open(org_unit=plan.org_unit, on=data.held_from, field="held_from")
    plan = DrillPlan.objects.select_for_update().select_related("org_unit").get(pk=plan.pk)
    if Drill.objects.filter(plan=plan).exists():
        raise DomainError(
            Code.DRILL_ALREADY_HELD, _("This drill has already been recorded."), field="held_from"
        )
    _check_drill(plan, data, phases)
    drill = Drill(plan=plan, recorded_by=user_or_none(actor), **data.__dict__)
    if rating:
        _apply_rating(drill, _rating(rating, data.held_to), today())
    drill.full_clean(validate_constraints=False)
    drill.save()
    DrillPhase.objects.bulk_create(
        DrillPhase(drill=drill, number=number, name=p.name, on=p.on, content=p.content)
        for number, p in enumerate(phases, start=1)
    )
    changes = diff({}, snapshot(drill, (*DRILL_FIELDS, "rating")))
    changes["phases"] = [None, [f"{p.on.isoformat()} {p.name}" for p in phases]]
    record_event(actor=actor, verb="operations.drill_recorded", target=drill, changes=changes)
    return drill


@transaction.atomic
def drill_rate(*, actor: Any, drill: Drill, rating: str, rated_on: date | None = None) -> Drill:
    """Rate (or re-rate) a drill on the scale in force on its last day; a code
    not on that scale is refused."""
    guard(actor, drill.plan.org_unit.path)
    ensure_period_open(org_unit=drill.plan.org_unit, on=drill.held_from, field="rating")
    drill = Drill.objects.select_for_update().select_related("plan__org_unit").get(pk=drill.pk)
    found = _rating(rating, drill.held_to)
    before = snapshot(drill, ("rating", "rated_good_or_better"))
    _apply_rating(drill, found, rated_on or today())
    drill.save()
    record_event(
        actor=actor,
        verb="operations.drill_rated",
        target=drill,
        changes=diff(before, snapshot(drill, ("rating", "rated_good_or_better"))),
    )
    return drill
