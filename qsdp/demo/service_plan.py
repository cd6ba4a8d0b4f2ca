"""The military-service history of the demo's men, planned from the synthetic
people with a fixed seed (pure: no ORM).

Four call-up years of Thành phố Bắc Kạn, before the 2025 reform:

- 2021 and 2022, kept minimal: the quotas and the men who enlisted (examined
  fit, listed, ordered, handed over), because they come home in 2023 and 2024;
- 2023, the full cycle: deferrals and exemptions, examinations in November and
  December 2022 (with the education and political checks), quotas down to the
  wards and communes, approved lists with a reserve, orders, one substitution
  from the reserve list, handover on 13/02/2023;
- 2024, the same, with handover on 25/02/2024 (Bắc Kạn was on the first of the
  three national handover days, 25–27/02/2024).

The soldiers of 2021 are discharged in February 2023 and all register into the
reserve within 15 working days; those of 2022 in February 2024, one of whom
never registers (the overdue returnee of the demo).

A cycle is planned once the cycles before it are recorded: who the services put
on the primary list (and so who enlisted) is known only then, and ``History``
carries it. The quotas are those of the real city at the default 3,000 people
(45 in 2023) and shrink with a smaller demo; no commune gets more than its fit
men less one, so every list has a reserve. Decision numbers are synthetic.
"""

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from math import ceil
from typing import Any, TypeVar

from qsdp.core.calendar import WorkCalendar
from qsdp.core.holidays_vn import vietnam_year_days
from qsdp.demo import names
from qsdp.demo.names import CITY_UNITS
from qsdp.demo.population import SEED, SyntheticPerson, TransferPlan
from qsdp.military_service import rules
from qsdp.military_service.models import PoliticalCheckItem
from qsdp.military_service.rules import ReasonCode
from qsdp.military_service.rules.health import MIN_GRADE
from qsdp.military_service.rules.registration import MEN_FROM_AGE
from qsdp.people.choices import Sex

T = TypeVar("T")

DEFAULT_PEOPLE = 3000  # the size the quotas below are for
# Men whose registration the demo records: the call-up ages of 2021–2024 and
# the cohort that turns 17 in 2024.
REGISTERED_BIRTH_YEARS = (1997, 2007)
COMMUNE_CODES = tuple(unit.code for unit in CITY_UNITS)
UNIT_BY_CODE = {unit.code: unit for unit in CITY_UNITS}

CITY_CHAIRMAN = "Lường Văn Khánh"  # the demo's chairman (account lanhdao.thanhpho)
DECISION_SIGNER = f"{CITY_CHAIRMAN}, Chủ tịch UBND thành phố Bắc Kạn"
DISCHARGE_SIGNER = "Thủ trưởng đơn vị quản lý quân nhân"
REPORT_PLACE = "Điểm giao nhận quân thành phố Bắc Kạn, phường Đức Xuân"

# Health: each indicator is scored 1–6, the class is the worst score (Circular
# 16/2016, then 105/2023). Realistic shares of the classes among the examined.
INDICATORS: tuple[tuple[str, int], ...] = (  # (indicator, weight as the limiting one)
    ("Thể lực", 30),
    ("Mắt", 22),
    ("Răng - Hàm - Mặt", 12),
    ("Nội khoa", 12),
    ("Tai - Mũi - Họng", 10),
    ("Ngoại khoa", 8),
    ("Da liễu", 4),
    ("Thần kinh - Tâm thần", 2),
)
CLASS_WEIGHTS: tuple[tuple[int, int], ...] = ((1, 10), (2, 46), (3, 28), (4, 11), (5, 4), (6, 1))
FIT_CLASS_WEIGHTS: tuple[tuple[int, int], ...] = ((1, 25), (2, 75))
OTHER_SCORE_WEIGHTS: tuple[tuple[int, int], ...] = ((1, 60), (2, 35), (3, 5))
# Myopia by the eye score: 3 is the "1.5 D or more" that excluded class 3
# before 2025 (Circular 148/2018), above it is "not yet fit".
MYOPIA_BY_EYE_SCORE: dict[int, tuple[str | None, ...]] = {
    1: (None,),
    2: (None, None, "0.5", "0.75", "1.0", "1.25"),
    3: ("1.5", "1.75", "2.0", "2.5"),
}
MYOPIA_WORSE = ("3.0", "3.5", "4.0", "5.0")
# BMI by the physical score: ranges (low, high), one drawn.
BMI_BY_SCORE: dict[int, tuple[tuple[float, float], ...]] = {
    1: ((18.5, 24.9),),
    2: ((18.0, 18.4), (25.0, 26.9)),
    3: ((27.0, 29.9),),
    4: ((16.5, 17.9), (30.0, 31.9)),
    5: ((15.5, 16.4), (32.0, 34.9)),
    6: ((14.5, 15.4), (35.0, 37.0)),
}
FIT_CLASSES = 3  # classes 1–3 are called up; 4–6 are "not yet fit" (Điều 41 khoản 1 điểm a)
EXAM_RATIO = 2.5  # men examined per man of the quota (pre-screening lets through ~2–3×)
RESERVE_SHARE = 4  # at least quota / 4 fit men left for the reserve list

