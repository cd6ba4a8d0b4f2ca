"""The reserve register (dự bị động viên) of Thành phố Bắc Kạn up to the 2023
review, recorded through the reserve services with the system as actor.

- Reservists: every soldier back home in 2023 who registered into the reserve
  in military service (``reservist_register_from_returnee`` the same day, then
  his rank, specialty and health from the discharge papers); the standing
  militia whose 24 months were recognised in January 2023; men of the register
  aged 27–45 who served before (discharged NCOs and soldiers, a few of them
  trained since as reserve officers), a few men past the call-up age who never
  served (class 2) and a few women with medical training (class 2).
- The city command's units: two reserve infantry companies of platoons, a
  signals platoon, a transport squad and an engineer squad; their posts by
  military specialty, with an establishment scaled to the demo.
- Arrangement in March 2021 (the reservists of then) and April 2023 (the
  newcomers first): the matching specialty up to the establishment, then the
  spare, then the nearest specialty with its reason.
- 2023: four appointments and two dismissals of commanders, readiness checks,
  the yearly review (rà soát) of every reservist in October: kept, re-arranged
  into a vacancy, or removed (unfit, moved away). Nobody in the demo reaches
  the age limit in 2023: the oldest men, born in 1978, reach the end of age 45
  in 2024, which their review notes.
- Reserve technical equipment: trucks, a coach, cars and construction machines
  of citizens and companies, each earmarked for a unit.

The military specialty codes and the decision numbers are synthetic. Built
once, like the military service: when the city already has reservists or
reserve units the step records nothing.
"""

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import TypeVar

from django.db.models import Q

from qsdp.demo.forces import COMMUNE_CODES, Pool, Resident
from qsdp.demo.population import SEED
from qsdp.demo.service_plan import calendar, scaled, working_day
from qsdp.demo.units import DemoTree
from qsdp.military_service.rules.common import vn_date
from qsdp.militia.dates import add_months
from qsdp.people.choices import EducationLevel
from qsdp.reserves import rules
from qsdp.reserves.indicators import indicator_value
from qsdp.reserves.limits import age_limit
from qsdp.reserves.models import (
    Arrangement,
    CheckKind,
    CheckResult,
    Condition,
    DecisionKind,
    EquipmentKind,
    Rank,
    RankGroup,
    RemovalReason,
    ReserveEquipment,
    ReservePost,
    ReserveUnit,
    Reservist,
    ReviewOutcome,
    Source,
    UnitKind,
)
from qsdp.reserves.services import (
    ClassFacts,
    EquipmentData,
    PostData,
    ReservistData,
    UnitData,
    arrangement_end,
    commander_decision_record,
    equipment_register,
    readiness_check_record,
    reserve_post_create,
    reserve_review_record,
    reserve_unit_create,
    reservist_arrange,
    reservist_create,
    reservist_register_from_returnee,
    reservist_update,
)

T = TypeVar("T")

YEAR = 2023
YEAR_END = date(YEAR, 12, 31)
CITY_SIGNER = "Thượng tá Ma Văn Hùng, Chỉ huy trưởng Ban CHQS thành phố Bắc Kạn"
PROVINCE_SIGNER = "Đại tá Hoàng Đức Tiến, Chỉ huy trưởng Bộ CHQS tỉnh Bắc Kạn"

SPECIALTIES: dict[str, str] = {
    "111": "Bộ binh",
    "112": "Hỏa lực bộ binh",
    "121": "Pháo binh",
    "411": "Thông tin",
    "511": "Lái xe",
    "611": "Quân y",
    "711": "Công binh",
    "811": "Phòng hóa",
    "911": "Hậu cần",
}
# The specialties of discharged soldiers (weights); 811 and 911 have no post.
SOLDIER_SPECIALTIES: tuple[tuple[str, int], ...] = (
    ("111", 56), ("112", 8), ("121", 5), ("411", 8), ("511", 10), ("711", 5), ("811", 3),
    ("911", 5),
)  # fmt: skip
# For a post of each specialty, the reservists' specialties nearest to it, nearest first.
NEAREST: dict[str, tuple[str, ...]] = {
    "111": ("112", "121", "711", "811", "911", "511", "411"),
    "112": ("111", "121"),
    "121": ("112", "111"),
    "411": ("911", "111"),
    "511": ("711", "911"),
    "611": (),
    "711": ("511", "111"),
}
# Posts are filled scarcest specialty first.
FILL_ORDER = ("611", "511", "711", "411", "121", "112", "111")
SOLDIER_RANKS: tuple[tuple[str, int], ...] = (
    (Rank.PRIVATE_1, 30), (Rank.CORPORAL, 35), (Rank.SERGEANT, 25), (Rank.STAFF_SERGEANT, 10),
)  # fmt: skip
RETURNEE_RANKS: tuple[tuple[str, int], ...] = (
    (Rank.PRIVATE_1, 30), (Rank.CORPORAL, 45), (Rank.SERGEANT, 25),
)  # fmt: skip
HEALTH: tuple[tuple[int, int], ...] = ((1, 28), (2, 53), (3, 16), (4, 3))
YOUNG_HEALTH: tuple[tuple[int, int], ...] = ((1, 40), (2, 60))

