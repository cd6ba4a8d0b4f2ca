"""The checks before the call-up: pre-screening, health examination (Circular
105/2023; Circular 148/2018 as amended by 68/2025), education standard (Circular
148 Điều 4) and the political checklist."""

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from qsdp.core.errors import DomainError
from qsdp.core.locks import ensure_period_open
from qsdp.core.selectors import rule_setting
from qsdp.core.settings_registry import MYOPIA_BOUNDARY_INCLUSIVE
from qsdp.core.text import nfc
from qsdp.military_service import rules
from qsdp.military_service.errors import MilitaryServiceErrorCode as Code
from qsdp.military_service.models import HealthExam, PoliticalCheckItem, ServiceEvent
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

MAX_GRADE = 12


def _begin(actor: Any, person: Person, kind: EventKind, on: date, field: str) -> Person:
    guard(actor, person.org_unit.path)
    ensure_period_open(org_unit=person.org_unit, on=on, field=field)
    person = lock_person(person)
    check_date(person, on, field)
    return person


@transaction.atomic
def pre_screening_record(
    *,
    actor: Any,
    person: Person,
    screened_on: date,
    call_up_year: int,
    passed: bool,
    note: str = "",
) -> ServiceEvent:
    """Record the result of a pre-screening (sơ tuyển) for the call-up of ``call_up_year``."""
    person = _begin(actor, person, EventKind.PRE_SCREENING, screened_on, "screened_on")
    check_move(person, EventKind.PRE_SCREENING, screened_on)
    event = record(
        actor=actor,
        person=person,
        kind=EventKind.PRE_SCREENING,
        on=screened_on,
        call_up_year=call_up_year,
        details={"passed": passed, "note": nfc(note)},
    )
    audit(actor=actor, event=event, changes={"passed": [None, passed]})
    return event


def _scores(indicator_scores: Mapping[str, int] | None) -> dict[str, int]:
    scores = dict(indicator_scores or {})
    for name, score in scores.items():
        if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 6:
            raise DomainError(
                Code.HEALTH_SCORES_INVALID,
                _("The score of “%(indicator)s” must be a whole number from 1 to 6.")
                % {"indicator": name},
                field="indicator_scores",
            )
    return scores


def _decimal(value: Decimal | float | None) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


@transaction.atomic
def health_exam_record(
    *,
    actor: Any,
    person: Person,
    examined_on: date,
    call_up_year: int,
    indicator_scores: Mapping[str, int] | None = None,
    health_class: int | None = None,
    myopia_diopters: Decimal | float | None = None,
    hyperopia_diopters: Decimal | float | None = None,
    bmi: Decimal | float | None = None,
    drug_addicted: bool = False,
) -> HealthExam:
    """Record a health examination: the class is the worst indicator score and the
    exclusions of Circular 68/2025 apply, with the myopia boundary in force that day."""
    person = _begin(actor, person, EventKind.HEALTH_EXAM, examined_on, "examined_on")
    scores = _scores(indicator_scores)
    if not scores and (health_class is None or not 1 <= health_class <= 6):
        raise DomainError(
            Code.HEALTH_SCORES_INVALID,
            _("Give the indicator scores, or a health class from 1 to 6."),
            field="indicator_scores",
        )
    myopia, hyperopia, body = _decimal(myopia_diopters), _decimal(hyperopia_diopters), _decimal(bmi)
    inclusive = bool(rule_setting(MYOPIA_BOUNDARY_INCLUSIVE, on=examined_on))
    answer = rules.health(
        indicator_scores=list(scores.values()) or None,
        health_class=health_class,
        myopia_diopters=_float(myopia),
        hyperopia_diopters=_float(hyperopia),
        bmi=_float(body),
        drug_addicted=drug_addicted,
        myopia_boundary_inclusive=inclusive,
        on=examined_on,
    )
    check_move(person, EventKind.HEALTH_EXAM, examined_on)
    event = record(
        actor=actor,
        person=person,
        kind=EventKind.HEALTH_EXAM,
        on=examined_on,
        call_up_year=call_up_year,
        legal_point=answer.legal_basis,
    )
    exam = HealthExam(
        event=event,
        examined_on=examined_on,
        call_up_year=call_up_year,
        indicator_scores=scores,
        health_class=answer.health_class,
        myopia_diopters=myopia,
        hyperopia_diopters=hyperopia,
        bmi=body,
        drug_addicted=drug_addicted,
        myopia_boundary_inclusive=inclusive,
        may_be_called_up=answer.may_be_called_up,
        reason=answer.reason or "",
    )
    exam.full_clean(validate_unique=False, validate_constraints=False)  # see _common.record
    exam.save()
    # Health data is sensitive: the audit says what was decided, not the measurements.
    audit(
        actor=actor,
        event=event,
        changes={
            "health_class": [None, exam.health_class],
            "may_be_called_up": [None, exam.may_be_called_up],
        },
    )
    return exam