# A few special cases per 3,000 people, scaled down with the demo.
SOLE_LABOURERS = 3
STANDING_MILITIA = 4
EXEMPTIONS: tuple[tuple[ReasonCode, dict[str, Any]], ...] = (
    (ReasonCode.CHILD_OF_WAR_INVALID, {"invalid_grade": 1}),
    (
        ReasonCode.CHILD_OF_SICK_SOLDIER,
        {"parent_work_capacity_loss_percent": 81, "is_the_one_designated_child": True},
    ),
    (ReasonCode.BROTHER_OF_FALLEN_SOLDIER, {"is_the_one_designated_brother": True}),
)
MILITIA_UNTIL = date(2024, 12, 31)  # the end of their two years of standing duty


@dataclass(frozen=True)
class Cycle:
    """The dates and decisions of one call-up year (synthetic numbers)."""

    year: int
    handover: date
    province_quota: int
    city_quota: int  # at DEFAULT_PEOPLE; scaled with the demo
    province_decision: tuple[date, str]  # the Prime Minister's
    city_decision: tuple[date, str]  # UBND tỉnh Bắc Kạn to the city
    communes_decision: tuple[date, str]  # UBND thành phố to its wards and communes
    exams_from: tuple[date, date]  # the first wards in November, the rest in December
    decisions_on: date  # deferrals and exemptions of the year
    deferral_decision: str
    exemption_decision: str
    political_on: date
    list_built_on: date
    list_approved_on: date
    orders_on: date
    minimal: bool = False  # only the men who enlisted

    @property
    def deferral_until(self) -> date:
        """A deferral re-checked every year runs to the end of the call-up year."""
        return date(self.year, 12, 31)


