"""Health and education standards of the call-up.

Health: Circular 105/2023/TT-BQP scores each indicator 1 (very good) to 6 (very
poor); the health class is the worst score. Selection takes classes 1–3
(Circular 148/2018/TT-BQP Điều 4 as amended by Circular 68/2025/TT-BQP); classes
4–6 are "not yet fit", the deferral ground of Điều 41 khoản 1 điểm a. From
2025-07-01 nobody is called up, whatever the class, with myopia over 1.5 D, any
hyperopia, or a BMI below 18.0 or above 29.9; before, myopia of 1.5 D or more
and hyperopia excluded class 3 only. Drug addicts are not called up.

Education: Circular 148/2018/TT-BQP Điều 4: grade 8 or above; grade 7 only where
the locality is approved to take it.
"""

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from django.utils.translation import gettext as _

from qsdp.military_service.rules.common import RuleResult, in_force, law, legal_point

CIRCULAR_105 = "Thông tư 105/2023/TT-BQP"
CIRCULAR_148 = "Thông tư 148/2018/TT-BQP"
CIRCULAR_148_AMENDED = "Thông tư 148/2018/TT-BQP sửa đổi bởi Thông tư 68/2025/TT-BQP"

LOWEST_SCORE = 1
WORST_SCORE = 6
MYOPIA_LIMIT_DIOPTERS = 1.5

HEALTH_CLASS_NOT_MET = "health_class_not_met"
DRUG_ADDICTION = "drug_addiction"
MYOPIA_OVER_1_5_DIOPTERS = "myopia_over_1_5_diopters"
HYPEROPIA_ANY_DEGREE = "hyperopia_any_degree"
BMI_BELOW_18_0 = "bmi_below_18_0"
BMI_ABOVE_29_9 = "bmi_above_29_9"


@dataclass(frozen=True)
class HealthStandard:
    max_class: int
    # The classes the eye exclusions apply to (None: every class).
    eye_exclusion_classes: frozenset[int] | None
    # Myopia of exactly 1.5 D excludes (None: the setting decides).
    myopia_boundary_inclusive: bool | None
    bmi_min: float | None
    bmi_max: float | None
    basis: str


HEALTH_STANDARDS: tuple[tuple[date, HealthStandard], ...] = (
    (date(2018, 11, 20), HealthStandard(3, frozenset({3}), True, None, None, CIRCULAR_148)),
    (date(2025, 7, 1), HealthStandard(3, None, None, 18.0, 29.9, CIRCULAR_148_AMENDED)),
)


@dataclass(frozen=True, kw_only=True)
class Health(RuleResult):
    health_class: int
    meets_health_class_standard: bool
    deferral_ground: str | None
    may_be_called_up: bool
    reason: str | None = None

    _omit_when_none: ClassVar[tuple[str, ...]] = ("reason",)


def health_class_of(indicator_scores: list[int]) -> int:
    """The worst indicator score (Circular 105/2023)."""
    if not indicator_scores:
        raise ValueError("no indicator scores")
    if any(not LOWEST_SCORE <= s <= WORST_SCORE for s in indicator_scores):
        raise ValueError("indicator scores run from 1 to 6")
    return max(indicator_scores)


