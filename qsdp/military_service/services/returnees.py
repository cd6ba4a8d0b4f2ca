"""Discharge, return home and registration into the reserve within 15 working
days (Luật NVQS 2015 Điều 18; Decree 13/2016/NĐ-CP). The anchor of the deadline
and its length are rule settings in force on the day."""

from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from qsdp.core.errors import DomainError
from qsdp.core.locks import ensure_period_open
from qsdp.core.selectors import rule_setting
from qsdp.core.settings_registry import RETURNEE_ANCHOR_EVENT, RETURNEE_WORKING_DAYS
from qsdp.core.text import nfc
from qsdp.military_service import rules
from qsdp.military_service.errors import MilitaryServiceErrorCode as Code
from qsdp.military_service.models import ServiceEvent
from qsdp.military_service.rules.cycle import EventKind
from qsdp.military_service.services._common import (
    audit,
    calendar_from,
    check_date,
    check_move,
    guard,
    live_events,
    lock_person,
    record,
)
from qsdp.people.models import Person


@transaction.atomic
def discharge_record(
    *,
    actor: Any,
    person: Person,
    decided_on: date,
    decision_number: str,
    signer: str = "",
    early: bool = False,
) -> ServiceEvent:
    """Record the discharge decision of a soldier (Điều 43; Circular 279/2017)."""
    guard(actor, person.org_unit.path)
    ensure_period_open(org_unit=person.org_unit, on=decided_on, field="decided_on")
    person = lock_person(person)
    check_date(person, decided_on, "decided_on")
    check_move(person, EventKind.DISCHARGE, decided_on)
    enlistment = live_events(person).filter(kind=EventKind.ENLISTMENT).last()
    event = record(
        actor=actor,
        person=person,
        kind=EventKind.DISCHARGE,
        on=decided_on,
        decided_on=decided_on,
        decision_number=nfc(decision_number),
        signer=nfc(signer),
        call_up_year=enlistment.call_up_year if enlistment else None,
        details={"early": early},
    )
    audit(actor=actor, event=event, changes={"decision_number": [None, event.decision_number]})
    return event


def returnee_deadline(
    person: Person, *, returned_on: date | None, on: date
) -> rules.ReturneeRegistration:
    """The last day to register into the reserve, from the anchor event and the
    number of working days in force on ``on``."""
    anchor = rules.AnchorEvent(rule_setting(RETURNEE_ANCHOR_EVENT, on=on))
    days = int(rule_setting(RETURNEE_WORKING_DAYS, on=on))
    if anchor == rules.AnchorEvent.RETURNED_TO_PLACE_OF_RESIDENCE:
        if returned_on is None:
            raise DomainError(
                Code.RETURN_NOT_RECORDED,
                _(
                    "Record the soldier's return to his place of residence first: the "
                    "registration deadline runs from it (Luật NVQS 2015 Điều 18)."
                ),
            )
        anchor_date = returned_on
    else:
        discharge = live_events(person).filter(kind=EventKind.DISCHARGE).last()
        if discharge is None:  # the cycle has already refused it
            raise ValueError("no discharge to anchor the deadline")
        anchor_date = discharge.occurred_on
    return rules.returnee_registration(
        anchor_event=anchor,
        anchor_date=anchor_date,
        calendar=calendar_from(anchor_date, days),
        working_days=days,
    )


@transaction.atomic
def return_home_record(*, actor: Any, person: Person, returned_on: date) -> ServiceEvent:
    """Receive a discharged soldier home; his reserve-registration deadline starts."""
    guard(actor, person.org_unit.path)
    ensure_period_open(org_unit=person.org_unit, on=returned_on, field="returned_on")
    person = lock_person(person)
    check_date(person, returned_on, "returned_on")
    check_move(person, EventKind.RETURN_HOME, returned_on)
    answer = returnee_deadline(person, returned_on=returned_on, on=returned_on)
    event = record(
        actor=actor,
        person=person,
        kind=EventKind.RETURN_HOME,
        on=returned_on,
        due_on=answer.register_by,
        legal_point=answer.legal_basis,
    )
    audit(actor=actor, event=event, changes={"due_on": [None, answer.register_by.isoformat()]})
    return event


@transaction.atomic
def reserve_registration_record(*, actor: Any, person: Person, registered_on: date) -> ServiceEvent:
    """Register a returnee into the reserve, noting whether it was on time."""
    guard(actor, person.org_unit.path)
    ensure_period_open(org_unit=person.org_unit, on=registered_on, field="registered_on")
    person = lock_person(person)
    check_date(person, registered_on, "registered_on")
    check_move(person, EventKind.RESERVE_REGISTRATION, registered_on)
    returned = live_events(person).filter(kind=EventKind.RETURN_HOME).last()
    if returned is not None and returned.due_on is not None:
        due = returned.due_on
    else:
        due = returnee_deadline(person, returned_on=None, on=registered_on).register_by
    event = record(
        actor=actor,
        person=person,
        kind=EventKind.RESERVE_REGISTRATION,
        on=registered_on,
        due_on=due,
        details={"on_time": registered_on <= due},
    )
    audit(actor=actor, event=event, changes={"on_time": [None, registered_on <= due]})
    return event
