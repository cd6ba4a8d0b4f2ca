import pytest
from django.core.exceptions import PermissionDenied

from qsdp.core.errors import DomainError
from qsdp.core.models import AuditEvent
from qsdp.militia.models import UnitKind
from qsdp.militia.services import UnitData, unit_create, unit_update
from qsdp.militia.tests.factories import member, militia_unit, rows

pytestmark = pytest.mark.django_db


def refused(call):  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as error:
        call()
    return error.value


def test_a_commune_creates_a_unit(tree, commune_officer):
    unit = unit_create(
        actor=commune_officer,
        org_unit=tree.duong_quang,
        data=UnitData(name="Trung đội cơ động", militia_type="mobile", kind=UnitKind.PLATOON),
    )

    assert (unit.org_unit, unit.name, unit.militia_type, unit.kind, unit.commander) == (
        tree.duong_quang,
        "Trung đội cơ động",
        "mobile",
        "platoon",
        None,
    )
    assert AuditEvent.objects.filter(verb="militia.unit_created").get().changes == {
        "name": [None, "Trung đội cơ động"],
        "militia_type": [None, "mobile"],
        "kind": [None, "platoon"],
    }


def test_a_unit_belongs_to_a_commune_level_unit(tree):
    before = rows()

    error = refused(
        lambda: unit_create(
            actor=None, org_unit=tree.city, data=UnitData("Đại đội 1", "mobile", UnitKind.COMPANY)
        )
    )

    assert (error.code, error.message) == (
        "militia_unit_not_commune",
        "Đơn vị dân quân thuộc xã, phường, thị trấn hoặc đặc khu.",
    )
    assert rows() == before


def test_two_units_of_a_commune_cannot_share_a_name(tree):
    militia_unit(tree.duong_quang, name="Trung đội cơ động")
    militia_unit(tree.song_cau, name="Trung đội cơ động")
    before = rows()

    error = refused(lambda: militia_unit(tree.duong_quang, name="trung đội cơ động"))

    assert (error.code, error.field, error.message) == (
        "militia_unit_name_taken",
        "name",
        "Xã Dương Quang đã có đơn vị dân quân tên trung đội cơ động.",
    )
    assert rows() == before


def test_the_parent_unit_is_of_the_same_commune(tree):
    company = militia_unit(tree.song_cau, name="Đại đội", kind=UnitKind.COMPANY)
    before = rows()

    error = refused(lambda: militia_unit(tree.duong_quang, parent=company))

    assert (error.code, error.message) == (
        "militia_unit_parent_elsewhere",
        "Đơn vị cấp trên Đại đội thuộc xã/phường khác.",
    )
    assert rows() == before


def test_a_unit_cannot_be_placed_under_its_own_unit(tree):
    company = militia_unit(tree.duong_quang, name="Đại đội", kind=UnitKind.COMPANY)
    platoon = militia_unit(tree.duong_quang, name="Trung đội 1", parent=company)
    before = rows()

    error = refused(
        lambda: unit_update(
            actor=None,
            unit=company,
            data=UnitData("Đại đội", "mobile", UnitKind.COMPANY, parent=platoon),
        )
    )

    assert (error.code, error.message) == (
        "militia_unit_parent_cycle",
        "Không thể đặt một đơn vị dưới chính nó hoặc dưới đơn vị trực thuộc của nó.",
    )
    assert rows() == before


def test_the_commander_is_a_current_member_of_the_unit(tree, commune_officer):
    platoon = militia_unit(tree.duong_quang)
    inside = member(
        tree.duong_quang, militia_type="mobile", unit=platoon, position="platoon_leader"
    )
    outside = member(tree.duong_quang, militia_type="mobile")
    before = rows()

    error = refused(
        lambda: unit_update(
            actor=None,
            unit=platoon,
            data=UnitData(platoon.name, "mobile", UnitKind.PLATOON, commander=outside),
        )
    )
    assert rows() == before
    named = unit_update(
        actor=commune_officer,
        unit=platoon,
        data=UnitData(platoon.name, "mobile", UnitKind.PLATOON, commander=inside),
    )

    assert (error.code, error.field, error.message) == (
        "militia_commander_not_in_unit",
        "commander",
        "Người chỉ huy phải là dân quân đang thuộc đơn vị này.",
    )
    assert named.commander == inside
    assert AuditEvent.objects.filter(verb="militia.unit_updated").get().changes == {
        "commander": [None, inside.pk]
    }


@pytest.mark.parametrize("persona", ["outsider", "leader"])
def test_only_the_communes_writers_may_create_units(tree, request, persona):
    before = rows()

    with pytest.raises(PermissionDenied):
        unit_create(
            actor=request.getfixturevalue(persona),
            org_unit=tree.duong_quang,
            data=UnitData("Trung đội cơ động", "mobile", UnitKind.PLATOON),
        )

    assert rows() == before


def test_an_unchanged_unit_writes_nothing(tree):
    platoon = militia_unit(tree.duong_quang)
    before = rows()

    unit_update(actor=None, unit=platoon, data=UnitData(platoon.name, "mobile", "platoon"))

    assert rows() == before


def test_the_city_staff_may_create_units_of_its_communes(tree, command_staff):
    unit = unit_create(
        actor=command_staff,
        org_unit=tree.song_cau,
        data=UnitData("Tiểu đội", "local", UnitKind.SQUAD),
    )

    assert unit.org_unit == tree.song_cau
