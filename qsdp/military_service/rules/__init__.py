"""The Military Service Law (Luật NVQS 78/2015/QH13 as amended) as pure functions.

No ORM, no request: every function takes plain values and returns a frozen
dataclass with ``legal_basis``, ``explanation`` and ``as_dict()`` (the JSON of
RULES.md). ``EVALUATORS`` maps the RULES.md rule areas to the functions the
``evaluate_rules`` command calls.
"""

from qsdp.military_service.rules.ages import CallUpAge, call_up_age
from qsdp.military_service.rules.common import (
    RuleResult,
    Sex,
    age_on,
    anniversary,
    legal_point,
)
from qsdp.military_service.rules.deferral import (
    DeferralOrExemption,
    Outcome,
    ReasonCode,
    deferral_or_exemption,
)
from qsdp.military_service.rules.evaluators import EVALUATORS
from qsdp.military_service.rules.health import Education, Health, education, health
from qsdp.military_service.rules.registration import (
    FirstRegistration,
    LegalStatus,
    RegistrationStatus,
    first_registration,
    is_exempt_disease,
)
from qsdp.military_service.rules.residence import (
    AnchorEvent,
    ResidenceChange,
    ResidenceEvent,
    ReturneeRegistration,
    residence_change,
    returnee_registration,
)
from qsdp.military_service.rules.timeline import (
    ExtensionGround,
    RecruitmentTimeline,
    ServiceTerm,
    ServiceType,
    call_up_year_on,
    recruitment_timeline,
    service_term,
)

__all__ = [
    "EVALUATORS",
    "AnchorEvent",
    "CallUpAge",
    "DeferralOrExemption",
    "Education",
    "ExtensionGround",
    "FirstRegistration",
    "Health",
    "LegalStatus",
    "Outcome",
    "ReasonCode",
    "RecruitmentTimeline",
    "RegistrationStatus",
    "ResidenceChange",
    "ResidenceEvent",
    "ReturneeRegistration",
    "RuleResult",
    "ServiceTerm",
    "ServiceType",
    "Sex",
    "age_on",
    "anniversary",
    "call_up_age",
    "call_up_year_on",
    "deferral_or_exemption",
    "education",
    "first_registration",
    "health",
    "is_exempt_disease",
    "legal_point",
    "recruitment_timeline",
    "residence_change",
    "returnee_registration",
    "service_term",
]
