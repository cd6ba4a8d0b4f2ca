"""Call-up age: Luật NVQS 2015 Điều 30 (18 to "hết 25 tuổi"; "hết 27 tuổi" for
those deferred for college or university training) and Điều 6 khoản 2 (women
serve in peacetime only when they volunteer and the army needs them)."""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import ClassVar

from django.utils.translation import gettext as _

from qsdp.military_service.rules.common import (
    RuleResult,
    Sex,
    anniversary,
    in_force,
    law,
    legal_point,
    vn_date,
)


@dataclass(frozen=True)
class CallUpAgeLimits:
    from_age: int  # "đủ 18 tuổi"
    to_age: int  # "hết 25 tuổi"
    to_age_if_deferred_for_training: int  # "hết 27 tuổi"


# Luật NVQS 2015 Điều 30, in force from 2016-01-01.
CALL_UP_AGE_LIMITS: tuple[tuple[date, CallUpAgeLimits], ...] = (
    (date(2016, 1, 1), CallUpAgeLimits(18, 25, 27)),
)

UNDER_18 = "under_18"
OVER_25 = "over_25"
OVER_27 = "over_27"


@dataclass(frozen=True, kw_only=True)
class CallUpAge(RuleResult):
    within_call_up_age: bool | None = None
    reason: str | None = None
    first_eligible_date: date
    last_eligible_date: date
    last_eligible_date_if_deferred_for_college_or_university: date
    compulsory_call_up: bool
    may_serve_if_volunteer_and_army_needs: bool | None = None

    _omit_when_none: ClassVar[tuple[str, ...]] = (
        "within_call_up_age",
        "reason",
        "may_serve_if_volunteer_and_army_needs",
    )


def _citizen(sex: Sex) -> str:
    return _("The female citizen") if sex == Sex.FEMALE else _("The male citizen")


def call_up_age(
    *,
    sex: Sex | str,
    birth_date: date,
    reference_date: date | None = None,
    deferred_for_college_or_university_training: bool = False,
) -> CallUpAge:
    """The call-up age window of a citizen and, on ``reference_date``, whether he is in it."""
    sex = Sex(sex)
    limits = in_force(CALL_UP_AGE_LIMITS, reference_date or date.today())
    first = anniversary(birth_date, limits.from_age)
    last = anniversary(birth_date, limits.to_age + 1) - timedelta(days=1)
    last_deferred = anniversary(birth_date, limits.to_age_if_deferred_for_training + 1) - timedelta(
        days=1
    )
    last_applicable = last_deferred if deferred_for_college_or_university_training else last
    facts = {
        "citizen": _citizen(sex),
        "birth": vn_date(birth_date),
        "first": vn_date(first),
        "last": vn_date(last_applicable),
    }
    within: bool | None = None
    reason: str | None = None
    if reference_date is None:
        fact = _("%(citizen)s born on %(birth)s has the call-up age from %(first)s to %(last)s")
    else:
        facts["on"] = vn_date(reference_date)
        within = first <= reference_date <= last_applicable
        if reference_date < first:
            reason = UNDER_18
            fact = _(
                "%(citizen)s born on %(birth)s is not yet 18 years old on %(on)s; "
                "the call-up age starts on %(first)s"
            )
        elif reference_date > last_applicable:
            reason = OVER_27 if deferred_for_college_or_university_training else OVER_25
            fact = _(
                "%(citizen)s born on %(birth)s is past the call-up age on %(on)s; "
                "it ended on %(last)s"
            )
        else:
            fact = _(
                "%(citizen)s born on %(birth)s is within the call-up age from %(first)s to %(last)s"
            )
    fact = fact % facts
    points = [legal_point(30)]
    if sex == Sex.FEMALE:
        points.append(legal_point(6, 2))
        explanation = _(
            "%(fact)s; in peacetime a female citizen serves only if she volunteers and the "
            "army needs her."
        ) % {"fact": fact}
    else:
        explanation = _("%(fact)s.") % {"fact": fact}
    return CallUpAge(
        within_call_up_age=within,
        reason=reason,
        first_eligible_date=first,
        last_eligible_date=last,
        last_eligible_date_if_deferred_for_college_or_university=last_deferred,
        compulsory_call_up=sex == Sex.MALE,
        may_serve_if_volunteer_and_army_needs=True if sex == Sex.FEMALE else None,
        legal_basis=law(*points),
        explanation=explanation,
    )
