from enum import Enum


class ReserveErrorCode(Enum):
    DATE_IN_FUTURE = "rs_date_in_future"
    # The register.
    ALREADY_REGISTERED = "rs_already_registered"
    OUTSIDE_RESERVE_AGE = "rs_outside_reserve_age"
    SOURCE_SEX = "rs_source_sex"
    CLASS_FACTS_MISSING = "rs_class_facts_missing"
    OFFICER_RANK_REQUIRED = "rs_officer_rank_required"
    RANK_NOT_OF_GROUP = "rs_rank_not_of_group"
    HEALTH_CLASS_INVALID = "rs_health_class_invalid"
    REMOVED = "rs_removed"
    NOT_YET_REGISTERED = "rs_not_yet_registered"
    REMOVAL_REASON_MISSING = "rs_removal_reason_missing"
    DATE_BEFORE_REGISTRATION = "rs_date_before_registration"
    # The hand-over from military service.
    NO_RESERVE_REGISTRATION = "rs_no_reserve_registration"
    NO_SERVICE_PERIOD = "rs_no_service_period"
    # Arrangement (Luật Lực lượng DBĐV 2019 Điều 15, 16).
    PAST_AGE_LIMIT = "rs_past_age_limit"
    HEALTH_UNKNOWN = "rs_health_unknown"
    UNFIT = "rs_unfit"
    ALREADY_ARRANGED = "rs_already_arranged"
    SPECIALTY_MISMATCH = "rs_specialty_mismatch"
    POST_FULL = "rs_post_full"
    NOT_ARRANGED = "rs_not_arranged"
    END_REASON_MISSING = "rs_end_reason_missing"
    END_BEFORE_START = "rs_end_before_start"
    # Units and posts.
    UNIT_PARENT_CYCLE = "rs_unit_parent_cycle"
    ESTABLISHMENT_INVALID = "rs_establishment_invalid"
    ESTABLISHMENT_BELOW_ARRANGED = "rs_establishment_below_arranged"
    # Review, decisions, checks, equipment.
    ALREADY_REVIEWED = "rs_already_reviewed"
    REVIEW_YEAR = "rs_review_year"
    NOT_APPOINTED = "rs_not_appointed"
    ALREADY_APPOINTED = "rs_already_appointed"
    PRESENT_OVER_STRENGTH = "rs_present_over_strength"
    PLATE_DUPLICATE = "rs_plate_duplicate"
    EQUIPMENT_RELEASED = "rs_equipment_released"
    RELEASE_REASON_MISSING = "rs_release_reason_missing"
