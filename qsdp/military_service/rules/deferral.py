"""Deferral and exemption from the call-up: Luật NVQS 2015 Điều 41.

Khoản 1 (deferral, tạm hoãn) points a–h and khoản 2 (exemption, miễn) points a–đ.
A claimed ground the law does not list, or whose thresholds are not met, is
answered ``none``: people claim such grounds every year, and the answer must say
plainly that they are not grounds.
"""

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from qsdp.core.rule_inputs import missing_field
from qsdp.military_service.rules.common import RuleResult, law, legal_point

ARTICLE = 41
DEFERRAL_CLAUSE = 1
EXEMPTION_CLAUSE = 2

# Thresholds of Điều 41 khoản 1 điểm c / khoản 2 điểm c, and of điểm đ / điểm e.
DEFERRAL_LOSS_PERCENT = (61, 80)
EXEMPTION_LOSS_PERCENT = 81
POSTING_MONTHS_FOR_EXEMPTION = 24
RELOCATION_DEFERRAL_YEARS = 3


class Outcome(StrEnum):
    DEFERRAL = "deferral"
    EXEMPTION = "exemption"
    NONE = "none"


class ReasonCode(StrEnum):
    HEALTH_NOT_YET_FIT = "health_not_yet_fit"
    SOLE_LABORER_SUPPORTING_DEPENDENTS = "sole_laborer_supporting_dependents"
    FAMILY_SEVERE_LOSS_FROM_DISASTER_OR_EPIDEMIC = "family_severe_loss_from_disaster_or_epidemic"
    CHILD_OF_SICK_SOLDIER = "child_of_sick_soldier"
    CHILD_OF_AGENT_ORANGE_VICTIM = "child_of_agent_orange_victim"
    SIBLING_ON_ACTIVE_DUTY = "sibling_on_active_duty"
    SIBLING_IN_POLICE_CONSCRIPTION = "sibling_in_police_conscription"
    RELOCATED_TO_EXTREMELY_DISADVANTAGED_COMMUNE = "relocated_to_extremely_disadvantaged_commune"
    POSTED_OFFICIAL_IN_EXTREMELY_DISADVANTAGED_AREA = (
        "posted_official_in_extremely_disadvantaged_area"
    )
    GENERAL_SCHOOL_STUDENT = "general_school_student"
    FULL_TIME_UNIVERSITY_STUDENT = "full_time_university_student"
    FULL_TIME_COLLEGE_STUDENT = "full_time_college_student"
    STANDING_MILITIA_MEMBER = "standing_militia_member"
    CHILD_OF_FALLEN_SOLDIER = "child_of_fallen_soldier"
    CHILD_OF_WAR_INVALID = "child_of_war_invalid"
    BROTHER_OF_FALLEN_SOLDIER = "brother_of_fallen_soldier"
    CIPHER_WORKER_NON_MILITARY = "cipher_worker_non_military"


R = ReasonCode

GROUND_LABELS: dict[ReasonCode, Promise] = {
    R.HEALTH_NOT_YET_FIT: gettext_lazy("Not yet fit to serve"),
    R.SOLE_LABORER_SUPPORTING_DEPENDENTS: gettext_lazy(
        "The sole laborer supporting relatives unable to work"
    ),
    R.FAMILY_SEVERE_LOSS_FROM_DISASTER_OR_EPIDEMIC: gettext_lazy(
        "A family with severe losses from an accident, disaster or epidemic"
    ),
    R.CHILD_OF_SICK_SOLDIER: gettext_lazy("A child of a sick soldier"),
    R.CHILD_OF_AGENT_ORANGE_VICTIM: gettext_lazy("A child of an Agent Orange victim"),
    R.SIBLING_ON_ACTIVE_DUTY: gettext_lazy("A sibling serving on active duty"),
    R.SIBLING_IN_POLICE_CONSCRIPTION: gettext_lazy(
        "A sibling doing service in the People's Police"
    ),
    R.RELOCATED_TO_EXTREMELY_DISADVANTAGED_COMMUNE: gettext_lazy(
        "Moved to an extremely disadvantaged commune under a state project"
    ),
    R.POSTED_OFFICIAL_IN_EXTREMELY_DISADVANTAGED_AREA: gettext_lazy(
        "An official posted to an extremely disadvantaged area"
    ),
    R.GENERAL_SCHOOL_STUDENT: gettext_lazy("A general school student"),
    R.FULL_TIME_UNIVERSITY_STUDENT: gettext_lazy("A full-time university student"),
    R.FULL_TIME_COLLEGE_STUDENT: gettext_lazy("A full-time college student"),
    R.STANDING_MILITIA_MEMBER: gettext_lazy("A standing militia member"),
    R.CHILD_OF_FALLEN_SOLDIER: gettext_lazy("A child of a fallen soldier"),
    R.CHILD_OF_WAR_INVALID: gettext_lazy("A child of a war invalid"),
    R.BROTHER_OF_FALLEN_SOLDIER: gettext_lazy("A brother of a fallen soldier"),
    R.CIPHER_WORKER_NON_MILITARY: gettext_lazy("A cipher worker who is not a soldier or police"),
}

