"""Every read of the military-service register, scoped to the user's org units."""

from qsdp.military_service.selectors._common import service_event_get
from qsdp.military_service.selectors.call_up import (
    OrderSheet,
    QuotaRow,
    candidate_get,
    candidate_list,
    order_get,
    order_list,
    order_sheets,
    quota_tree,
)
from qsdp.military_service.selectors.deferrals import (
    PublicDeferralList,
    PublicDeferralRow,
    deferral_list,
    public_deferral_list,
    recheck_list,
)
from qsdp.military_service.selectors.overview import (
    AreaIndicators,
    area_units,
    indicator_overview,
)
from qsdp.military_service.selectors.person import (
    ServiceSummary,
    ServiceTimelineEntry,
    call_up_age_text,
    health_exam_answer,
    service_summary,
)
from qsdp.military_service.selectors.ready import ReadyRegister, ReadyRow, ready_register
from qsdp.military_service.selectors.registration import (
    OverdueTransfer,
    january_list,
    overdue_transfers,
    registration_list,
)
from qsdp.military_service.selectors.returnees import ReturneeRow, ReturneeState, returnee_list

__all__ = [
    "AreaIndicators",
    "OrderSheet",
    "OverdueTransfer",
    "PublicDeferralList",
    "PublicDeferralRow",
    "QuotaRow",
    "ReadyRegister",
    "ReadyRow",
    "ReturneeRow",
    "ReturneeState",
    "ServiceSummary",
    "ServiceTimelineEntry",
    "area_units",
    "call_up_age_text",
    "candidate_get",
    "candidate_list",
    "deferral_list",
    "health_exam_answer",
    "indicator_overview",
    "january_list",
    "order_get",
    "order_list",
    "order_sheets",
    "overdue_transfers",
    "public_deferral_list",
    "quota_tree",
    "ready_register",
    "recheck_list",
    "registration_list",
    "returnee_list",
    "service_event_get",
    "service_summary",
]
