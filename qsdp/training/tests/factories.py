"""Builders of training records through the real services (actor None: a loader)."""

from datetime import date
from decimal import Decimal

from qsdp.training.models import (
    EducationCourse,
    TraineeCategory,
    TrainingPlan,
    TrainingSession,
)
from qsdp.training.selectors.scales import in_force_q
from qsdp.training.services import (
    AttendanceEntry,
    CourseData,
    PlanData,
    SessionData,
    attendance_record,
    course_create,
    plan_approve,
    plan_create,
    session_create,
)


def plan(  # type: ignore[no-untyped-def]
    unit, *, year=2023, audience="militia", days="15", approved_on=date(2023, 1, 10), title=""
) -> TrainingPlan:
    """A plan of ``unit``, approved on ``approved_on`` (None: not approved)."""
    made = plan_create(
        actor=None,
        org_unit=unit,
        data=PlanData(
            year=year,
            audience=audience,
            title=title or f"Kế hoạch huấn luyện năm {year}",
            planned_days=Decimal(days),
        ),
    )
    if approved_on is not None:
        made = plan_approve(actor=None, plan=made, approved_on=approved_on)
    return made


def session(  # type: ignore[no-untyped-def]
    of_plan,
    unit,
    *,
    on=date(2023, 5, 10),
    days="1",
    topic="Điều lệnh đội ngũ",
    kind="military",
    attendance=None,
) -> TrainingSession:
    """A session of ``of_plan`` at ``unit``; ``attendance``: {person: (present, result)}."""
    made = session_create(
        actor=None,
        plan=of_plan,
        data=SessionData(held_on=on, days=Decimal(days), topic=topic, org_unit=unit, kind=kind),
    )
    if attendance:
        attendance_record(
            actor=None,
            session=made,
            entries=[
                AttendanceEntry(p, present, result) for p, (present, result) in attendance.items()
            ],
        )
    return made


def category(code: str, on: date = date(2023, 6, 1)) -> TraineeCategory:
    """The version of the seeded category ``code`` in force on ``on``."""
    return TraineeCategory.objects.filter(in_force_q(on)).get(code=code)


def course(  # type: ignore[no-untyped-def]
    unit,
    *,
    code="dt4",
    planned=5,
    starts=date(2023, 6, 5),
    ends=date(2023, 6, 9),
    title="Bồi dưỡng kiến thức QP&AN",
    organiser="Ban CHQS thành phố Bắc Kạn",
) -> EducationCourse:
    return course_create(
        actor=None,
        org_unit=unit,
        data=CourseData(
            year=starts.year,
            category=category(code, starts),
            title=title,
            organiser=organiser,
            starts_on=starts,
            ends_on=ends,
            planned_trainees=planned,
        ),
    )


def rows() -> dict[str, object]:
    """What a refused or denied request must leave unchanged."""
    from qsdp.core.models import AuditEvent
    from qsdp.training import models

    return {
        "plans": list(
            models.TrainingPlan.objects.order_by("pk").values_list(
                "pk", "year", "audience", "title", "planned_days", "approved_on", "approved_by"
            )
        ),
        "sessions": list(
            models.TrainingSession.objects.order_by("pk").values_list(
                "pk", "plan_id", "held_on", "days", "org_unit_id"
            )
        ),
        "attendance": list(
            models.Attendance.objects.order_by("pk").values_list(
                "pk", "person_id", "present", "result_id"
            )
        ),
        "courses": list(
            models.EducationCourse.objects.order_by("pk").values_list(
                "pk", "category_id", "planned_trainees"
            )
        ),
        "participants": list(
            models.CourseParticipant.objects.order_by("pk").values_list(
                "pk", "person_id", "official_name", "completed", "result_id"
            )
        ),
        "propagandists": list(
            models.Propagandist.objects.order_by("pk").values_list("pk", "left_on")
        ),
        "propagandist_trainings": models.PropagandistTraining.objects.count(),
        "audit": AuditEvent.objects.count(),
    }  # fmt: skip
