"""The reserve rules as pure functions: the Military Service Law on reserve NCOs and
soldiers (Luật NVQS 2015 Điều 24, 25, 27), the Officers Law on reserve officers'
ages (Điều 38, amended 2024) and the Reserve Forces Law on unit strength
(Luật Lực lượng DBĐV 2019 Điều 15).

No ORM, no request: every function takes plain values and returns a frozen
dataclass with ``legal_basis``, ``explanation`` and ``as_dict()`` (the JSON of
RULES.md). ``EVALUATORS`` maps the RULES.md rule areas to the functions the
``evaluate_rules`` command calls.
"""

from qsdp.reserves.rules.ages import (
    OfficerRank,
    RankGroup,
    ReserveAction,
    ReserveAge,
    ReserveOfficerAge,
    last_day_in_reserve,
    reserve_age,
    reserve_officer_age,
)
from qsdp.reserves.rules.classes import ReserveClass, ReserveSource, reserve_class
from qsdp.reserves.rules.evaluators import EVALUATORS
from qsdp.reserves.rules.training import (
    ReserveTraining,
    ReserveUnitStrength,
    TrainingActivity,
    reserve_training,
    reserve_unit_strength,
    spare_range,
)

__all__ = [
    "EVALUATORS",
    "OfficerRank",
    "RankGroup",
    "ReserveAction",
    "ReserveAge",
    "ReserveClass",
    "ReserveOfficerAge",
    "ReserveSource",
    "ReserveTraining",
    "ReserveUnitStrength",
    "TrainingActivity",
    "last_day_in_reserve",
    "reserve_age",
    "reserve_class",
    "reserve_officer_age",
    "reserve_training",
    "reserve_unit_strength",
    "spare_range",
]