@transaction.atomic
def education_check_record(
    *,
    actor: Any,
    person: Person,
    checked_on: date,
    call_up_year: int,
    completed_grade: int,
    locality_exception_approved: bool = False,
    exception_approved_by: str = "",
) -> ServiceEvent:
    """Record the education standard (grade 8+, or grade 7 where the locality is
    approved to take it; Circular 148/2018 Điều 4)."""
    person = _begin(actor, person, EventKind.EDUCATION_CHECK, checked_on, "checked_on")
    if not 0 <= completed_grade <= MAX_GRADE:
        raise DomainError(
            Code.EDUCATION_GRADE_INVALID,
            _("The completed grade runs from 0 to 12."),
            field="completed_grade",
        )
    approver = nfc(exception_approved_by)
    if locality_exception_approved and not approver:
        raise DomainError(
            Code.EXCEPTION_APPROVER_MISSING,
            _("Say who approved the locality's exception for grade 7."),
            field="exception_approved_by",
        )
    answer = rules.education(
        completed_grade=completed_grade, locality_exception_approved=locality_exception_approved
    )
    check_move(person, EventKind.EDUCATION_CHECK, checked_on)
    event = record(
        actor=actor,
        person=person,
        kind=EventKind.EDUCATION_CHECK,
        on=checked_on,
        call_up_year=call_up_year,
        legal_point=answer.legal_basis,
        details={
            "completed_grade": completed_grade,
            "eligible": answer.eligible,
            "locality_exception_approved": locality_exception_approved,
            "exception_approved_by": approver,
        },
    )
    audit(
        actor=actor,
        event=event,
        changes={"completed_grade": [None, completed_grade], "eligible": [None, answer.eligible]},
    )
    return event


@transaction.atomic
def political_check_record(
    *,
    actor: Any,
    person: Person,
    checked_on: date,
    call_up_year: int,
    items: Mapping[str, bool],
    checked_by: str,
) -> ServiceEvent:
    """Record the political checklist; it passes when every item is ticked."""
    person = _begin(actor, person, EventKind.POLITICAL_CHECK, checked_on, "checked_on")
    missing = [item for item in PoliticalCheckItem if item.value not in items]
    checker = nfc(checked_by)
    if missing or set(items) - set(PoliticalCheckItem.values):
        raise DomainError(
            Code.CHECKLIST_INCOMPLETE,
            _("Answer every item of the political checklist."),
            field="items",
        )
    if not checker:
        raise DomainError(
            Code.CHECKLIST_INCOMPLETE,
            _("Say who checked the political standard."),
            field="checked_by",
        )
    answers = {item.value: bool(items[item.value]) for item in PoliticalCheckItem}
    passed = all(answers.values())
    check_move(person, EventKind.POLITICAL_CHECK, checked_on)
    event = record(
        actor=actor,
        person=person,
        kind=EventKind.POLITICAL_CHECK,
        on=checked_on,
        call_up_year=call_up_year,
        signer=checker,
        details={"items": answers, "passed": passed},
    )
    audit(actor=actor, event=event, changes={"passed": [None, passed]})
    return event
