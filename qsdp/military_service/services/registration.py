"""Registration for military service: first, supplementary, the exclusions of
Điều 13–14, temporary absence and return (Luật NVQS 2015 Điều 12–17)."""

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
from qsdp.military_service.models import RegistrationChannel, ServiceEvent
from qsdp.military_service.rules.common import vn_date
from qsdp.military_service.rules.cycle import EventKind
from qsdp.military_service.services._common import (
    audit,
    calendar_from,
    check_date,
    check_move,
    cite,
    guard,
    live_events,
    lock_person,
    record,
)
from qsdp.people.models import Person

RESIDENCE_WORKING_DAYS = 10


@transaction.atomic
def first_registration_record(
    *,
    actor: Any,
    person: Person,
    registered_on: date,
    channel: str = RegistrationChannel.IN_PERSON,
    profession_on_government_list: bool = False,
) -> ServiceEvent:
    """Record a first registration, made in person or online (Điều 16)."""
    guard(actor, person.org_unit.path)
    ensure_period_open(org_unit=person.org_unit, on=registered_on, field="registered_on")
    person = lock_person(person)
    check_date(person, registered_on, "registered_on")
    answer = rules.first_registration(
        sex=person.sex,
        birth_date=person.birth_date,
        reference_date=registered_on,
        profession_on_government_list=profession_on_government_list,
    )
    if answer.registration_status != rules.RegistrationStatus.MUST_REGISTER:
        raise DomainError(
            Code.NOT_SUBJECT_TO_REGISTRATION,
            _("Cannot record the first registration: %(why)s.") % {"why": cite(answer)},
            field="registered_on",
        )
    check_move(person, EventKind.FIRST_REGISTRATION, registered_on)
    event = record(
        actor=actor,
        person=person,
        kind=EventKind.FIRST_REGISTRATION,
        on=registered_on,
        legal_point=answer.legal_basis,
        details={"channel": RegistrationChannel(channel).value},
    )
    audit(actor=actor, event=event, changes={"channel": [None, event.details["channel"]]})
    return event


@transaction.atomic
def registration_exclusion_record(
    *,
    actor: Any,
    person: Person,
    on: date,
    diagnosis_icd10: str = "",
    legal_status: str = rules.LegalStatus.NONE,
    note: str = "",
) -> ServiceEvent:
    """Record that a citizen is exempt from registration (Điều 14, a disease of the
    list) or not allowed to register while a condition lasts (Điều 13)."""
    guard(actor, person.org_unit.path)
    ensure_period_open(org_unit=person.org_unit, on=on, field="on")
    person = lock_person(person)
    check_date(person, on, "on")
    answer = rules.first_registration(
        sex=person.sex,
        birth_date=person.birth_date,
        reference_date=on,
        diagnosis_icd10=diagnosis_icd10 or None,
        status=legal_status,
    )
    status = answer.registration_status
    if status == rules.RegistrationStatus.EXEMPT_FROM_REGISTRATION:
        kind = EventKind.REGISTRATION_EXEMPTION
    elif status == rules.RegistrationStatus.NOT_ALLOWED_TO_REGISTER_WHILE_CONDITION_LASTS:
        kind = EventKind.REGISTRATION_BAR
    else:
        raise DomainError(
            Code.NOT_EXCLUDED_FROM_REGISTRATION,
            _("The citizen is neither exempt from registration nor barred from it: %(why)s.")
            % {"why": cite(answer)},
            field="diagnosis_icd10" if diagnosis_icd10 else "legal_status",
        )
    check_move(person, kind, on)
    # The diagnosis is health data: kept in ``details`` (sensitive), not in the ground.
    event = record(
        actor=actor,
        person=person,
        kind=kind,
        on=on,
        reason_code=answer.reason or "",
        legal_point=answer.legal_basis,
        details={"diagnosis_icd10": diagnosis_icd10.strip().upper(), "note": nfc(note)}
        if diagnosis_icd10
        else {"legal_status": str(legal_status), "note": nfc(note)},
    )
    audit(actor=actor, event=event, changes={"reason_code": [None, event.reason_code]})
    return event


@transaction.atomic
def registration_bar_end(*, actor: Any, person: Person, on: date, note: str = "") -> ServiceEvent:
    """The condition of Điều 13 has ended: the citizen must now register."""
    guard(actor, person.org_unit.path)
    ensure_period_open(org_unit=person.org_unit, on=on, field="on")
    person = lock_person(person)
    check_date(person, on, "on")
    check_move(person, EventKind.REGISTRATION_BAR_ENDED, on)
    event = record(
        actor=actor,
        person=person,
        kind=EventKind.REGISTRATION_BAR_ENDED,
        on=on,
        details={"note": nfc(note)},
    )
    audit(actor=actor, event=event)
    return event


