"""A person's military service: his status on a date, the rule answer the UI
shows, and his service timeline."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from qsdp.accounts.models import User
from qsdp.accounts.scoping import scope_for
from qsdp.core.audit import record_access
from qsdp.core.privacy import MASK, may_read_sensitive
from qsdp.military_service import rules
from qsdp.military_service.models import HealthExam, ServiceEvent
from qsdp.military_service.rules.common import vn_date
from qsdp.military_service.rules.cycle import (
    CycleEvent,
    EventKind,
    Status,
    allowed_events,
    person_status,
)
from qsdp.military_service.selectors._common import ground_label
from qsdp.people.models import Person
from qsdp.people.selectors import person_get

COLLEGE_OR_UNIVERSITY = frozenset(
    {rules.ReasonCode.FULL_TIME_UNIVERSITY_STUDENT, rules.ReasonCode.FULL_TIME_COLLEGE_STUDENT}
)


@dataclass(frozen=True)
class ServiceTimelineEntry:
    event: ServiceEvent
    on: date
    title: str
    detail: str
    cancelled: bool


@dataclass(frozen=True)
class ServiceSummary:
    person: Person
    on: date
    status: Status
    status_label: str
    # "trong độ tuổi gọi nhập ngũ đến 24/06/2026 — Luật NVQS 2015 Điều 30"
    call_up_age: str
    call_up_age_answer: rules.CallUpAge
    next_events: list[EventKind]
    timeline: list[ServiceTimelineEntry]


def call_up_age_text(answer: rules.CallUpAge, *, deferred_for_training: bool) -> str:
    """The call-up age answer in one line, with its legal basis."""
    last = (
        answer.last_eligible_date_if_deferred_for_college_or_university
        if deferred_for_training
        else answer.last_eligible_date
    )
    if answer.within_call_up_age:
        text = _("within the call-up age until %(date)s") % {"date": vn_date(last)}
    elif answer.reason == "under_18":
        text = _("not yet of call-up age (from %(date)s)") % {
            "date": vn_date(answer.first_eligible_date)
        }
    else:
        text = _("past the call-up age (it ended on %(date)s)") % {"date": vn_date(last)}
    return f"{text} — {answer.legal_basis}"


def _detail(event: ServiceEvent, *, masked: bool = False) -> str:
    parts: list[str] = []
    if event.decision_number:
        parts.append(_("No. %(number)s") % {"number": event.decision_number})
    if event.reason_code and event.kind in (EventKind.DEFERRAL, EventKind.EXEMPTION):
        parts.append(f"{ground_label(event.reason_code)} ({event.legal_point})")
    if event.valid_until:
        parts.append(_("until %(date)s") % {"date": vn_date(event.valid_until)})
    if event.kind == EventKind.HEALTH_EXAM:
        exam = event.health_exam
        shown = MASK if masked else exam.health_class
        parts.append(_("health class %(class)s") % {"class": shown})
    if event.due_on:
        parts.append(_("deadline %(date)s") % {"date": vn_date(event.due_on)})
    if event.cancelled_on:
        parts.append(
            _("cancelled on %(date)s: %(reason)s")
            % {"date": vn_date(event.cancelled_on), "reason": event.cancel_reason}
        )
    return "; ".join(parts)


def service_summary(*, user: User, person_id: int, on: date | None = None) -> ServiceSummary:
    """What the person's page shows: status on ``on`` (today), the call-up age
    answer and the timeline, newest first. 404 outside the user's scope; the read
    of health classes is logged."""
    person = person_get(user=user, pk=person_id)
    on = on or timezone.localdate()
    events = list(
        ServiceEvent.objects.filter(person=person)
        .select_related("health_exam", "org_unit")
        .order_by("occurred_on", "id")
    )
    live = [e for e in events if e.cancelled_on is None]
    status = person_status([CycleEvent(e.kind, e.occurred_on, e.valid_until) for e in live], on)
    training = any(
        e.kind == EventKind.DEFERRAL and e.reason_code in COLLEGE_OR_UNIVERSITY for e in live
    )
    answer = rules.call_up_age(
        sex=person.sex,
        birth_date=person.birth_date,
        reference_date=on,
        deferred_for_college_or_university_training=training,
    )
    # Health results are shown to the roles that act on them, masked for the
    # others (the leader): nothing is read then, so nothing is logged.
    masked = not may_read_sensitive(scope_for(user).roles)
    if not masked and any(e.kind == EventKind.HEALTH_EXAM for e in events):
        record_access(
            actor=user,
            target=person,
            fields=["health_class"],
            purpose="military_service.timeline",
            person_id=person.pk,
        )
    timeline = [
        ServiceTimelineEntry(
            e,
            e.occurred_on,
            e.get_kind_display(),
            _detail(e, masked=masked),
            e.cancelled_on is not None,
        )
        for e in reversed(events)
    ]
    return ServiceSummary(
        person=person,
        on=on,
        status=status,
        status_label=str(status.label),
        call_up_age=call_up_age_text(answer, deferred_for_training=training),
        call_up_age_answer=answer,
        next_events=allowed_events(status),
        timeline=timeline,
    )


def health_exam_answer(exam: HealthExam) -> rules.Health:
    """The rules' answer for a recorded examination, with its explanation and
    basis, under the standard of the examination day and the myopia boundary
    kept with it."""
    scores = [int(score) for score in exam.indicator_scores.values()]
    return rules.health(
        indicator_scores=scores or None,
        health_class=None if scores else exam.health_class,
        myopia_diopters=None if exam.myopia_diopters is None else float(exam.myopia_diopters),
        hyperopia_diopters=(
            None if exam.hyperopia_diopters is None else float(exam.hyperopia_diopters)
        ),
        bmi=None if exam.bmi is None else float(exam.bmi),
        drug_addicted=exam.drug_addicted,
        myopia_boundary_inclusive=exam.myopia_boundary_inclusive,
        on=exam.examined_on,
    )