CYCLES: tuple[Cycle, ...] = (
    Cycle(
        2021,
        handover=date(2021, 2, 27),
        province_quota=520,
        city_quota=42,
        province_decision=(date(2020, 10, 15), "1592/QĐ-TTg"),
        city_decision=(date(2020, 11, 12), "2104/QĐ-UBND"),
        communes_decision=(date(2020, 11, 26), "3012/QĐ-UBND"),
        exams_from=(date(2020, 11, 16), date(2020, 12, 7)),
        decisions_on=date(2020, 12, 29),
        deferral_decision="",
        exemption_decision="",
        political_on=date(2021, 1, 5),
        list_built_on=date(2021, 1, 8),
        list_approved_on=date(2021, 1, 12),
        orders_on=date(2021, 2, 1),
        minimal=True,
    ),
    Cycle(
        2022,
        handover=date(2022, 2, 16),
        province_quota=530,
        city_quota=44,
        province_decision=(date(2021, 10, 14), "1698/QĐ-TTg"),
        city_decision=(date(2021, 11, 10), "2231/QĐ-UBND"),
        communes_decision=(date(2021, 11, 25), "3087/QĐ-UBND"),
        exams_from=(date(2021, 11, 15), date(2021, 12, 6)),
        decisions_on=date(2021, 12, 28),
        deferral_decision="",
        exemption_decision="",
        political_on=date(2022, 1, 5),
        list_built_on=date(2022, 1, 7),
        list_approved_on=date(2022, 1, 11),
        orders_on=date(2022, 1, 24),
        minimal=True,
    ),
    Cycle(
        2023,
        handover=date(2023, 2, 13),
        province_quota=550,
        city_quota=45,
        province_decision=(date(2022, 10, 13), "1205/QĐ-TTg"),
        city_decision=(date(2022, 11, 9), "2318/QĐ-UBND"),
        communes_decision=(date(2022, 11, 24), "3125/QĐ-UBND"),
        exams_from=(date(2022, 11, 14), date(2022, 12, 5)),
        decisions_on=date(2022, 12, 28),
        deferral_decision="3168/QĐ-UBND",
        exemption_decision="3169/QĐ-UBND",
        political_on=date(2023, 1, 4),
        list_built_on=date(2023, 1, 6),
        list_approved_on=date(2023, 1, 10),
        orders_on=date(2023, 1, 30),
    ),
    Cycle(
        2024,
        handover=date(2024, 2, 25),
        province_quota=560,
        city_quota=48,
        province_decision=(date(2023, 10, 12), "1187/QĐ-TTg"),
        city_decision=(date(2023, 11, 8), "2402/QĐ-UBND"),
        communes_decision=(date(2023, 11, 23), "3219/QĐ-UBND"),
        exams_from=(date(2023, 11, 13), date(2023, 12, 4)),
        decisions_on=date(2023, 12, 27),
        deferral_decision="3275/QĐ-UBND",
        exemption_decision="3276/QĐ-UBND",
        political_on=date(2024, 1, 3),
        list_built_on=date(2024, 1, 5),
        list_approved_on=date(2024, 1, 9),
        orders_on=date(2024, 2, 5),
    ),
)
CYCLE_BY_YEAR = {cycle.year: cycle for cycle in CYCLES}


@dataclass(frozen=True)
class Dropout:
    """After the orders of 2023, the last man of the primary list of ``unit``
    is deferred (his father disabled in an accident) and replaced from the reserve."""

    unit: str
    deferred_on: date = date(2023, 2, 3)
    decision: str = "215/QĐ-UBND"
    valid_until: date = date(2023, 12, 31)
    substituted_on: date = date(2023, 2, 6)
    reason_code: ReasonCode = ReasonCode.SOLE_LABORER_SUPPORTING_DEPENDENTS

    @property
    def reason(self) -> str:
        return (
            f"Được tạm hoãn gọi nhập ngũ theo Quyết định số {self.decision} ngày "
            f"{self.deferred_on:%d/%m/%Y}: lao động duy nhất nuôi cha bị tai nạn lao động "
            "mất khả năng lao động"
        )


@dataclass(frozen=True)
class Returns:
    """The soldiers of ``enlisted_in`` back home: discharged on ``discharged_on``,
    received home from ``returned_from`` over three days."""

    year: int
    enlisted_in: int
    discharged_on: date
    returned_from: date
    first_decision: int  # the discharge decisions are numbered from it


RETURNS: tuple[Returns, ...] = (
    Returns(2023, 2021, discharged_on=date(2023, 2, 24), returned_from=date(2023, 2, 27),
            first_decision=112),
    Returns(2024, 2022, discharged_on=date(2024, 2, 16), returned_from=date(2024, 2, 19),
            first_decision=87),
)  # fmt: skip


@dataclass(frozen=True)
class Registration:
    person: int  # index into the people
    on: date


@dataclass(frozen=True)
class Decision:
    """A deferral (``valid_until`` given) or an exemption of ``call_up_year``."""

    person: int
    reason_code: ReasonCode
    decided_on: date
    number: str
    call_up_year: int
    valid_until: date | None = None
    facts: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Exam:
    person: int
    unit: str  # the code of his ward or commune
    on: date
    scores: dict[str, int]
    myopia: Decimal | None
    bmi: Decimal
    health_class: int
    fit: bool  # may be called up, by the rules in force on the day


@dataclass(frozen=True)
class PoliticalCheck:
    person: int
    on: date
    items: dict[str, bool]
    checked_by: str

    @property
    def passed(self) -> bool:
        return all(self.items.values())


