"""Deferral of and exemption from militia duty (Luật DQTV 2019 Điều 11): the
outcome and its legal point come from the rules; a ground the law does not list
is refused saying so."""

from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from qsdp.core.audit import record_event
from qsdp.core.errors import DomainError
from qsdp.core.locks import ensure_period_open
from qsdp.core.text import nfc
from qsdp.military_service.rules.common import vn_date
from qsdp.militia import rules
from qsdp.militia.errors import MilitiaErrorCode as Code
from qsdp.militia.models import DutyDecision, DutyOutcome, LeaveReason, MilitiaMember
from qsdp.militia.services._common import (
    check_not_future,
    guard,
    lock_person,
    user_or_none,
)
from qsdp.militia.services.members import end_term
from qsdp.people.models import Person


@transaction.atomic
def duty_decision_record(
    *,
    actor: Any,
    person: Person,
    status: str,
    decided_on: date,
    valid_until: date | None = None,
    decision_number: str = "",
    signer: str = "",
) -> DutyDecision:
    """Record a deferral or an exemption. A deferral needs the day it runs to
    (it is reviewed every year). A current member leaves the militia on the day
    of the decision, unless he is exempt for a family reason and serves as a
    volunteer (Điều 11)."""
    guard(actor, person.org_unit.path)
    ensure_period_open(org_unit=person.org_unit, on=decided_on, field="decided_on")
    person = lock_person(person)
    check_not_future(decided_on, "decided_on")
    answer = rules.militia_exemption(status=status)
    ground = rules.parse_status(status)
    if ground is None or answer.outcome == rules.MilitiaOutcome.NONE:
        raise DomainError(
            Code.NOT_A_GROUND,
            f"{answer.explanation.rstrip('.')} ({answer.legal_basis}).",
            field="status",
        )
    outcome = DutyOutcome(answer.outcome.value)
    if outcome == DutyOutcome.DEFERRAL and valid_until is None:
        raise DomainError(
            Code.VALID_UNTIL_REQUIRED,
            _("A deferral of militia duty needs the date it runs to (%(basis)s).")
            % {"basis": answer.legal_basis},
            field="valid_until",
        )
    if valid_until is not None and valid_until < decided_on:
        raise DomainError(
            Code.VALID_UNTIL_BEFORE_DECISION,
            _("The decision cannot run to a day before it was made (%(date)s).")
            % {"date": vn_date(decided_on)},
            field="valid_until",
        )
    decision = DutyDecision(
        person=person,
        org_unit=person.org_unit,
        status=ground.value,
        outcome=outcome,
        may_volunteer=answer.may_volunteer,
        legal_basis=answer.legal_basis,
        decided_on=decided_on,
        valid_until=valid_until,
        decision_number=decision_number.strip(),
        signer=nfc(signer),
        created_by=user_or_none(actor),
    )
    decision.full_clean()
    decision.save()
    changes: dict[str, Any] = {
        "status": [None, decision.status],
        "outcome": [None, decision.outcome],
        "decided_on": [None, decided_on.isoformat()],
        "valid_until": [None, valid_until.isoformat() if valid_until else None],
    }
    member = (
        MilitiaMember.objects.select_for_update()
        .filter(person=person, left_on__isnull=True, term_start__lte=decided_on)
        .first()
    )
    keeps_serving = member is not None and member.volunteer and answer.may_volunteer
    if member is not None and not keeps_serving:
        reason = LeaveReason.DEFERRED if outcome == DutyOutcome.DEFERRAL else LeaveReason.EXEMPTED
        end_term(member, on=decided_on, reason=reason)
        changes["member_left"] = [None, member.pk]
    record_event(
        actor=actor,
        verb="militia.duty_decided",
        target=decision,
        person_id=person.pk,
        changes=changes,
    )
    return decision


@transaction.atomic
def duty_decision_end(
    *, actor: Any, decision: DutyDecision, ended_on: date, reason: str
) -> DutyDecision:
    """The ground has ended (the child is three, the studies are over): the
    citizen owes militia duty again from ``ended_on``."""
    guard(actor, decision.org_unit.path, decision.person.org_unit.path)
    ensure_period_open(org_unit=decision.org_unit, on=ended_on, field="ended_on")
    decision = DutyDecision.objects.select_for_update().get(pk=decision.pk)
    if decision.ended_on is not None:
        raise DomainError(
            Code.DECISION_ALREADY_ENDED,
            _("This decision already ended on %(date)s.") % {"date": vn_date(decision.ended_on)},
        )
    check_not_future(ended_on, "ended_on")
    if ended_on < decision.decided_on:
        raise DomainError(
            Code.END_BEFORE_DECISION,
            _("The decision cannot end before it was made (%(date)s).")
            % {"date": vn_date(decision.decided_on)},
            field="ended_on",
        )
    decision.ended_on = ended_on
    decision.end_reason = nfc(reason)
    decision.full_clean()
    decision.save(update_fields=["ended_on", "end_reason"])
    record_event(
        actor=actor,
        verb="militia.duty_decision_ended",
        target=decision,
        person_id=decision.person_id,
        changes={"ended_on": [None, ended_on.isoformat()], "end_reason": [None, reason]},
    )
    return decision
