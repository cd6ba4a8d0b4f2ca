from datetime import date

import pytest

from qsdp.people.tests.factories import create_person
from qsdp.reserves.models import (
    Arrangement,
    ReservePost,
    ReserveUnit,
    Reservist,
    Source,
    UnitKind,
)
from qsdp.reserves.selectors import is_arranged_into_reserve_unit

pytestmark = pytest.mark.django_db


def _arranged(tree, *, arranged_on, ended_on=None, removed_on=None):  # type: ignore[no-untyped-def]
    person = create_person(tree.duong_quang, birth_date=date(1998, 3, 1), sex="male")
    reservist = Reservist.objects.create(
        person=person,
        reserve_class=1,
        registered_on=date(2020, 1, 1),
        source=Source.DISCHARGED_NCO_SOLDIER,
        managed_by=tree.duong_quang,
        removed_on=removed_on,
        removal_reason="other" if removed_on else "",
    )
    unit = ReserveUnit.objects.create(
        name="Đại đội 1", org_unit=tree.city_command, kind=UnitKind.COMPANY
    )
    post = ReservePost.objects.create(
        unit=unit,
        title="Chiến sĩ",
        specialty_code="111",
        specialty_name="Bộ binh",
        establishment_count=10,
    )
    Arrangement.objects.create(
        reservist=reservist, post=post, arranged_on=arranged_on, ended_on=ended_on
    )
    return person


def test_arranged_from_the_arrangement_day_to_the_day_before_it_ends(tree):
    person = _arranged(tree, arranged_on=date(2023, 3, 1), ended_on=date(2024, 3, 1))
    ask = lambda on: is_arranged_into_reserve_unit(person_id=person.pk, on=on)  # noqa: E731
    assert not ask(date(2023, 2, 28))
    assert ask(date(2023, 3, 1))
    assert ask(date(2024, 2, 29))
    assert not ask(date(2024, 3, 1))


def test_a_removed_reservist_is_no_longer_arranged(tree):
    person = _arranged(tree, arranged_on=date(2023, 3, 1), removed_on=date(2024, 6, 1))
    assert is_arranged_into_reserve_unit(person_id=person.pk, on=date(2024, 5, 31))
    assert not is_arranged_into_reserve_unit(person_id=person.pk, on=date(2024, 6, 1))


def test_a_person_never_in_the_reserve_is_not_arranged(tree):
    person = create_person(tree.duong_quang)
    assert not is_arranged_into_reserve_unit(person_id=person.pk, on=date(2024, 1, 1))