VETERAN_BIRTH_YEARS = (1978, 1996)  # 27–45 in 2023, before the military-service demo
NEVER_SERVED_BIRTH_YEARS = (1978, 1992)  # registered at 28, by 2020
MEDIC_BIRTH_YEARS = (1985, 1998)
VETERAN_PERCENT = 27
NEVER_SERVED_PERCENT = 4
MEDIC_PERCENT = 5
OFFICER_BIRTH_YEARS = (1980, 1992)
EARLIEST_REGISTRATION = date(2000, 3, 1)  # the city's units are recorded from 2000

ARRANGED_2021 = date(2021, 3, 8)  # the arrangement of the reservists of then, by commune
APPOINTED_2021 = date(2021, 4, 5)
ARRANGED_2023 = date(2023, 4, 10)  # the newcomers of 2023
FORMER_STANDING_REGISTERED = date(2023, 2, 6)
REVIEW_FROM = date(2023, 10, 2)  # the 2023 review, commune by commune
REARRANGED = 6  # at 3,000 people
MOVED_AWAY = 3  # reservists among the men who left the area in 2023, at 3,000 people


@dataclass(frozen=True)
class PostSpec:
    title: str
    specialty: str
    establishment: int  # at 3,000 people; scaled, at least 1
    commander: bool = False  # held by a commander appointed by decision


@dataclass(frozen=True)
class UnitSpec:
    key: str
    name: str
    kind: str
    code: str
    parent: str | None
    posts: tuple[PostSpec, ...]
    company_level: bool = False  # its commanders are appointed by the province


def _company(number: int) -> UnitSpec:
    return UnitSpec(
        f"c{number}",
        f"Đại đội bộ binh dự bị {number}",
        UnitKind.COMPANY,
        f"DBĐV-C{number}",
        None,
        (
            PostSpec("Đại đội trưởng", "111", 1, commander=True),
            PostSpec("Đại đội phó", "111", 1, commander=True),
            PostSpec("Chiến sĩ thông tin", "411", 2),
            PostSpec("Y tá", "611", 1),
        ),
        company_level=True,
    )


def _platoon(number: int, company: str) -> UnitSpec:
    return UnitSpec(
        f"b{number}",
        f"Trung đội {number}",
        UnitKind.PLATOON,
        f"DBĐV-B{number}",
        company,
        (
            PostSpec("Trung đội trưởng", "111", 1, commander=True),
            PostSpec("Tiểu đội trưởng", "111", 3),
            PostSpec("Chiến sĩ bộ binh", "111", 24),
            PostSpec("Xạ thủ B41", "112", 3),
        ),
    )


UNITS: tuple[UnitSpec, ...] = (
    _company(1),
    _platoon(1, "c1"),
    _platoon(2, "c1"),
    _platoon(3, "c1"),
    UnitSpec(
        "fire",
        "Trung đội hỏa lực",
        UnitKind.PLATOON,
        "DBĐV-HL",
        "c1",
        (
            PostSpec("Trung đội trưởng", "121", 1, commander=True),
            PostSpec("Pháo thủ cối 60 mm", "121", 8),
            PostSpec("Xạ thủ đại liên", "112", 3),
        ),
    ),
    _company(2),
    _platoon(4, "c2"),
    _platoon(5, "c2"),
    _platoon(6, "c2"),
    UnitSpec(
        "signals",
        "Trung đội thông tin dự bị",
        UnitKind.PLATOON,
        "DBĐV-TT",
        None,
        (
            PostSpec("Trung đội trưởng", "411", 1, commander=True),
            PostSpec("Chiến sĩ thông tin", "411", 12),
        ),
    ),
    UnitSpec(
        "transport",
        "Tiểu đội vận tải dự bị",
        UnitKind.SQUAD,
        "DBĐV-VT",
        None,
        (PostSpec("Tiểu đội trưởng", "511", 1, commander=True), PostSpec("Lái xe", "511", 10)),
    ),
    UnitSpec(
        "engineers",
        "Tiểu đội công binh dự bị",
        UnitKind.SQUAD,
        "DBĐV-CB",
        None,
        (
            PostSpec("Tiểu đội trưởng", "711", 1, commander=True),
            PostSpec("Chiến sĩ công binh", "711", 7),
        ),
    ),
)
UNIT_SPECS = {spec.key: spec for spec in UNITS}
# Posts left vacant in 2021, filled by the appointments of 2023.
VACANT_IN_2021 = ("c1:1", "signals:0")
# (post, rank) of the commanders appointed in 2021; squads get a sergeant.
OFFICER_RANKS = {"Đại đội trưởng": Rank.CAPTAIN, "Đại đội phó": Rank.SENIOR_LIEUTENANT}


@dataclass(frozen=True)
class Check:
    unit: str
    on: date
    kind: str
    present_percent: int
    result: str
    note: str


