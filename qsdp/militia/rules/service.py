"""Militia terms, training days, and standing militia as military service.

- Luật DQTV 2019 Điều 8 khoản 2: the term is 4 years for local, mobile, maritime
  and the specialised militia, 2 years for standing militia; it may be extended
  by at most 2 years, and for maritime militia, self-defence forces (tự vệ) and
  militia unit commanders further, but not past the militia age.
- Điều 28 khoản 1: yearly training is 15 days in the first year for all but the
  standing militia (điểm a); from the second year 12 days for mobile, maritime
  and specialised militia and 7 days for local militia (điểm b); 60 days a year
  for standing militia (điểm c).
- Luật NVQS 2015 Điều 4 khoản 4 điểm a (as amended by Luật DQTV 2019 and Law
  98/2025): standing militia with at least 24 months of service are recognised
  as having completed active military service in peacetime; the district
  military commander decided it, and the provincial commander from 2025-07-01.
  The 2015 wording before 2020-07-01 (12 months of standing duty within a
  completed core-militia term) is not modelled.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from qsdp.military_service.rules.common import RuleResult, in_force, legal_point
from qsdp.militia.rules.common import (
    DQTV,
    NVQS,
    SPECIALISED_TYPES,
    TYPE_LABELS,
    MilitiaType,
    cite,
)

T = MilitiaType


@dataclass(frozen=True)
class TermRules:
    term_years: dict[MilitiaType, int]
    max_extension_years: int
    extendable_to_age_limit: frozenset[MilitiaType]


# Luật DQTV 2019 Điều 8 khoản 2, from 2020-07-01.
MILITIA_TERMS: tuple[tuple[date, TermRules], ...] = (
    (
        date(2020, 7, 1),
        TermRules(
            {
                T.STANDING: 2,
                T.LOCAL: 4,
                T.MOBILE: 4,
                T.MARITIME: 4,
                **dict.fromkeys(SPECIALISED_TYPES, 4),
            },
            2,
            frozenset({T.MARITIME}),
        ),
    ),
)


@dataclass(frozen=True, kw_only=True)
class MilitiaTerm(RuleResult):
    term_years: int
    max_extension_years: int
    may_extend_beyond_max_up_to_age_limit: bool


def militia_term(
    *,
    militia_type: MilitiaType | str,
    unit_commander: bool = False,
    self_defence: bool = False,
    on: date | None = None,
) -> MilitiaTerm:
    """The term of a militia member and how far it may be extended.

    ``max_extension_years`` is the general cap; maritime militia, self-defence
    forces (``self_defence``) and unit commanders (``unit_commander``) may be
    extended beyond it up to the militia age.
    """
    kind = MilitiaType(militia_type)
    rules = in_force(MILITIA_TERMS, on or date.today())
    years = rules.term_years[kind]
    values = {"type": TYPE_LABELS[kind], "years": years, "ext": rules.max_extension_years}
    beyond = kind in rules.extendable_to_age_limit or unit_commander or self_defence
    if unit_commander or self_defence:
        values["who"] = (
            _("a militia unit commander") if unit_commander else _("a self-defence member")
        )
        explanation = _(
            "The term of %(type)s is %(years)s years; for %(who)s it may be extended beyond "
            "%(ext)s years, but not past the militia age."
        )
    elif beyond:
        explanation = _(
            "The term of %(type)s is %(years)s years; it may be extended beyond %(ext)s years, "
            "but not past the militia age."
        )
    else:
        explanation = _(
            "The term of %(type)s is %(years)s years; it may be extended by at most %(ext)s years."
        )
    return MilitiaTerm(
        term_years=years,
        max_extension_years=rules.max_extension_years,
        may_extend_beyond_max_up_to_age_limit=beyond,
        legal_basis=cite(DQTV, legal_point(8, 2)),
        explanation=explanation % values,
    )


@dataclass(frozen=True)
class TrainingDays:
    first_year: int  # all but standing militia (điểm a)
    later_years: dict[MilitiaType, int]  # from the second year (điểm b)
    standing: int  # standing militia, every year (điểm c)


# Luật DQTV 2019 Điều 28 khoản 1, from 2020-07-01.
MILITIA_TRAINING_DAYS: tuple[tuple[date, TrainingDays], ...] = (
    (
        date(2020, 7, 1),
        TrainingDays(
            15,
            {T.LOCAL: 7, T.MOBILE: 12, T.MARITIME: 12, **dict.fromkeys(SPECIALISED_TYPES, 12)},
            60,
        ),
    ),
)


@dataclass(frozen=True, kw_only=True)
class MilitiaTraining(RuleResult):
    training_days_per_year: int


def militia_training(
    *, militia_type: MilitiaType | str, service_year: int, on: date | None = None
) -> MilitiaTraining:
    """The days of military training, political and legal education a year requires."""
    kind = MilitiaType(militia_type)
    if service_year < 1:
        raise ValueError("the first service year is 1")
    days_table = in_force(MILITIA_TRAINING_DAYS, on or date.today())
    values = {"type": TYPE_LABELS[kind], "year": service_year}
    if kind == T.STANDING:
        days, point = days_table.standing, "c"
        explanation = _("Standing militia train %(days)s days a year, in every year of service.")
    elif service_year == 1:
        days, point = days_table.first_year, "a"
        explanation = _("In the first year of service %(type)s train %(days)s days.")
    else:
        days, point = days_table.later_years[kind], "b"
        explanation = _("In year %(year)s of service %(type)s train %(days)s days.")
    return MilitiaTraining(
        training_days_per_year=days,
        legal_basis=cite(DQTV, legal_point(28, 1, point)),
        explanation=explanation % {**values, "days": days},
    )


@dataclass(frozen=True)
class CompletionRule:
    standing_militia_months: int
    decided_by: Promise


# Luật NVQS 2015 Điều 4 khoản 4 điểm a as amended by Luật DQTV 2019 (from
# 2020-07-01) and by Law 98/2025/QH15 (from 2025-07-01: the deciding authority).
COMPLETION_RULES: tuple[tuple[date, CompletionRule], ...] = (
    (date(2020, 7, 1), CompletionRule(24, gettext_lazy("the district military commander"))),
    (date(2025, 7, 1), CompletionRule(24, gettext_lazy("the provincial military commander"))),
)


@dataclass(frozen=True, kw_only=True)
class MilitaryServiceCompletion(RuleResult):
    recognised_as_completed_active_service: bool


def military_service_completion(
    *, standing_militia_months: float, on: date | None = None
) -> MilitaryServiceCompletion:
    """Whether standing militia service counts as completed active military service."""
    rule = in_force(COMPLETION_RULES, on or date.today())
    recognised = standing_militia_months >= rule.standing_militia_months
    values = {
        "months": f"{standing_militia_months:g}",
        "needed": rule.standing_militia_months,
        "who": rule.decided_by,
    }
    if recognised:
        explanation = _(
            "%(months)s months of standing militia service (%(needed)s months or more) count as "
            "completed active military service in peacetime, recognised by %(who)s on the "
            "proposal of the commune chairman or the head of the agency."
        )
    else:
        explanation = _(
            "%(months)s months of standing militia service are under the %(needed)s months "
            "needed to count as completed active military service in peacetime."
        )
    return MilitaryServiceCompletion(
        recognised_as_completed_active_service=recognised,
        legal_basis=cite(NVQS, legal_point(4, 4, "a")),
        explanation=explanation % values,
    )
