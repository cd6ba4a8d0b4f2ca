"""The synthetic people of the demo and their moves, drawn from a fixed seed.

Pure functions (no ORM): the same seed and count give the same people, and the
first N people of a larger draw are the N people of a smaller one, so a later
run with more people only adds.
"""

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from qsdp.core.text import fold, nfc
from qsdp.demo import names
from qsdp.demo.names import CITY_UNITS, CityUnit
from qsdp.people.choices import EducationLevel, Ethnicity, Sex
from qsdp.people.rules import century_sex_digit
from qsdp.people.services import PersonData

SEED = 20231122  # the day of the city's 2023 review
# Ages, school grades and studies are as of the demo's year.
DEMO_YEAR = 2023
MALE_PERCENT = 78
# Men of call-up age and the coming cohorts (born 1998–2009), then reservists up to 45.
CALL_UP_BIRTH_YEARS = (1998, 2009)
CALL_UP_PERCENT = 60
RESERVIST_BIRTH_YEARS = (1978, 1997)
WOMEN_BIRTH_YEARS = (1983, 2005)
# Transfers: between the city's units in 2023, out of the area, and still pending.
MOVES, MOVES_AWAY, PENDING = 20, 10, 3
PENDING_TO = "01849"  # Xã Dương Quang: its officer has people to receive
ADULT_BORN_BY = 2005

T = TypeVar("T")


@dataclass(frozen=True)
class SyntheticPerson:
    unit: CityUnit
    data: PersonData

    @property
    def key(self) -> tuple[str, date]:
        """Name and birth date as the register compares them (``Person.search_name``)."""
        data = self.data
        return fold(f"{data.family_name} {data.middle_name} {data.given_name}"), data.birth_date


@dataclass(frozen=True)
class TransferPlan:
    """``person`` (an index into the people) leaves on ``out_on``: for ``to`` (a
    city unit) when given, received there on ``in_on`` unless that is None
    (still pending); otherwise out of the area, to ``moved_to``."""

    person: int
    out_on: date
    to: CityUnit | None = None
    in_on: date | None = None
    moved_to: str = ""
    address: str = ""


def _pick(rng: random.Random, table: Sequence[tuple[T, int]]) -> T:
    values = [value for value, _ in table]
    return rng.choices(values, weights=[weight for _, weight in table])[0]


def _birth_date(rng: random.Random, sex: str) -> date:
    if sex == Sex.FEMALE:
        first, last = WOMEN_BIRTH_YEARS
    elif rng.randrange(100) < CALL_UP_PERCENT:
        first, last = CALL_UP_BIRTH_YEARS
    else:
        first, last = RESERVIST_BIRTH_YEARS
    year = rng.randint(first, last)
    days = (date(year + 1, 1, 1) - date(year, 1, 1)).days
    return date(year, 1, 1) + timedelta(days=rng.randrange(days))


def _name(rng: random.Random, ethnicity: str, sex: str) -> tuple[str, str, str]:
    family = _pick(rng, names.FAMILY_NAMES[ethnicity])
    hmong = ethnicity == Ethnicity.HMONG
    if sex == Sex.MALE:
        middle = _pick(rng, names.HMONG_MALE_MIDDLE_NAMES if hmong else names.MALE_MIDDLE_NAMES)
        given = rng.choice(names.HMONG_MALE_GIVEN_NAMES if hmong else names.MALE_GIVEN_NAMES)
    else:
        middle = "Thị" if hmong else _pick(rng, names.FEMALE_MIDDLE_NAMES)
        given = rng.choice(names.HMONG_FEMALE_GIVEN_NAMES if hmong else names.FEMALE_GIVEN_NAMES)
    if given in middle.split():  # "Lục Mai Mai": draw the given name again
        return _name(rng, ethnicity, sex)
    return nfc(family), nfc(middle), nfc(given)


def national_id(rng: random.Random, birth_date: date, sex: str) -> str:
    """A plausible CCCD: the birth province (mostly Bắc Kạn, 006), the century-sex
    digit, the birth year's last two digits and a random six-digit serial."""
    if rng.randrange(100) < names.BORN_IN_BAC_KAN_PERCENT:
        province = "006"
    else:
        province = _pick(rng, names.OTHER_BIRTH_PROVINCES)
    digit = century_sex_digit(birth_date.year, sex)
    return f"{province}{digit}{birth_date.year % 100:02d}{rng.randrange(1_000_000):06d}"


