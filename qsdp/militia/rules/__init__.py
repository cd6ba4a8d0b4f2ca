"""The militia rules as pure functions: the Militia Law (Luật DQTV 2019 Điều 8, 11,
28) and the Military Service Law on standing militia as military service
(Luật NVQS 2015 Điều 4 khoản 4).

No ORM, no request: every function takes plain values and returns a frozen
dataclass with ``legal_basis``, ``explanation`` and ``as_dict()`` (the JSON of
RULES.md). ``EVALUATORS`` maps the RULES.md rule areas to the functions the
``evaluate_rules`` command calls.
"""

from qsdp.militia.rules.ages import MilitiaAge, militia_age
from qsdp.militia.rules.common import MilitiaType
from qsdp.militia.rules.evaluators import EVALUATORS
from qsdp.militia.rules.exemption import (
    MilitiaExemption,
    MilitiaOutcome,
    MilitiaStatus,
    militia_exemption,
    parse_status,
)
from qsdp.militia.rules.service import (
    MilitaryServiceCompletion,
    MilitiaTerm,
    MilitiaTraining,
    military_service_completion,
    militia_term,
    militia_training,
)

__all__ = [
    "EVALUATORS",
    "MilitaryServiceCompletion",
    "MilitiaAge",
    "MilitiaExemption",
    "MilitiaOutcome",
    "MilitiaStatus",
    "MilitiaTerm",
    "MilitiaTraining",
    "MilitiaType",
    "military_service_completion",
    "militia_age",
    "militia_exemption",
    "militia_term",
    "militia_training",
    "parse_status",
]
