from datetime import date

import factory

from qsdp.people.rules import century_sex_digit
from qsdp.people.services import PersonData, person_create


def make_national_id(birth_date: date, sex: str, serial: int, province: str = "006") -> str:
    """A CCCD consistent with the birth date and sex (Circular 07/2016 layout)."""
    digit = century_sex_digit(birth_date.year, sex)
    return f"{province}{digit}{birth_date.year % 100:02d}{serial:06d}"


class PersonDataFactory(factory.Factory):
    class Meta:
        model = PersonData

    family_name = "Nguyễn"
    middle_name = "Văn"
    given_name = factory.Sequence(lambda n: ["An", "Bình", "Cường", "Dũng", "Đạt", "Hùng"][n % 6])
    birth_date = factory.Sequence(lambda n: date(2006, 1 + n % 12, 1 + n % 28))
    sex = "male"
    national_id = factory.LazyAttributeSequence(
        lambda o, n: make_national_id(o.birth_date, o.sex, 100000 + n)
    )


def create_person(org_unit, *, started_on=date(2020, 1, 1), actor=None, **fields):  # type: ignore[no-untyped-def]
    """A person recorded through the service, living in ``org_unit``."""
    return person_create(
        actor=actor,
        org_unit=org_unit,
        data=PersonDataFactory(**fields),
        residence_started_on=started_on,
        allow_namesake=True,
    )
