"""The militia (dân quân) of Thành phố Bắc Kạn up to the end of 2023, recorded
through the militia services with the system as actor.

- Units in every ward and commune: a mobile platoon with its first squad and
  two local squads; a standing squad where men were deferred from the 2023
  call-up as standing militia.
- Members from the register, about 1.8 % of each commune's people: men 18–45
  and some women 18–40, not students, neither deferred nor exempt from the
  call-up, never enlisted, not in the reserve register (a reservist arranged
  into a reserve unit is refused by ``member_add``); terms of 4 years (2 in the
  standing squad) begun from 2019 to 2023; the platoon, squad and village
  militia leaders command the units.
- 2023: the standing militia of 2021–2022 leaves on 1 January, its 24 months
  recognised as completed active service; the April registration, from the
  military-service first registrations and a few young women in person;
  deferrals and exemptions under Điều 11 in May (one exempt man joins as a
  volunteer); the terms of 2019 end in July: the platoon leaders of half the
  communes are extended by two years, the members leave; the new members of
  July; a member deferred in September (pregnant); the training days of the
  year, most complete, some short.

Built once: when a unit of the city has militia units the step records nothing.
"""

import random
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from qsdp.demo.forces import COMMUNE_CODES, UNIT_BY_CODE, Pool, Resident
from qsdp.demo.names import STUDENT, UNDERGRADUATE
from qsdp.demo.population import SEED
from qsdp.demo.service_plan import calendar, scaled, working_day
from qsdp.demo.units import DemoTree
from qsdp.military_service.rules import ReasonCode
from qsdp.militia import rules
from qsdp.militia.dates import add_years
from qsdp.militia.indicators import indicator_value
from qsdp.militia.models import (
    LeaveReason,
    MilitiaMember,
    MilitiaTypeChoices,
    MilitiaUnit,
    Position,
    UnitKind,
)
from qsdp.militia.rules import MilitiaStatus
from qsdp.militia.selectors.strength import members_on
from qsdp.militia.selectors.training import days_required
from qsdp.militia.services import (
    MemberData,
    UnitData,
    duty_decision_record,
    member_add,
    member_leave,
    registration_generate,
    registration_record,
    service_completion_record,
    term_extend,
    training_days_record,
    unit_create,
    unit_update,
)
from qsdp.people.choices import Sex
from qsdp.reserves.models import Reservist

YEAR = 2023
YEAR_END = date(YEAR, 12, 31)
# The day each year's new members began their term, after the April registration.
COHORTS = {
    2019: date(2019, 7, 15),
    2020: date(2020, 7, 13),
    2021: date(2021, 7, 12),
    2022: date(2022, 7, 11),
    2023: date(2023, 7, 17),
}
STANDING_FROM = date(2023, 1, 1)  # the standing squads' term of 2023–2024
FORMER_STANDING_FROM = date(2021, 1, 1)  # and the term before, ended on 1 January 2023
RECOGNISED_ON = date(2023, 1, 16)
RECOGNISED_BY = "Chỉ huy trưởng Ban CHQS thành phố Bắc Kạn"
REGISTERED_FROM = date(2023, 4, 3)  # the April registration, commune by commune
DECIDED_FROM = date(2023, 5, 8)  # the Điều 11 decisions of the year
EXTENDED_ON = date(2023, 6, 20)
PREGNANT_ON = date(2023, 9, 11)
MEMBERS_PER_100 = Decimal("1.8")
SHORT_TRAINING_EVERY = 8  # one member in eight trained a few days short
# At 3,000 people; at least one each when the demo has someone for it.
STUDENTS, SOLE_LABOURERS, MOTHERS, YOUNG_WOMEN = 3, 2, 2, 4

MOBILE, LOCAL, STANDING = (
    MilitiaTypeChoices.MOBILE,
    MilitiaTypeChoices.LOCAL,
    MilitiaTypeChoices.STANDING,
)


@dataclass(frozen=True)
class UnitSpec:
    key: str
    name: str
    militia_type: str
    kind: str
    parent: str | None = None


UNITS: tuple[UnitSpec, ...] = (
    UnitSpec("platoon", "Trung đội dân quân cơ động", MOBILE, UnitKind.PLATOON),
    UnitSpec("mobile", "Tiểu đội dân quân cơ động 1", MOBILE, UnitKind.SQUAD, "platoon"),
    UnitSpec("local1", "Tiểu đội dân quân tại chỗ 1", LOCAL, UnitKind.SQUAD),
    UnitSpec("local2", "Tiểu đội dân quân tại chỗ 2", LOCAL, UnitKind.SQUAD),
)
STANDING_UNIT = UnitSpec("standing", "Tiểu đội dân quân thường trực", STANDING, UnitKind.SQUAD)


