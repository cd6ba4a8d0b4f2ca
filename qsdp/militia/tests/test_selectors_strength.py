from datetime import date
from decimal import Decimal

import pytest

from qsdp.militia.selectors import strength_by_commune
from qsdp.militia.services import member_leave
from qsdp.militia.tests.factories import citizen, member
from qsdp.people.services import person_transfer_out

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(tree):
    """Dương Quang: 8 residents, 2 of them militia on 31/12/2023 (a third left,
    a fourth joins in 2024); Sông Cầu: 4 residents, 1 militia."""
    members = [
        member(tree.duong_quang, given_name="An", start=date(2023, 4, 1)),
        member(tree.duong_quang, given_name="Bình", start=date(2022, 4, 1)),
    ]
    gone = member(tree.duong_quang, given_name="Cường", start=date(2022, 4, 1))
    member_leave(actor=None, member=gone, left_on=date(2023, 6, 1), reason="other")
    member(tree.duong_quang, given_name="Dũng", start=date(2024, 4, 1))
    for name in ("Hà", "Hải", "Hiếu", "Hoa"):
        citizen(tree.duong_quang, given_name=name)
    member(tree.song_cau, given_name="Khánh", start=date(2023, 1, 1))
    for name in ("Lan", "Long", "Mai"):
        citizen(tree.song_cau, given_name=name)
    return members


def test_strength_against_the_register_population(world, command_staff, outsider):
    strength = strength_by_commune(user=command_staff, on=date(2023, 12, 31))

    assert [(r.name, r.members, r.population, r.pct) for r in strength.rows] == [
        ("Phường Sông Cầu", 1, 4, Decimal("25.00")),
        ("Xã Dương Quang", 2, 8, Decimal("25.00")),
    ]
    assert (strength.members, strength.population, strength.pct) == (3, 12, Decimal("25.00"))
    assert [r.name for r in strength_by_commune(user=outsider, on=date(2023, 12, 31)).rows] == [
        "Phường Sông Cầu"
    ]


def test_a_person_who_moved_out_is_no_longer_in_the_population(world, tree, commune_officer):
    moved = citizen(tree.duong_quang, given_name="Nam")
    person_transfer_out(actor=None, person=moved, on=date(2023, 10, 1), moved_to="Hà Nội")

    strength = strength_by_commune(user=commune_officer, on=date(2023, 12, 31))

    assert [(r.members, r.population) for r in strength.rows] == [(2, 8)]


def test_a_commune_with_nobody_has_no_percentage(tree, commune_officer):
    strength = strength_by_commune(user=commune_officer, on=date(2023, 12, 31))

    assert [(r.name, r.members, r.population, r.pct) for r in strength.rows] == [
        ("Xã Dương Quang", 0, 0, None)
    ]