CHECKS: tuple[Check, ...] = (
    Check("transport", date(2023, 6, 21), CheckKind.CALL_UP_EXERCISE, 100, CheckResult.GOOD,
          "Diễn tập gọi quân nhân dự bị và phương tiện kỹ thuật dự bị: đến đủ, đúng thời gian"),
    Check("c1", date(2023, 8, 16), CheckKind.READINESS, 92, CheckResult.GOOD,
          "Kiểm tra sẵn sàng động viên năm 2023"),
    Check("c2", date(2023, 8, 17), CheckKind.READINESS, 86, CheckResult.PASS,
          "Kiểm tra sẵn sàng động viên năm 2023; một số quân nhân đi làm ăn xa vắng mặt"),
    Check("signals", date(2023, 8, 18), CheckKind.READINESS, 90, CheckResult.PASS,
          "Kiểm tra sẵn sàng động viên năm 2023"),
)  # fmt: skip


@dataclass(frozen=True)
class Vehicle:
    kind: str
    description: str
    plate: str
    owner: str  # a company; "" for a citizen of the register
    condition: str
    unit: str
    registered_on: date
    commune: str = "01840"  # where a company's vehicle is registered


# In the order they are taken: a small demo gets the first ones. 14 at 3,000 people.
VEHICLES: tuple[Vehicle, ...] = (
    Vehicle(EquipmentKind.TRUCK, "Ô tô tải thùng Hyundai HD120, tải trọng 8 tấn", "97C-021.35",
            "Hợp tác xã Vận tải Sông Cầu", Condition.GOOD, "transport", date(2021, 5, 12),
            "01837"),
    Vehicle(EquipmentKind.CAR, "Ô tô con Toyota Innova, 8 chỗ", "97A-052.87", "",
            Condition.GOOD, "c1", date(2021, 5, 14)),
    Vehicle(EquipmentKind.CONSTRUCTION_MACHINE, "Máy xúc đào bánh xích Komatsu PC200-8",
            "KMTPC200-315482", "Công ty TNHH Xây dựng Đức Xuân", Condition.GOOD, "engineers",
            date(2021, 6, 2)),
    Vehicle(EquipmentKind.COACH, "Ô tô khách Thaco, 29 chỗ", "97B-008.44",
            "Công ty TNHH Vận tải hành khách Bắc Kạn", Condition.GOOD, "transport",
            date(2021, 6, 9), "01834"),
    Vehicle(EquipmentKind.TRUCK, "Ô tô tải Hino FG8JP7A, tải trọng 9 tấn", "97C-034.72",
            "Hợp tác xã Vận tải Sông Cầu", Condition.GOOD, "transport", date(2022, 3, 15),
            "01837"),
    Vehicle(EquipmentKind.TRUCK, "Ô tô tải Thaco Ollin 720, tải trọng 7 tấn", "97C-040.18", "",
            Condition.FAIR, "transport", date(2022, 3, 18)),
    Vehicle(EquipmentKind.CAR, "Ô tô bán tải Ford Ranger", "97A-061.23", "", Condition.GOOD,
            "c2", date(2022, 4, 6)),
    Vehicle(EquipmentKind.TRUCK, "Ô tô tải tự đổ Howo, 3 cầu", "97C-027.91",
            "Công ty TNHH Xây dựng Đức Xuân", Condition.GOOD, "engineers", date(2022, 4, 20)),
    Vehicle(EquipmentKind.CONSTRUCTION_MACHINE, "Máy xúc đào bánh lốp Doosan DX140W",
            "DX140W-51234", "", Condition.FAIR, "engineers", date(2022, 5, 11)),
    Vehicle(EquipmentKind.TRUCK, "Ô tô tải Isuzu QKR, tải trọng 2,4 tấn", "97C-045.06", "",
            Condition.GOOD, "transport", date(2022, 9, 7)),
    Vehicle(EquipmentKind.CAR, "Ô tô con Mitsubishi Xpander, 7 chỗ", "97A-049.65", "",
            Condition.FAIR, "signals", date(2023, 3, 8)),
    Vehicle(EquipmentKind.CONSTRUCTION_MACHINE, "Máy ủi Komatsu D41P", "KMTD41P-B20417",
            "Công ty Cổ phần Xây dựng giao thông Huyền Tụng", Condition.FAIR, "engineers",
            date(2023, 3, 22), "01846"),
    Vehicle(EquipmentKind.TRUCK, "Ô tô tải gắn cần cẩu Hyundai HD210", "97C-018.52",
            "Công ty Cổ phần Xây dựng giao thông Huyền Tụng", Condition.GOOD, "engineers",
            date(2023, 4, 5), "01846"),
    Vehicle(EquipmentKind.CONSTRUCTION_MACHINE, "Xe lu rung Sakai SV512", "SV512-21876",
            "Công ty TNHH Xây dựng Đức Xuân", Condition.POOR, "engineers", date(2023, 5, 17)),
    Vehicle(EquipmentKind.TRUCK, "Ô tô tải Hyundai Mighty EX8, tải trọng 7 tấn", "97C-051.40",
            "", Condition.GOOD, "transport", date(2023, 6, 1)),
    Vehicle(EquipmentKind.COACH, "Ô tô khách Hyundai County, 29 chỗ", "97B-012.09",
            "Công ty TNHH Vận tải hành khách Bắc Kạn", Condition.FAIR, "transport",
            date(2023, 6, 7), "01834"),
    Vehicle(EquipmentKind.CAR, "Ô tô con Toyota Vios, 5 chỗ", "97A-058.16", "", Condition.GOOD,
            "c1", date(2023, 7, 5)),
    Vehicle(EquipmentKind.TRUCK, "Ô tô tải Dongfeng, tải trọng 9 tấn", "97C-047.83",
            "Hợp tác xã Vận tải Sông Cầu", Condition.GOOD, "transport", date(2023, 7, 12),
            "01837"),
)  # fmt: skip
VEHICLES_AT_DEFAULT = 14
# The owner of a citizen's vehicle when the demo has too few citizens, and its ward.
FALLBACK_OWNER = ("Hợp tác xã Vận tải Sông Cầu", "01837")


