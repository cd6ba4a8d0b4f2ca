"""Defence and security education courses (GDQP&AN, KTQP&AN), their
participants and results on the configured scale."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qsdp.core.audit import record_event
from qsdp.core.errors import DomainError
from qsdp.core.locks import ensure_period_open
from qsdp.core.text import nfc
from qsdp.military_service.rules.common import vn_date
from qsdp.orgunits.models import OrgUnit, OrgUnitKind
from qsdp.people.models import Person
from qsdp.training.errors import TrainingErrorCode as Code
from qsdp.training.models import CourseParticipant, EducationCourse, ResultScale, TraineeCategory
from qsdp.training.selectors.scales import area_of
from qsdp.training.services._common import check_person_in, grade, guard, user_or_none


@dataclass(frozen=True)
class CourseData:
    year: int
    category: TraineeCategory
    title: str
    organiser: str
    starts_on: date
    ends_on: date
    planned_trainees: int


@dataclass(frozen=True)
class ParticipantResult:
    participant: CourseParticipant
    completed: bool
    result: str = ""  # the code of a grade of the defence-education scale, or ""


def _check_category(category: TraineeCategory, on: date) -> None:
    if category.valid_from <= on and (category.valid_to is None or on <= category.valid_to):
        return
    until = vn_date(category.valid_to) if category.valid_to else "…"
    raise DomainError(
        Code.CATEGORY_NOT_IN_FORCE,
        _("The category %(category)s is not in force on %(date)s (it is from %(from)s to %(to)s).")
        % {
            "category": category.name,
            "date": vn_date(on),
            "from": vn_date(category.valid_from),
            "to": until,
        },
        field="category",
    )


@transaction.atomic
def course_create(*, actor: Any, org_unit: OrgUnit, data: CourseData) -> EducationCourse:
    """A course of ``org_unit`` for one trainee category in force on its first day."""
    guard(actor, area_of(org_unit).path)
    if org_unit.kind == OrgUnitKind.VILLAGE:
        raise DomainError(
            Code.COURSE_UNIT_KIND,
            _("A course is organised by a commune, a higher unit or a military command."),
            field="org_unit",
        )
    if data.ends_on < data.starts_on:
        raise DomainError(
            Code.COURSE_DATES, _("The course ends before it starts."), field="ends_on"
        )
    if data.starts_on.year != data.year:
        raise DomainError(
            Code.COURSE_YEAR,
            _("The course must start in its year (%(year)s).") % {"year": data.year},
            field="starts_on",
        )
    ensure_period_open(org_unit=org_unit, on=data.starts_on, field="starts_on")
    _check_category(data.category, data.starts_on)
    course = EducationCourse(
        org_unit=org_unit,
        year=data.year,
        category=data.category,
        title=nfc(data.title).strip(),
        organiser=nfc(data.organiser).strip(),
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        planned_trainees=data.planned_trainees,
        created_by=user_or_none(actor),
    )
    course.full_clean(validate_constraints=False)
    course.save()
    record_event(
        actor=actor,
        verb="training.course_created",
        target=course,
        changes={
            "org_unit": [None, org_unit.pk],
            "category": [None, data.category.code],
            "starts_on": [None, data.starts_on.isoformat()],
            "planned_trainees": [None, data.planned_trainees],
        },
    )
    return course


@transaction.atomic
def participant_add(
    *,
    actor: Any,
    course: EducationCourse,
    person: Person | None = None,
    official_name: str = "",
    position: str = "",
) -> CourseParticipant:
    """Enrol a person of the register, or an official by name and position."""
    area = area_of(course.org_unit)
    guard(actor, area.path)
    ensure_period_open(org_unit=course.org_unit, on=course.starts_on)
    official_name = nfc(official_name).strip()
    if (person is None) == (not official_name):
        raise DomainError(
            Code.PARTICIPANT_IDENTITY,
            _("Choose a person of the register or write an official's name, not both."),
            field="official_name",
        )
    if person is not None:
        check_person_in(person, area, "person")
        if CourseParticipant.objects.filter(course=course, person=person).exists():
            raise DomainError(
                Code.PARTICIPANT_TWICE,
                _("%(name)s is already a participant of the course.") % {"name": person.full_name},
                field="person",
            )
    participant = CourseParticipant(
        course=course,
        person=person,
        official_name=official_name,
        position=nfc(position).strip(),
        created_by=user_or_none(actor),
    )
    participant.full_clean(validate_constraints=False)
    participant.save()
    record_event(
        actor=actor,
        verb="training.participant_added",
        target=participant,
        person_id=person.pk if person else None,
        changes={"course": [None, course.pk], "name": [None, participant.name]},
    )
    return participant


def _check_results(course: EducationCourse, entries: Sequence[ParticipantResult]) -> list[Any]:
    if any(e.completed for e in entries) and course.ends_on > timezone.localdate():
        raise DomainError(
            Code.COURSE_NOT_ENDED,
            _("The course ends on %(date)s: completion is recorded once it is over.")
            % {"date": vn_date(course.ends_on)},
            field="participants",
        )
    checked = []
    for entry in entries:
        if entry.participant.course_id != course.pk:
            raise DomainError(
                Code.PARTICIPANT_NOT_IN_COURSE,
                _("%(name)s is not a participant of this course.")
                % {"name": entry.participant.name},
                field="participants",
            )
        if entry.result and not entry.completed:
            raise DomainError(
                Code.RESULT_WITHOUT_COMPLETION,
                _("%(name)s did not complete the course and cannot have a result.")
                % {"name": entry.participant.name},
                field="participants",
            )
        result = grade(ResultScale.DEFENCE_EDUCATION, entry.result, course.ends_on, "participants")
        checked.append((entry, result))
    return checked


@transaction.atomic
def course_results_record(
    *, actor: Any, course: EducationCourse, entries: Sequence[ParticipantResult]
) -> list[CourseParticipant]:
    """Record (or correct) who completed the course and their results, all at once."""
    guard(actor, area_of(course.org_unit).path)
    ensure_period_open(org_unit=course.org_unit, on=course.starts_on, field="participants")
    course = EducationCourse.objects.select_for_update().get(pk=course.pk)
    checked = _check_results(course, entries)
    changes: dict[str, list[Any]] = {}
    saved = []
    for entry, result in checked:
        row = entry.participant
        before = [row.completed, row.result.code if row.result else ""]
        after = [entry.completed, result.code if result else ""]
        if before != after:
            row.completed = entry.completed
            row.result = result
            row.full_clean(validate_constraints=False, validate_unique=False)
            row.save(update_fields=["completed", "result", "updated_at"])
            changes[str(row.pk)] = [before, after]
        saved.append(row)
    if changes:
        record_event(
            actor=actor, verb="training.course_results_recorded", target=course, changes=changes
        )
    return saved
