"""Yearly training plans of a unit for the militia, the reservists or the
commune military command, and their approval by the unit above."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from qsdp.core.audit import record_event
from qsdp.core.errors import DomainError
from qsdp.core.text import nfc
from qsdp.orgunits.models import COMMUNE_LEVEL_KINDS, MILITARY_KINDS, OrgUnit
from qsdp.training.errors import TrainingErrorCode as Code
from qsdp.training.models import MAX_DAYS, TrainingPlan
from qsdp.training.selectors.scales import area_of
from qsdp.training.services._common import check_not_future, guard, user_or_none

PLAN_UNIT_KINDS = frozenset({*COMMUNE_LEVEL_KINDS, *MILITARY_KINDS})


@dataclass(frozen=True)
class PlanData:
    year: int
    audience: str
    title: str
    planned_days: Decimal


def approver_path(plan: TrainingPlan) -> str:
    """Who approves a plan: the unit above the plan's area (the city command
    approves a commune's plan); a unit at the top approves its own."""
    area = area_of(plan.org_unit)
    return area.parent.path if area.parent_id and area.parent else area.path


@transaction.atomic
def plan_create(*, actor: Any, org_unit: OrgUnit, data: PlanData) -> TrainingPlan:
    """A new training plan of ``org_unit`` (a commune, a ward or a military command)."""
    guard(actor, area_of(org_unit).path)
    if org_unit.kind not in PLAN_UNIT_KINDS:
        raise DomainError(
            Code.PLAN_UNIT_KIND,
            _("A training plan belongs to a commune, a ward or a military command."),
            field="org_unit",
        )
    if not 0 <= data.planned_days <= MAX_DAYS:
        raise DomainError(
            Code.PLAN_DAYS,
            _("The planned days must be between 0 and %(max)s.") % {"max": MAX_DAYS},
            field="planned_days",
        )
    plan = TrainingPlan(
        org_unit=org_unit,
        year=data.year,
        audience=data.audience,
        title=nfc(data.title).strip(),
        planned_days=data.planned_days,
        created_by=user_or_none(actor),
    )
    if TrainingPlan.objects.filter(
        org_unit=org_unit, year=data.year, audience=data.audience
    ).exists():
        raise DomainError(
            Code.PLAN_EXISTS,
            _("%(unit)s already has a training plan for %(year)s (%(audience)s).")
            % {"unit": org_unit.name, "year": data.year, "audience": plan.get_audience_display()},
            field="audience",
        )
    plan.full_clean(validate_constraints=False)
    plan.save()
    record_event(
        actor=actor,
        verb="training.plan_created",
        target=plan,
        changes={
            "org_unit": [None, org_unit.pk],
            "year": [None, data.year],
            "audience": [None, data.audience],
            "planned_days": [None, str(data.planned_days)],
        },
    )
    return plan


@transaction.atomic
def plan_approve(
    *, actor: Any, plan: TrainingPlan, approved_on: date, approver_title: str = ""
) -> TrainingPlan:
    """Approve a plan (by the unit above its area); sessions follow an approved plan."""
    guard(actor, approver_path(plan))
    plan = TrainingPlan.objects.select_for_update().select_related("org_unit").get(pk=plan.pk)
    if plan.is_approved:
        raise DomainError(
            Code.PLAN_ALREADY_APPROVED,
            _("The plan was already approved on %(date)s.")
            % {"date": f"{plan.approved_on:%d/%m/%Y}"},
            field="approved_on",
        )
    check_not_future(approved_on, "approved_on")
    if approved_on.year > plan.year:
        raise DomainError(
            Code.APPROVAL_DATE,
            _("A plan for %(year)s is approved before the year is over.") % {"year": plan.year},
            field="approved_on",
        )
    plan.approved_on = approved_on
    plan.approved_by = user_or_none(actor)
    plan.approver_title = nfc(approver_title).strip()
    plan.full_clean(validate_constraints=False)
    plan.save(update_fields=["approved_on", "approved_by", "approver_title"])
    record_event(
        actor=actor,
        verb="training.plan_approved",
        target=plan,
        changes={"approved_on": [None, approved_on.isoformat()]},
    )
    return plan
