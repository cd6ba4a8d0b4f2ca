"""Every write of training and defence education: ``<entity>_<verb>(*, actor, …)``,
one transaction and one audit event each; a refusal is a ``DomainError`` with a
Vietnamese message, and nothing is saved."""

from qsdp.training.services.education import (
    CourseData,
    ParticipantResult,
    course_create,
    course_results_record,
    participant_add,
)
from qsdp.training.services.plans import PlanData, approver_path, plan_approve, plan_create
from qsdp.training.services.propagandists import (
    propagandist_appoint,
    propagandist_leave,
    propagandist_training_record,
)
from qsdp.training.services.sessions import (
    AttendanceEntry,
    SessionData,
    attendance_record,
    session_create,
)

__all__ = [
    "AttendanceEntry",
    "CourseData",
    "ParticipantResult",
    "PlanData",
    "SessionData",
    "approver_path",
    "attendance_record",
    "course_create",
    "course_results_record",
    "participant_add",
    "plan_approve",
    "plan_create",
    "propagandist_appoint",
    "propagandist_leave",
    "propagandist_training_record",
    "session_create",
]
