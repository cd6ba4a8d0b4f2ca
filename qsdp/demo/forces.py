"""The residents of Thành phố Bắc Kạn the demo's reserve and militia draw on:
each with his place in the synthetic population and the facts the
military-service register holds on him (enlisted, back home and registered into
the reserve, deferred, exempt). Read once the military service and the 2023
moves are recorded; no writes.

Left out: whoever moved between the city's units in 2023 or is still to be
received (his reserve and militia records would belong to two communes). A
resident who left the area in 2023 stays in, with the day he left: the reserve
review removes him when he left before it.

The standing militia is decided here because both registers need it: the men
deferred from the 2023 call-up as standing militia serve in a standing squad of
their commune from 1 January 2023, and in each such commune one man of the
term before (2021–2022) had his 24 months recognised as completed active
service in January 2023 and registered into the reserve.
"""

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from qsdp.demo.names import CITY_UNITS
from qsdp.demo.population import SEED, SyntheticPerson, TransferPlan
from qsdp.demo.service_plan import DEFAULT_PEOPLE, REGISTERED_BIRTH_YEARS
from qsdp.demo.units import DemoTree
from qsdp.military_service.models import ServiceEvent
from qsdp.military_service.rules import ReasonCode
from qsdp.military_service.rules.common import age_on
from qsdp.military_service.rules.cycle import EventKind
from qsdp.people.choices import Sex
from qsdp.people.models import Person

COMMUNE_CODES = tuple(unit.code for unit in CITY_UNITS)
UNIT_BY_CODE = {unit.code: unit for unit in CITY_UNITS}
# The men of the term of standing militia before 2023: born so that the
# military-service demo (which registers the men born from 1997) has no record
# of them, and young enough to serve two years from 1 January 2021.
FORMER_STANDING_BIRTH_YEARS = (1993, 1996)


@dataclass(frozen=True)
class Resident:
    index: int  # in the synthetic population
    person: Person
    code: str  # his ward or commune
    enlisted_in: int | None = None  # the call-up year he was handed over
    reserve_registered_on: date | None = None  # in the military-service register
    deferrals: tuple[tuple[str, date | None], ...] = ()  # (reason code, valid until)
    exemption: str = ""  # the reason code of a call-up exemption
    moved_away_on: date | None = None  # left the area that day (2023)

    @property
    def is_male(self) -> bool:
        return self.person.sex == Sex.MALE

    @property
    def born(self) -> date:
        return self.person.birth_date

    def age(self, on: date) -> int:
        return age_on(self.person.birth_date, on)

    def deferred_for(self, *codes: str) -> tuple[str, date | None] | None:
        return next((d for d in self.deferrals if d[0] in codes), None)

    @property
    def in_military_service_demo(self) -> bool:
        """Registered for military service by the demo (born 1997–2007)."""
        first, last = REGISTERED_BIRTH_YEARS
        return self.is_male and first <= self.born.year <= last


@dataclass
class Pool:
    """The residents by population index, and the standing militia."""

    residents: list[Resident]
    scale: float
    # Per ward or commune with standing militia: the men of the 2023–2024 term
    # (deferred from the call-up) and the man of the 2021–2022 term.
    standing: dict[str, list[Resident]] = field(default_factory=dict)
    former_standing: dict[str, Resident] = field(default_factory=dict)

    def in_unit(self, code: str) -> list[Resident]:
        return [r for r in self.residents if r.code == code]

    @property
    def people(self) -> int:
        return len(self.residents)


def _facts(person_ids: list[int]) -> dict[int, dict[str, object]]:
    facts: dict[int, dict[str, object]] = {}
    events = (
        ServiceEvent.objects.filter(
            person_id__in=person_ids,
            cancelled_on__isnull=True,
            kind__in=(
                EventKind.ENLISTMENT,
                EventKind.RESERVE_REGISTRATION,
                EventKind.DEFERRAL,
                EventKind.EXEMPTION,
            ),
        )
        .order_by("occurred_on", "id")
        .values_list(
            "person_id", "kind", "occurred_on", "reason_code", "valid_until", "call_up_year"
        )
    )
    for person_id, kind, occurred_on, reason, valid_until, year in events:
        row = facts.setdefault(person_id, {"deferrals": []})
        if kind == EventKind.ENLISTMENT:
            row["enlisted_in"] = year
        elif kind == EventKind.RESERVE_REGISTRATION:
            row["reserve_registered_on"] = occurred_on
        elif kind == EventKind.DEFERRAL:
            row["deferrals"].append((reason, valid_until))  # type: ignore[attr-defined]
        else:
            row["exemption"] = reason
    return facts


def load_pool(
    tree: DemoTree, people: Sequence[SyntheticPerson], transfers: Sequence[TransferPlan]
) -> Pool:
    """The city's residents the reserve and the militia may draw on."""
    index = {person.key: i for i, person in enumerate(people)}
    plans = {plan.person: plan for plan in transfers}
    codes = {unit.pk: code for code, unit in tree.units.items()}
    persons = list(Person.objects.filter(org_unit__in=list(tree.units.values())))
    facts = _facts([p.pk for p in persons])
    residents = []
    for person in persons:
        i = index.get((person.search_name, person.birth_date))
        if i is None or people[i].unit.code != codes[person.org_unit_id]:
            continue
        plan = plans.get(i)
        if plan is not None and plan.to is not None:
            continue  # moved within the city, or still to be received
        row = facts.get(person.pk, {})
        residents.append(
            Resident(
                index=i,
                person=person,
                code=codes[person.org_unit_id],
                enlisted_in=row.get("enlisted_in"),  # type: ignore[arg-type]
                reserve_registered_on=row.get("reserve_registered_on"),  # type: ignore[arg-type]
                deferrals=tuple(row.get("deferrals", ())),  # type: ignore[arg-type]
                exemption=str(row.get("exemption", "")),
                moved_away_on=plan.out_on if plan is not None else None,
            )
        )
    residents.sort(key=lambda r: r.index)
    pool = Pool(residents, len(people) / DEFAULT_PEOPLE)
    _standing(pool)
    return pool


def _standing(pool: Pool) -> None:
    """The standing militia of 2023 (the deferred men) and, in each of their
    communes, one man of the term before."""
    for resident in pool.residents:
        if resident.moved_away_on is None and resident.deferred_for(
            ReasonCode.STANDING_MILITIA_MEMBER
        ):
            pool.standing.setdefault(resident.code, []).append(resident)
    first, last = FORMER_STANDING_BIRTH_YEARS
    for code in pool.standing:
        men = [
            r
            for r in pool.in_unit(code)
            if r.is_male and r.moved_away_on is None and first <= r.born.year <= last
        ]
        random.Random(f"{SEED}-former-standing-{code}").shuffle(men)
        if men:
            pool.former_standing[code] = men[0]
