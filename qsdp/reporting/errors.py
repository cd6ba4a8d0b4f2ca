from enum import Enum


class ReportingErrorCode(Enum):
    UNKNOWN_INDICATOR = "reporting_unknown_indicator"
    TARGET_OUT_OF_RANGE = "reporting_target_out_of_range"
    TARGET_NOT_WHOLE = "reporting_target_not_whole"
    NOTHING_TO_COPY = "reporting_nothing_to_copy"
    UNIT_NOT_REPORTING = "reporting_unit_not_reporting"
    ALREADY_SUBMITTED = "reporting_already_submitted"
    NOT_SUBMITTED = "reporting_not_submitted"
    CHILDREN_NOT_APPROVED = "reporting_children_not_approved"
    NOTHING_TO_REOPEN = "reporting_nothing_to_reopen"
    PARENT_APPROVED = "reporting_parent_approved"
    REASON_REQUIRED = "reporting_reason_required"
