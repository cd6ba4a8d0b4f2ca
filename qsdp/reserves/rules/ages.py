"""Age limits in the reserve.

- Luật NVQS 2015 Điều 25: reserve NCOs and soldiers serve from "đủ 18 tuổi" to
  "hết 45 tuổi" (men) or "hết 40 tuổi" (women), whatever their class. Past the
  limit they are removed from the reserve (giải ngạch).
- Luật Sĩ quan QĐND 1999 Điều 38 khoản 1: the highest age of a reserve officer by
  rank; Law 52/2024/QH15 raised it from 2024-12-01 (DOMAIN.md §2).
"""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import ClassVar

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from qsdp.military_service.rules.common import (
    RuleResult,
    Sex,
    anniversary,
    in_force,
    legal_point,
    vn_date,
)
from qsdp.reserves.rules.common import NVQS, OFFICERS, cite


class RankGroup(StrEnum):
    NCO_OR_SOLDIER = "nco_or_soldier"


class ReserveAction(StrEnum):
    REMOVE_FROM_RESERVE = "remove_from_reserve"


@dataclass(frozen=True)
class ReserveAgeLimits:
    from_age: int  # "đủ 18 tuổi"
    to_age: dict[Sex, int]  # "hết N tuổi"


# Luật NVQS 2015 Điều 25, in force from 2016-01-01.
RESERVE_AGE_LIMITS: tuple[tuple[date, ReserveAgeLimits], ...] = (
    (date(2016, 1, 1), ReserveAgeLimits(18, {Sex.MALE: 45, Sex.FEMALE: 40})),
)


@dataclass(frozen=True, kw_only=True)
class ReserveAge(RuleResult):
    within_reserve_service_age: bool
    action: ReserveAction | None = None

    _omit_when_none: ClassVar[tuple[str, ...]] = ("action",)


def last_day_in_reserve(*, sex: Sex | str, birth_date: date, on: date) -> date:
    """The last day of "hết N tuổi": the day before the (N+1)th birthday."""
    limits = in_force(RESERVE_AGE_LIMITS, on)
    return anniversary(birth_date, limits.to_age[Sex(sex)] + 1) - timedelta(days=1)


def _reservist(sex: Sex) -> str:
    return _("The female reservist") if sex == Sex.FEMALE else _("The male reservist")


def reserve_age(
    *,
    sex: Sex | str,
    birth_date: date,
    reference_date: date,
    rank_group: RankGroup | str = RankGroup.NCO_OR_SOLDIER,
) -> ReserveAge:
    """Whether a reserve NCO or soldier is within the reserve service age on ``reference_date``.

    Past the limit the action is ``remove_from_reserve``; before the 18th birthday
    the answer is ``false`` with no action (he cannot yet be in the reserve).
    """
    sex = Sex(sex)
    RankGroup(rank_group)  # NCOs and soldiers only: officers have reserve_officer_age
    limits = in_force(RESERVE_AGE_LIMITS, reference_date)
    first = anniversary(birth_date, limits.from_age)
    last = last_day_in_reserve(sex=sex, birth_date=birth_date, on=reference_date)
    values = {
        "reservist": _reservist(sex),
        "birth": vn_date(birth_date),
        "on": vn_date(reference_date),
        "age": limits.to_age[sex],
        "first": vn_date(first),
        "last": vn_date(last),
    }
    if reference_date < first:
        within, action = False, None
        explanation = _(
            "%(reservist)s born on %(birth)s is not yet 18 years old on %(on)s, so is not yet "
            "of reserve service age, which starts on %(first)s."
        )
    elif reference_date > last:
        within, action = False, ReserveAction.REMOVE_FROM_RESERVE
        explanation = _(
            "%(reservist)s born on %(birth)s is past the reserve service age on %(on)s (to the "
            "end of age %(age)s, which ended on %(last)s) and is removed from the reserve."
        )
    else:
        within, action = True, None
        explanation = _(
            "%(reservist)s born on %(birth)s is within the reserve service age on %(on)s, "
            "which lasts to the end of age %(age)s, that is to %(last)s."
        )
    return ReserveAge(
        within_reserve_service_age=within,
        action=action,
        legal_basis=cite(NVQS, legal_point(25)),
        explanation=explanation % values,
    )


class OfficerRank(StrEnum):
    COMPANY_GRADE = "company_grade"
    MAJOR = "major"
    LIEUTENANT_COLONEL = "lieutenant_colonel"
    SENIOR_LIEUTENANT_COLONEL = "senior_lieutenant_colonel"
    COLONEL = "colonel"
    GENERAL = "general"


R = OfficerRank

RANK_LABELS: dict[OfficerRank, Promise] = {
    R.COMPANY_GRADE: gettext_lazy("company grade"),
    R.MAJOR: gettext_lazy("major"),
    R.LIEUTENANT_COLONEL: gettext_lazy("lieutenant colonel"),
    R.SENIOR_LIEUTENANT_COLONEL: gettext_lazy("senior lieutenant colonel"),
    R.COLONEL: gettext_lazy("colonel"),
    R.GENERAL: gettext_lazy("general officer"),
}


@dataclass(frozen=True)
class OfficerAgeLimits:
    max_age: dict[OfficerRank, int]
    legal_basis: str


AMENDMENT_2024 = date(2024, 12, 1)  # Law 52/2024/QH15 in force

# Luật Sĩ quan QĐND 1999 Điều 38 khoản 1 (in force from 2000-04-01), then as
# amended by Law 52/2024/QH15 Điều 1 khoản 11 from 2024-12-01.
RESERVE_OFFICER_AGE_LIMITS: tuple[tuple[date, OfficerAgeLimits], ...] = (
    (
        date(2000, 4, 1),
        OfficerAgeLimits(
            {
                R.COMPANY_GRADE: 51,
                R.MAJOR: 53,
                R.LIEUTENANT_COLONEL: 56,
                R.SENIOR_LIEUTENANT_COLONEL: 57,
                R.COLONEL: 60,
                R.GENERAL: 63,
            },
            cite(OFFICERS, legal_point(38, 1)),
        ),
    ),
    (
        AMENDMENT_2024,
        OfficerAgeLimits(
            {
                R.COMPANY_GRADE: 53,
                R.MAJOR: 55,
                R.LIEUTENANT_COLONEL: 57,
                R.SENIOR_LIEUTENANT_COLONEL: 59,
                R.COLONEL: 61,
                R.GENERAL: 63,
            },
            f"{cite(OFFICERS, legal_point(38, 1))} (sửa đổi bởi Luật 52/2024/QH15)",
        ),
    ),
)


@dataclass(frozen=True, kw_only=True)
class ReserveOfficerAge(RuleResult):
    max_age: int


def reserve_officer_age(*, rank: OfficerRank | str, reference_date: date) -> ReserveOfficerAge:
    """The highest age of a reserve officer of ``rank`` by the law of ``reference_date``."""
    rank = OfficerRank(rank)
    limits = in_force(RESERVE_OFFICER_AGE_LIMITS, reference_date)
    max_age = limits.max_age[rank]
    return ReserveOfficerAge(
        max_age=max_age,
        legal_basis=limits.legal_basis,
        explanation=_("On %(on)s the highest age of a reserve officer of %(rank)s rank is %(age)s.")
        % {"on": vn_date(reference_date), "rank": RANK_LABELS[rank], "age": max_age},
    )
