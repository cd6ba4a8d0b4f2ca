"""The class of a reserve NCO or soldier: Luật NVQS 2015 Điều 24.

Khoản 2 lists who is class 1 (hạng một), khoản 3 who is class 2 (hạng hai). A
source whose class-1 condition is counted in months (điểm a, c, e, g, h) is
class 1 when the months are reached. When they are not:

- a discharged soldier under 6 months and a man who left the police under 12
  months are class 2 by khoản 3 điểm a and c;
- a core militia member under both thresholds of điểm e, a class-2 reservist
  under 6 months of concentrated training (điểm g) and a commune policeman under
  36 continuous months (điểm h) are not listed in khoản 3. The rule answers
  class 2 for them: class 1 is only for those khoản 2 names, and the reserve has
  two classes. The explanation names the condition that was not met.

The police threshold is 12 months in the current consolidated text; a 2018
explainer gives 20 months (DOMAIN.md §1.8). 12 is used; it is [U].
"""

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from qsdp.core.rule_inputs import RuleInputError, RuleInputErrorCode, missing_field
from qsdp.military_service.rules.common import RuleResult, legal_point
from qsdp.reserves.rules.common import NVQS, cite

ARTICLE = 24
CLASS_1_CLAUSE = 2
CLASS_2_CLAUSE = 3

ACTIVE_SERVICE_MONTHS = 6  # khoản 2 điểm a / khoản 3 điểm a
POLICE_SERVICE_MONTHS = 12  # khoản 2 điểm c / khoản 3 điểm c ([U]: 20 in a 2018 explainer)
STANDING_MILITIA_MONTHS = 12  # khoản 2 điểm e
MILITIA_CONCENTRATED_TRAINING_MONTHS = 3  # khoản 2 điểm e
CLASS_2_CONCENTRATED_TRAINING_MONTHS = 6  # khoản 2 điểm g
COMMUNE_POLICE_MONTHS = 36  # khoản 2 điểm h


class ReserveSource(StrEnum):
    DISCHARGED_NCO_SOLDIER = "discharged_nco_soldier"
    LEFT_PEOPLE_POLICE = "left_people_police"
    FORMER_PROFESSIONAL_SOLDIER = "former_professional_soldier"
    DEFENCE_WORKER_CONVERTED_FROM_NCO_SOLDIER = "defence_worker_converted_from_nco_soldier"
    CORE_MILITIA_COMPLETED_TERM = "core_militia_completed_term"
    CLASS_2_RESERVIST_UPGRADED = "class_2_reservist_upgraded"
    COMMUNE_POLICE_36_MONTHS = "commune_police_36_months"
    MALE_OVER_CALL_UP_AGE_NEVER_SERVED = "male_over_call_up_age_never_served"
    FEMALE_REGISTERED_FOR_MILITARY_SERVICE = "female_registered_for_military_service"
    DEFENCE_WORKER_OR_EMPLOYEE_LEFT = "defence_worker_or_employee_left"


S = ReserveSource


@dataclass(frozen=True, kw_only=True)
class ReserveClass(RuleResult):
    reserve_class: int


@dataclass(frozen=True)
class _Decision:
    reserve_class: int
    clause: int
    point: str
    explanation: str


def _months(value: float) -> str:
    return f"{value:g}"


def _need(facts: dict[str, float | bool | None], name: str) -> float:
    value = facts.get(name)
    if value is None:
        raise missing_field(name)
    return float(value)


def _class_1(point: str, explanation: str) -> _Decision:
    return _Decision(1, CLASS_1_CLAUSE, point, explanation)


def _class_2(point: str, explanation: str, clause: int = CLASS_2_CLAUSE) -> _Decision:
    return _Decision(2, clause, point, explanation)


def _discharged(facts: dict[str, float | bool | None]) -> _Decision:
    months = facts.get("active_service_months")
    if months is not None and months >= ACTIVE_SERVICE_MONTHS:
        return _class_1(
            "a",
            _(
                "A discharged NCO or soldier with %(months)s months of active service "
                "(6 months or more) is a class-1 reservist."
            )
            % {"months": _months(months)},
        )
    if facts.get("combat_experience"):
        return _class_1(
            "b", _("A discharged NCO or soldier who has been in combat is a class-1 reservist.")
        )
    months = _need(facts, "active_service_months")
    return _class_2(
        "a",
        _(
            "A discharged soldier with %(months)s months of active service (under 6 months) "
            "and no combat is a class-2 reservist."
        )
        % {"months": _months(months)},
    )


def _left_police(facts: dict[str, float | bool | None]) -> _Decision:
    months = _need(facts, "police_service_months")
    values = {"months": _months(months)}
    if months >= POLICE_SERVICE_MONTHS:
        return _class_1(
            "c",
            _(
                "A man who left the People's Police after %(months)s months of service "
                "(12 months or more) is a class-1 reservist."
            )
            % values,
        )
    return _class_2(
        "c",
        _(
            "A man who left the People's Police after %(months)s months of service "
            "(under 12 months) is a class-2 reservist."
        )
        % values,
    )


