"""Deferral of and exemption from militia duty: Luật DQTV 2019 Điều 11.

Khoản 1 (tạm hoãn) points a–h and khoản 2 (miễn) points a–đ. The spouse, the
child and the carer exempted for family reasons (khoản 2 điểm a, b, d) may still
volunteer; the law gives no such right for the other grounds. A status the law
does not list is answered ``none``, not an error: the answer must say plainly
that it is not a ground.

The letters of khoản 1 points g (only child at 61–80 %) and h (students) come
from the order of the grounds in secondary sources; the text read stops at
point e [U].
"""

from dataclasses import dataclass
from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from qsdp.military_service.rules.common import RuleResult, legal_point
from qsdp.militia.rules.common import DQTV, cite

ARTICLE = 11
DEFERRAL_CLAUSE = 1
EXEMPTION_CLAUSE = 2


class MilitiaOutcome(StrEnum):
    DEFERRAL_OF_MILITIA_DUTY = "deferral_of_militia_duty"
    EXEMPTION_FROM_MILITIA = "exemption_from_militia"
    NONE = "none"


class MilitiaStatus(StrEnum):
    PREGNANT = "pregnant"
    RAISING_CHILD_UNDER_36_MONTHS = "raising_child_under_36_months"
    NOT_FIT_FOR_DUTY = "not_fit_for_duty"
    SPOUSE_OF_SERVING_SOLDIER_OR_POLICE = "spouse_of_serving_soldier_or_police"
    SPOUSE_POSTED_TO_EXTREMELY_DISADVANTAGED_AREA = "spouse_posted_to_extremely_disadvantaged_area"
    SOLE_LABORER_POOR_HOUSEHOLD = "sole_laborer_poor_household"
    ONLY_CHILD_OF_INVALID_61_80 = "only_child_of_invalid_61_80"
    STUDENT = "student"
    SPOUSE_OR_CHILD_OF_FALLEN_SOLDIER = "spouse_or_child_of_fallen_soldier"
    SPOUSE_OR_CHILD_OF_INVALID_81_PLUS = "spouse_or_child_of_invalid_81_plus"
    RESERVIST_ARRANGED_INTO_RESERVE_UNIT = "reservist_arranged_into_reserve_unit"
    CARER_OF_HEROIC_MOTHER_OR_81_PLUS = "carer_of_heroic_mother_or_81_plus"
    CIPHER_WORKER = "cipher_worker"


S = MilitiaStatus

# The narrower spellings a caller may use for one ground (RULES.md writes
# ``child_of_fallen_soldier``).
ALIASES: dict[str, MilitiaStatus] = {
    "spouse_of_serving_soldier": S.SPOUSE_OF_SERVING_SOLDIER_OR_POLICE,
    "spouse_of_serving_police": S.SPOUSE_OF_SERVING_SOLDIER_OR_POLICE,
    "spouse_of_fallen_soldier": S.SPOUSE_OR_CHILD_OF_FALLEN_SOLDIER,
    "child_of_fallen_soldier": S.SPOUSE_OR_CHILD_OF_FALLEN_SOLDIER,
    "spouse_of_invalid_81_plus": S.SPOUSE_OR_CHILD_OF_INVALID_81_PLUS,
    "child_of_invalid_81_plus": S.SPOUSE_OR_CHILD_OF_INVALID_81_PLUS,
    "carer_of_heroic_mother": S.CARER_OF_HEROIC_MOTHER_OR_81_PLUS,
    "carer_of_person_81_plus": S.CARER_OF_HEROIC_MOTHER_OR_81_PLUS,
    "cipher_worker_non_military": S.CIPHER_WORKER,
}


@dataclass(frozen=True)
class Ground:
    outcome: MilitiaOutcome
    points: tuple[str, ...]
    may_volunteer: bool
    label: Promise


D = MilitiaOutcome.DEFERRAL_OF_MILITIA_DUTY
E = MilitiaOutcome.EXEMPTION_FROM_MILITIA

