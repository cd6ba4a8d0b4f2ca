from datetime import date

import pytest

from qsdp.core.errors import DomainError
from qsdp.reserves.services import (
    PostData,
    UnitData,
    reserve_post_update,
    reserve_unit_update,
    reservist_arrange,
)
from qsdp.reserves.tests.factories import post, reserve_unit, reservist, rows

pytestmark = pytest.mark.django_db


def test_a_unit_cannot_be_placed_under_its_own_sub_unit(tree):
    company = reserve_unit(tree.city_command)
    platoon = reserve_unit(tree.city_command, name="Trung đội 1", kind="platoon", parent=company)
    before = rows()

    with pytest.raises(DomainError) as refused:
        reserve_unit_update(
            actor=None,
            unit=company,
            data=UnitData(
                name="Đại đội 1", kind="company", org_unit=tree.city_command, parent=platoon
            ),
        )

    assert refused.value.message == (
        "Không thể đặt một đơn vị trực thuộc chính nó hoặc đơn vị cấp dưới của nó."
    )
    assert rows() == before


def test_the_establishment_cannot_fall_below_those_arranged(tree):
    rifle = post(reserve_unit(tree.duong_quang_command), establishment=3)
    for name in ("An", "Bình"):
        reservist_arrange(
            actor=None,
            reservist=reservist(tree.duong_quang, given_name=name),
            post=rifle,
            arranged_on=date(2023, 3, 1),
        )
    before = rows()

    with pytest.raises(DomainError) as refused:
        reserve_post_update(
            actor=None,
            post=rifle,
            data=PostData(
                title="Chiến sĩ",
                specialty_code="111",
                specialty_name="Bộ binh",
                establishment_count=1,
            ),
        )
    with pytest.raises(DomainError) as zero:
        reserve_post_update(
            actor=None,
            post=rifle,
            data=PostData(
                title="Chiến sĩ",
                specialty_code="111",
                specialty_name="Bộ binh",
                establishment_count=0,
            ),
        )

    assert refused.value.message == (
        "Đang có 2 quân nhân dự bị được sắp xếp vào chức danh này: cần kết thúc các sắp xếp đó "
        "trước."
    )
    assert zero.value.message == "Quân số biên chế của một chức danh ít nhất là 1."
    assert rows() == before