@dataclass(frozen=True)
class Slot:
    unit: str
    position: str
    cohort: int
    women: bool = False  # taken by a woman when the commune has one to take it


# A commune's members in the order they are taken (the platoon leader and a
# woman of the first local squad first); a small demo stops early. The platoon
# leader of 2019 is extended in every other commune.
SLOTS: tuple[Slot, ...] = (
    Slot("platoon", Position.PLATOON_LEADER, 2019),
    Slot("local1", Position.MEMBER, 2022, women=True),
    Slot("local1", Position.VILLAGE_MILITIA_LEADER, 2020),
    Slot("mobile", Position.SQUAD_LEADER, 2021),
    Slot("local2", Position.VILLAGE_MILITIA_LEADER, 2021),
    Slot("mobile", Position.MEMBER, 2022),
    Slot("local1", Position.MEMBER, 2023, women=True),
    Slot("mobile", Position.MEMBER, 2023),
    Slot("local2", Position.MEMBER, 2022),
    Slot("local1", Position.MEMBER, 2021, women=True),
    Slot("mobile", Position.MEMBER, 2020),
    Slot("local2", Position.MEMBER, 2023),
    Slot("mobile", Position.MEMBER, 2021),
    Slot("local1", Position.MEMBER, 2022),
    Slot("mobile", Position.MEMBER, 2023),
)
# The member of 2019 whose term ended in July 2023 (communes with 4 members or more).
LEAVER = Slot("mobile", Position.MEMBER, 2019)


@dataclass
class MilitiaSummary:
    """The city's militia figures at the end of 2023 (what is in the register,
    not what the run added); ``built``: recorded by this run."""

    built: bool = False
    members: int = 0
    communes: int = 0  # wards and communes with members
    population_pct: Decimal | None = None


def _obligated(resident: Resident, on: date) -> bool:
    person = resident.person
    return rules.militia_age(
        sex=person.sex, birth_date=person.birth_date, reference_date=on
    ).obligated


