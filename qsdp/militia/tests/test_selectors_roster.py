from datetime import date

import pytest

from qsdp.militia.selectors import roster
from qsdp.militia.services import member_leave
from qsdp.militia.tests.factories import member, militia_unit

pytestmark = pytest.mark.django_db


def test_the_roster_holds_the_members_on_the_day(tree, commune_officer, outsider):
    platoon = militia_unit(tree.duong_quang)
    member(
        tree.duong_quang, family_name="Hoàng", middle_name="Văn", given_name="An",
        militia_type="mobile", unit=platoon, position="platoon_leader", born=date(1995, 2, 3),
        address="Thôn Nà Pài",
    )  # fmt: skip
    member(tree.duong_quang, given_name="Bình", start=date(2024, 6, 1))
    gone = member(tree.duong_quang, given_name="Cường", start=date(2020, 6, 1))
    member_leave(actor=None, member=gone, left_on=date(2023, 12, 1), reason="other")
    member(tree.song_cau, given_name="Dũng")

    listed = roster(user=commune_officer, on=date(2024, 1, 1), org_unit=None, unit_name="X")

    assert [(r.full_name, r.unit, r.position, r.militia_type) for r in listed.rows] == [
        ("Hoàng Văn An", "Trung đội cơ động", "Trung đội trưởng", "Dân quân cơ động")
    ]
    assert (listed.rows[0].birth_date, listed.rows[0].address, listed.rows[0].term_end) == (
        date(1995, 2, 3),
        "Thôn Nà Pài",
        date(2027, 4, 1),
    )
    assert (
        roster(user=outsider, on=date(2024, 1, 1), org_unit=tree.duong_quang, unit_name="").rows
        == []
    )
