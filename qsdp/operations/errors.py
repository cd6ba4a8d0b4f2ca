from enum import Enum


class OperationsErrorCode(Enum):
    # Drills (Nghị định 21/2019/NĐ-CP; cadence and grading are settings, DOMAIN.md §5).
    DRILL_UNIT_LEVEL = "drill_unit_level"
    DRILL_PLAN_EXISTS = "drill_plan_exists"
    DRILL_PLAN_YEAR = "drill_plan_year"
    DRILL_ALREADY_HELD = "drill_already_held"
    DRILL_DATES = "drill_dates"
    DRILL_PHASES = "drill_phases"
    DRILL_PHASE_DATE = "drill_phase_date"
    DRILL_PARTICIPANTS = "drill_participants"
    DRILL_RATING_NOT_ON_SCALE = "drill_rating_not_on_scale"
    DATE_IN_FUTURE = "operations_date_in_future"
    # Readiness duty.
    DUTY_POST_NAME_TAKEN = "duty_post_name_taken"
    DUTY_POST_UNIT = "duty_post_unit"
    DUTY_POST_CLOSED = "duty_post_closed"
    SHIFT_TIMES = "duty_shift_times"
    SHIFT_OUTSIDE_PERIOD = "duty_shift_outside_period"
    SHIFT_PERSON_OUTSIDE = "duty_shift_person_outside"
    ROSTER_PERIOD = "duty_roster_period"
    ROSTER_RULES = "duty_roster_rules"
    SWAP_SAME_PERSON = "duty_swap_same_person"
    SWAP_NOT_PENDING = "duty_swap_not_pending"
    SWAP_SHIFT_PAST = "duty_swap_shift_past"
    SWAP_PENDING_EXISTS = "duty_swap_pending_exists"
    LOG_EXISTS = "duty_log_exists"
    LOG_NOBODY = "duty_log_nobody"
    # Patrols and incidents.
    PATROL_FORCES = "patrol_forces"
    INCIDENT_TRANSITION = "incident_transition"
    INCIDENT_RESOLVED_ON = "incident_resolved_on"
    FOLLOW_UP_DATE = "incident_follow_up_date"
    # Directives and tasks.
    DIRECTIVE_NUMBER_TAKEN = "directive_number_taken"
    DIRECTIVE_UNIT = "directive_unit"
    TASK_UNIT_OUTSIDE = "task_unit_outside"
    TASK_DEADLINE = "task_deadline"
    TASK_ALREADY_DONE = "task_already_done"
    REPORT_DATE = "task_report_date"
    FILE_TOO_LARGE = "operations_file_too_large"
