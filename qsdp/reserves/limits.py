"""The age limit of one reservist, from the rules (no ORM).

NCOs and soldiers serve to the end of age 45 (men) or 40 (women), Luật NVQS 2015
Điều 25 (``rules.reserve_age``). A reserve officer serves until the highest age
of his rank (Luật Sĩ quan Điều 38, ``rules.reserve_officer_age``): he is past
the limit from the birthday on which he reaches it. A reserve professional
soldier is held to the NCO and soldier limits: the Professional Soldiers Law's
reserve ages are not in the rules yet [U].
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext as _

from qsdp.military_service.rules.common import age_on, anniversary, vn_date
from qsdp.reserves import rules
from qsdp.reserves.models import Rank, RankGroup

OFFICER_BANDS: dict[str, rules.OfficerRank] = {
    Rank.SECOND_LIEUTENANT: rules.OfficerRank.COMPANY_GRADE,
    Rank.LIEUTENANT: rules.OfficerRank.COMPANY_GRADE,
    Rank.SENIOR_LIEUTENANT: rules.OfficerRank.COMPANY_GRADE,
    Rank.CAPTAIN: rules.OfficerRank.COMPANY_GRADE,
    Rank.MAJOR: rules.OfficerRank.MAJOR,
    Rank.LIEUTENANT_COLONEL: rules.OfficerRank.LIEUTENANT_COLONEL,
    Rank.SENIOR_LIEUTENANT_COLONEL: rules.OfficerRank.SENIOR_LIEUTENANT_COLONEL,
    Rank.COLONEL: rules.OfficerRank.COLONEL,
}
OFFICER_RANKS = frozenset(OFFICER_BANDS)


@dataclass(frozen=True)
class AgeLimit:
    """Whether the reservist is within the age limit on ``on``; ``last_day`` is
    the last day he may serve; ``sentence`` explains it with its legal basis."""

    within: bool
    not_yet_18: bool
    last_day: date
    sentence: str


def _officer_limit(*, birth_date: date, rank: str, on: date) -> AgeLimit:
    answer = rules.reserve_officer_age(rank=OFFICER_BANDS[rank], reference_date=on)
    reached = anniversary(birth_date, answer.max_age)
    age = age_on(birth_date, on)
    values = {
        "birth": vn_date(birth_date),
        "on": vn_date(on),
        "age": age,
        "max": answer.max_age,
        "rank": Rank(rank).label,
        "basis": answer.legal_basis,
    }
    if on >= reached:
        sentence = _(
            "the reserve officer born on %(birth)s is %(age)s years old on %(on)s, which is not "
            "below the highest age of %(max)s for the rank of %(rank)s (%(basis)s)"
        )
    else:
        sentence = _(
            "the reserve officer born on %(birth)s is %(age)s years old on %(on)s, below the "
            "highest age of %(max)s for the rank of %(rank)s (%(basis)s)"
        )
    adult = on >= anniversary(birth_date, 18)
    return AgeLimit(
        on < reached and adult, not adult, reached - timedelta(days=1), sentence % values
    )


def age_limit(*, sex: str, birth_date: date, rank_group: str, rank: str, on: date) -> AgeLimit:
    """The age limit of a reservist of ``rank_group`` and ``rank`` on ``on``."""
    if rank_group == RankGroup.OFFICER and rank in OFFICER_RANKS:
        return _officer_limit(birth_date=birth_date, rank=rank, on=on)
    answer = rules.reserve_age(sex=sex, birth_date=birth_date, reference_date=on)
    explanation = answer.explanation.rstrip(".")
    return AgeLimit(
        within=answer.within_reserve_service_age,
        not_yet_18=not answer.within_reserve_service_age and answer.action is None,
        last_day=rules.last_day_in_reserve(sex=sex, birth_date=birth_date, on=on),
        sentence=f"{explanation[:1].lower()}{explanation[1:]} ({answer.legal_basis})",
    )
