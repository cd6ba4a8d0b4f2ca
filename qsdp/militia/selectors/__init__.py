"""Every read of the militia register, scoped to the user's org units."""

from qsdp.militia.selectors.decisions import (
    DecisionFilters,
    duty_decision_get,
    duty_decision_in_force,
    duty_decision_list,
)
from qsdp.militia.selectors.members import (
    MemberFilters,
    MemberStatus,
    PersonMilitia,
    active_on_q,
    member_extensions,
    member_get,
    member_list,
    person_militia,
    standing_months,
)
from qsdp.militia.selectors.registration import registration_list
from qsdp.militia.selectors.roster import Roster, RosterRow, roster
from qsdp.militia.selectors.strength import Strength, StrengthRow, strength_by_commune
from qsdp.militia.selectors.training import (
    TrainingRow,
    TrainingSummary,
    UnitTraining,
    days_required,
    training_summary,
)
from qsdp.militia.selectors.units import (
    UnitFilters,
    unit_get,
    unit_list,
    unit_members,
    units_for_commune,
)

__all__ = [
    "DecisionFilters",
    "MemberFilters",
    "MemberStatus",
    "PersonMilitia",
    "Roster",
    "RosterRow",
    "Strength",
    "StrengthRow",
    "TrainingRow",
    "TrainingSummary",
    "UnitFilters",
    "UnitTraining",
    "active_on_q",
    "days_required",
    "duty_decision_get",
    "duty_decision_in_force",
    "duty_decision_list",
    "member_extensions",
    "member_get",
    "member_list",
    "person_militia",
    "registration_list",
    "roster",
    "standing_months",
    "strength_by_commune",
    "training_summary",
    "unit_get",
    "unit_list",
    "unit_members",
    "units_for_commune",
]