@dataclass(eq=False)
class Draft:
    """A reservist to record, with what the register will hold on him."""

    resident: Resident
    source: str
    registered_on: date
    specialty: str = ""
    rank_group: str = RankGroup.NCO_OR_SOLDIER
    rank: str = ""
    health: int = 2
    months: int = 0  # of active service, or of standing militia
    held_back: bool = False  # an officer appointed only in 2023
    reservist: Reservist | None = None

    @property
    def pk(self) -> int:
        return self.resident.person.pk

    @property
    def code(self) -> str:
        return self.resident.code

    @property
    def is_returnee(self) -> bool:
        return self.resident.reserve_registered_on is not None

    @property
    def recorded(self) -> Reservist:
        if self.reservist is None:
            raise LookupError(f"{self.resident.person} is not in the reserve register yet")
        return self.reservist

    @property
    def data(self) -> ReservistData:
        return ReservistData(
            rank_group=self.rank_group,
            rank=self.rank,
            specialty_code=self.specialty,
            specialty_name=SPECIALTIES.get(self.specialty, ""),
            health_class=self.health,
        )

    @property
    def facts(self) -> ClassFacts:
        if self.source == Source.DISCHARGED_NCO_SOLDIER:
            return ClassFacts(source=self.source, active_service_months=self.months)
        if self.source == Source.CORE_MILITIA_COMPLETED_TERM:
            return ClassFacts(source=self.source, standing_militia_months=self.months)
        return ClassFacts(source=self.source)

    def may_be_arranged(self) -> bool:
        return (
            self.health <= 3
            and bool(self.specialty)
            and not self.held_back
            and self.rank_group != RankGroup.OFFICER
        )


@dataclass
class ReserveSummary:
    """The city's reserve figures of 2023 (what is in the register, not what
    the run added); ``built``: recorded by this run."""

    built: bool = False
    count: int = 0
    arranged_pct: Decimal | None = None
    reviewed_pct: Decimal | None = None
    appointments: int = 0
    dismissals: int = 0
    equipment: int = 0


def _pick(rng: random.Random, table: Sequence[tuple[T, int]]) -> T:
    return rng.choices([v for v, _ in table], weights=[w for _, w in table])[0]


# --- the reservists ------------------------------------------------------------


def _veteran(resident: Resident, rng: random.Random) -> Draft:
    """A man who served (18 months before 2016, 24 since) and registered after."""
    enlisted = date(resident.born.year + rng.randint(19, 21), 2, rng.randint(15, 28))
    months = 24 if enlisted.year >= 2016 else 18
    registered = add_months(enlisted, months) + timedelta(days=rng.randint(5, 20))
    return Draft(
        resident,
        Source.DISCHARGED_NCO_SOLDIER,
        max(registered, EARLIEST_REGISTRATION),
        specialty=_pick(rng, SOLDIER_SPECIALTIES),
        rank=_pick(rng, SOLDIER_RANKS),
        health=_pick(rng, HEALTH),
        months=months,
    )


def _never_served(resident: Resident, rng: random.Random) -> Draft:
    registered = date(resident.born.year + 28, rng.randint(3, 11), rng.randint(1, 28))
    return Draft(
        resident,
        Source.MALE_OVER_CALL_UP_AGE_NEVER_SERVED,
        max(registered, EARLIEST_REGISTRATION),
        health=_pick(rng, HEALTH[:3]),
    )


def _medic(resident: Resident, rng: random.Random) -> Draft:
    registered = date(max(resident.born.year + 23, 2012), rng.randint(3, 11), rng.randint(1, 28))
    return Draft(
        resident,
        Source.FEMALE_REGISTERED_FOR_MILITARY_SERVICE,
        registered,
        specialty="611",
        health=_pick(rng, YOUNG_HEALTH),
    )


def _returnee(resident: Resident, registered: date, rng: random.Random) -> Draft:
    return Draft(
        resident,
        Source.DISCHARGED_NCO_SOLDIER,
        registered,
        specialty=_pick(rng, SOLDIER_SPECIALTIES),
        rank=_pick(rng, RETURNEE_RANKS),
        health=_pick(rng, YOUNG_HEALTH),
    )


def _former_standing(resident: Resident, rng: random.Random) -> Draft:
    return Draft(
        resident,
        Source.CORE_MILITIA_COMPLETED_TERM,
        working_day(FORMER_STANDING_REGISTERED, COMMUNE_CODES.index(resident.code) % 4),
        specialty="111",
        rank=Rank.PRIVATE_2,
        health=_pick(rng, YOUNG_HEALTH),
        months=24,
    )