GROUNDS: dict[MilitiaStatus, Ground] = {
    S.PREGNANT: Ground(D, ("a",), False, gettext_lazy("A pregnant woman")),
    S.RAISING_CHILD_UNDER_36_MONTHS: Ground(
        D, ("a",), False, gettext_lazy("A parent raising a child under 36 months")
    ),
    S.NOT_FIT_FOR_DUTY: Ground(
        D, ("b",), False, gettext_lazy("A citizen not fit for militia duty")
    ),
    S.SPOUSE_OF_SERVING_SOLDIER_OR_POLICE: Ground(
        D,
        ("c", "d"),
        False,
        gettext_lazy("The spouse of a person serving in the army or the police"),
    ),
    S.SPOUSE_POSTED_TO_EXTREMELY_DISADVANTAGED_AREA: Ground(
        D,
        ("đ",),
        False,
        gettext_lazy("The spouse of an official posted to an extremely disadvantaged area"),
    ),
    S.SOLE_LABORER_POOR_HOUSEHOLD: Ground(
        D,
        ("e",),
        False,
        gettext_lazy("The sole laborer of a poor or near-poor household"),
    ),
    S.ONLY_CHILD_OF_INVALID_61_80: Ground(
        D,
        ("g",),
        False,
        gettext_lazy(
            "The only child of a war invalid, sick soldier or Agent Orange victim with a "
            "loss of working capacity of 61 to 80 percent"
        ),
    ),
    S.STUDENT: Ground(D, ("h",), False, gettext_lazy("A student")),
    S.SPOUSE_OR_CHILD_OF_FALLEN_SOLDIER: Ground(
        E, ("a",), True, gettext_lazy("The spouse or child of a fallen soldier")
    ),
    S.SPOUSE_OR_CHILD_OF_INVALID_81_PLUS: Ground(
        E,
        ("b",),
        True,
        gettext_lazy(
            "The spouse or child of a war invalid, sick soldier or Agent Orange victim with a "
            "loss of working capacity of 81 percent or more"
        ),
    ),
    S.RESERVIST_ARRANGED_INTO_RESERVE_UNIT: Ground(
        E, ("c",), False, gettext_lazy("A reservist arranged into a reserve unit")
    ),
    S.CARER_OF_HEROIC_MOTHER_OR_81_PLUS: Ground(
        E,
        ("d",),
        True,
        gettext_lazy(
            "The direct carer of a Heroic Vietnamese Mother or of a person with a loss of working "
            "capacity of 81 percent or more"
        ),
    ),
    S.CIPHER_WORKER: Ground(E, ("đ",), False, gettext_lazy("A cipher worker")),
}


def parse_status(status: str) -> MilitiaStatus | None:
    """The ground ``status`` names (its aliases included), or ``None`` for an unlisted one."""
    try:
        return MilitiaStatus(status)
    except ValueError:
        return ALIASES.get(status)


@dataclass(frozen=True, kw_only=True)
class MilitiaExemption(RuleResult):
    outcome: MilitiaOutcome
    may_volunteer: bool


def militia_exemption(*, status: MilitiaStatus | str) -> MilitiaExemption:
    """Whether ``status`` defers or exempts a citizen from militia duty; may he volunteer."""
    ground_code = parse_status(status)
    if ground_code is None:
        return MilitiaExemption(
            outcome=MilitiaOutcome.NONE,
            may_volunteer=False,
            legal_basis=cite(DQTV, legal_point(ARTICLE)),
            explanation=_(
                "“%(status)s” is not a ground for deferral of or exemption from militia duty "
                "listed in Article 11."
            )
            % {"status": status},
        )
    ground = GROUNDS[ground_code]
    clause = DEFERRAL_CLAUSE if ground.outcome == D else EXEMPTION_CLAUSE
    points = [legal_point(ARTICLE, clause, p) for p in ground.points]
    values = {"ground": ground.label, "point": _(" and ").join(points)}
    if ground.outcome == D:
        explanation = _("%(ground)s: militia duty is deferred under %(point)s.")
    elif ground.may_volunteer:
        explanation = _(
            "%(ground)s: exempt from militia duty under %(point)s, but may join as a volunteer."
        )
    else:
        explanation = _("%(ground)s: exempt from militia duty under %(point)s.")
    return MilitiaExemption(
        outcome=ground.outcome,
        may_volunteer=ground.may_volunteer,
        legal_basis=cite(DQTV, *points),
        explanation=explanation % values,
    )
