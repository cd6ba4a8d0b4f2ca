"""The militia age: Luật DQTV 2019 Điều 8 khoản 1.

Men from "đủ 18 tuổi" to "hết 45 tuổi" and women from "đủ 18 tuổi" to "hết 40
tuổi" must serve in the militia; a volunteer may serve longer, to "hết 50 tuổi"
(men) or "hết 45 tuổi" (women). Volunteering lengthens the age, it does not
lower it: nobody serves before the 18th birthday.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import ClassVar

from django.utils.translation import gettext as _

from qsdp.military_service.rules.common import (
    RuleResult,
    Sex,
    anniversary,
    in_force,
    legal_point,
    vn_date,
)
from qsdp.militia.rules.common import DQTV, cite

UNDER_18 = "under_18"
OVER_AGE_LIMIT = "over_age_limit"


@dataclass(frozen=True)
class MilitiaAgeLimits:
    from_age: int  # "đủ 18 tuổi"
    obligated_to: dict[Sex, int]  # "hết N tuổi"
    volunteer_to: dict[Sex, int]


# Luật DQTV 2019 Điều 8 khoản 1, in force from 2020-07-01.
MILITIA_AGE_LIMITS: tuple[tuple[date, MilitiaAgeLimits], ...] = (
    (
        date(2020, 7, 1),
        MilitiaAgeLimits(18, {Sex.MALE: 45, Sex.FEMALE: 40}, {Sex.MALE: 50, Sex.FEMALE: 45}),
    ),
)


@dataclass(frozen=True, kw_only=True)
class MilitiaAge(RuleResult):
    obligated: bool
    may_serve_as_volunteer: bool | None = None
    volunteer_age_limit: int | None = None
    reason: str | None = None

    _omit_when_none: ClassVar[tuple[str, ...]] = (
        "may_serve_as_volunteer",
        "volunteer_age_limit",
        "reason",
    )


def _end_of_age(birth_date: date, age: int) -> date:
    """The last day of "hết ``age`` tuổi"."""
    return anniversary(birth_date, age + 1) - timedelta(days=1)


def militia_age(
    *, sex: Sex | str, birth_date: date, reference_date: date, volunteer: bool = False
) -> MilitiaAge:
    """Whether a citizen must (or, volunteering, may) serve in the militia on ``reference_date``."""
    sex = Sex(sex)
    limits = in_force(MILITIA_AGE_LIMITS, reference_date)
    first = anniversary(birth_date, limits.from_age)
    last = _end_of_age(birth_date, limits.obligated_to[sex])
    last_volunteer = _end_of_age(birth_date, limits.volunteer_to[sex])
    values = {
        "citizen": _("The female citizen") if sex == Sex.FEMALE else _("The male citizen"),
        "birth": vn_date(birth_date),
        "on": vn_date(reference_date),
        "first": vn_date(first),
        "age": limits.obligated_to[sex],
        "last": vn_date(last),
        "volunteer_age": limits.volunteer_to[sex],
        "last_volunteer": vn_date(last_volunteer),
    }
    obligated = first <= reference_date <= last
    may_volunteer = first <= reference_date <= last_volunteer
    reason: str | None = None
    if reference_date < first:
        reason = UNDER_18
        fact = _(
            "%(citizen)s born on %(birth)s is not yet 18 years old on %(on)s; militia duty "
            "starts on %(first)s"
        )
    elif reference_date > last:
        reason = OVER_AGE_LIMIT
        fact = _(
            "%(citizen)s born on %(birth)s is past the militia age on %(on)s (to the end of age "
            "%(age)s, which ended on %(last)s)"
        )
    else:
        fact = _(
            "%(citizen)s born on %(birth)s must serve in the militia on %(on)s (from age 18 to "
            "the end of age %(age)s, that is to %(last)s)"
        )
    if not volunteer:
        sentence = _("%(fact)s.")
    elif may_volunteer and not obligated:
        sentence = _(
            "%(fact)s, but as a volunteer may serve to the end of age %(volunteer_age)s, that "
            "is to %(last_volunteer)s."
        )
    elif may_volunteer:
        sentence = _(
            "%(fact)s, and as a volunteer may serve to the end of age %(volunteer_age)s, that "
            "is to %(last_volunteer)s."
        )
    elif reason == UNDER_18:
        sentence = _("%(fact)s, and volunteering does not lower the age.")
    else:
        sentence = _(
            "%(fact)s, and is also past the volunteer age (to the end of age %(volunteer_age)s, "
            "which ended on %(last_volunteer)s)."
        )
    return MilitiaAge(
        obligated=obligated,
        may_serve_as_volunteer=may_volunteer if volunteer else None,
        volunteer_age_limit=limits.volunteer_to[sex] if volunteer else None,
        reason=reason,
        legal_basis=cite(DQTV, legal_point(8, 1)),
        explanation=sentence % {"fact": fact % values, **values},
    )