# Grounds that need no fact besides the reason code: (outcome, point).
_PLAIN_GROUNDS: dict[ReasonCode, tuple[Outcome, str]] = {
    R.HEALTH_NOT_YET_FIT: (Outcome.DEFERRAL, "a"),
    R.SOLE_LABORER_SUPPORTING_DEPENDENTS: (Outcome.DEFERRAL, "b"),
    R.FAMILY_SEVERE_LOSS_FROM_DISASTER_OR_EPIDEMIC: (Outcome.DEFERRAL, "b"),
    R.SIBLING_ON_ACTIVE_DUTY: (Outcome.DEFERRAL, "d"),
    R.SIBLING_IN_POLICE_CONSCRIPTION: (Outcome.DEFERRAL, "d"),
    R.GENERAL_SCHOOL_STUDENT: (Outcome.DEFERRAL, "g"),
    R.FULL_TIME_UNIVERSITY_STUDENT: (Outcome.DEFERRAL, "g"),
    R.FULL_TIME_COLLEGE_STUDENT: (Outcome.DEFERRAL, "g"),
    R.STANDING_MILITIA_MEMBER: (Outcome.DEFERRAL, "h"),
    R.CHILD_OF_FALLEN_SOLDIER: (Outcome.EXEMPTION, "a"),
    R.CIPHER_WORKER_NON_MILITARY: (Outcome.EXEMPTION, "d"),
}

# The facts each ground needs (the field names of RULES.md).
NEEDED_FACTS: dict[ReasonCode, tuple[str, ...]] = {
    R.CHILD_OF_SICK_SOLDIER: ("parent_work_capacity_loss_percent",),
    R.CHILD_OF_AGENT_ORANGE_VICTIM: ("parent_work_capacity_loss_percent",),
    R.CHILD_OF_WAR_INVALID: ("invalid_grade",),
    R.BROTHER_OF_FALLEN_SOLDIER: ("is_the_one_designated_brother",),
    R.RELOCATED_TO_EXTREMELY_DISADVANTAGED_COMMUNE: ("years_since_relocation",),
    R.POSTED_OFFICIAL_IN_EXTREMELY_DISADVANTAGED_AREA: ("months_posted",),
}

FACT_NAMES = (
    "parent_work_capacity_loss_percent",
    "invalid_grade",
    "is_the_one_designated_child",
    "is_the_one_designated_brother",
    "years_since_relocation",
    "months_posted",
)


@dataclass(frozen=True, kw_only=True)
class DeferralOrExemption(RuleResult):
    outcome: Outcome
    legal_point: str | None
    valid_deferral_ground: bool
    valid_exemption_ground: bool


def _need(facts: dict[str, Any], name: str) -> Any:
    value = facts.get(name)
    if value is None:
        raise missing_field(name)
    return value


