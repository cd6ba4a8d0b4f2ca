"""Every write of operations: ``<entity>_<verb>(*, actor, …)``, one transaction
and one audit event each; a refusal is a ``DomainError`` with a Vietnamese
message and the field it belongs to, and nothing is saved."""

from qsdp.operations.services.directives import (
    DirectiveData,
    directive_create,
    task_assign,
    task_report,
)
from qsdp.operations.services.drills import (
    DrillData,
    DrillPlanData,
    PhaseData,
    drill_plan_create,
    drill_plan_update,
    drill_rate,
    drill_record,
)
from qsdp.operations.services.duty import (
    DutyLogData,
    RosterCheck,
    ShiftData,
    day_start,
    duty_log_record,
    duty_logs_record,
    duty_post_create,
    rest_rule,
    roster_check,
    roster_save,
    swap_decide,
    swap_request,
)
from qsdp.operations.services.order import (
    IncidentData,
    PatrolData,
    incident_follow_up,
    incident_report,
    patrol_record,
)

__all__ = [
    "DirectiveData",
    "DrillData",
    "DrillPlanData",
    "DutyLogData",
    "IncidentData",
    "PatrolData",
    "PhaseData",
    "RosterCheck",
    "ShiftData",
    "day_start",
    "directive_create",
    "drill_plan_create",
    "drill_plan_update",
    "drill_rate",
    "drill_record",
    "duty_log_record",
    "duty_logs_record",
    "duty_post_create",
    "incident_follow_up",
    "incident_report",
    "patrol_record",
    "rest_rule",
    "roster_check",
    "roster_save",
    "swap_decide",
    "swap_request",
    "task_assign",
    "task_report",
]
