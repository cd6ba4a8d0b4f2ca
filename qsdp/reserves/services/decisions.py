"""Appointments and dismissals of reserve commanders as decision records
(Luật Lực lượng DBĐV 2019 Điều 20), and the readiness checks of reserve units."""

from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from qsdp.core.errors import DomainError
from qsdp.core.locks import ensure_period_open
from qsdp.core.text import nfc
from qsdp.military_service.rules.common import vn_date
from qsdp.reserves.errors import ReserveErrorCode as Code
from qsdp.reserves.models import (
    Arrangement,
    CommanderDecision,
    DecisionKind,
    ReadinessCheck,
    ReserveUnit,
    Reservist,
)
from qsdp.reserves.selectors.arrangement import arranged_on_q
from qsdp.reserves.selectors.units import unit_subtree_ids
from qsdp.reserves.services._common import (
    audit_created,
    check_in_register,
    check_not_future,
    guard,
    lock_reservist,
    save_new,
    unit_paths,
    user_or_none,
)

DECISION_FIELDS = (
    "reservist",
    "unit",
    "position",
    "kind",
    "decision_number",
    "decided_on",
    "signer",
)
CHECK_FIELDS = ("unit", "checked_on", "kind", "present_count", "result", "note")


def _holds(reservist: Reservist, unit: ReserveUnit, position: str) -> CommanderDecision | None:
    """The appointment to ``position`` of ``unit`` the reservist still holds, if any."""
    last = (
        CommanderDecision.objects.filter(reservist=reservist, unit=unit, position__iexact=position)
        .order_by("decided_on", "id")
        .last()
    )
    return last if last is not None and last.kind == DecisionKind.APPOINTMENT else None


@transaction.atomic
def commander_decision_record(
    *,
    actor: Any,
    reservist: Reservist,
    unit: ReserveUnit,
    position: str,
    kind: str,
    decision_number: str,
    decided_on: date,
    signer: str,
) -> CommanderDecision:
    """Record a decision appointing ``reservist`` to ``position`` of ``unit`` or
    dismissing him from it. A dismissal needs the appointment it ends; an
    appointment to a position he already holds is refused."""
    guard(actor, reservist.person.org_unit.path)
    ensure_period_open(org_unit=reservist.managed_by, on=decided_on, field="decided_on")
    reservist = lock_reservist(reservist)
    position = nfc(position)
    check_not_future(decided_on, "decided_on")
    check_in_register(reservist, decided_on, "decided_on")
    held = _holds(reservist, unit, position)
    values = {"name": reservist.person, "position": position, "unit": unit.name}
    if kind == DecisionKind.APPOINTMENT and held is not None:
        raise DomainError(
            Code.ALREADY_APPOINTED,
            _("%(name)s already holds the position %(position)s of %(unit)s (decision %(number)s).")
            % {**values, "number": held.decision_number},
            field="position",
        )
    if kind == DecisionKind.DISMISSAL and held is None:
        raise DomainError(
            Code.NOT_APPOINTED,
            _("%(name)s does not hold the position %(position)s of %(unit)s: nothing to dismiss.")
            % values,
            field="position",
        )
    if held is not None and decided_on < held.decided_on:
        raise DomainError(
            Code.END_BEFORE_START,
            _("The dismissal is dated before the appointment of %(date)s.")
            % {"date": vn_date(held.decided_on)},
            field="decided_on",
        )
    decision = CommanderDecision(
        reservist=reservist,
        unit=unit,
        position=position,
        kind=kind,
        decision_number=decision_number.strip(),
        decided_on=decided_on,
        signer=nfc(signer),
        recorded_by=user_or_none(actor),
    )
    save_new(decision)
    audit_created(
        actor=actor, verb=f"commander_decision.{kind}", obj=decision, fields=DECISION_FIELDS,
        person_id=reservist.person_id,
    )  # fmt: skip
    return decision


@transaction.atomic
def readiness_check_record(
    *,
    actor: Any,
    unit: ReserveUnit,
    checked_on: date,
    kind: str,
    present_count: int,
    result: str,
    note: str = "",
) -> ReadinessCheck:
    """Record a readiness check of ``unit``; the people present cannot outnumber
    those arranged into the unit and its sub-units that day."""
    guard(actor, *unit_paths(unit))
    ensure_period_open(
        org_unit=unit.org_unit.serves or unit.org_unit, on=checked_on, field="checked_on"
    )
    check_not_future(checked_on, "checked_on")
    arranged = Arrangement.objects.filter(
        arranged_on_q(checked_on), post__unit_id__in=unit_subtree_ids(unit)
    ).count()
    if present_count > arranged:
        raise DomainError(
            Code.PRESENT_OVER_STRENGTH,
            _(
                "%(present)s present is more than the %(arranged)s reservists arranged into "
                "%(unit)s on %(on)s."
            )
            % {
                "present": present_count,
                "arranged": arranged,
                "unit": unit.name,
                "on": vn_date(checked_on),
            },
            field="present_count",
        )
    check = ReadinessCheck(
        unit=unit,
        checked_on=checked_on,
        kind=kind,
        present_count=present_count,
        result=result,
        note=nfc(note),
        recorded_by=user_or_none(actor),
    )
    save_new(check)
    audit_created(
        actor=actor, verb="readiness_check.recorded", obj=check, fields=CHECK_FIELDS,
        person_id=None,
    )  # fmt: skip
    return check