@dataclass(frozen=True)
class CyclePlan:
    cycle: Cycle
    city_quota: int
    quotas: dict[str, int]  # ward or commune code → quota (those with one)
    deferrals: list[Decision]
    exemptions: list[Decision]
    exams: list[Exam]  # with the education check on the same day (not in minimal cycles)
    health_deferrals: list[Decision]
    political: list[PoliticalCheck]
    dropout: Dropout | None = None

    @property
    def fit(self) -> dict[str, int]:
        """Fit men examined, per unit: the service lists them, primary then reserve."""
        failed = {check.person for check in self.political if not check.passed}
        counts = dict.fromkeys(self.quotas, 0)
        for exam in self.exams:
            if exam.fit and exam.person not in failed:
                counts[exam.unit] = counts.get(exam.unit, 0) + 1
        return counts


@dataclass(frozen=True)
class ReturnPlan:
    person: int
    discharged_on: date
    decision_number: str
    returned_on: date
    registered_on: date | None  # None: never registered into the reserve


@dataclass
class History:
    """What the cycles recorded so far decided about each man (by index)."""

    people: Sequence[SyntheticPerson]
    men: list[int]  # the men in the cycles: registered, never moved
    enlisted: dict[int, int] = field(default_factory=dict)  # → call-up year
    exempt: set[int] = field(default_factory=set)
    deferred_until: dict[int, date] = field(default_factory=dict)
    college_deferred: set[int] = field(default_factory=set)  # age runs to 27
    studies_deferred: set[int] = field(default_factory=set)  # the course is deferred once
    sole_labourers: set[int] = field(default_factory=set)
    militia: set[int] = field(default_factory=set)
    exemption_grounds: dict[int, tuple[ReasonCode, dict[str, Any]]] = field(default_factory=dict)

    @property
    def scale(self) -> float:
        return len(self.people) / DEFAULT_PEOPLE

    def unit(self, person: int) -> str:
        return self.people[person].unit.code

    def special(self) -> set[int]:
        return self.sole_labourers | self.militia | set(self.exemption_grounds)


def _pick(rng: random.Random, table: Sequence[tuple[T, int]]) -> T:
    return rng.choices([v for v, _ in table], weights=[w for _, w in table])[0]


def calendar() -> WorkCalendar:
    """The working calendar of the code (holidays, Tết, known swaps): the plan
    does not read the database."""
    return WorkCalendar.from_days(fallback=vietnam_year_days)


def working_day(on: date, after: int = 0, *, cal: WorkCalendar | None = None) -> date:
    """The first working day on or after ``on``, then ``after`` working days more."""
    cal = cal or calendar()
    while not cal.is_working_day(on):
        on += timedelta(days=1)
    return cal.add_working_days(on, after) if after else on


def scaled(number: int, scale: float) -> int:
    return int(number * scale + 0.5)


# --- registration -----------------------------------------------------------


def plan_registrations(
    people: Sequence[SyntheticPerson], transfers: Sequence[TransferPlan]
) -> list[Registration]:
    """The first registrations of the men born 1997–2007, in April of the year
    each turned 17, in person (online registration came only in July 2025); a
    man who moved before his April is left to register at his new place."""
    moved_out = {plan.person: plan.out_on for plan in transfers}
    cal = calendar()
    first_year, last_year = REGISTERED_BIRTH_YEARS
    plans = []
    for index, person in enumerate(people):
        born = person.data.birth_date
        if person.data.sex != Sex.MALE or not first_year <= born.year <= last_year:
            continue
        year = born.year + MEN_FROM_AGE
        unit_index = COMMUNE_CODES.index(person.unit.code)
        rng = random.Random(f"{SEED}-registration-{index}")
        day = working_day(date(year, 4, 3), unit_index + rng.randint(0, 2), cal=cal)
        if index in moved_out and moved_out[index] <= day:
            continue
        plans.append(Registration(index, day))
    return plans


# --- the cycles --------------------------------------------------------------


