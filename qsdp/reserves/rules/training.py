"""Reserve training and reserve-unit strength.

- Luật NVQS 2015 Điều 27 khoản 1: a class-1 reserve NCO or soldier trains, drills
  and is checked for readiness in a reserve unit for at most 12 months in total
  (điểm a); between trainings a readiness check lasts at most 7 days, and a unit
  may hold him over for at most 2 more months of training, within the 12 months
  (điểm c).
- Điều 27 khoản 2: the Government sets the training of class-2 reservists. Decree
  14/2016/NĐ-CP Điều 15 sets it at 6 months, after which the reservist may become
  class 1 (Điều 24 khoản 2 điểm g) [S: read in a newspaper's answer, not in the
  decree]. Neither text caps readiness checks or hold-overs for class 2: the
  class-1 caps of 7 days and 2 months are applied to them [U].
- Luật Lực lượng DBĐV 2019 Điều 15 khoản 2: a reserve unit keeps its full
  establishment strength plus a spare of 10 % to 15 %.

Readiness checks are counted in days and the totals in months: a month counts
as 30 days when the two meet (the law does not say).
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from fractions import Fraction
from typing import ClassVar

from django.utils.translation import gettext as _

from qsdp.core.rule_inputs import missing_field
from qsdp.military_service.rules.common import RuleResult, in_force, legal_point
from qsdp.reserves.rules.common import DBDV, DECREE_14_2016, NVQS, cite

DAYS_PER_MONTH = 30


class TrainingActivity(StrEnum):
    TRAINING = "training"
    READINESS_CHECK_BETWEEN_TRAININGS = "readiness_check_between_trainings"
    HOLD_OVER_TRAINING = "hold_over_training"


@dataclass(frozen=True)
class TrainingCaps:
    max_cumulative_months: int
    max_readiness_check_days: int
    max_hold_over_months: int
    legal_basis: str


# Class 1: Luật NVQS 2015 Điều 27 khoản 1, from 2016-01-01.
CLASS_1_TRAINING_CAPS: tuple[tuple[date, TrainingCaps], ...] = (
    (
        date(2016, 1, 1),
        TrainingCaps(12, 7, 2, cite(NVQS, legal_point(27, 1, "a"), legal_point(27, 1, "c"))),
    ),
)
# Class 2: Điều 27 khoản 2 and Decree 14/2016/NĐ-CP Điều 15, from 2016-05-01; the
# readiness-check and hold-over caps are those of class 1 [U].
CLASS_2_TRAINING_CAPS: tuple[tuple[date, TrainingCaps], ...] = (
    (
        date(2016, 5, 1),
        TrainingCaps(6, 7, 2, f"{cite(NVQS, legal_point(27, 2))}; {DECREE_14_2016} Điều 15"),
    ),
)
TRAINING_CAPS = {1: CLASS_1_TRAINING_CAPS, 2: CLASS_2_TRAINING_CAPS}


@dataclass(frozen=True, kw_only=True)
class ReserveTraining(RuleResult):
    allowed: bool
    max_cumulative_months: int
    max_readiness_check_days: int
    max_hold_over_months: int
    max_days: int | None = None

    _omit_when_none: ClassVar[tuple[str, ...]] = ("max_days",)


def _exact(value: float) -> Fraction:
    """A JSON number as an exact fraction (0.1 is one tenth, not its binary neighbour)."""
    return Fraction(str(value))


def _show(value: Fraction) -> str:
    """``11.5``, ``12``, ``12.23``: months for a sentence."""
    return f"{float(value):.2f}".rstrip("0").rstrip(".")


def _proposal(
    activity: TrainingActivity,
    proposed_additional_months: float | None,
    planned_days: float | None,
) -> tuple[Fraction, Fraction]:
    """The proposal as (months, days), from whichever of the two was given."""
    if activity == TrainingActivity.READINESS_CHECK_BETWEEN_TRAININGS:
        if planned_days is not None:
            days = _exact(planned_days)
            return days / DAYS_PER_MONTH, days
        if proposed_additional_months is None:
            raise missing_field("planned_days")
    elif proposed_additional_months is None:
        if planned_days is None:
            raise missing_field("proposed_additional_months")
        days = _exact(planned_days)
        return days / DAYS_PER_MONTH, days
    months = _exact(proposed_additional_months)
    return months, months * DAYS_PER_MONTH


def reserve_training(
    *,
    reserve_class: int,
    activity: TrainingActivity | str,
    cumulative_training_months_so_far: float = 0,
    proposed_additional_months: float | None = None,
    planned_days: float | None = None,
    on: date | None = None,
) -> ReserveTraining:
    """Whether a proposed training, readiness check or hold-over stays within the caps.

    The proposal is ``planned_days`` for a readiness check and
    ``proposed_additional_months`` otherwise; either is accepted for any activity
    (30 days a month). ``on`` is the date of the proposal (today when not given).
    """
    activity = TrainingActivity(activity)
    if reserve_class not in TRAINING_CAPS:
        raise ValueError(f"not a reserve class: {reserve_class}")
    caps = in_force(TRAINING_CAPS[reserve_class], on or date.today())
    so_far = _exact(cumulative_training_months_so_far)
    months, days = _proposal(activity, proposed_additional_months, planned_days)
    total = so_far + months
    values = {
        "klass": reserve_class,
        "so_far": _show(so_far),
        "total": _show(total),
        "cap": caps.max_cumulative_months,
        "days": _show(days),
        "max_days": caps.max_readiness_check_days,
        "months": _show(months),
        "max_months": caps.max_hold_over_months,
    }
    if (
        activity == TrainingActivity.READINESS_CHECK_BETWEEN_TRAININGS
        and days > caps.max_readiness_check_days
    ):
        allowed = False
        explanation = _(
            "A readiness check between trainings of %(days)s days for a class-%(klass)s "
            "reservist is not allowed: it lasts at most %(max_days)s days."
        )
    elif activity == TrainingActivity.HOLD_OVER_TRAINING and months > caps.max_hold_over_months:
        allowed = False
        explanation = _(
            "Holding a class-%(klass)s reservist over for %(months)s more months of training is "
            "not allowed: a hold-over lasts at most %(max_months)s months."
        )
    elif total > caps.max_cumulative_months:
        allowed = False
        explanation = _(
            "Not allowed: with %(so_far)s months already done, the class-%(klass)s reservist "
            "would reach %(total)s months of training in total, over the %(cap)s-month cap."
        )
    else:
        allowed = True
        explanation = _(
            "Allowed: with %(so_far)s months already done, the class-%(klass)s reservist "
            "reaches %(total)s months of training in total, within the %(cap)s-month cap."
        )
    return ReserveTraining(
        allowed=allowed,
        max_cumulative_months=caps.max_cumulative_months,
        max_readiness_check_days=caps.max_readiness_check_days,
        max_hold_over_months=caps.max_hold_over_months,
        max_days=(
            caps.max_readiness_check_days
            if activity == TrainingActivity.READINESS_CHECK_BETWEEN_TRAININGS
            else None
        ),
        legal_basis=caps.legal_basis,
        explanation=explanation % values,
    )


# Luật Lực lượng DBĐV 2019 Điều 15 khoản 2, from 2020-07-01: (lowest, highest) spare in %.
SPARE_PERCENT: tuple[tuple[date, tuple[int, int]], ...] = ((date(2020, 7, 1), (10, 15)),)


@dataclass(frozen=True, kw_only=True)
class ReserveUnitStrength(RuleResult):
    min_total_with_spare: int
    max_total_with_spare: int


def spare_range(establishment_strength: int, *, on: date | None = None) -> tuple[int, int]:
    """The fewest and the most spare people (or pieces of equipment) a unit keeps.

    People are whole: the fewest is the lowest percentage rounded up (never below
    10 %), the most is the highest percentage rounded down (never above 15 %).
    When no whole number lies between the two (a unit of 1–6 or 11–13), the
    duty to keep at least 10 % wins and the most equals the fewest.
    """
    low, high = in_force(SPARE_PERCENT, on or date.today())
    fewest = -(-establishment_strength * low // 100)
    most = max(fewest, establishment_strength * high // 100)
    return fewest, most


def reserve_unit_strength(
    *, establishment_strength: int, on: date | None = None
) -> ReserveUnitStrength:
    """The total a reserve unit keeps: its establishment strength plus the spare."""
    if establishment_strength < 1:
        raise ValueError("the establishment strength is at least 1")
    low, high = in_force(SPARE_PERCENT, on or date.today())
    fewest, most = spare_range(establishment_strength, on=on)
    values = {
        "n": establishment_strength,
        "min": establishment_strength + fewest,
        "max": establishment_strength + most,
        "fewest": fewest,
        "most": most,
        "low": low,
        "high": high,
    }
    if establishment_strength * high // 100 < fewest:
        explanation = _(
            "A unit with an establishment strength of %(n)s keeps %(min)s: no whole number lies "
            "between %(low)s%% and %(high)s%% of %(n)s, so the spare is %(low)s%% rounded up, "
            "%(fewest)s."
        )
    elif fewest == most:
        explanation = _(
            "A unit with an establishment strength of %(n)s keeps %(min)s: a spare of %(low)s%% "
            "rounded up and of %(high)s%% rounded down are both %(fewest)s."
        )
    else:
        explanation = _(
            "A unit with an establishment strength of %(n)s keeps from %(min)s to %(max)s: a "
            "spare of %(low)s%% rounded up (%(fewest)s) to %(high)s%% rounded down (%(most)s)."
        )
    return ReserveUnitStrength(
        min_total_with_spare=establishment_strength + fewest,
        max_total_with_spare=establishment_strength + most,
        legal_basis=cite(DBDV, legal_point(15, 2)),
        explanation=explanation % values,
    )