def health(
    *,
    indicator_scores: list[int] | None = None,
    health_class: int | None = None,
    myopia_diopters: float | None = None,
    hyperopia_diopters: float | None = None,
    bmi: float | None = None,
    drug_addicted: bool = False,
    myopia_boundary_inclusive: bool = False,
    on: date | None = None,
) -> Health:
    """Whether the health examination allows the call-up.

    Dioptres may be given signed (−2.0) or as a magnitude (2.0). ``on`` is the
    examination date (today when not given): the standard in force then applies.
    """
    if indicator_scores:
        klass = health_class_of(indicator_scores)
    elif health_class is not None:
        klass = health_class
    else:
        raise ValueError("give indicator_scores or health_class")
    if not LOWEST_SCORE <= klass <= WORST_SCORE:
        raise ValueError("the health class runs from 1 to 6")
    standard = in_force(HEALTH_STANDARDS, on or date.today())
    inclusive = (
        myopia_boundary_inclusive
        if standard.myopia_boundary_inclusive is None
        else standard.myopia_boundary_inclusive
    )
    eyes_apply = standard.eye_exclusion_classes is None or klass in standard.eye_exclusion_classes
    myopia = abs(myopia_diopters) if myopia_diopters is not None else 0.0
    hyperopia = abs(hyperopia_diopters) if hyperopia_diopters is not None else 0.0
    meets = klass <= standard.max_class
    values = {"class": klass, "myopia": f"{myopia:g}", "hyperopia": f"{hyperopia:g}"}
    values["bmi"] = f"{bmi:g}" if bmi is not None else ""

    reason: str | None = None
    if not meets:
        reason = HEALTH_CLASS_NOT_MET
        why = _("health class %(class)s is below the standard (classes 1 to 3)")
    elif drug_addicted:
        reason = DRUG_ADDICTION
        why = _("drug addicts are not called up")
    elif eyes_apply and (
        myopia > MYOPIA_LIMIT_DIOPTERS or (inclusive and myopia == MYOPIA_LIMIT_DIOPTERS)
    ):
        reason = MYOPIA_OVER_1_5_DIOPTERS
        why = _("myopia of %(myopia)s dioptres is over the 1.5 dioptre limit")
    elif eyes_apply and hyperopia > 0:
        reason = HYPEROPIA_ANY_DEGREE
        why = _("hyperopia of any degree (here %(hyperopia)s dioptres) excludes the call-up")
    elif bmi is not None and standard.bmi_min is not None and bmi < standard.bmi_min:
        reason = BMI_BELOW_18_0
        why = _("a BMI of %(bmi)s is below 18.0")
    elif bmi is not None and standard.bmi_max is not None and bmi > standard.bmi_max:
        reason = BMI_ABOVE_29_9
        why = _("a BMI of %(bmi)s is above 29.9")
    if reason is None:
        explanation = _("Health class %(class)s: fit to be called up.") % values
    else:
        explanation = _("Health class %(class)s, not called up: %(why)s.") % {
            **values,
            "why": why % values,
        }
    ground = legal_point(41, 1, "a") if not meets else None
    basis = f"{CIRCULAR_105}; {standard.basis}"
    if ground:
        basis = f"{basis}; {law(ground)}"
    return Health(
        health_class=klass,
        meets_health_class_standard=meets,
        deferral_ground=ground,
        may_be_called_up=reason is None,
        reason=reason,
        legal_basis=basis,
        explanation=explanation,
    )


MIN_GRADE = 8
GRADE_WITH_LOCALITY_EXCEPTION = 7


@dataclass(frozen=True, kw_only=True)
class Education(RuleResult):
    meets_general_education_standard: bool
    eligible_only_with_locality_exception: bool
    eligible: bool


def education(*, completed_grade: int, locality_exception_approved: bool = False) -> Education:
    """Whether the general education a citizen completed allows the call-up."""
    meets = completed_grade >= MIN_GRADE
    only_with_exception = completed_grade == GRADE_WITH_LOCALITY_EXCEPTION
    eligible = meets or (only_with_exception and locality_exception_approved)
    values = {"grade": completed_grade}
    if meets:
        explanation = _("Completed grade %(grade)s: meets the standard of grade 8 or above.")
    elif only_with_exception and locality_exception_approved:
        explanation = _(
            "Completed grade %(grade)s: eligible because the locality is approved to take grade 7."
        )
    elif only_with_exception:
        explanation = _(
            "Completed grade %(grade)s: eligible only if the locality is approved to take grade 7."
        )
    else:
        explanation = _("Completed grade %(grade)s: below the standard of grade 8 or above.")
    return Education(
        meets_general_education_standard=meets,
        eligible_only_with_locality_exception=only_with_exception,
        eligible=eligible,
        legal_basis=f"{CIRCULAR_148} Điều 4",
        explanation=explanation % values,
    )