def _core_militia(facts: dict[str, float | bool | None]) -> _Decision:
    standing = facts.get("standing_militia_months")
    training = facts.get("concentrated_training_months")
    if standing is None and training is None:
        raise RuleInputError(
            RuleInputErrorCode.MISSING_FIELD,
            _(
                "Give the field “standing_militia_months” or the field "
                "“concentrated_training_months”."
            ),
            field="standing_militia_months",
        )
    standing = float(standing or 0)
    training = float(training or 0)
    values = {"standing": _months(standing), "training": _months(training)}
    if standing >= STANDING_MILITIA_MONTHS or training >= MILITIA_CONCENTRATED_TRAINING_MONTHS:
        return _class_1(
            "e",
            _(
                "A core militia member who completed the term with %(standing)s months of "
                "standing militia duty and %(training)s months of concentrated training (at "
                "least 12 months standing or 3 months of training) is a class-1 reservist."
            )
            % values,
        )
    return _class_2(
        "e",
        _(
            "A core militia member who completed the term with %(standing)s months of standing "
            "militia duty (under 12) and %(training)s months of concentrated training (under 3) "
            "does not meet the class-1 condition, so is a class-2 reservist."
        )
        % values,
        clause=CLASS_1_CLAUSE,
    )


def _class_2_upgraded(facts: dict[str, float | bool | None]) -> _Decision:
    months = _need(facts, "concentrated_training_months")
    values = {"months": _months(months)}
    if months >= CLASS_2_CONCENTRATED_TRAINING_MONTHS:
        return _class_1(
            "g",
            _(
                "A class-2 reservist with %(months)s months of concentrated training "
                "(6 months or more) becomes a class-1 reservist."
            )
            % values,
        )
    return _class_2(
        "g",
        _(
            "A class-2 reservist with %(months)s months of concentrated training (under 6 "
            "months) remains a class-2 reservist."
        )
        % values,
        clause=CLASS_1_CLAUSE,
    )


def _commune_police(facts: dict[str, float | bool | None]) -> _Decision:
    months = facts.get("police_service_months")
    if months is not None and months < COMMUNE_POLICE_MONTHS:
        return _class_2(
            "h",
            _(
                "%(months)s continuous months in the commune police is under the 36 months "
                "class 1 needs, so the citizen is a class-2 reservist."
            )
            % {"months": _months(months)},
            clause=CLASS_1_CLAUSE,
        )
    return _class_1(
        "h",
        _(
            "A citizen who served 36 continuous months or more in the commune police is a "
            "class-1 reservist."
        ),
    )


# The sources that need no months: (class, point, explanation).
_FIXED: dict[ReserveSource, tuple[int, str, Promise]] = {
    S.FORMER_PROFESSIONAL_SOLDIER: (
        1,
        "d",
        gettext_lazy("A former professional soldier is a class-1 reservist."),
    ),
    S.DEFENCE_WORKER_CONVERTED_FROM_NCO_SOLDIER: (
        1,
        "đ",
        gettext_lazy(
            "A defence worker or employee converted from an NCO or soldier who has left is a "
            "class-1 reservist."
        ),
    ),
    S.DEFENCE_WORKER_OR_EMPLOYEE_LEFT: (
        2,
        "b",
        gettext_lazy(
            "A defence worker or employee not converted from an NCO or soldier who has left "
            "is a class-2 reservist."
        ),
    ),
    S.MALE_OVER_CALL_UP_AGE_NEVER_SERVED: (
        2,
        "d",
        gettext_lazy(
            "A man past the call-up age who never served in the army or the police is a "
            "class-2 reservist."
        ),
    ),
    S.FEMALE_REGISTERED_FOR_MILITARY_SERVICE: (
        2,
        "đ",
        gettext_lazy("A woman registered for military service is a class-2 reservist."),
    ),
}

_DECIDE: dict[ReserveSource, Callable[[dict[str, float | bool | None]], _Decision]] = {
    S.DISCHARGED_NCO_SOLDIER: _discharged,
    S.LEFT_PEOPLE_POLICE: _left_police,
    S.CORE_MILITIA_COMPLETED_TERM: _core_militia,
    S.CLASS_2_RESERVIST_UPGRADED: _class_2_upgraded,
    S.COMMUNE_POLICE_36_MONTHS: _commune_police,
}


def reserve_class(
    *,
    source: ReserveSource | str,
    active_service_months: float | None = None,
    combat_experience: bool = False,
    police_service_months: float | None = None,
    standing_militia_months: float | None = None,
    concentrated_training_months: float | None = None,
) -> ReserveClass:
    """The class (1 or 2) of a reserve NCO or soldier coming from ``source``.

    A source that needs months raises ``RuleInputError`` when they are missing.
    """
    facts: dict[str, float | bool | None] = {
        "active_service_months": active_service_months,
        "combat_experience": combat_experience,
        "police_service_months": police_service_months,
        "standing_militia_months": standing_militia_months,
        "concentrated_training_months": concentrated_training_months,
    }
    kind = ReserveSource(source)
    if kind in _FIXED:
        klass, point, message = _FIXED[kind]
        clause = CLASS_1_CLAUSE if klass == 1 else CLASS_2_CLAUSE
        decision = _Decision(klass, clause, point, str(message))
    else:
        decision = _DECIDE[kind](facts)
    return ReserveClass(
        reserve_class=decision.reserve_class,
        legal_basis=cite(NVQS, legal_point(ARTICLE, decision.clause, decision.point)),
        explanation=decision.explanation,
    )
