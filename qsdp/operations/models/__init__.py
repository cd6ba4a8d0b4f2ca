"""The records of operations: drills, readiness duty, patrols and incidents,
directives and their tasks. Nothing is deleted except a roster's future shifts
replaced by a new roster."""

from qsdp.operations.models.directives import Directive, DirectiveKind, DirectiveTask, TaskReport
from qsdp.operations.models.drills import Drill, DrillKind, DrillLevel, DrillPhase, DrillPlan
from qsdp.operations.models.duty import DutyLog, DutyPost, DutyShift, DutySwap, SwapStatus
from qsdp.operations.models.order import (
    Incident,
    IncidentFollowUp,
    IncidentKind,
    IncidentStatus,
    Patrol,
)

__all__ = [
    "Directive",
    "DirectiveKind",
    "DirectiveTask",
    "Drill",
    "DrillKind",
    "DrillLevel",
    "DrillPhase",
    "DrillPlan",
    "DutyLog",
    "DutyPost",
    "DutyShift",
    "DutySwap",
    "Incident",
    "IncidentFollowUp",
    "IncidentKind",
    "IncidentStatus",
    "Patrol",
    "SwapStatus",
    "TaskReport",
]