@transaction.atomic
def supplementary_registration_record(
    *, actor: Any, person: Person, on: date, changes: Mapping[str, str], note: str = ""
) -> ServiceEvent:
    """Record changed facts of a registered citizen (job, schooling, health…; Điều 17 khoản 1)."""
    guard(actor, person.org_unit.path)
    ensure_period_open(org_unit=person.org_unit, on=on, field="on")
    person = lock_person(person)
    check_date(person, on, "on")
    check_move(person, EventKind.SUPPLEMENTARY_REGISTRATION, on)
    facts = {str(k): nfc(str(v)) for k, v in changes.items()}
    event = record(
        actor=actor,
        person=person,
        kind=EventKind.SUPPLEMENTARY_REGISTRATION,
        on=on,
        details={"changes": facts, "note": nfc(note)},
    )
    audit(actor=actor, event=event, changes={"facts": [None, sorted(facts)]})
    return event


@transaction.atomic
def temporary_absence_record(
    *, actor: Any, person: Person, left_on: date, planned_months: int, destination: str = ""
) -> ServiceEvent:
    """Record a temporary absence of 3 months or more (Điều 17 khoản 3)."""
    guard(actor, person.org_unit.path)
    ensure_period_open(org_unit=person.org_unit, on=left_on, field="left_on")
    person = lock_person(person)
    check_date(person, left_on, "left_on")
    answer = rules.residence_change(
        event=rules.ResidenceEvent.PLANNED_ABSENCE,
        planned_absence_months=planned_months,
        calendar=calendar_from(left_on, 0),
    )
    if not answer.temporary_absence_registration_required:
        raise DomainError(
            Code.ABSENCE_TOO_SHORT,
            _("No temporary-absence registration is needed: %(why)s.") % {"why": cite(answer)},
            field="planned_months",
        )
    check_move(person, EventKind.TEMPORARY_ABSENCE, left_on)
    event = record(
        actor=actor,
        person=person,
        kind=EventKind.TEMPORARY_ABSENCE,
        on=left_on,
        legal_point=answer.legal_basis,
        details={"planned_months": planned_months, "destination": nfc(destination)},
    )
    audit(actor=actor, event=event, changes={"planned_months": [None, planned_months]})
    return event


def open_absence(person: Person) -> ServiceEvent | None:
    """The temporary absence the citizen has not come back from, if any."""
    last = (
        live_events(person)
        .filter(kind__in=[EventKind.TEMPORARY_ABSENCE, EventKind.ABSENCE_RETURN])
        .last()
    )
    return last if last is not None and last.kind == EventKind.TEMPORARY_ABSENCE else None


@transaction.atomic
def absence_return_record(
    *, actor: Any, person: Person, returned_on: date, registered_on: date
) -> ServiceEvent:
    """Re-register a citizen back from a temporary absence; the deadline is
    10 working days from his return (Điều 17 khoản 3)."""
    guard(actor, person.org_unit.path)
    ensure_period_open(org_unit=person.org_unit, on=registered_on, field="registered_on")
    person = lock_person(person)
    check_date(person, registered_on, "registered_on")
    absence = open_absence(person)
    if absence is None or returned_on < absence.occurred_on:
        raise DomainError(
            Code.NO_OPEN_ABSENCE,
            _("The citizen has no temporary absence open on %(date)s.")
            % {"date": vn_date(returned_on)},
            field="returned_on",
        )
    answer = rules.residence_change(
        event=rules.ResidenceEvent.RETURNED_FROM_TEMPORARY_ABSENCE,
        event_date=returned_on,
        calendar=calendar_from(returned_on, RESIDENCE_WORKING_DAYS),
    )
    due = answer.re_register_by
    if due is None:  # the rule always answers it for a return
        raise ValueError("no re-registration deadline")
    check_move(person, EventKind.ABSENCE_RETURN, registered_on)
    event = record(
        actor=actor,
        person=person,
        kind=EventKind.ABSENCE_RETURN,
        on=registered_on,
        due_on=due,
        legal_point=answer.legal_basis,
        details={
            "returned_on": returned_on.isoformat(),
            "absence_id": absence.pk,
            "on_time": registered_on <= due,
        },
    )
    audit(actor=actor, event=event, changes={"due_on": [None, due.isoformat()]})
    return event
