from enum import Enum


class MilitiaErrorCode(Enum):
    # Who may join (Luật DQTV 2019 Điều 8, 10, 11).
    OUTSIDE_MILITIA_AGE = "militia_outside_age"
    ARRANGED_RESERVIST = "militia_arranged_reservist"
    CURRENT_DEFERRAL = "militia_current_deferral"
    CURRENT_EXEMPTION = "militia_current_exemption"
    ALREADY_MEMBER = "militia_already_member"
    NOT_A_MEMBER = "militia_not_a_member"
    # Terms and extensions (Điều 8 khoản 2).
    TERM_END_BEFORE_START = "militia_term_end_before_start"
    TERM_LONGER_THAN_LAW = "militia_term_longer_than_law"
    EXTENSION_NOT_LATER = "militia_extension_not_later"
    EXTENSION_BEYOND_LIMIT = "militia_extension_beyond_limit"
    EXTENSION_PAST_AGE = "militia_extension_past_age"
    LEFT_BEFORE_START = "militia_left_before_start"
    ALREADY_LEFT = "militia_already_left"
    DATE_IN_FUTURE = "militia_date_in_future"
    # Units.
    UNIT_NOT_COMMUNE = "militia_unit_not_commune"
    UNIT_NAME_TAKEN = "militia_unit_name_taken"
    UNIT_PARENT_CYCLE = "militia_unit_parent_cycle"
    UNIT_PARENT_ELSEWHERE = "militia_unit_parent_elsewhere"
    UNIT_ELSEWHERE = "militia_unit_elsewhere"
    UNIT_TYPE_MISMATCH = "militia_unit_type_mismatch"
    COMMANDER_NOT_IN_UNIT = "militia_commander_not_in_unit"
    # Deferral and exemption (Điều 11).
    NOT_A_GROUND = "militia_not_a_ground"
    VALID_UNTIL_REQUIRED = "militia_valid_until_required"
    VALID_UNTIL_BEFORE_DECISION = "militia_valid_until_before_decision"
    DECISION_ALREADY_ENDED = "militia_decision_already_ended"
    END_BEFORE_DECISION = "militia_end_before_decision"
    # Registration (Điều 9) and training (Điều 28).
    ALREADY_REGISTERED = "militia_already_registered"
    TRAINING_DAYS_INVALID = "militia_training_days_invalid"
    TRAINING_YEAR_OUTSIDE_TERM = "militia_training_year_outside_term"
    # Standing militia as completed active service (Luật NVQS 2015 Điều 4 khoản 4).
    NOT_STANDING_MILITIA = "militia_not_standing"
    SERVICE_TOO_SHORT = "militia_service_too_short"
    ALREADY_RECOGNISED = "militia_already_recognised"