def start(
    people: Sequence[SyntheticPerson],
    transfers: Sequence[TransferPlan],
    registrations: Sequence[Registration],
) -> History:
    """The men the cycles draw on (registered and never moved) and the few
    special cases: sole labourers, standing militia, exemptions."""
    movers = {plan.person for plan in transfers}
    men = sorted(r.person for r in registrations if r.person not in movers)
    history = History(people, men)
    # Drawn among the men of call-up age in 2023 who work (not students).
    pool = [
        i
        for i in men
        if 1998 <= people[i].data.birth_date.year <= 2004
        and people[i].data.occupation not in (names.STUDENT, names.UNDERGRADUATE)
    ]
    random.Random(f"{SEED}-special").shuffle(pool)
    exempt = scaled(len(EXEMPTIONS), history.scale)
    sole = scaled(SOLE_LABOURERS, history.scale)
    militia = scaled(STANDING_MILITIA, history.scale)
    for n, index in enumerate(pool[:exempt]):
        history.exemption_grounds[index] = EXEMPTIONS[n % len(EXEMPTIONS)]
    farmers = [
        i for i in pool[exempt:] if people[i].data.occupation in ("Làm nông", "Lao động tự do")
    ]
    history.sole_labourers.update(farmers[:sole])
    rest = [i for i in pool[exempt:] if i not in history.sole_labourers]
    history.militia.update(rest[:militia])
    return history


def _within_age(history: History, person: int, on: date) -> bool:
    answer = rules.call_up_age(
        sex=Sex.MALE,
        birth_date=history.people[person].data.birth_date,
        reference_date=on,
        deferred_for_college_or_university_training=person in history.college_deferred,
    )
    return bool(answer.within_call_up_age)


def _deferred_on(history: History, person: int, on: date) -> bool:
    until = history.deferred_until.get(person)
    return until is not None and until >= on


def _study_deferral(history: History, person: int, cycle: Cycle) -> tuple[ReasonCode, date] | None:
    """Deferral point g for a pupil or a full-time student, once for the course."""
    data = history.people[person].data
    if person in history.studies_deferred:
        return None  # the course he was deferred for is over: he is a graduate
    age = 2023 - data.birth_date.year  # the occupations are those of 2023
    if data.occupation == names.STUDENT:
        return ReasonCode.GENERAL_SCHOOL_STUDENT, date(2023 + 17 - age + 1, 6, 30)
    if data.occupation != names.UNDERGRADUATE:
        return None
    if data.workplace.startswith("Trường Cao đẳng"):
        code, last_age = ReasonCode.FULL_TIME_COLLEGE_STUDENT, 21
    else:
        code, last_age = ReasonCode.FULL_TIME_UNIVERSITY_STUDENT, 22
    until = date(2023 + max(0, last_age - age), 6, 30)
    return (code, until) if until >= cycle.decisions_on else None


def draw_exam(person: int, unit: str, on: date, year: int, *, fit_only: bool = False) -> Exam:
    """The examination of ``person`` for the call-up of ``year`` (the same on
    every run): scores, myopia and BMI consistent with the class."""
    rng = random.Random(f"{SEED}-exam-{year}-{person}")
    klass = _pick(rng, FIT_CLASS_WEIGHTS if fit_only else CLASS_WEIGHTS)
    limiting = _pick(rng, INDICATORS)
    scores = {
        name: klass if name == limiting else min(klass, _pick(rng, OTHER_SCORE_WEIGHTS))
        for name, _ in INDICATORS
    }
    if fit_only:
        scores["Mắt"] = min(scores["Mắt"], 2)
    eyes = scores["Mắt"]
    myopia_text = rng.choice(MYOPIA_BY_EYE_SCORE.get(eyes, MYOPIA_WORSE))
    low, high = rng.choice(BMI_BY_SCORE[scores["Thể lực"]])
    bmi = Decimal(str(round(rng.uniform(low, high), 1)))
    myopia = Decimal(myopia_text) if myopia_text else None
    answer = rules.health(
        indicator_scores=list(scores.values()),
        myopia_diopters=float(myopia) if myopia is not None else None,
        bmi=float(bmi),
        on=on,
    )
    return Exam(person, unit, on, scores, myopia, bmi, answer.health_class, answer.may_be_called_up)


