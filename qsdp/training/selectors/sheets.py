"""The attendance sheet of a plan: one row per person, one mark per session."""

from dataclasses import dataclass
from decimal import Decimal

from qsdp.training.models import Attendance, TrainingPlan, TrainingSession
from qsdp.training.selectors.summaries import PlanSummary, plan_summary


@dataclass(frozen=True)
class SheetRow:
    full_name: str
    birth_date: object
    marks: list[str]  # per session: the result's name, "x" present, "—" absent, "" not recorded
    days_done: Decimal
    days_required: Decimal
    result: str


@dataclass(frozen=True)
class AttendanceSheet:
    plan: TrainingPlan
    unit_name: str
    sessions: list[TrainingSession]
    rows: list[SheetRow]
    summary: PlanSummary


def attendance_sheet(*, plan: TrainingPlan) -> AttendanceSheet:
    """The sheet of ``plan`` (read through ``plan_get``): three queries more than its summary."""
    summary = plan_summary(plan=plan)
    sessions = list(TrainingSession.objects.filter(plan=plan).order_by("held_on", "id"))
    marks = {
        (a.session_id, a.person_id): (a.result.name if a.result else "x") if a.present else "—"
        for a in Attendance.objects.filter(session__plan=plan).select_related("result")
    }
    rows = [
        SheetRow(
            full_name=row.person.full_name,
            birth_date=row.person.birth_date,
            marks=[marks.get((s.pk, row.person.pk), "") for s in sessions],
            days_done=row.days_done,
            days_required=row.days_required,
            result=row.result.name if row.result else "",
        )
        for row in summary.rows
    ]
    return AttendanceSheet(plan, plan.org_unit.name, sessions, rows, summary)
