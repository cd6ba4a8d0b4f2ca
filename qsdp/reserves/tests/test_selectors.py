from datetime import date

import pytest
from django.http import Http404

from qsdp.reserves.selectors import (
    Arranged,
    EquipmentFilters,
    RegisterStatus,
    ReservistFilters,
    age_limit_list,
    decision_list,
    equipment_list,
    readiness_check_list,
    reservist_get,
    reservist_list,
    review_list,
    unit_fill_list,
)
from qsdp.reserves.services import (
    EquipmentData,
    commander_decision_record,
    equipment_register,
    readiness_check_record,
    reserve_review_record,
    reservist_arrange,
    reservist_remove,
)
from qsdp.reserves.tests.factories import post, reserve_unit, reservist

pytestmark = pytest.mark.django_db

ON = date(2024, 6, 1)


@pytest.fixture
def register(tree):
    """Dương Quang: An (class 1, infantry, arranged into the city's company), Bình
    (class 2, signals, not arranged), Cường (removed); Sông Cầu: Dũng."""
    company = reserve_unit(tree.city_command, name="Đại đội 1")
    platoon = reserve_unit(tree.city_command, name="Trung đội 1", kind="platoon", parent=company)
    rifle = post(platoon, establishment=10)
    an = reservist(tree.duong_quang, given_name="An")
    binh = reservist(tree.duong_quang, given_name="Bình", months=4, specialty=("411", "Thông tin"))
    cuong = reservist(tree.duong_quang, given_name="Cường")
    dung = reservist(tree.song_cau, given_name="Dũng")
    reservist_arrange(actor=None, reservist=an, post=rifle, arranged_on=date(2023, 3, 1))
    reservist_remove(actor=None, reservist=cuong, on=date(2024, 1, 10), reason="moved_away")
    return {"company": company, "platoon": platoon, "rifle": rifle, "an": an, "binh": binh,
            "cuong": cuong, "dung": dung}  # fmt: skip


def _names(rows):  # type: ignore[no-untyped-def]
    return [r.person.given_name for r in rows]


@pytest.mark.parametrize(
    ("filters", "names"),
    [
        (ReservistFilters(), ["An", "Bình", "Dũng"]),
        (ReservistFilters(reserve_class=2), ["Bình"]),
        (ReservistFilters(specialty="411"), ["Bình"]),
        (ReservistFilters(specialty="bộ binh"), ["An", "Dũng"]),
        (ReservistFilters(arranged=Arranged.YES), ["An"]),
        (ReservistFilters(arranged=Arranged.NO), ["Bình", "Dũng"]),
        (ReservistFilters(q="binh"), ["Bình"]),
        (ReservistFilters(status=RegisterStatus.REMOVED), ["Cường"]),
        (ReservistFilters(status=RegisterStatus.ALL), ["An", "Bình", "Cường", "Dũng"]),
    ],
)
def test_the_reservist_list_filters(register, command_staff, filters, names):
    assert _names(reservist_list(user=command_staff, filters=filters, on=ON)) == names


def test_the_unit_filter_takes_the_sub_units(register, command_staff):
    rows = reservist_list(
        user=command_staff, filters=ReservistFilters(unit=register["company"]), on=ON
    )

    assert _names(rows) == ["An"]


def test_the_list_is_scoped_and_prefetches_the_arrangement(
    register, commune_officer, outsider, django_assert_num_queries
):
    with django_assert_num_queries(3):  # scope, reservists, arrangements
        rows = list(reservist_list(user=commune_officer, filters=ReservistFilters(), on=ON))
        units = [[a.post.unit.name for a in r.current] for r in rows]

    assert (_names(rows), units) == (["An", "Bình"], [["Trung đội 1"], []])
    assert _names(reservist_list(user=outsider, filters=ReservistFilters(), on=ON)) == ["Dũng"]


