"""Handover day: the acceptance checks, then enlistment (Luật NVQS 2015 Điều
30, 31, 41; Circular 148/2018 as amended by Circular 68/2025)."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from qsdp.core.errors import DomainError
from qsdp.core.locks import ensure_period_open
from qsdp.core.selectors import rule_setting
from qsdp.core.settings_registry import MYOPIA_BOUNDARY_INCLUSIVE
from qsdp.military_service import rules
from qsdp.military_service.errors import MilitaryServiceErrorCode as Code
from qsdp.military_service.models import HealthExam, ServiceEvent
from qsdp.military_service.rules.common import in_force, vn_date
from qsdp.military_service.rules.cycle import EventKind, Status, replay
from qsdp.military_service.rules.health import (
    BMI_ABOVE_29_9,
    BMI_BELOW_18_0,
    DRUG_ADDICTION,
    HEALTH_CLASS_NOT_MET,
    HYPEROPIA_ANY_DEGREE,
    MYOPIA_LIMIT_DIOPTERS,
    MYOPIA_OVER_1_5_DIOPTERS,
)
from qsdp.military_service.services._common import (
    as_cycle,
    audit,
    check_date,
    check_move,
    cite,
    diopters,
    guard,
    live_events,
    lock_person,
    record,
)
from qsdp.military_service.services.call_up import deferred_for_college_or_university, latest
from qsdp.people.models import Person

MYOPIA_LIMIT = Decimal(str(MYOPIA_LIMIT_DIOPTERS))
# The text that sets the exclusions at the handover date, as the messages cite it.
HEALTH_BASIS: tuple[tuple[date, str], ...] = (
    (date(2018, 11, 20), "Thông tư 148/2018/TT-BQP"),
    (date(2025, 7, 1), "Thông tư 68/2025/TT-BQP"),
)


def _decimal_text(value: object) -> str:
    return str(value).replace(".", ",")


def health_refusal(exam: HealthExam, *, on: date) -> str | None:
    """Why the examination bars the handover on ``on`` (the standard and the
    myopia boundary in force that day), or None."""
    inclusive = bool(rule_setting(MYOPIA_BOUNDARY_INCLUSIVE, on=on))
    answer = rules.health(
        health_class=exam.health_class,
        myopia_diopters=None if exam.myopia_diopters is None else float(exam.myopia_diopters),
        hyperopia_diopters=None
        if exam.hyperopia_diopters is None
        else float(exam.hyperopia_diopters),
        bmi=None if exam.bmi is None else float(exam.bmi),
        drug_addicted=exam.drug_addicted,
        myopia_boundary_inclusive=inclusive,
        on=on,
    )
    if answer.may_be_called_up:
        return None
    values = {
        "basis": in_force(HEALTH_BASIS, on),
        "class": exam.health_class,
        "myopia": diopters(exam.myopia_diopters or 0),
        "hyperopia": diopters(exam.hyperopia_diopters or 0),
        "bmi": _decimal_text(exam.bmi),
    }
    messages = {
        HEALTH_CLASS_NOT_MET: _(
            "Cannot hand over: the citizen's health is class %(class)s; only classes 1, 2 "
            "and 3 are called up (%(basis)s)."
        ),
        DRUG_ADDICTION: _("Cannot hand over: drug addicts are not called up (%(basis)s)."),
        MYOPIA_OVER_1_5_DIOPTERS: _(
            "Cannot hand over: the citizen has myopia of %(myopia)s D, 1.5 D or more (%(basis)s)."
        )
        if exam.myopia_diopters is not None and abs(exam.myopia_diopters) == MYOPIA_LIMIT
        else _("Cannot hand over: the citizen has myopia of %(myopia)s D, over 1.5 D (%(basis)s)."),
        HYPEROPIA_ANY_DEGREE: _(
            "Cannot hand over: the citizen has hyperopia of %(hyperopia)s D; hyperopia of any "
            "degree is not called up (%(basis)s)."
        ),
        BMI_BELOW_18_0: _(
            "Cannot hand over: the citizen's BMI is %(bmi)s, below 18.0 (%(basis)s)."
        ),
        BMI_ABOVE_29_9: _(
            "Cannot hand over: the citizen's BMI is %(bmi)s, above 29.9 (%(basis)s)."
        ),
    }
    return messages[answer.reason or ""] % values


def _acceptance(
    person: Person, events: list[ServiceEvent], *, call_up_year: int, handover_on: date
) -> None:
    """The checks of the acceptance, in the order the council makes them."""
    status = replay(as_cycle(events), on=handover_on)
    if status == Status.DEFERRED:
        deferral = latest([e for e in events if e.occurred_on <= handover_on], EventKind.DEFERRAL)
        raise DomainError(
            Code.HANDOVER_DEFERRED,
            _(
                "Cannot hand over: the citizen's call-up is deferred until %(until)s "
                "(Luật NVQS 2015 %(point)s)."
            )
            % {
                "until": vn_date(deferral.valid_until)
                if deferral and deferral.valid_until
                else "—",
                "point": deferral.legal_point if deferral else "Điều 41 khoản 1",
            },
        )
    if status == Status.EXEMPT:
        exemption = latest(events, EventKind.EXEMPTION)
        raise DomainError(
            Code.HANDOVER_EXEMPT,
            _(
                "Cannot hand over: the citizen is exempt from the call-up "
                "(Luật NVQS 2015 %(point)s)."
            )
            % {"point": exemption.legal_point if exemption else "Điều 41 khoản 2"},
        )
    age = rules.call_up_age(
        sex=person.sex,
        birth_date=person.birth_date,
        reference_date=handover_on,
        deferred_for_college_or_university_training=deferred_for_college_or_university(events),
    )
    if not age.within_call_up_age:
        raise DomainError(Code.HANDOVER_AGE, _("Cannot hand over: %(why)s.") % {"why": cite(age)})
    exam_event = latest(events, EventKind.HEALTH_EXAM, call_up_year)
    if exam_event is None:
        raise DomainError(
            Code.HANDOVER_NO_EXAM,
            _(
                "Cannot hand over: the citizen has had no health examination for the call-up "
                "of %(year)s (Luật NVQS 2015 Điều 40)."
            )
            % {"year": call_up_year},
        )
    refusal = health_refusal(exam_event.health_exam, on=handover_on)
    if refusal is not None:
        raise DomainError(Code.HANDOVER_HEALTH, refusal)
    if latest(events, EventKind.CALL_UP_ORDER, call_up_year) is None:
        raise DomainError(
            Code.HANDOVER_NO_ORDER,
            _("Cannot hand over: the citizen has no call-up order for %(year)s.")
            % {"year": call_up_year},
        )


@transaction.atomic
def enlistment_record(
    *, actor: Any, person: Person, call_up_year: int, handover_on: date
) -> ServiceEvent:
    """Hand the citizen over to the army on ``handover_on``, after the acceptance checks."""
    guard(actor, person.org_unit.path)
    ensure_period_open(org_unit=person.org_unit, on=handover_on, field="handover_on")
    person = lock_person(person)
    check_date(person, handover_on, "handover_on")
    events = list(live_events(person).select_related("health_exam"))
    _acceptance(person, events, call_up_year=call_up_year, handover_on=handover_on)
    check_move(person, EventKind.ENLISTMENT, handover_on)
    order = latest(events, EventKind.CALL_UP_ORDER, call_up_year)
    event = record(
        actor=actor,
        person=person,
        kind=EventKind.ENLISTMENT,
        on=handover_on,
        call_up_year=call_up_year,
        decision_number=order.decision_number if order else "",
    )
    audit(actor=actor, event=event, changes={"order": [None, event.decision_number]})
    return event
