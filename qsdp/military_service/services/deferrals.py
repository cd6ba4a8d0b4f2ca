"""Deferral and exemption from the call-up (Luật NVQS 2015 Điều 41): the ground
and its legal point come from the rules; a ground the law does not list is
refused saying so."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from qsdp.core.errors import DomainError
from qsdp.core.locks import ensure_period_open
from qsdp.core.text import nfc
from qsdp.military_service import rules
from qsdp.military_service.errors import MilitaryServiceErrorCode as Code
from qsdp.military_service.models import ServiceEvent
from qsdp.military_service.rules.common import vn_date
from qsdp.military_service.rules.cycle import EventKind
from qsdp.military_service.services._common import (
    audit,
    check_date,
    check_move,
    guard,
    lock_person,
    record,
)
from qsdp.people.models import Person


def _decide(
    *,
    actor: Any,
    person: Person,
    outcome: rules.Outcome,
    reason_code: str,
    decided_on: date,
    valid_until: date | None,
    decision_number: str,
    signer: str,
    call_up_year: int | None,
    facts: Mapping[str, Any] | None,
) -> ServiceEvent:
    guard(actor, person.org_unit.path)
    ensure_period_open(org_unit=person.org_unit, on=decided_on, field="decided_on")
    person = lock_person(person)
    check_date(person, decided_on, "decided_on")
    answer = rules.deferral_or_exemption(reason_code=reason_code, **dict(facts or {}))
    if answer.outcome == rules.Outcome.NONE:
        # The rules say plainly why it is not a ground; cite them as they are.
        message = f"{answer.explanation.rstrip('.')} ({answer.legal_basis})."
        raise DomainError(Code.NOT_A_GROUND, message, field="reason_code")
    if answer.outcome != outcome:
        message = (
            _("Under %(point)s this is an exemption from the call-up, not a deferral.")
            if answer.outcome == rules.Outcome.EXEMPTION
            else _("Under %(point)s this is a deferral of the call-up, not an exemption.")
        )
        raise DomainError(
            Code.WRONG_OUTCOME, message % {"point": answer.legal_point}, field="reason_code"
        )
    kind = EventKind.DEFERRAL if outcome == rules.Outcome.DEFERRAL else EventKind.EXEMPTION
    if kind == EventKind.DEFERRAL and (valid_until is None or valid_until < decided_on):
        raise DomainError(
            Code.VALID_UNTIL_REQUIRED,
            _("Give the date the deferral lasts until, on or after the decision (%(date)s).")
            % {"date": vn_date(decided_on)},
            field="valid_until",
        )
    check_move(person, kind, decided_on, valid_until=valid_until)
    event = record(
        actor=actor,
        person=person,
        kind=kind,
        on=decided_on,
        decided_on=decided_on,
        decision_number=nfc(decision_number),
        signer=nfc(signer),
        call_up_year=call_up_year,
        reason_code=reason_code,
        legal_point=answer.legal_point or "",
        valid_until=valid_until if kind == EventKind.DEFERRAL else None,
        details={"facts": dict(facts or {})},
    )
    audit(
        actor=actor,
        event=event,
        changes={
            "reason_code": [None, reason_code],
            "legal_point": [None, event.legal_point],
            **({"valid_until": [None, str(event.valid_until)]} if event.valid_until else {}),
        },
    )
    return event


def deferral_decide(
    *,
    actor: Any,
    person: Person,
    reason_code: str,
    decided_on: date,
    valid_until: date | None,
    decision_number: str = "",
    signer: str = "",
    call_up_year: int | None = None,
    facts: Mapping[str, Any] | None = None,
) -> ServiceEvent:
    """Record a decision deferring the call-up until ``valid_until`` (Điều 41 khoản 1)."""
    with transaction.atomic():
        return _decide(
            actor=actor,
            person=person,
            outcome=rules.Outcome.DEFERRAL,
            reason_code=reason_code,
            decided_on=decided_on,
            valid_until=valid_until,
            decision_number=decision_number,
            signer=signer,
            call_up_year=call_up_year,
            facts=facts,
        )


def exemption_decide(
    *,
    actor: Any,
    person: Person,
    reason_code: str,
    decided_on: date,
    decision_number: str = "",
    signer: str = "",
    call_up_year: int | None = None,
    facts: Mapping[str, Any] | None = None,
) -> ServiceEvent:
    """Record a decision exempting the citizen from the call-up (Điều 41 khoản 2)."""
    with transaction.atomic():
        return _decide(
            actor=actor,
            person=person,
            outcome=rules.Outcome.EXEMPTION,
            reason_code=reason_code,
            decided_on=decided_on,
            valid_until=None,
            decision_number=decision_number,
            signer=signer,
            call_up_year=call_up_year,
            facts=facts,
        )


@transaction.atomic
def deferral_end(*, actor: Any, person: Person, ended_on: date, reason: str) -> ServiceEvent:
    """The ground of a deferral ended before its date: the citizen may be called up."""
    guard(actor, person.org_unit.path)
    ensure_period_open(org_unit=person.org_unit, on=ended_on, field="ended_on")
    person = lock_person(person)
    check_date(person, ended_on, "ended_on")
    check_move(person, EventKind.DEFERRAL_ENDED, ended_on)
    event = record(
        actor=actor,
        person=person,
        kind=EventKind.DEFERRAL_ENDED,
        on=ended_on,
        details={"reason": nfc(reason)},
    )
    audit(actor=actor, event=event, changes={"reason": [None, event.details["reason"]]})
    return event