def test_a_reservist_outside_the_scope_is_404(register, outsider, leader):
    with pytest.raises(Http404):
        reservist_get(user=outsider, pk=register["an"].pk)

    assert reservist_get(user=leader, pk=register["an"].pk) == register["an"]


def test_units_show_their_fill_and_spare_range(register, command_staff, commune_officer):
    (company, platoon) = unit_fill_list(user=command_staff, on=ON)

    assert (company.unit.name, company.posts) == ("Đại đội 1", [])
    (fill,) = platoon.posts
    assert (fill.establishment, fill.arranged, fill.spare_text, fill.is_short) == (
        10,
        1,
        "11",
        True,
    )
    # The units are held by the city command: not the commune's to see.
    assert unit_fill_list(user=commune_officer, on=ON) == []


def test_the_review_list_shows_who_was_reviewed(register, commune_officer):
    reserve_review_record(
        actor=None,
        reservist=register["an"],
        year=2024,
        reviewed_on=date(2024, 5, 2),
        residence_confirmed=True,
        health_confirmed=True,
        specialty_confirmed=True,
        outcome="keep",
    )

    rows = review_list(user=commune_officer, year=2024)

    assert [(r.reservist.person.given_name, r.is_reviewed) for r in rows] == [
        ("An", True),
        ("Bình", False),
        ("Cường", False),
    ]


def test_the_age_limit_list_has_those_reaching_it_in_the_year(tree, commune_officer):
    reservist(tree.duong_quang, given_name="An", born=date(1978, 7, 1))  # ends 30/06/2024
    reservist(tree.duong_quang, given_name="Bình", born=date(1979, 1, 1))  # ends 31/12/2024
    reservist(tree.duong_quang, given_name="Cường", born=date(1979, 1, 2))  # 01/01/2025
    reservist(tree.duong_quang, given_name="Hoa", sex="female", born=date(1983, 3, 3))
    reservist(
        tree.duong_quang, given_name="Dũng", born=date(1972, 3, 3),
        rank_group="officer", rank="major",
    )  # fmt: skip  # 55 on 03/03/2027: not this year

    rows = age_limit_list(user=commune_officer, year=2024)

    assert [(r.reservist.person.given_name, r.last_day) for r in rows] == [
        ("Hoa", date(2024, 3, 2)),
        ("An", date(2024, 6, 30)),
        ("Bình", date(2024, 12, 31)),
    ]


def test_decisions_checks_and_equipment_are_scoped(register, tree, commune_officer, outsider):
    commander_decision_record(
        actor=None,
        reservist=register["an"],
        unit=register["platoon"],
        position="Trung đội trưởng",
        kind="appointment",
        decision_number="7/QĐ",
        decided_on=date(2024, 2, 1),
        signer="Hoàng Văn Nam",
    )
    readiness_check_record(
        actor=None,
        unit=register["company"],
        checked_on=date(2024, 4, 1),
        kind="readiness",
        present_count=1,
        result="pass",
    )
    equipment_register(
        actor=None,
        managed_by=tree.duong_quang,
        data=EquipmentData(
            owner_name="Lý Văn Tú", kind="truck", plate_or_serial="97C-1", condition="good"
        ),
        registered_on=date(2024, 1, 1),
    )

    assert [d.decision_number for d in decision_list(user=commune_officer, year=2024)] == ["7/QĐ"]
    assert list(decision_list(user=outsider)) == []
    assert list(readiness_check_list(user=commune_officer)) == []
    assert [
        e.plate_or_serial for e in equipment_list(user=commune_officer, filters=EquipmentFilters())
    ] == ["97C-1"]
    assert list(equipment_list(user=outsider, filters=EquipmentFilters())) == []


def test_the_unit_and_review_lists_take_a_fixed_number_of_queries(
    register, command_staff, django_assert_num_queries
):
    with django_assert_num_queries(3):  # scope, units, posts with their fill
        unit_fill_list(user=command_staff, on=ON)
    with django_assert_num_queries(3):  # reservists, reviews, arrangements
        review_list(user=command_staff, year=2024)
