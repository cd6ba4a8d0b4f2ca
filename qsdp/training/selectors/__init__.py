"""Every read of training and defence education, scoped to the user's units."""

from qsdp.training.selectors.education import (
    CategoryShare,
    CourseFilters,
    category_shares,
    course_get,
    course_list,
    course_participants,
)
from qsdp.training.selectors.plans import (
    AttendanceRow,
    PlanFilters,
    audience_people,
    plan_get,
    plan_list,
    plan_sessions,
    session_attendance,
    session_get,
)
from qsdp.training.selectors.propagandists import (
    PropagandistFilters,
    RosterStatus,
    propagandist_get,
    propagandist_list,
    propagandist_trainings,
)
from qsdp.training.selectors.scales import (
    area_of,
    categories_in_force,
    categories_in_year,
    category_list,
    grades_in_force,
)
from qsdp.training.selectors.sheets import AttendanceSheet, SheetRow, attendance_sheet
from qsdp.training.selectors.summaries import (
    GradeCount,
    PlanSummary,
    TraineeRow,
    YearSummary,
    plan_summaries,
    plan_summary,
    year_summary,
)

__all__ = [
    "AttendanceRow",
    "AttendanceSheet",
    "CategoryShare",
    "CourseFilters",
    "GradeCount",
    "PlanFilters",
    "PlanSummary",
    "PropagandistFilters",
    "RosterStatus",
    "SheetRow",
    "TraineeRow",
    "YearSummary",
    "area_of",
    "attendance_sheet",
    "audience_people",
    "categories_in_force",
    "categories_in_year",
    "category_list",
    "category_shares",
    "course_get",
    "course_list",
    "course_participants",
    "grades_in_force",
    "plan_get",
    "plan_list",
    "plan_sessions",
    "plan_summaries",
    "plan_summary",
    "propagandist_get",
    "propagandist_list",
    "propagandist_trainings",
    "session_attendance",
    "session_get",
    "year_summary",
]
