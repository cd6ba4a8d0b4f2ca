from datetime import date

import pytest

from qsdp.military_service.selectors import ready_register
from qsdp.military_service.services import deferral_decide, exemption_decide
from qsdp.military_service.tests.factories import man, registered

pytestmark = pytest.mark.django_db
ON = date(2026, 1, 5)


@pytest.fixture
def men(tree):
    dq = tree.duong_quang
    an = registered(dq, given_name="An", born=date(2004, 5, 10), occupation="Làm nông")
    registered(dq, given_name="Bình", born=date(2000, 6, 25))  # 25 until 24/06/2026
    registered(dq, given_name="Cường", born=date(2000, 1, 2))  # turned 26 on 02/01/2026
    deferred = registered(dq, given_name="Dũng")
    deferral_decide(
        actor=None, person=deferred, reason_code="sibling_on_active_duty",
        decided_on=date(2025, 9, 1), valid_until=date(2026, 9, 1),
    )  # fmt: skip
    exempt = registered(dq, given_name="Đạt")
    exemption_decide(
        actor=None, person=exempt, reason_code="child_of_fallen_soldier",
        decided_on=date(2025, 9, 1),
    )  # fmt: skip
    # Deferred for university until 2025: the call-up age runs to 27.
    student = registered(dq, given_name="Giang", born=date(1999, 3, 1))
    deferral_decide(
        actor=None, person=student, reason_code="full_time_university_student",
        decided_on=date(2021, 9, 1), valid_until=date(2025, 6, 30),
    )  # fmt: skip
    man(dq, given_name="Hùng", born=date(2005, 1, 1))  # never registered
    registered(tree.song_cau, given_name="Khoa")
    return an


def test_the_register_lists_free_registered_men_within_the_call_up_age(
    men, tree, commune_officer, django_assert_num_queries
):
    with django_assert_num_queries(4):  # scope, people, events, residences
        register = ready_register(user=commune_officer, on=ON, org_unit=tree.duong_quang)

    assert (register.unit_name, register.on) == ("Xã Dương Quang", ON)
    assert [(r.full_name, r.birth_date, r.registered_on) for r in register.rows] == [
        ("Nguyễn Văn An", date(2004, 5, 10), date(2021, 4, 15)),
        ("Nguyễn Văn Bình", date(2000, 6, 25), date(2017, 4, 15)),
        ("Nguyễn Văn Giang", date(1999, 3, 1), date(2016, 4, 15)),
    ]
    assert (register.rows[0].occupation, register.rows[0].residence) == (
        "Làm nông", "Xã Dương Quang",
    )  # fmt: skip


def test_the_city_sees_every_commune_and_an_outsider_only_his(men, command_staff, outsider):
    city = ready_register(user=command_staff, on=ON, unit_name="Thành phố Bắc Kạn")
    own = ready_register(user=outsider, on=ON)

    assert [(r.unit_name, r.full_name) for r in city.rows] == [
        ("Phường Sông Cầu", "Nguyễn Văn Khoa"),
        ("Xã Dương Quang", "Nguyễn Văn An"),
        ("Xã Dương Quang", "Nguyễn Văn Bình"),
        ("Xã Dương Quang", "Nguyễn Văn Giang"),
    ]
    assert city.unit_name == "Thành phố Bắc Kạn"
    assert [r.full_name for r in own.rows] == ["Nguyễn Văn Khoa"]
