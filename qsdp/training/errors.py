from enum import Enum


class TrainingErrorCode(Enum):
    # Training plans of the armed forces (militia, reservists, the commune command).
    PLAN_UNIT_KIND = "training_plan_unit_kind"
    PLAN_EXISTS = "training_plan_exists"
    PLAN_DAYS = "training_plan_days"
    PLAN_ALREADY_APPROVED = "training_plan_already_approved"
    PLAN_NOT_APPROVED = "training_plan_not_approved"
    APPROVAL_DATE = "training_approval_date"
    # Sessions and attendance.
    SESSION_OUTSIDE_PLAN_UNIT = "training_session_outside_plan_unit"
    SESSION_OUTSIDE_PLAN_YEAR = "training_session_outside_plan_year"
    SESSION_DAYS = "training_session_days"
    SESSION_NOT_HELD = "training_session_not_held"
    PERSON_OUTSIDE_UNIT = "training_person_outside_unit"
    ATTENDEE_TWICE = "training_attendee_twice"
    RESULT_NOT_ON_SCALE = "training_result_not_on_scale"
    RESULT_WITHOUT_PRESENCE = "training_result_without_presence"
    # Defence and security education (GDQP&AN, KTQP&AN).
    COURSE_UNIT_KIND = "education_course_unit_kind"
    COURSE_DATES = "education_course_dates"
    COURSE_YEAR = "education_course_year"
    CATEGORY_NOT_IN_FORCE = "education_category_not_in_force"
    PARTICIPANT_IDENTITY = "education_participant_identity"
    PARTICIPANT_TWICE = "education_participant_twice"
    PARTICIPANT_NOT_IN_COURSE = "education_participant_not_in_course"
    COURSE_NOT_ENDED = "education_course_not_ended"
    RESULT_WITHOUT_COMPLETION = "education_result_without_completion"
    # Grassroots propagandists.
    PROPAGANDIST_IDENTITY = "propagandist_identity"
    PROPAGANDIST_ALREADY = "propagandist_already_appointed"
    PROPAGANDIST_ALREADY_LEFT = "propagandist_already_left"
    PROPAGANDIST_LEFT_BEFORE = "propagandist_left_before_appointed"
    PROPAGANDIST_TRAINING_DATE = "propagandist_training_date"
    DATE_IN_FUTURE = "training_date_in_future"
