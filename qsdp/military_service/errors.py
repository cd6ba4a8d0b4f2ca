from enum import Enum


class MilitaryServiceErrorCode(Enum):
    # The transition table refuses the move (rules/cycle.py).
    ILLEGAL_TRANSITION = "ms_illegal_transition"
    DATE_IN_FUTURE = "ms_date_in_future"
    DATE_BEFORE_BIRTH = "ms_date_before_birth"
    # Registration (NVQS Điều 12–17).
    NOT_SUBJECT_TO_REGISTRATION = "ms_not_subject_to_registration"
    NOT_EXCLUDED_FROM_REGISTRATION = "ms_not_excluded_from_registration"
    ABSENCE_TOO_SHORT = "ms_absence_too_short"
    NO_OPEN_ABSENCE = "ms_no_open_absence"
    # Checks before the call-up.
    HEALTH_SCORES_INVALID = "ms_health_scores_invalid"
    EDUCATION_GRADE_INVALID = "ms_education_grade_invalid"
    EXCEPTION_APPROVER_MISSING = "ms_exception_approver_missing"
    CHECKLIST_INCOMPLETE = "ms_checklist_incomplete"
    # Deferral and exemption (NVQS Điều 41).
    NOT_A_GROUND = "ms_not_a_ground"
    WRONG_OUTCOME = "ms_wrong_outcome"
    VALID_UNTIL_REQUIRED = "ms_valid_until_required"
    # Quotas, lists and orders.
    QUOTA_UNIT_KIND = "ms_quota_unit_kind"
    QUOTA_PARENT_MISSING = "ms_quota_parent_missing"
    QUOTA_OVER_REMAINDER = "ms_quota_over_remainder"
    QUOTA_BELOW_CHILDREN = "ms_quota_below_children"
    QUOTA_MISSING = "ms_quota_missing"
    LIST_ALREADY_APPROVED = "ms_list_already_approved"
    LIST_EMPTY = "ms_list_empty"
    LIST_SIZE_NOT_QUOTA = "ms_list_size_not_quota"
    CANDIDATE_NOT_APPROVED = "ms_candidate_not_approved"
    CANDIDATE_NOT_PRIMARY = "ms_candidate_not_primary"
    RESERVE_LIST_EXHAUSTED = "ms_reserve_list_exhausted"
    WITHDRAW_REASON_MISSING = "ms_withdraw_reason_missing"
    CANDIDATE_ENLISTED = "ms_candidate_enlisted"
    REPORT_DATE_BEFORE_ORDER = "ms_report_date_before_order"
    NO_ORDERS_TO_ISSUE = "ms_no_orders_to_issue"
    # Handover (the acceptance checks).
    HANDOVER_DEFERRED = "ms_handover_deferred"
    HANDOVER_EXEMPT = "ms_handover_exempt"
    HANDOVER_AGE = "ms_handover_age"
    HANDOVER_NO_EXAM = "ms_handover_no_exam"
    HANDOVER_HEALTH = "ms_handover_health"
    HANDOVER_NO_ORDER = "ms_handover_no_order"
    # Discharge and return.
    RETURN_NOT_RECORDED = "ms_return_not_recorded"
    # Corrections.
    ALREADY_CANCELLED = "ms_already_cancelled"
    CANCEL_BREAKS_HISTORY = "ms_cancel_breaks_history"