def exam_day(cycle: Cycle, unit: str, cal: WorkCalendar) -> date:
    """Each ward's day before the city's examination council: four in November,
    four in December."""
    index = COMMUNE_CODES.index(unit)
    return working_day(cycle.exams_from[index // 4], index % 4, cal=cal)


def allocate(total: int, weights: dict[str, int], caps: dict[str, int]) -> dict[str, int]:
    """``total`` split over the units: one each first (when it goes round), then
    by the highest average (D'Hondt), never above a unit's cap."""
    quotas = dict.fromkeys(weights, 0)
    open_units = [code for code in weights if caps.get(code, 0) > 0]
    if total >= len(open_units):
        for code in open_units:
            quotas[code] = 1
    left = total - sum(quotas.values())
    while left > 0:
        candidates = [code for code in open_units if quotas[code] < caps[code]]
        if not candidates:
            break
        best = max(
            candidates, key=lambda c: (weights[c] / (quotas[c] + 1), -COMMUNE_CODES.index(c))
        )
        quotas[best] += 1
        left -= 1
    return {code: number for code, number in quotas.items() if number}


def plan_cycle(history: History, cycle: Cycle) -> CyclePlan:
    """The cycle of ``cycle.year`` for the men as ``history`` leaves them
    (``history`` is updated with its decisions; the enlisted are added when
    recorded)."""
    if cycle.minimal:
        return _plan_minimal(history, cycle)
    return _plan_full(history, cycle)


def _free(history: History, cycle: Cycle) -> list[int]:
    """The men of call-up age on the handover day, not serving, not exempt."""
    return [
        i
        for i in history.men
        if i not in history.enlisted
        and i not in history.exempt
        and _within_age(history, i, cycle.handover)
    ]


def _plan_minimal(history: History, cycle: Cycle) -> CyclePlan:
    """Only the men who enlisted: working men of grade 8 or above, examined fit."""
    cal = calendar()
    special = history.special()
    pool = [
        i
        for i in _free(history, cycle)
        if i not in special
        and history.people[i].data.occupation
        not in (names.STUDENT, names.UNDERGRADUATE, names.OFFICIAL)
        and (history.people[i].data.education_grade or 0) >= MIN_GRADE
    ]
    by_unit: dict[str, list[int]] = {code: [] for code in COMMUNE_CODES}
    for i in pool:
        by_unit[history.unit(i)].append(i)
    caps = {code: len(men) for code, men in by_unit.items()}
    total = min(scaled(cycle.city_quota, history.scale), sum(caps.values()))
    quotas = allocate(total, {c: len(m) for c, m in by_unit.items()}, caps)
    exams: list[Exam] = []
    for code, number in quotas.items():
        men = by_unit[code]
        random.Random(f"{SEED}-enlisted-{cycle.year}-{code}").shuffle(men)
        day = exam_day(cycle, code, cal)
        exams.extend(
            draw_exam(i, code, day, cycle.year, fit_only=True) for i in sorted(men[:number])
        )
    return CyclePlan(cycle, sum(quotas.values()), quotas, [], [], exams, [], [])


def _plan_full(history: History, cycle: Cycle) -> CyclePlan:
    cal = calendar()
    free = _free(history, cycle)
    deferrals: list[Decision] = []
    exemptions: list[Decision] = []

    def defer(person: int, code: ReasonCode, until: date) -> None:
        deferrals.append(
            Decision(person, code, cycle.decisions_on, cycle.deferral_decision, cycle.year, until)
        )
        history.deferred_until[person] = until

    for i in free:
        if i in history.exemption_grounds:
            ground, facts = history.exemption_grounds[i]
            exemptions.append(
                Decision(
                    i, ground, cycle.decisions_on, cycle.exemption_decision, cycle.year, None, facts
                )
            )
            history.exempt.add(i)
        elif _deferred_on(history, i, cycle.handover):
            continue  # deferred in an earlier year, still
        elif i in history.militia:
            defer(i, ReasonCode.STANDING_MILITIA_MEMBER, MILITIA_UNTIL)
        elif i in history.sole_labourers:
            defer(i, ReasonCode.SOLE_LABORER_SUPPORTING_DEPENDENTS, cycle.deferral_until)
        elif (study := _study_deferral(history, i, cycle)) is not None:
            ground, until = study
            defer(i, ground, until)
            history.studies_deferred.add(i)
            if ground != ReasonCode.GENERAL_SCHOOL_STUDENT:
                history.college_deferred.add(i)
    candidates = [
        i
        for i in free
        if i not in history.exempt
        and not _deferred_on(history, i, cycle.handover)
        and (history.people[i].data.education_grade or 0) >= MIN_GRADE
    ]
    by_unit: dict[str, list[int]] = {code: [] for code in COMMUNE_CODES}
    for i in candidates:
        by_unit[history.unit(i)].append(i)
    drawn: dict[str, list[Exam]] = {}
    for code, men in by_unit.items():
        random.Random(f"{SEED}-examined-{cycle.year}-{code}").shuffle(men)
        day = exam_day(cycle, code, cal)
        drawn[code] = [draw_exam(i, code, day, cycle.year) for i in men]
    # A unit keeps at least one fit man for its reserve list.
    caps = {code: max(0, sum(e.fit for e in unit_exams) - 1) for code, unit_exams in drawn.items()}
    total = min(scaled(cycle.city_quota, history.scale), sum(caps.values()))
    quotas = allocate(total, {code: len(men) for code, men in by_unit.items()}, caps)
    exams: list[Exam] = []
    political: list[PoliticalCheck] = []
    failed_one = False
    for code, number in quotas.items():
        fit_all = sum(e.fit for e in drawn[code])
        reserve = min(fit_all - number, max(1, ceil(number / RESERVE_SHARE)))
        least = min(len(drawn[code]), ceil(number * EXAM_RATIO))
        examined: list[Exam] = []
        fit = 0
        for exam in drawn[code]:
            if fit >= number + reserve and len(examined) >= least:
                break
            examined.append(exam)
            fit += exam.fit
        exams.extend(examined)
        checker = f"Công an {UNIT_BY_CODE[code].address_name}"
        fit_men = [e.person for e in examined if e.fit]
        # One man of the largest surplus fails the political check.
        fails = None if failed_one or fit - number - reserve < 1 else fit_men[-1]
        failed_one = failed_one or fails is not None
        for person in fit_men:
            items = {item.value: True for item in PoliticalCheckItem}
            if person == fails:
                items[PoliticalCheckItem.NO_OFFENSIVE_TATTOO.value] = False
            political.append(PoliticalCheck(person, cycle.political_on, items, checker))
    health_deferrals = []
    for exam in exams:
        if exam.health_class > FIT_CLASSES:
            health_deferrals.append(
                Decision(
                    exam.person,
                    ReasonCode.HEALTH_NOT_YET_FIT,
                    cycle.decisions_on,
                    cycle.deferral_decision,
                    cycle.year,
                    cycle.deferral_until,
                )
            )
            history.deferred_until[exam.person] = cycle.deferral_until
    exams.sort(key=lambda e: (COMMUNE_CODES.index(e.unit), e.person))
    dropout = None
    if cycle.year == 2023 and quotas:
        unit = max(quotas, key=lambda c: (quotas[c], -COMMUNE_CODES.index(c)))
        dropout = Dropout(unit)
    return CyclePlan(
        cycle,
        sum(quotas.values()),
        quotas,
        deferrals,
        exemptions,
        exams,
        health_deferrals,
        political,
        dropout,
    )


def record_dropout(history: History, person: int, dropout: Dropout) -> None:
    """The man who dropped out is a sole labourer from now on."""
    history.sole_labourers.add(person)
    history.deferred_until[person] = dropout.valid_until


def record_enlisted(history: History, people: Iterable[int], year: int) -> None:
    history.enlisted.update(dict.fromkeys(people, year))


# --- the returnees -----------------------------------------------------------


def plan_returns(history: History, returns: Returns) -> list[ReturnPlan]:
    """The soldiers of ``returns.enlisted_in`` back home; in 2024 the last of
    them never registers into the reserve."""
    cal = calendar()
    soldiers = sorted(
        (i for i, year in history.enlisted.items() if year == returns.enlisted_in),
        key=lambda i: (COMMUNE_CODES.index(history.unit(i)), i),
    )
    plans = []
    for n, person in enumerate(soldiers):
        rng = random.Random(f"{SEED}-return-{returns.year}-{person}")
        returned = working_day(returns.returned_from, n % 3, cal=cal)
        registered: date | None = cal.add_working_days(returned, rng.randint(1, 12))
        if returns.year == 2024 and n == len(soldiers) - 1:
            registered = None
        plans.append(
            ReturnPlan(
                person,
                returns.discharged_on,
                f"{returns.first_decision + n}/QĐ-XN",
                returned,
                registered,
            )
        )
    return plans
