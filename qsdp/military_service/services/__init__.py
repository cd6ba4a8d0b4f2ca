"""Every write of the military-service register: ``<entity>_<verb>(*, actor, …)``,
one transaction and one audit event each; a refusal is a ``DomainError`` with a
Vietnamese message citing the rule, and nothing is saved."""

from qsdp.military_service.services.call_up import (
    call_up_candidate_substitute,
    call_up_list_approve,
    call_up_list_build,
    call_up_order_issue,
    call_up_order_issue_all,
)
from qsdp.military_service.services.checks import (
    education_check_record,
    health_exam_record,
    political_check_record,
    pre_screening_record,
)
from qsdp.military_service.services.corrections import service_event_cancel
from qsdp.military_service.services.deferrals import deferral_decide, deferral_end, exemption_decide
from qsdp.military_service.services.handover import enlistment_record
from qsdp.military_service.services.quotas import quota_assign
from qsdp.military_service.services.registration import (
    absence_return_record,
    first_registration_record,
    registration_bar_end,
    registration_exclusion_record,
    supplementary_registration_record,
    temporary_absence_record,
)
from qsdp.military_service.services.returnees import (
    discharge_record,
    reserve_registration_record,
    return_home_record,
)

__all__ = [
    "absence_return_record",
    "call_up_candidate_substitute",
    "call_up_list_approve",
    "call_up_list_build",
    "call_up_order_issue",
    "call_up_order_issue_all",
    "deferral_decide",
    "deferral_end",
    "discharge_record",
    "education_check_record",
    "enlistment_record",
    "exemption_decide",
    "first_registration_record",
    "health_exam_record",
    "political_check_record",
    "pre_screening_record",
    "quota_assign",
    "registration_bar_end",
    "registration_exclusion_record",
    "reserve_registration_record",
    "return_home_record",
    "service_event_cancel",
    "supplementary_registration_record",
    "temporary_absence_record",
]
