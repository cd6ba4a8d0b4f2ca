"""The world of the reserve page tests."""

from datetime import date

import pytest

from qsdp.military_service.services import (
    discharge_record,
    reserve_registration_record,
    return_home_record,
)
from qsdp.military_service.tests.factories import enlisted, quotas
from qsdp.people.tests.factories import create_person
from qsdp.reserves.services import (
    EquipmentData,
    commander_decision_record,
    equipment_register,
    readiness_check_record,
    reservist_arrange,
)
from qsdp.reserves.tests.factories import post, reserve_unit, reservist


@pytest.fixture
def world(tree):
    """Dương Quang: An (arranged into Đại đội 1 of its command, appointed), Bình
    (not arranged), Chi (a person not in the reserve), Em (a returnee waiting to
    be recorded), a truck; Sông Cầu: Dũng."""
    unit = reserve_unit(tree.duong_quang_command)
    rifle = post(unit)
    an = reservist(tree.duong_quang, given_name="An")
    binh = reservist(tree.duong_quang, given_name="Bình")
    reservist(tree.song_cau, given_name="Dũng")
    held = reservist_arrange(actor=None, reservist=an, post=rifle, arranged_on=date(2024, 3, 1))
    commander_decision_record(
        actor=None, reservist=an, unit=unit, position="Tiểu đội trưởng", kind="appointment",
        decision_number="3/QĐ", decided_on=date(2024, 4, 1), signer="Hoàng Văn Nam",
    )  # fmt: skip
    readiness_check_record(
        actor=None, unit=unit, checked_on=date(2024, 5, 1), kind="readiness",
        present_count=1, result="good",
    )  # fmt: skip
    truck = equipment_register(
        actor=None,
        managed_by=tree.duong_quang,
        data=EquipmentData(
            owner_name="Hợp tác xã Dương Quang",
            kind="truck",
            plate_or_serial="97C-012.34",
            condition="good",
        ),
        registered_on=date(2024, 1, 5),
    )
    chi = create_person(tree.duong_quang, given_name="Chi", birth_date=date(1999, 9, 9))
    quotas(tree, year=2024, duong_quang=1, song_cau=None)
    (em,) = enlisted(tree, ["Em"], year=2024)
    discharge_record(actor=None, person=em, decided_on=date(2026, 2, 26), decision_number="1")
    return_home_record(actor=None, person=em, returned_on=date(2026, 3, 2))
    reserve_registration_record(actor=None, person=em, registered_on=date(2026, 3, 5))
    return {"unit": unit, "post": rifle, "an": an, "binh": binh, "arrangement": held,
            "truck": truck, "chi": chi, "em": em}  # fmt: skip
