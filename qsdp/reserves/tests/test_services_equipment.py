from datetime import date

import pytest

from qsdp.core.errors import DomainError
from qsdp.core.models import AuditEvent
from qsdp.reserves.services import (
    EquipmentData,
    equipment_earmark,
    equipment_register,
    equipment_release,
)
from qsdp.reserves.tests.factories import reserve_unit, rows

pytestmark = pytest.mark.django_db


def _truck(tree, plate="97C-012.34", **fields):  # type: ignore[no-untyped-def]
    return equipment_register(
        actor=fields.pop("actor", None),
        managed_by=tree.duong_quang,
        data=EquipmentData(
            owner_name="Công ty TNHH Vận tải Bắc Kạn",
            kind="truck",
            plate_or_serial=plate,
            condition="good",
            description="Xe tải 5 tấn",
        ),
        registered_on=date(2023, 4, 1),
        **fields,
    )


def test_equipment_is_registered_earmarked_and_released(tree, commune_officer):
    unit = reserve_unit(tree.duong_quang_command)

    truck = _truck(tree, plate=" 97c-012.34 ", actor=commune_officer)
    equipment_earmark(actor=commune_officer, equipment=truck, unit=unit, condition="fair")
    equipment_release(actor=commune_officer, equipment=truck, on=date(2024, 2, 1), reason="Bán xe")

    truck.refresh_from_db()
    assert (truck.plate_or_serial, truck.condition, truck.earmarked_unit) == (
        "97C-012.34",
        "fair",
        None,
    )
    assert (truck.released_on, truck.release_reason) == (date(2024, 2, 1), "Bán xe")
    assert list(
        AuditEvent.objects.filter(target_type="reserves.reserveequipment")
        .order_by("id")
        .values_list("verb", flat=True)
    ) == [
        "reserve_equipment.registered",
        "reserve_equipment.earmarked",
        "reserve_equipment.released",
    ]


def test_a_plate_registered_twice_is_refused(tree):
    _truck(tree)
    before = rows()

    with pytest.raises(DomainError) as refused:
        _truck(tree, plate="97c-012 .34")

    assert refused.value.message == (
        "Phương tiện có biển số hoặc số máy 97C-012.34 đã được đăng ký."
    )
    assert rows() == before


def test_released_equipment_is_not_earmarked_and_release_needs_a_reason(tree):
    truck = _truck(tree)
    before = rows()
    with pytest.raises(DomainError) as no_reason:
        equipment_release(actor=None, equipment=truck, on=date(2024, 2, 1), reason="")
    equipment_release(actor=None, equipment=truck, on=date(2024, 2, 1), reason="Hỏng")

    with pytest.raises(DomainError) as released:
        equipment_earmark(actor=None, equipment=truck, unit=None)

    assert no_reason.value.message == "Cần ghi lý do đưa phương tiện ra khỏi diện."
    assert released.value.message == "Phương tiện này đã được đưa ra khỏi diện ngày 01/02/2024."
    assert rows()["audit"] == before["audit"] + 1