def plan_reservists(pool: Pool) -> list[Draft]:
    """Who is in the reserve register by 2023, with what it holds on each."""
    former = {r.person.pk for r in pool.former_standing.values()}
    standing = {r.person.pk for men in pool.standing.values() for r in men}
    drafts = []
    leavers: list[Resident] = []
    moved_away = max(1, scaled(MOVED_AWAY, pool.scale))
    for resident in pool.residents:
        rng = random.Random(f"{SEED}-reservist-{resident.index}")
        born = resident.born.year
        registered = resident.reserve_registered_on
        if registered is not None:
            if registered <= YEAR_END:
                drafts.append(_returnee(resident, registered, rng))
        elif resident.person.pk in former:
            drafts.append(_former_standing(resident, rng))
        elif resident.person.pk in standing or resident.in_military_service_demo:
            continue
        elif resident.is_male and VETERAN_BIRTH_YEARS[0] <= born <= VETERAN_BIRTH_YEARS[1]:
            roll = rng.randrange(100)
            # A few men who left the area in 2023 served: the review removes them.
            leaving = resident.moved_away_on is not None and len(leavers) < moved_away
            if leaving:
                leavers.append(resident)
            if roll < VETERAN_PERCENT or leaving:
                drafts.append(_veteran(resident, rng))
            elif (
                roll < VETERAN_PERCENT + NEVER_SERVED_PERCENT
                and born <= NEVER_SERVED_BIRTH_YEARS[1]
            ):
                drafts.append(_never_served(resident, rng))
        elif (
            not resident.is_male
            and MEDIC_BIRTH_YEARS[0] <= born <= MEDIC_BIRTH_YEARS[1]
            and resident.person.education_level
            in (EducationLevel.COLLEGE, EducationLevel.UNIVERSITY)
            and rng.randrange(100) < MEDIC_PERCENT
        ):
            drafts.append(_medic(resident, rng))
    return drafts


@dataclass
class Commanders:
    """Who holds each commander post from 2021, and the men of the 2023 decisions."""

    holders: dict[str, Draft]  # post key → the commander appointed in 2021
    newcomer: Draft | None = None  # a new reserve officer: Trung đội trưởng of Trung đội 2
    signals: Draft | None = None  # a reserve officer: Trung đội trưởng of the signals platoon


def _post_keys() -> list[tuple[str, UnitSpec, PostSpec]]:
    return [(f"{unit.key}:{n}", unit, post) for unit in UNITS for n, post in enumerate(unit.posts)]


def plan_commanders(drafts: list[Draft]) -> Commanders:
    """Officers for the posts of companies and platoons, sergeants for the squads'."""
    rng = random.Random(f"{SEED}-reserve-commanders")
    first, last = OFFICER_BIRTH_YEARS
    veterans = [
        d
        for d in drafts
        if d.source == Source.DISCHARGED_NCO_SOLDIER
        and not d.is_returnee
        and d.health <= 2
        and d.resident.moved_away_on is None
        and d.registered_on < ARRANGED_2021
    ]
    officers = [d for d in veterans if first <= d.resident.born.year <= last]
    rng.shuffle(officers)
    taken: set[int] = set()
    commanders = Commanders({})
    for key, unit, post in _post_keys():
        if not post.commander or key in VACANT_IN_2021:
            continue
        if unit.kind == UnitKind.SQUAD:
            found = next(
                (d for d in veterans if d.specialty == post.specialty and d.pk not in taken), None
            )
            if found is not None:
                found.rank = Rank.SERGEANT
        else:
            found = next((d for d in officers if d.pk not in taken), None)
            if found is not None:
                found.rank_group = RankGroup.OFFICER
                found.specialty = post.specialty
                found.rank = OFFICER_RANKS.get(post.title, Rank.LIEUTENANT)
        if found is not None:
            taken.add(found.pk)
            commanders.holders[key] = found
    rest = [d for d in officers if d.pk not in taken]
    for attribute, specialty, rank in (
        ("newcomer", "111", Rank.SECOND_LIEUTENANT),
        ("signals", "411", Rank.LIEUTENANT),
    ):
        if rest:
            officer = rest.pop(0)
            officer.rank_group, officer.rank, officer.specialty = RankGroup.OFFICER, rank, specialty
            officer.held_back = True
            setattr(commanders, attribute, officer)
    return commanders


# --- recording -----------------------------------------------------------------