def _schooling(
    rng: random.Random, age: int, unit: CityUnit
) -> tuple[int, str, str, str]:  # grade, level, occupation, workplace
    if age < 18:
        grade = min(12, age - 5)
        schools = names.SCHOOLS_LOWER if grade <= 9 else names.SCHOOLS_UPPER
        return grade, "", names.STUDENT, rng.choice(schools)
    grade = _pick(rng, names.EDUCATION_GRADES)
    if grade < 12:
        level = ""
    elif age <= 22 and rng.randrange(100) < 35:
        return grade, "", names.UNDERGRADUATE, rng.choice(names.COLLEGES)
    else:
        level = _pick(
            rng,
            (
                ("", 60),
                (EducationLevel.ELEMENTARY_VOCATIONAL.value, 5),
                (EducationLevel.INTERMEDIATE.value, 10),
                (EducationLevel.COLLEGE.value, 10),
                (EducationLevel.UNIVERSITY.value, 15),
            ),
        )
    graduate = level in (EducationLevel.COLLEGE, EducationLevel.UNIVERSITY)
    if graduate and rng.randrange(100) < 50:
        return grade, level, names.OFFICIAL, rng.choice(names.OFFICES)
    occupation = _pick(rng, names.RURAL_OCCUPATIONS if unit.rural else names.URBAN_OCCUPATIONS)
    workplace = rng.choice(names.EMPLOYERS) if occupation == "Công nhân" else ""
    return grade, level, occupation, workplace


def _phone(rng: random.Random, age: int) -> str:
    if rng.randrange(100) >= (names.PHONE_PERCENT if age >= 18 else 30):
        return ""
    return f"{rng.choice(names.PHONE_PREFIXES)}{rng.randrange(10_000_000):07d}"


def _draw(rng: random.Random) -> SyntheticPerson:
    unit = rng.choices(CITY_UNITS, weights=[unit.weight for unit in CITY_UNITS])[0]
    village = rng.choice(unit.villages)
    sex = Sex.MALE.value if rng.randrange(100) < MALE_PERCENT else Sex.FEMALE.value
    birth_date = _birth_date(rng, sex)
    ethnicity = _pick(rng, names.ETHNICITIES)
    family, middle, given = _name(rng, ethnicity, sex)
    religion = _pick(rng, names.RELIGIONS.get(ethnicity, names.DEFAULT_RELIGIONS))
    age = DEMO_YEAR - birth_date.year
    grade, level, occupation, workplace = _schooling(rng, age, unit)
    phone = _phone(rng, age)
    has_id = rng.randrange(100) >= names.NO_CCCD_PERCENT
    cccd = national_id(rng, birth_date, sex) if has_id else ""
    data = PersonData(
        family_name=family,
        middle_name=middle,
        given_name=given,
        birth_date=birth_date,
        sex=sex,
        national_id=cccd,
        ethnicity=ethnicity,
        religion=religion,
        education_grade=grade,
        education_level=level,
        occupation=occupation,
        workplace=workplace,
        phone=phone,
        address=nfc(f"{village}, {unit.address_name}"),
    )
    return SyntheticPerson(unit, data)


def generate_people(count: int, *, seed: int = SEED) -> list[SyntheticPerson]:
    """``count`` people, no two with the same CCCD or the same name and birth date."""
    rng = random.Random(seed)
    people: list[SyntheticPerson] = []
    ids: set[str] = set()
    keys: set[tuple[str, date]] = set()
    while len(people) < count:
        person = _draw(rng)
        cccd = person.data.national_id
        if person.key in keys or (cccd and cccd in ids):
            continue  # drawn again: the register refuses duplicates
        keys.add(person.key)
        if cccd:
            ids.add(cccd)
        people.append(person)
    return people


def _day_in(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def transfer_counts(count: int) -> tuple[int, int, int]:
    """Moves within the city, moves away, pending moves to Dương Quang, for
    ``count`` people (fewer for a small demo)."""
    return min(MOVES, count // 10), min(MOVES_AWAY, count // 20), min(PENDING, count // 50)


def plan_transfers(people: list[SyntheticPerson], *, seed: int = SEED) -> list[TransferPlan]:
    """The 2023 moves: adults only, each person at most once."""
    rng = random.Random(seed + 1)
    moves, away, pending = transfer_counts(len(people))
    adults = [i for i, p in enumerate(people) if p.data.birth_date.year <= ADULT_BORN_BY]
    rng.shuffle(adults)
    plans: list[TransferPlan] = []
    for index in adults[:moves]:
        source = people[index].unit
        target = rng.choice([unit for unit in CITY_UNITS if unit.code != source.code])
        out_on = _day_in(rng, date(2023, 2, 1), date(2023, 10, 31))
        plans.append(
            TransferPlan(
                index,
                out_on,
                to=target,
                in_on=out_on + timedelta(days=rng.randint(7, 14)),
                address=f"{rng.choice(target.villages)}, {target.address_name}",
            )
        )
    for index in adults[moves : moves + away]:
        out_on = _day_in(rng, date(2023, 1, 15), date(2023, 11, 30))
        plans.append(TransferPlan(index, out_on, moved_to=rng.choice(names.MOVED_AWAY_TO)))
    target = next(unit for unit in CITY_UNITS if unit.code == PENDING_TO)
    rest = [i for i in adults[moves + away :] if people[i].unit.code != PENDING_TO]
    for index in rest[:pending]:
        out_on = _day_in(rng, date(2023, 11, 1), date(2023, 12, 20))
        plans.append(TransferPlan(index, out_on, to=target))
    return plans
