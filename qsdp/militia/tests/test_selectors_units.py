from datetime import date

import pytest
from django.http import Http404

from qsdp.militia.selectors import UnitFilters, unit_get, unit_list, unit_members
from qsdp.militia.services import member_leave
from qsdp.militia.tests.factories import member, militia_unit

pytestmark = pytest.mark.django_db


def test_units_with_their_strength(tree, commune_officer, command_staff, outsider):
    platoon = militia_unit(tree.duong_quang, name="Trung đội cơ động")
    squad = militia_unit(tree.duong_quang, name="Tiểu đội Nà Pài", militia_type="local")
    militia_unit(tree.song_cau, name="Trung đội Sông Cầu")
    for name in ("An", "Bình", "Cường"):
        member(tree.duong_quang, given_name=name, militia_type="mobile", unit=platoon)
    left = member(tree.duong_quang, given_name="Dũng", militia_type="local", unit=squad)
    member_leave(actor=None, member=left, left_on=date(2024, 1, 1), reason="other")

    def strength(user, **filters):  # type: ignore[no-untyped-def]
        return [(u.name, u.strength) for u in unit_list(user=user, filters=UnitFilters(**filters))]

    assert strength(commune_officer) == [("Tiểu đội Nà Pài", 0), ("Trung đội cơ động", 3)]
    assert strength(outsider) == [("Trung đội Sông Cầu", 0)]
    assert strength(command_staff, militia_type="mobile") == [
        ("Trung đội Sông Cầu", 0),
        ("Trung đội cơ động", 3),
    ]
    assert [m.person.given_name for m in unit_members(unit=platoon)] == ["An", "Bình", "Cường"]


def test_a_unit_outside_the_area_does_not_exist(tree, outsider):
    platoon = militia_unit(tree.duong_quang)

    with pytest.raises(Http404):
        unit_get(user=outsider, pk=platoon.pk)
