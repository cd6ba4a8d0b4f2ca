"""The call-up list of a unit: built ranked from the register, approved by the
unit above at the size of the quota, orders numbered per unit and year, and a
primary candidate who drops out replaced from the reserve list (dự phòng)."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Max, Prefetch
from django.utils.translation import gettext as _

from qsdp.core.audit import record_event
from qsdp.core.errors import DomainError
from qsdp.core.locks import ensure_period_open
from qsdp.core.text import nfc
from qsdp.military_service import rules
from qsdp.military_service.errors import MilitaryServiceErrorCode as Code
from qsdp.military_service.models import (
    CallUpCandidate,
    CallUpOrder,
    CandidateList,
    CandidateStatus,
    Quota,
    ServiceEvent,
)
from qsdp.military_service.rules.common import vn_date
from qsdp.military_service.rules.cycle import EventKind, Status, replay
from qsdp.military_service.services._common import (
    as_cycle,
    audit,
    check_date,
    check_move,
    guard,
    live_events,
    lock_person,
    record,
    status_on,
    user_or_none,
)
from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person

ORDER_SUFFIX = "LGNN"  # lệnh gọi nhập ngũ
COLLEGE_OR_UNIVERSITY = frozenset(
    {rules.ReasonCode.FULL_TIME_UNIVERSITY_STUDENT, rules.ReasonCode.FULL_TIME_COLLEGE_STUDENT}
)


def deferred_for_college_or_university(events: list[ServiceEvent]) -> bool:
    """Whether the citizen was ever deferred for college or university training
    (the call-up age then runs to "hết 27 tuổi", Điều 30)."""
    return any(
        e.kind == EventKind.DEFERRAL and e.reason_code in COLLEGE_OR_UNIVERSITY for e in events
    )


def latest(
    events: list[ServiceEvent], kind: EventKind, year: int | None = None
) -> ServiceEvent | None:
    """The last event of ``kind`` (for the call-up of ``year`` when given)."""
    found = [e for e in events if e.kind == kind and (year is None or e.call_up_year == year)]
    return found[-1] if found else None


@dataclass(frozen=True)
class Ranked:
    """A citizen who may be called up, with what ranks him."""

    person: Person
    health_class: int
    completed_grade: int

    @property
    def key(self) -> tuple[int, int, date, str, int]:
        # Health first, then education high first (Circular 148 Điều 4), then the
        # older first: he leaves the call-up age sooner.
        return (
            self.health_class,
            -self.completed_grade,
            self.person.birth_date,
            self.person.sort_name,
            self.person.pk,
        )


def _grade(person: Person, events: list[ServiceEvent], year: int) -> int | None:
    check = latest(events, EventKind.EDUCATION_CHECK, year)
    if check is not None:
        return int(check.details["completed_grade"]) if check.details.get("eligible") else None
    if person.education_grade is None:
        return None
    answer = rules.education(completed_grade=person.education_grade)
    return person.education_grade if answer.eligible else None


def rank_candidate(
    person: Person, events: list[ServiceEvent], *, call_up_year: int, handover_on: date
) -> Ranked | None:
    """The citizen's place on the list, or None when the rules exclude him on the
    handover day: not registered and free, outside the call-up age, no fit
    examination for the year, below the education standard, failed political check."""
    if replay(as_cycle(events), on=handover_on) != Status.REGISTERED:
        return None
    age = rules.call_up_age(
        sex=person.sex,
        birth_date=person.birth_date,
        reference_date=handover_on,
        deferred_for_college_or_university_training=deferred_for_college_or_university(events),
    )
    if not age.within_call_up_age:
        return None
    exam_event = latest(events, EventKind.HEALTH_EXAM, call_up_year)
    if exam_event is None or not exam_event.health_exam.may_be_called_up:
        return None
    grade = _grade(person, events, call_up_year)
    if grade is None:
        return None
    political = latest(events, EventKind.POLITICAL_CHECK, call_up_year)
    if political is not None and not political.details.get("passed"):
        return None
    return Ranked(person, exam_event.health_exam.health_class, grade)


def _quota(org_unit: OrgUnit, call_up_year: int) -> Quota:
    quota = (
        Quota.objects.select_for_update()
        .filter(org_unit=org_unit, call_up_year=call_up_year)
        .first()
    )
    if quota is None:
        raise DomainError(
            Code.QUOTA_MISSING,
            _("%(unit)s has no call-up quota for %(year)s.")
            % {"unit": org_unit.name, "year": call_up_year},
        )
    return quota


def _people_of_age(org_unit: OrgUnit, call_up_year: int, handover_on: date) -> list[Person]:
    """The men of the unit who might be within the call-up age (the rules decide)."""
    year = handover_on.year
    events = ServiceEvent.objects.filter(cancelled_on__isnull=True).select_related("health_exam")
    return list(
        Person.objects.filter(
            org_unit=org_unit,
            sex=rules.Sex.MALE,
            birth_date__gte=date(year - 29, 1, 1),
            birth_date__lte=date(year - 17, 12, 31),
        )
        .exclude(call_up_lists__call_up_year=call_up_year)
        .prefetch_related(
            Prefetch("service_events", events.order_by("occurred_on", "id"), to_attr="live")
        )
    )


@transaction.atomic
def call_up_list_build(
    *, actor: Any, org_unit: OrgUnit, call_up_year: int, handover_on: date
) -> list[CallUpCandidate]:
    """Propose the unit's ranked list: the first ``quota`` citizens on the primary
    list, the rest on the reserve list. A proposal not yet approved is replaced."""
    guard(actor, org_unit.path)
    ensure_period_open(org_unit=org_unit, on=handover_on, field="handover_on")
    quota = _quota(org_unit, call_up_year)
    candidates = CallUpCandidate.objects.filter(call_up_year=call_up_year, org_unit=org_unit)
    if candidates.exclude(status=CandidateStatus.PROPOSED).exists():
        raise DomainError(
            Code.LIST_ALREADY_APPROVED,
            _("The call-up list of %(unit)s for %(year)s is already approved.")
            % {"unit": org_unit.name, "year": call_up_year},
        )
    candidates.delete()  # an unapproved proposal is a draft
    ranked: list[Ranked] = []
    for person in _people_of_age(org_unit, call_up_year, handover_on):
        events: list[ServiceEvent] = person.live  # type: ignore[attr-defined]
        place = rank_candidate(person, events, call_up_year=call_up_year, handover_on=handover_on)
        if place is not None:
            ranked.append(place)
    ranked.sort(key=lambda r: r.key)
    rows = [
        CallUpCandidate(
            call_up_year=call_up_year,
            person=r.person,
            org_unit=org_unit,
            list_kind=CandidateList.PRIMARY if i < quota.number else CandidateList.RESERVE,
            rank=i + 1 if i < quota.number else i + 1 - quota.number,
        )
        for i, r in enumerate(ranked)
    ]
    CallUpCandidate.objects.bulk_create(rows)
    record_event(
        actor=actor,
        verb="call_up_list.proposed",
        target=quota,
        changes={
            "handover_on": [None, handover_on.isoformat()],
            "primary": [None, [c.person_id for c in rows if c.list_kind == CandidateList.PRIMARY]],
            "reserve": [None, [c.person_id for c in rows if c.list_kind == CandidateList.RESERVE]],
        },
    )
    return rows


@transaction.atomic
def call_up_list_approve(
    *, actor: Any, org_unit: OrgUnit, call_up_year: int, approved_on: date
) -> list[CallUpCandidate]:
    """The unit above approves the list; the primary list must match the quota."""
    guard(actor, (org_unit.parent or org_unit).path)
    ensure_period_open(org_unit=org_unit, on=approved_on, field="approved_on")
    quota = _quota(org_unit, call_up_year)
    proposed = list(
        CallUpCandidate.objects.select_for_update().filter(
            call_up_year=call_up_year, org_unit=org_unit, status=CandidateStatus.PROPOSED
        )
    )
    if not proposed:
        raise DomainError(
            Code.LIST_EMPTY,
            _("%(unit)s has no proposed call-up list for %(year)s to approve.")
            % {"unit": org_unit.name, "year": call_up_year},
        )
    primary = [c for c in proposed if c.list_kind == CandidateList.PRIMARY]
    if len(primary) != quota.number:
        raise DomainError(
            Code.LIST_SIZE_NOT_QUOTA,
            _(
                "The primary list of %(unit)s has %(count)s citizens; its quota for %(year)s "
                "is %(quota)s."
            )
            % {
                "unit": org_unit.name,
                "count": len(primary),
                "year": call_up_year,
                "quota": quota.number,
            },
        )
    for candidate in proposed:
        candidate.status = CandidateStatus.APPROVED
        candidate.approved_on = approved_on
        candidate.approved_by = user_or_none(actor)
    CallUpCandidate.objects.bulk_update(proposed, ["status", "approved_on", "approved_by"])
    record_event(
        actor=actor,
        verb="call_up_list.approved",
        target=quota,
        changes={
            "approved_on": [None, approved_on.isoformat()],
            "primary": [None, [c.person_id for c in primary]],
        },
    )
    return proposed


def _lock_candidate(candidate: CallUpCandidate) -> CallUpCandidate:
    return (
        CallUpCandidate.objects.select_for_update()
        .select_related("org_unit", "person")
        .get(pk=candidate.pk)
    )


@transaction.atomic
def call_up_order_issue(
    *,
    actor: Any,
    candidate: CallUpCandidate,
    issued_on: date,
    report_on: date,
    report_place: str,
) -> CallUpOrder:
    """Issue the next numbered call-up order of the unit and year ("12/LGNN")."""
    guard(actor, candidate.org_unit.path)
    ensure_period_open(org_unit=candidate.org_unit, on=issued_on, field="issued_on")
    candidate = _lock_candidate(candidate)
    if candidate.status != CandidateStatus.APPROVED:
        raise DomainError(
            Code.CANDIDATE_NOT_APPROVED,
            _("The citizen is not on an approved call-up list."),
        )
    if candidate.list_kind != CandidateList.PRIMARY:
        raise DomainError(
            Code.CANDIDATE_NOT_PRIMARY,
            _("The citizen is on the reserve list: orders go to the primary list only."),
        )
    person = lock_person(candidate.person)
    check_date(person, issued_on, "issued_on")
    if report_on < issued_on:
        raise DomainError(
            Code.REPORT_DATE_BEFORE_ORDER,
            _("The reporting date cannot be before the order is issued (%(date)s).")
            % {"date": vn_date(issued_on)},
            field="report_on",
        )
    check_move(person, EventKind.CALL_UP_ORDER, issued_on)
    _quota(candidate.org_unit, candidate.call_up_year)  # locks the numbering
    last = CallUpOrder.objects.filter(
        org_unit=candidate.org_unit, call_up_year=candidate.call_up_year
    ).aggregate(last=Max("sequence"))["last"]
    sequence = (last or 0) + 1
    number = f"{sequence}/{ORDER_SUFFIX}"
    place = nfc(report_place)
    event = record(
        actor=actor,
        person=person,
        kind=EventKind.CALL_UP_ORDER,
        on=issued_on,
        org_unit=candidate.org_unit,
        call_up_year=candidate.call_up_year,
        decision_number=number,
        decided_on=issued_on,
        details={"report_on": report_on.isoformat(), "report_place": place},
    )
    order = CallUpOrder(
        event=event,
        org_unit=candidate.org_unit,
        call_up_year=candidate.call_up_year,
        sequence=sequence,
        number=number,
        issued_on=issued_on,
        report_on=report_on,
        report_place=place,
    )
    order.full_clean(validate_unique=False, validate_constraints=False)  # see _common.record
    order.save()
    audit(actor=actor, event=event, changes={"number": [None, number]})
    return order


@transaction.atomic
def call_up_order_issue_all(
    *,
    actor: Any,
    org_unit: OrgUnit,
    call_up_year: int,
    issued_on: date,
    report_on: date,
    report_place: str,
) -> list[CallUpOrder]:
    """Issue an order to every approved primary candidate of the unit who has none
    for the year yet, in rank order; all or nothing: a refusal names the citizen."""
    guard(actor, org_unit.path)
    ensure_period_open(org_unit=org_unit, on=issued_on, field="issued_on")
    has_order = ServiceEvent.objects.filter(
        kind=EventKind.CALL_UP_ORDER, call_up_year=call_up_year, cancelled_on__isnull=True
    )
    candidates = list(
        CallUpCandidate.objects.filter(
            call_up_year=call_up_year,
            org_unit=org_unit,
            list_kind=CandidateList.PRIMARY,
            status=CandidateStatus.APPROVED,
        )
        .exclude(person__in=has_order.values("person"))
        .select_related("person", "org_unit")
        .order_by("rank", "id")
    )
    if not candidates:
        raise DomainError(
            Code.NO_ORDERS_TO_ISSUE,
            _(
                "%(unit)s has no citizen on its approved primary list for %(year)s who is "
                "still without a call-up order."
            )
            % {"unit": org_unit.name, "year": call_up_year},
        )
    orders = []
    for candidate in candidates:
        try:
            orders.append(
                call_up_order_issue(
                    actor=actor,
                    candidate=candidate,
                    issued_on=issued_on,
                    report_on=report_on,
                    report_place=report_place,
                )
            )
        except DomainError as refused:
            raise DomainError(
                refused.code,
                f"{candidate.person.full_name}: {refused.message}",
                field=refused.field,
            ) from None
    return orders


@transaction.atomic
def call_up_candidate_substitute(
    *, actor: Any, candidate: CallUpCandidate, on: date, reason: str
) -> CallUpCandidate:
    """A primary candidate drops out: he is withdrawn (his order cancelled) and the
    first reserve candidate still free takes his place and rank."""
    guard(actor, candidate.org_unit.path)
    ensure_period_open(org_unit=candidate.org_unit, on=on, field="on")
    candidate = _lock_candidate(candidate)
    reason = nfc(reason)
    if candidate.status != CandidateStatus.APPROVED or candidate.list_kind != CandidateList.PRIMARY:
        raise DomainError(
            Code.CANDIDATE_NOT_PRIMARY,
            _("Only a citizen on an approved primary list can be replaced."),
        )
    if not reason:
        raise DomainError(
            Code.WITHDRAW_REASON_MISSING,
            _("Say why the citizen drops out of the list."),
            field="reason",
        )
    person = lock_person(candidate.person)
    if status_on(person, on) == Status.ENLISTED:
        raise DomainError(
            Code.CANDIDATE_ENLISTED,
            _("The citizen has already been handed over and cannot be replaced."),
        )
    reserves = (
        CallUpCandidate.objects.select_for_update()
        .select_related("person")
        .filter(
            call_up_year=candidate.call_up_year,
            org_unit=candidate.org_unit,
            list_kind=CandidateList.RESERVE,
            status=CandidateStatus.APPROVED,
        )
        .order_by("rank")
    )
    substitute = next((r for r in reserves if status_on(r.person, on) == Status.REGISTERED), None)
    if substitute is None:
        raise DomainError(
            Code.RESERVE_LIST_EXHAUSTED,
            _("The reserve list of %(unit)s for %(year)s has nobody left to take his place.")
            % {"unit": candidate.org_unit.name, "year": candidate.call_up_year},
        )
    order = (
        live_events(person)
        .filter(kind=EventKind.CALL_UP_ORDER, call_up_year=candidate.call_up_year)
        .last()
    )
    if order is not None:
        order.cancelled_on = on
        order.cancel_reason = reason
        order.cancelled_by = user_or_none(actor)
        order.save(update_fields=["cancelled_on", "cancel_reason", "cancelled_by"])
    candidate.status = CandidateStatus.WITHDRAWN
    candidate.withdrawn_on = on
    candidate.withdraw_reason = reason
    candidate.save(update_fields=["status", "withdrawn_on", "withdraw_reason"])
    substitute.list_kind = CandidateList.PRIMARY
    substitute.rank = candidate.rank
    substitute.replaces = candidate
    substitute.save(update_fields=["list_kind", "rank", "replaces"])
    record_event(
        actor=actor,
        verb="call_up_candidate.substituted",
        target=substitute,
        person_id=substitute.person_id,
        changes={
            "replaces": [None, candidate.person_id],
            "reason": [None, reason],
            "cancelled_order": [None, order.decision_number if order else None],
        },
    )
    return substitute
