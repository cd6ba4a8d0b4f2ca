from qsdp.training.views.education import (
    category_list_view,
    course_create,
    course_detail,
    course_list_view,
    course_results,
    participant_add,
)
from qsdp.training.views.plans import (
    plan_approve,
    plan_create,
    plan_detail,
    plan_list_view,
    session_create,
    session_detail,
)
from qsdp.training.views.propagandists import (
    propagandist_create,
    propagandist_detail,
    propagandist_leave,
    propagandist_list_view,
    propagandist_training,
)
from qsdp.training.views.reports import (
    attendance_document_view,
    summary_document_view,
    summary_view,
)

__all__ = [
    "attendance_document_view",
    "category_list_view",
    "course_create",
    "course_detail",
    "course_list_view",
    "course_results",
    "participant_add",
    "plan_approve",
    "plan_create",
    "plan_detail",
    "plan_list_view",
    "propagandist_create",
    "propagandist_detail",
    "propagandist_leave",
    "propagandist_list_view",
    "propagandist_training",
    "session_create",
    "session_detail",
    "summary_document_view",
    "summary_view",
]
