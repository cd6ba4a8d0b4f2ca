"""Every write of the militia register: ``<entity>_<verb>(*, actor, …)``, one
transaction and one audit event each; a refusal is a ``DomainError`` with a
Vietnamese message citing the rule, and nothing is saved."""

from qsdp.militia.services.completion import service_completion_record
from qsdp.militia.services.decisions import duty_decision_end, duty_decision_record
from qsdp.militia.services.members import (
    MemberData,
    member_add,
    member_leave,
    member_update,
    term_extend,
)
from qsdp.militia.services.registration import registration_generate, registration_record
from qsdp.militia.services.training import training_days_record
from qsdp.militia.services.units import UnitData, unit_create, unit_update

__all__ = [
    "MemberData",
    "UnitData",
    "duty_decision_end",
    "duty_decision_record",
    "member_add",
    "member_leave",
    "member_update",
    "registration_generate",
    "registration_record",
    "service_completion_record",
    "term_extend",
    "training_days_record",
    "unit_create",
    "unit_update",
]