class _Recorder:
    def __init__(self, tree: DemoTree, pool: Pool) -> None:
        self.tree = tree
        self.pool = pool
        self.calendar = calendar()
        self.units: dict[tuple[str, str], MilitiaUnit] = {}
        self.members: list[MilitiaMember] = []
        reservists = set(
            Reservist.objects.filter(managed_by__in=list(tree.units.values())).values_list(
                "person_id", flat=True
            )
        )
        former = {r.person.pk for r in pool.former_standing.values()}
        standing = {r.person.pk for men in pool.standing.values() for r in men}
        self.taken: set[int] = reservists | former | standing

    def day(self, base: date, code: str) -> date:
        return working_day(base, COMMUNE_CODES.index(code), cal=self.calendar)

    def signer(self, code: str) -> str:
        return f"Chủ tịch UBND {UNIT_BY_CODE[code].address_name}"

    # units and members

    def create_units(self) -> None:
        for code, org_unit in self.tree.units.items():
            specs = (*UNITS, STANDING_UNIT) if code in self.pool.standing else UNITS
            for spec in specs:
                parent = self.units[(code, spec.parent)] if spec.parent else None
                self.units[(code, spec.key)] = unit_create(
                    actor=None,
                    org_unit=org_unit,
                    data=UnitData(spec.name, spec.militia_type, spec.kind, parent),
                )

    def add(
        self,
        resident: Resident,
        unit: str,
        position: str,
        start: date,
        *,
        volunteer: bool = False,
    ) -> MilitiaMember:
        militia_unit = self.units[(resident.code, unit)]
        member = member_add(
            actor=None,
            person=resident.person,
            data=MemberData(
                militia_type=militia_unit.militia_type,
                term_start=start,
                unit=militia_unit,
                position=position,
                volunteer=volunteer,
            ),
        )
        self.taken.add(resident.person.pk)
        self.members.append(member)
        return member

    def free(self, code: str) -> list[Resident]:
        """Who in ``code`` may join: not a student, never enlisted, neither deferred
        nor exempt from the call-up, not a reservist, still living there."""
        residents = [
            r
            for r in self.pool.in_unit(code)
            if r.person.pk not in self.taken
            and r.moved_away_on is None
            and r.enlisted_in is None
            and not r.deferrals
            and not r.exemption
            and r.person.occupation not in (STUDENT, UNDERGRADUATE)
        ]
        random.Random(f"{SEED}-militia-{code}").shuffle(residents)
        return residents

    def candidate(self, code: str, slot: Slot, woman: bool) -> Resident | None:
        start = COHORTS[slot.cohort]
        last = YEAR_END
        if slot.position == Position.PLATOON_LEADER and slot.cohort == 2019:
            last = add_years(add_years(start, 4), 2)  # extended by two years
        for resident in self.free(code):
            if (resident.person.sex == Sex.FEMALE) != woman:
                continue
            age = resident.age(start)
            if slot.position != Position.MEMBER and not 25 <= age <= 40:
                continue
            if woman and not 20 <= age <= 36:
                continue
            if _obligated(resident, start) and _obligated(resident, last):
                return resident
        return None

    def commune_members(self, code: str) -> None:
        people = len(self.pool.in_unit(code))
        wanted = max(1, int(MEMBERS_PER_100 * people / 100 + Decimal("0.5")))
        for slot in SLOTS[:wanted]:
            if slot.cohort == 2019 and COMMUNE_CODES.index(code) % 2:
                slot = Slot(slot.unit, slot.position, 2020)  # a leader not to be extended
            found = (slot.women and self.candidate(code, slot, True)) or self.candidate(
                code, slot, False
            )
            if found is not None:
                self.add(found, slot.unit, slot.position, COHORTS[slot.cohort])
        if wanted >= 4:
            leaver = self.candidate(code, LEAVER, False)
            if leaver is not None:
                self.add(leaver, LEAVER.unit, LEAVER.position, COHORTS[LEAVER.cohort])

    def standing(self) -> None:
        """The standing squads: the term of 2021–2022 (then recognised), the men
        deferred from the 2023 call-up and their squad leader from 2023."""
        for code, men in self.pool.standing.items():
            former = self.pool.former_standing.get(code)
            if former is not None:
                self.add(former, "standing", Position.MEMBER, FORMER_STANDING_FROM)
            leader = next(
                (
                    r
                    for r in self.free(code)
                    if r.is_male
                    and 26 <= r.age(STANDING_FROM) <= 38
                    and _obligated(r, add_years(STANDING_FROM, 2))
                ),
                None,
            )
            if leader is not None:
                self.add(leader, "standing", Position.SQUAD_LEADER, STANDING_FROM)
            for man in men:
                self.add(man, "standing", Position.MEMBER, STANDING_FROM)

    def commanders(self) -> None:
        """Each unit is commanded by its leader (the first commander added to it)."""
        for member in self.members:
            unit = member.unit
            if unit is None or unit.commander_id or member.position == Position.MEMBER:
                continue
            unit.commander = member
            parent = unit.parent
            unit_update(
                actor=None,
                unit=unit,
                data=UnitData(unit.name, unit.militia_type, unit.kind, parent, member),
            )

    # 2023

    def recognise(self) -> None:
        """The standing militia of 2021–2022 leaves; its 24 months count as
        completed active service."""
        for member in self.members:
            if member.term_start != FORMER_STANDING_FROM:
                continue
            member = member_leave(
                actor=None,
                member=member,
                left_on=member.term_end,
                reason=LeaveReason.TERM_COMPLETED,
            )
            service_completion_record(
                actor=None,
                member=member,
                recognised_on=RECOGNISED_ON,
                decision_number="15/QĐ-BCH",
                decided_by=RECOGNISED_BY,
            )

    def registration(self) -> None:
        registration_generate(actor=None, org_unit=self.tree.city, year=YEAR)
        wanted = scaled(YOUNG_WOMEN, self.pool.scale)
        women = [
            r
            for r in self.pool.residents
            if r.person.sex == Sex.FEMALE and r.born.year == YEAR - 18 and r.moved_away_on is None
        ]
        for resident in women[:wanted]:
            registration_record(
                actor=None,
                person=resident.person,
                registered_on=self.day(REGISTERED_FROM, resident.code),
            )

    def decide(
        self,
        resident: Resident,
        status: str,
        number: int,
        until: date | None,
        on: date | None = None,
    ) -> None:
        duty_decision_record(
            actor=None,
            person=resident.person,
            status=status,
            decided_on=on or self.day(DECIDED_FROM, resident.code),
            valid_until=until,
            decision_number=f"{number}/QĐ-UBND",
            signer=self.signer(resident.code),
        )
        self.taken.add(resident.person.pk)

    def decisions(self) -> None:
        """Deferrals and exemptions of militia duty (Điều 11) for the men the
        call-up deferred or exempted and a few mothers; the first exempt man
        volunteers in July."""
        residents = [
            r
            for r in self.pool.residents
            if r.moved_away_on is None and r.person.pk not in self.taken
        ]
        number = 40
        sole = [
            r for r in residents if r.deferred_for(ReasonCode.SOLE_LABORER_SUPPORTING_DEPENDENTS)
        ]
        for resident in sole[: max(1, scaled(SOLE_LABOURERS, self.pool.scale))]:
            number += 1
            self.decide(resident, MilitiaStatus.SOLE_LABORER_POOR_HOUSEHOLD, number, YEAR_END)
        students = [
            (r, deferral[1])
            for r in residents
            if (
                deferral := r.deferred_for(
                    ReasonCode.FULL_TIME_UNIVERSITY_STUDENT, ReasonCode.FULL_TIME_COLLEGE_STUDENT
                )
            )
            and deferral[1] is not None
            and deferral[1] > DECIDED_FROM
            and _obligated(r, DECIDED_FROM)
        ]
        for resident, until in students[: max(1, scaled(STUDENTS, self.pool.scale))]:
            number += 1
            self.decide(resident, MilitiaStatus.STUDENT, number, until)
        exempt = [
            r
            for r in residents
            if r.exemption in (ReasonCode.CHILD_OF_WAR_INVALID, ReasonCode.CHILD_OF_SICK_SOLDIER)
        ]
        for resident in exempt:
            number += 1
            self.decide(resident, MilitiaStatus.SPOUSE_OR_CHILD_OF_INVALID_81_PLUS, number, None)
        mothers = [
            r for r in residents if r.person.sex == Sex.FEMALE and 22 <= r.age(DECIDED_FROM) <= 34
        ]
        random.Random(f"{SEED}-militia-mothers").shuffle(mothers)
        for resident in mothers[: max(1, scaled(MOTHERS, self.pool.scale))]:
            number += 1
            self.decide(
                resident, MilitiaStatus.RAISING_CHILD_UNDER_36_MONTHS, number, date(2025, 3, 31)
            )
        if exempt and _obligated(exempt[0], COHORTS[2023]):
            self.add(exempt[0], "local1", Position.MEMBER, COHORTS[2023], volunteer=True)

    def july(self) -> None:
        """The terms of 2019 end: the platoon leaders are extended, the others leave."""
        for member in self.members:
            if member.term_start != COHORTS[2019] or member.left_on is not None:
                continue
            code = next(c for c, u in self.tree.units.items() if u.pk == member.org_unit_id)
            if member.position == Position.PLATOON_LEADER:
                term_extend(
                    actor=None,
                    member=member,
                    extended_on=EXTENDED_ON,
                    new_term_end=add_years(member.term_end, 2),
                    decided_by=self.signer(code),
                    decision_number=f"{60 + COMMUNE_CODES.index(code)}/QĐ-UBND",
                )
            else:
                member_leave(
                    actor=None,
                    member=member,
                    left_on=member.term_end,
                    reason=LeaveReason.TERM_COMPLETED,
                )

    def pregnant(self) -> None:
        """A woman member is deferred (pregnant) and leaves the militia."""
        woman = next(
            (
                m
                for m in self.members
                if m.person.sex == Sex.FEMALE and m.term_start < COHORTS[2023] and not m.left_on
            ),
            None,
        )
        if woman is None:
            return
        code = next(c for c, u in self.tree.units.items() if u.pk == woman.org_unit_id)
        resident = next(r for r in self.pool.in_unit(code) if r.person.pk == woman.person_id)
        self.decide(resident, MilitiaStatus.PREGNANT, 75, date(2024, 6, 30), on=PREGNANT_ON)

    def training(self) -> None:
        """The days of 2023 of everyone in the militia after June."""
        members = MilitiaMember.objects.filter(pk__in=[m.pk for m in self.members]).order_by("pk")
        trained = [m for m in members if m.left_on is None or m.left_on >= date(YEAR, 7, 1)]
        for n, member in enumerate(trained):
            required = days_required(member, YEAR)
            short = n % SHORT_TRAINING_EVERY == SHORT_TRAINING_EVERY // 2
            done = max(0, required - 2 - n % 3) if short else required
            training_days_record(actor=None, member=member, year=YEAR, days_done=done)


def is_built(tree: DemoTree) -> bool:
    return MilitiaUnit.objects.filter(org_unit__in=list(tree.units.values())).exists()


def build_militia(tree: DemoTree, pool: Pool) -> bool:
    """Record the city's militia unless it has one; returns whether it recorded
    anything. Runs after the reserve register, whose reservists it leaves out."""
    if is_built(tree) or not pool.residents:
        return False
    recorder = _Recorder(tree, pool)
    recorder.create_units()
    recorder.standing()
    for code in COMMUNE_CODES:
        recorder.commune_members(code)
    recorder.commanders()
    recorder.recognise()
    recorder.registration()
    recorder.decisions()
    recorder.july()
    recorder.pregnant()
    recorder.training()
    return True


def describe(tree: DemoTree) -> MilitiaSummary:
    """The city's militia at the end of 2023, from the indicators."""
    pct = indicator_value("militia.population_pct", org_unit=tree.city, year=YEAR)
    communes = (
        members_on(YEAR_END)
        .filter(org_unit__path__startswith=tree.city.path)
        .values("org_unit")
        .distinct()
        .count()
    )
    return MilitiaSummary(
        members=pct.numerator,
        communes=communes,
        population_pct=pct.value if isinstance(pct.value, Decimal) else None,
    )
