"""Sessions of a training plan and the attendance of each session, with results
on the configured training scale."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qsdp.core.audit import record_event
from qsdp.core.errors import DomainError
from qsdp.core.locks import ensure_period_open
from qsdp.core.text import nfc
from qsdp.military_service.rules.common import vn_date
from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person
from qsdp.training.errors import TrainingErrorCode as Code
from qsdp.training.models import (
    MAX_DAYS,
    Attendance,
    ResultScale,
    SessionKind,
    TrainingPlan,
    TrainingSession,
)
from qsdp.training.selectors.scales import area_of
from qsdp.training.services._common import (
    check_person_in,
    grade,
    guard,
    is_half_days,
    user_or_none,
    within,
)


@dataclass(frozen=True)
class SessionData:
    held_on: date
    days: Decimal
    topic: str
    org_unit: OrgUnit
    kind: str = SessionKind.MILITARY
    location: str = ""


@dataclass(frozen=True)
class AttendanceEntry:
    person: Person
    present: bool
    result: str = ""  # the code of a grade of the training scale, or "" for none


@transaction.atomic
def session_create(*, actor: Any, plan: TrainingPlan, data: SessionData) -> TrainingSession:
    """A session of an approved plan, held inside the plan's unit and year."""
    area = area_of(plan.org_unit)
    guard(actor, area.path)
    ensure_period_open(org_unit=plan.org_unit, on=data.held_on, field="held_on")
    if not plan.is_approved:
        raise DomainError(
            Code.PLAN_NOT_APPROVED,
            _("Sessions are added to a plan once it is approved."),
            field="held_on",
        )
    if data.held_on.year != plan.year:
        raise DomainError(
            Code.SESSION_OUTSIDE_PLAN_YEAR,
            _("The session must be held in the plan's year (%(year)s).") % {"year": plan.year},
            field="held_on",
        )
    if not (0 < data.days <= MAX_DAYS and is_half_days(data.days)):
        raise DomainError(
            Code.SESSION_DAYS,
            _("A session lasts a whole number of half days (0.5, 1, 1.5…)."),
            field="days",
        )
    if not within(data.org_unit, area):
        raise DomainError(
            Code.SESSION_OUTSIDE_PLAN_UNIT,
            _("The session must belong to the plan's unit (%(unit)s).")
            % {"unit": plan.org_unit.name},
            field="org_unit",
        )
    session = TrainingSession(
        plan=plan,
        kind=data.kind,
        held_on=data.held_on,
        days=data.days,
        topic=nfc(data.topic).strip(),
        location=nfc(data.location).strip(),
        org_unit=data.org_unit,
        created_by=user_or_none(actor),
    )
    session.full_clean(validate_constraints=False)
    session.save()
    record_event(
        actor=actor,
        verb="training.session_created",
        target=session,
        changes={
            "plan": [None, plan.pk],
            "kind": [None, data.kind],
            "held_on": [None, data.held_on.isoformat()],
            "days": [None, str(data.days)],
            "org_unit": [None, data.org_unit.pk],
        },
    )
    return session


def _check_entries(session: TrainingSession, entries: Sequence[AttendanceEntry]) -> list[Any]:
    """Every entry checked before anything is written: (entry, grade) pairs."""
    if session.held_on > timezone.localdate():
        raise DomainError(
            Code.SESSION_NOT_HELD,
            _("The session is on %(date)s: its attendance is recorded once it has been held.")
            % {"date": vn_date(session.held_on)},
            field="attendance",
        )
    area = area_of(session.plan.org_unit)
    seen: set[int] = set()
    checked = []
    for entry in entries:
        if entry.person.pk in seen:
            raise DomainError(
                Code.ATTENDEE_TWICE,
                _("%(name)s is listed twice.") % {"name": entry.person.full_name},
                field="attendance",
            )
        seen.add(entry.person.pk)
        check_person_in(entry.person, area, "attendance")
        if entry.result and not entry.present:
            raise DomainError(
                Code.RESULT_WITHOUT_PRESENCE,
                _("%(name)s was absent and cannot have a result.")
                % {"name": entry.person.full_name},
                field="attendance",
            )
        checked.append(
            (entry, grade(ResultScale.TRAINING, entry.result, session.held_on, "attendance"))
        )
    return checked


@transaction.atomic
def attendance_record(
    *, actor: Any, session: TrainingSession, entries: Sequence[AttendanceEntry]
) -> list[Attendance]:
    """Record (or correct) who attended ``session`` and their results, all at
    once; people not in ``entries`` keep what was recorded for them."""
    guard(actor, area_of(session.plan.org_unit).path)
    ensure_period_open(org_unit=session.plan.org_unit, on=session.held_on, field="held_on")
    session = (
        TrainingSession.objects.select_for_update(of=("self",))
        .select_related("plan__org_unit__serves")
        .get(pk=session.pk)
    )
    checked = _check_entries(session, entries)
    existing = {a.person_id: a for a in Attendance.objects.filter(session=session)}
    changes: dict[str, list[Any]] = {}
    saved = []
    for entry, result in checked:
        row = existing.get(entry.person.pk)
        before = [row.present, row.result.code if row.result else ""] if row else None
        after = [entry.present, result.code if result else ""]
        if row is not None and before == after:
            saved.append(row)
            continue
        if row is None:
            row = Attendance(session=session, person=entry.person)
        row.present = entry.present
        row.result = result
        row.recorded_by = user_or_none(actor)
        row.full_clean(validate_constraints=False, validate_unique=False)
        row.save()
        changes[str(entry.person.pk)] = [before, after]
        saved.append(row)
    if changes:
        record_event(
            actor=actor,
            verb="training.attendance_recorded",
            target=session,
            changes=changes,
        )
    return saved
