"""The military-service pages: views parse, call a selector or service, render."""

from qsdp.military_service.views.call_up import (
    candidate_list_approve,
    candidate_list_build,
    candidate_list_view,
    candidate_substitute,
    order_issue,
    order_issue_all,
    quota_assign,
    quota_tree_view,
)
from qsdp.military_service.views.checks import (
    education_check_record,
    health_exam_record,
    political_check_record,
    pre_screening_record,
)
from qsdp.military_service.views.deferrals import (
    deferral_decide,
    deferral_end,
    deferral_list_view,
    public_deferral_document_view,
    public_deferral_list_view,
    recheck_list_view,
)
from qsdp.military_service.views.orders import (
    enlistment_record,
    order_list_view,
    order_print,
    order_print_one,
    ready_register_document_view,
    ready_register_view,
)
from qsdp.military_service.views.overview import overview
from qsdp.military_service.views.registration import (
    absence_return_record,
    first_registration_record,
    january_list_view,
    overdue_transfer_list,
    registration_list_view,
    supplementary_registration_record,
    temporary_absence_record,
)
from qsdp.military_service.views.returnees import (
    discharge_record,
    reserve_registration_record,
    return_home_record,
    returnee_list_view,
)
from qsdp.military_service.views.stage_lists import STAGE_LISTS, stage_list_document

__all__ = [
    "STAGE_LISTS",
    "absence_return_record",
    "candidate_list_approve",
    "candidate_list_build",
    "candidate_list_view",
    "candidate_substitute",
    "deferral_decide",
    "deferral_end",
    "deferral_list_view",
    "discharge_record",
    "education_check_record",
    "enlistment_record",
    "first_registration_record",
    "health_exam_record",
    "january_list_view",
    "order_issue",
    "order_issue_all",
    "order_list_view",
    "order_print",
    "order_print_one",
    "overdue_transfer_list",
    "overview",
    "political_check_record",
    "pre_screening_record",
    "public_deferral_document_view",
    "public_deferral_list_view",
    "quota_assign",
    "quota_tree_view",
    "ready_register_document_view",
    "ready_register_view",
    "recheck_list_view",
    "registration_list_view",
    "reserve_registration_record",
    "return_home_record",
    "returnee_list_view",
    "stage_list_document",
    "supplementary_registration_record",
    "temporary_absence_record",
]
