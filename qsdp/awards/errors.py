from enum import Enum


class AwardsErrorCode(Enum):
    TRANSITION = "award_transition"
    NOT_EDITABLE = "award_not_editable"
    FORM_NOT_IN_FORCE = "award_form_not_in_force"
    RECIPIENT_KIND = "award_recipient_kind"
    RECIPIENT_MISSING = "award_recipient_missing"
    RECIPIENT_OUTSIDE = "award_recipient_outside"
    RECIPIENT_TWICE = "award_recipient_twice"
    NO_RECIPIENTS = "award_no_recipients"
    EVIDENCE = "award_evidence"
    REVIEW_REASON = "award_review_reason"
    DECISION_NUMBER_TAKEN = "award_decision_number_taken"
    DECISION_PROPOSALS = "award_decision_proposals"
    DECISION_UNIT = "award_decision_unit"
    DECISION_DATE = "award_decision_date"
    CAP_EXCEEDED = "award_cap_exceeded"
    REVOCATION_RECIPIENTS = "award_revocation_recipients"
    REVOCATION_DATE = "award_revocation_date"
    NOT_REVIEWER = "award_not_reviewer"