def _decide(code: ReasonCode, facts: dict[str, Any]) -> tuple[Outcome, str | None, str | None]:
    """(outcome, point, why not) for a listed reason code."""
    if code in _PLAIN_GROUNDS:
        outcome, point = _PLAIN_GROUNDS[code]
        return outcome, point, None
    if code in (R.CHILD_OF_SICK_SOLDIER, R.CHILD_OF_AGENT_ORANGE_VICTIM):
        loss = _need(facts, "parent_work_capacity_loss_percent")
        designated = facts.get("is_the_one_designated_child")
        if loss >= EXEMPTION_LOSS_PERCENT:
            if _need(facts, "is_the_one_designated_child"):
                return Outcome.EXEMPTION, "c", None
            return Outcome.NONE, None, _("he is not the one child designated by the family")
        low, high = DEFERRAL_LOSS_PERCENT
        if not low <= loss <= high:
            return (
                Outcome.NONE,
                None,
                _("the parent's loss of working capacity (%(loss)s%%) is below 61%%")
                % {"loss": loss},
            )
        if designated is False:
            return Outcome.NONE, None, _("he is not the one child designated by the family")
        return Outcome.DEFERRAL, "c", None
    if code == R.CHILD_OF_WAR_INVALID:
        grade = _need(facts, "invalid_grade")
        if grade == 1:
            return Outcome.EXEMPTION, "a", None
        if grade == 2:
            if _need(facts, "is_the_one_designated_child"):
                return Outcome.EXEMPTION, "c", None
            return Outcome.NONE, None, _("he is not the one child designated by the family")
        return (
            Outcome.NONE,
            None,
            _("only children of war invalids of grade 1 or 2 are exempt, not grade %(grade)s")
            % {"grade": grade},
        )
    if code == R.BROTHER_OF_FALLEN_SOLDIER:
        if _need(facts, "is_the_one_designated_brother"):
            return Outcome.EXEMPTION, "b", None
        return Outcome.NONE, None, _("he is not the one brother designated by the family")
    if code == R.RELOCATED_TO_EXTREMELY_DISADVANTAGED_COMMUNE:
        years = _need(facts, "years_since_relocation")
        if years < RELOCATION_DEFERRAL_YEARS:
            return Outcome.DEFERRAL, "đ", None
        return (
            Outcome.NONE,
            None,
            _("the first 3 years after the move are over (%(years)s years)") % {"years": years},
        )
    months = _need(facts, "months_posted")
    if months >= POSTING_MONTHS_FOR_EXEMPTION:
        return Outcome.EXEMPTION, "đ", None
    return Outcome.DEFERRAL, "e", None


def deferral_or_exemption(*, reason_code: ReasonCode | str, **facts: Any) -> DeferralOrExemption:
    """Whether a claimed reason defers or exempts the citizen from the call-up.

    ``facts``: ``parent_work_capacity_loss_percent``, ``invalid_grade``,
    ``is_the_one_designated_child``, ``is_the_one_designated_brother``,
    ``years_since_relocation``, ``months_posted``, as the ground needs them.
    """
    unknown = set(facts) - set(FACT_NAMES)
    if unknown:
        raise TypeError(f"unknown facts: {sorted(unknown)}")
    try:
        code: ReasonCode | None = ReasonCode(reason_code)
    except ValueError:
        code = None
    if code is None:
        return DeferralOrExemption(
            outcome=Outcome.NONE,
            legal_point=None,
            valid_deferral_ground=False,
            valid_exemption_ground=False,
            legal_basis=law(legal_point(ARTICLE)),
            explanation=_(
                "“%(code)s” is not a ground for deferral or exemption from the call-up listed "
                "in Article 41."
            )
            % {"code": reason_code},
        )
    outcome, point, why_not = _decide(code, facts)
    ground = GROUND_LABELS[code]
    if outcome == Outcome.NONE:
        return DeferralOrExemption(
            outcome=outcome,
            legal_point=None,
            valid_deferral_ground=False,
            valid_exemption_ground=False,
            legal_basis=law(legal_point(ARTICLE)),
            explanation=_(
                "%(ground)s: %(why)s, so it is not a ground for deferral or exemption from "
                "the call-up."
            )
            % {"ground": ground, "why": why_not},
        )
    clause = DEFERRAL_CLAUSE if outcome == Outcome.DEFERRAL else EXEMPTION_CLAUSE
    cited = legal_point(ARTICLE, clause, point)
    if outcome == Outcome.DEFERRAL:
        explanation = _("%(ground)s: the call-up is deferred under %(point)s.")
    else:
        explanation = _("%(ground)s: exempt from the call-up under %(point)s.")
    return DeferralOrExemption(
        outcome=outcome,
        legal_point=cited,
        valid_deferral_ground=outcome == Outcome.DEFERRAL,
        valid_exemption_ground=outcome == Outcome.EXEMPTION,
        legal_basis=law(cited),
        explanation=explanation % {"ground": ground, "point": cited},
    )