class _Recorder:
    def __init__(self, tree: DemoTree, pool: Pool) -> None:
        self.tree = tree
        self.pool = pool
        self.calendar = calendar()
        self.units: dict[str, ReserveUnit] = {}
        self.posts: dict[str, ReservePost] = {}
        self.specs: dict[str, tuple[UnitSpec, PostSpec]] = {}
        # Establishment, with the fewest spare, with the most spare.
        self.room: dict[str, tuple[int, int, int]] = {}
        self.held: dict[str, int] = defaultdict(int)  # open arrangements per post
        self.current: dict[int, tuple[str, Arrangement]] = {}  # person → post key, arrangement

    def day(self, base: date, code: str) -> date:
        return working_day(base, COMMUNE_CODES.index(code), cal=self.calendar)

    # units and posts

    def create_units(self) -> None:
        for spec in UNITS:
            parent = self.units[spec.parent] if spec.parent else None
            self.units[spec.key] = reserve_unit_create(
                actor=None,
                data=UnitData(
                    name=spec.name,
                    kind=spec.kind,
                    org_unit=self.tree.city_command,
                    code=spec.code,
                    parent=parent,
                ),
            )
        for key, unit, post in _post_keys():
            establishment = max(1, scaled(post.establishment, self.pool.scale))
            self.posts[key] = reserve_post_create(
                actor=None,
                unit=self.units[unit.key],
                data=PostData(
                    title=post.title,
                    specialty_code=post.specialty,
                    specialty_name=SPECIALTIES[post.specialty],
                    establishment_count=establishment,
                ),
            )
            self.specs[key] = (unit, post)
            fewest, most = rules.spare_range(establishment, on=ARRANGED_2021)
            self.room[key] = (establishment, establishment + fewest, establishment + most)

    # reservists

    def register(self, drafts: list[Draft]) -> None:
        for draft in sorted(drafts, key=lambda d: (d.registered_on, d.resident.index)):
            person = draft.resident.person
            if draft.is_returnee:
                reservist = reservist_register_from_returnee(
                    actor=None, person=person, on=draft.registered_on
                )
                # His rank, specialty and health from the discharge papers.
                draft.reservist = reservist_update(
                    actor=None,
                    reservist=reservist,
                    data=draft.data,
                    reserve_class=reservist.reserve_class,
                )
            else:
                draft.reservist = reservist_create(
                    actor=None,
                    person=person,
                    facts=draft.facts,
                    data=draft.data,
                    registered_on=draft.registered_on,
                )

    # arrangements

    def arrange(self, draft: Draft, key: str, on: date, reason: str = "") -> None:
        arrangement = reservist_arrange(
            actor=None,
            reservist=draft.recorded,
            post=self.posts[key],
            arranged_on=on,
            near_match_reason=reason,
        )
        self.held[key] += 1
        self.current[draft.pk] = (key, arrangement)

    def end(self, draft: Draft, on: date, reason: str) -> None:
        key, arrangement = self.current.pop(draft.pk)
        arrangement_end(actor=None, arrangement=arrangement, on=on, reason=reason)
        self.held[key] -= 1

    def near_reason(self, draft: Draft, key: str) -> str:
        post = self.specs[key][1]
        return (
            f"Thiếu quân nhân đúng chuyên nghiệp quân sự {post.specialty} "
            f"{SPECIALTIES[post.specialty]}; sắp xếp theo chuyên nghiệp gần nhất "
            f"({draft.specialty} {SPECIALTIES[draft.specialty]}), huấn luyện bổ sung tại đơn vị"
        )

    def rank_posts(self) -> list[str]:
        keys = [key for key, (_, post) in self.specs.items() if not post.commander]
        return sorted(keys, key=lambda k: FILL_ORDER.index(self.specs[k][1].specialty))

    def fill(self, drafts: list[Draft], base: date) -> None:
        """Arrange the free reservists of ``drafts`` (in priority order) on their
        commune's day from ``base``: the matching specialty to the establishment,
        then the spare, then the nearest specialty to the establishment."""
        free = [
            d
            for d in drafts
            if d.may_be_arranged()
            and d.pk not in self.current
            and not self.gone(d, self.day(base, d.code))
        ]

        def take(key: str, limit: int, specialties: tuple[str, ...], near: bool) -> None:
            """Up to ``limit`` in ``key``, the nearest of ``specialties`` first."""
            while self.held[key] < limit:
                found = min(
                    (d for d in free if d.specialty in specialties),
                    key=lambda d: specialties.index(d.specialty),
                    default=None,
                )
                if found is None:
                    return
                free.remove(found)
                reason = self.near_reason(found, key) if near else ""
                self.arrange(found, key, self.day(base, found.code), reason)

        posts = [(key, self.specs[key][1].specialty) for key in self.rank_posts()]
        for key, specialty in posts:
            take(key, self.room[key][0], (specialty,), False)
        for key, specialty in posts:
            take(key, self.room[key][1], (specialty,), False)
        for key, specialty in posts:
            take(key, self.room[key][0], NEAREST[specialty], True)

    @staticmethod
    def gone(draft: Draft, on: date) -> bool:
        """Left the area by ``on``."""
        moved = draft.resident.moved_away_on
        return moved is not None and moved <= on

    # decisions

    def decide(self, draft: Draft, key: str, kind: str, number: str, on: date) -> None:
        unit, post = self.specs[key]
        commander_decision_record(
            actor=None,
            reservist=draft.recorded,
            unit=self.units[unit.key],
            position=post.title,
            kind=kind,
            decision_number=number,
            decided_on=on,
            signer=PROVINCE_SIGNER if unit.company_level else CITY_SIGNER,
        )

    def appoint_2021(self, commanders: Commanders) -> None:
        for key, draft in commanders.holders.items():
            self.arrange(draft, key, self.day(ARRANGED_2021, draft.code))
        for key, draft in commanders.holders.items():
            company = self.specs[key][0].company_level
            number = "45/QĐ-BCH" if company else "112/QĐ-BCH"
            self.decide(draft, key, DecisionKind.APPOINTMENT, number, APPOINTED_2021)

    def decisions_spring(self, commanders: Commanders) -> None:
        """March: the leader of Trung đội 2 becomes deputy commander of company 1
        and a new reserve officer takes the platoon; May: the signals platoon
        gets its leader. Three appointments, one dismissal."""
        on = date(2023, 3, 20)
        deputy = commanders.holders.get("b2:0")
        if deputy is not None:
            self.decide(deputy, "b2:0", DecisionKind.DISMISSAL, "58/QĐ-BCH", on)
            self.end(deputy, on, "Bổ nhiệm Đại đội phó theo Quyết định số 31/QĐ-BCH")
            self.arrange(deputy, "c1:1", on)
            self.decide(deputy, "c1:1", DecisionKind.APPOINTMENT, "31/QĐ-BCH", on)
            if commanders.newcomer is not None:
                self.arrange(commanders.newcomer, "b2:0", on)
                self.decide(commanders.newcomer, "b2:0", DecisionKind.APPOINTMENT, "59/QĐ-BCH", on)
        if commanders.signals is not None:
            on = date(2023, 5, 15)
            self.arrange(commanders.signals, "signals:0", on)
            self.decide(commanders.signals, "signals:0", DecisionKind.APPOINTMENT, "96/QĐ-BCH", on)

    def decisions_autumn(self, commanders: Commanders, drafts: list[Draft]) -> None:
        """September: the transport squad's leader, found unfit, is dismissed (and
        removed at the review); one of its drivers is appointed in his place."""
        leader = commanders.holders.get("transport:0")
        driver = next(
            (
                d
                for d in drafts
                if self.post_of(d) == "transport:1"
                and d.specialty == "511"
                and d.health <= 2
                and d.resident.moved_away_on is None
            ),
            None,
        )
        if leader is None or driver is None:
            return
        on = date(2023, 9, 25)
        self.decide(leader, "transport:0", DecisionKind.DISMISSAL, "187/QĐ-BCH", on)
        self.end(leader, on, "Miễn nhiệm Tiểu đội trưởng theo Quyết định số 187/QĐ-BCH")
        leader.health = 4
        reservist_update(
            actor=None,
            reservist=leader.recorded,
            data=leader.data,
            reserve_class=leader.recorded.reserve_class,
        )
        self.end(driver, on, "Bổ nhiệm Tiểu đội trưởng theo Quyết định số 188/QĐ-BCH")
        self.arrange(driver, "transport:0", on)
        self.decide(driver, "transport:0", DecisionKind.APPOINTMENT, "188/QĐ-BCH", on)

    def post_of(self, draft: Draft) -> str:
        current = self.current.get(draft.pk)
        return current[0] if current else ""

    # readiness checks and equipment

    def subtree(self, key: str) -> set[str]:
        keys = {key}
        for spec in UNITS:
            if spec.parent in keys:
                keys.add(spec.key)
        return keys

    def checks(self) -> None:
        for check in CHECKS:
            units = self.subtree(check.unit)
            arranged = sum(n for key, n in self.held.items() if self.specs[key][0].key in units)
            if not arranged:
                continue
            readiness_check_record(
                actor=None,
                unit=self.units[check.unit],
                checked_on=check.on,
                kind=check.kind,
                present_count=max(1, arranged * check.present_percent // 100),
                result=check.result,
                note=check.note,
            )

    def equipment(self) -> None:
        count = min(len(VEHICLES), max(4, scaled(VEHICLES_AT_DEFAULT, self.pool.scale)))
        rng = random.Random(f"{SEED}-reserve-equipment")
        owners = [
            r
            for r in self.pool.residents
            if r.is_male and 30 <= r.age(YEAR_END) <= 55 and r.moved_away_on is None
        ]
        rng.shuffle(owners)
        for vehicle in VEHICLES[:count]:
            owner = None if vehicle.owner or not owners else owners.pop()
            if owner is not None:
                name, unit, person = owner.person.full_name, owner.code, owner.person
            else:
                name, unit, person = vehicle.owner or FALLBACK_OWNER[0], vehicle.commune, None
                unit = vehicle.commune if vehicle.owner else FALLBACK_OWNER[1]
            equipment_register(
                actor=None,
                managed_by=self.tree.units[unit],
                data=EquipmentData(
                    owner_name=name,
                    kind=vehicle.kind,
                    plate_or_serial=vehicle.plate,
                    condition=vehicle.condition,
                    description=vehicle.description,
                    owner_person=person,
                ),
                registered_on=vehicle.registered_on,
                earmarked_unit=self.units[vehicle.unit],
            )

    # the 2023 review

    def vacancy(self, draft: Draft) -> tuple[str, bool] | None:
        """A post with room within its spare that ``draft`` fits, his own specialty
        first: (post, exact match)."""
        for near in (False, True):
            for key in self.rank_posts():
                specialty = self.specs[key][1].specialty
                fits = (
                    draft.specialty in NEAREST[specialty] if near else specialty == draft.specialty
                )
                if fits and self.held[key] < self.room[key][2]:
                    return key, not near
        return None

    def review(self, drafts: list[Draft]) -> None:
        """Every reservist in the register, commune by commune in October."""
        wanted = max(1, scaled(REARRANGED, self.pool.scale))
        rearranged = 0
        order = sorted(
            (d for d in drafts if d.reservist is not None),
            key=lambda d: (COMMUNE_CODES.index(d.code), d.resident.person.sort_name, d.pk),
        )
        for draft in order:
            on = self.day(REVIEW_FROM, draft.code)
            moved = draft.resident.moved_away_on
            gone = moved is not None and moved <= on
            outcome, note, reason = ReviewOutcome.KEEP, "", ""
            move: tuple[str, bool] | None = None
            if moved is not None and gone:
                outcome, reason = ReviewOutcome.REMOVE, RemovalReason.MOVED_AWAY
                note = f"Đã chuyển khỏi địa bàn ngày {vn_date(moved)}"
            elif draft.health > 3:
                outcome, reason = ReviewOutcome.REMOVE, RemovalReason.HEALTH
                note = f"Sức khỏe loại {draft.health}, không đủ điều kiện phục vụ trong ngạch dự bị"
            elif rearranged < wanted and (move := self.rearrangement(draft)) is not None:
                outcome = ReviewOutcome.REARRANGE
                unit, post = self.specs[move[0]]
                note = f"Sắp xếp lại vào {post.title}, {unit.name}" + (
                    " (đúng chuyên nghiệp quân sự)" if move[1] else " (chuyên nghiệp gần nhất)"
                )
                rearranged += 1
            else:
                note = self.age_note(draft)
            reserve_review_record(
                actor=None,
                reservist=draft.recorded,
                year=YEAR,
                reviewed_on=on,
                residence_confirmed=not gone,
                health_confirmed=True,
                specialty_confirmed=bool(draft.specialty),
                outcome=outcome,
                note=note,
                removal_reason=reason,
            )
            if outcome == ReviewOutcome.REMOVE:
                if draft.pk in self.current:  # the service ended it
                    key, _ = self.current.pop(draft.pk)
                    self.held[key] -= 1
            elif move is not None:
                if draft.pk in self.current:
                    self.end(draft, on, "Sắp xếp lại theo kết quả rà soát năm 2023")
                reason = "" if move[1] else self.near_reason(draft, move[0])
                self.arrange(draft, move[0], on, reason)

    def rearrangement(self, draft: Draft) -> tuple[str, bool] | None:
        """Into a vacancy of his own specialty when arranged by the nearest one;
        into any vacancy he fits when not arranged."""
        if not draft.may_be_arranged():
            return None
        current = self.current.get(draft.pk)
        if current is None:
            return self.vacancy(draft)
        if self.specs[current[0]][1].specialty == draft.specialty:
            return None
        found = self.vacancy(draft)
        return found if found is not None and found[1] else None

    def age_note(self, draft: Draft) -> str:
        person = draft.resident.person
        last = age_limit(
            sex=person.sex,
            birth_date=person.birth_date,
            rank_group=draft.rank_group,
            rank=draft.rank,
            on=YEAR_END,
        ).last_day
        if last.year != YEAR + 1:
            return ""
        return (
            f"Hết tuổi phục vụ trong ngạch dự bị ngày {vn_date(last)}: giải ngạch năm {last.year}"
        )


def is_built(tree: DemoTree) -> bool:
    return (
        ReserveUnit.objects.filter(org_unit=tree.city_command).exists()
        or Reservist.objects.filter(managed_by__in=list(tree.units.values())).exists()
    )


def build_reserves(tree: DemoTree, pool: Pool) -> bool:
    """Record the city's reserve register unless it has one; returns whether it
    recorded anything."""
    if is_built(tree):
        return False
    drafts = plan_reservists(pool)
    if not drafts:
        return False
    commanders = plan_commanders(drafts)
    recorder = _Recorder(tree, pool)
    recorder.create_units()
    recorder.register(drafts)
    before_2021 = [d for d in drafts if d.registered_on < ARRANGED_2021]
    recorder.appoint_2021(commanders)
    recorder.fill(before_2021, ARRANGED_2021)
    recorder.equipment()
    # 2023: the new commanders in March and May, the newcomers in April (first).
    recorder.decisions_spring(commanders)
    newcomers = [d for d in drafts if d.registered_on >= ARRANGED_2021]
    recorder.fill(newcomers + before_2021, ARRANGED_2023)
    recorder.checks()
    recorder.decisions_autumn(commanders, drafts)
    recorder.review(drafts)
    return True


def describe(tree: DemoTree) -> ReserveSummary:
    """The city's reserve figures of 2023, from the indicators."""
    city = tree.city

    def value(code: str) -> Decimal | None:
        answer = indicator_value(code, org_unit=city, year=YEAR)
        return answer.value if isinstance(answer.value, Decimal) else None

    equipment = ReserveEquipment.objects.filter(
        Q(released_on__isnull=True) | Q(released_on__gt=YEAR_END),
        managed_by__path__startswith=city.path,
        registered_on__lte=YEAR_END,
    ).count()
    return ReserveSummary(
        count=indicator_value("reserves.count", org_unit=city, year=YEAR).numerator,
        arranged_pct=value("reserves.arranged_pct"),
        reviewed_pct=value("reserves.reviewed_pct"),
        appointments=indicator_value("reserves.appointments", org_unit=city, year=YEAR).numerator,
        dismissals=indicator_value("reserves.dismissals", org_unit=city, year=YEAR).numerator,
        equipment=equipment,
    )
