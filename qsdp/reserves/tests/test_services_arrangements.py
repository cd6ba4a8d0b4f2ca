from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from qsdp.core.errors import DomainError
from qsdp.core.models import AuditEvent
from qsdp.reserves.models import Arrangement
from qsdp.reserves.services import arrangement_end, reservist_arrange, reservist_update
from qsdp.reserves.services.reservists import ReservistData
from qsdp.reserves.tests.factories import post, reserve_unit, reservist, rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def company(tree):
    return reserve_unit(tree.duong_quang_command)


@pytest.fixture
def rifle_post(company):
    return post(company)


def test_a_reservist_of_the_post_specialty_is_arranged(tree, rifle_post, commune_officer):
    soldier = reservist(tree.duong_quang, given_name="An")

    arrangement = reservist_arrange(
        actor=commune_officer,
        reservist=soldier,
        post=rifle_post,
        arranged_on=date(2024, 3, 1),
        near_match_reason="ignored on an exact match",
    )

    assert (arrangement.reservist, arrangement.post, arrangement.arranged_on) == (
        soldier,
        rifle_post,
        date(2024, 3, 1),
    )
    assert (arrangement.ended_on, arrangement.near_match_reason) == (None, "")
    event = AuditEvent.objects.get(verb="arrangement.created")
    assert (event.actor, event.person_id, event.changes) == (
        commune_officer,
        soldier.person_id,
        {
            "reservist": [None, soldier.pk],
            "post": [None, rifle_post.pk],
            "arranged_on": [None, "2024-03-01"],
        },
    )


def test_another_specialty_is_arranged_with_the_reason_stated(tree, company, commune_officer):
    signals = post(company, title="Chiến sĩ thông tin", specialty=("411", "Thông tin"))
    soldier = reservist(tree.duong_quang)

    arrangement = reservist_arrange(
        actor=commune_officer,
        reservist=soldier,
        post=signals,
        arranged_on=date(2024, 3, 1),
        near_match_reason="Không đủ quân nhân chuyên nghiệp thông tin; đã học vô tuyến điện",
    )

    assert arrangement.near_match_reason == (
        "Không đủ quân nhân chuyên nghiệp thông tin; đã học vô tuyến điện"
    )


def _refused(**kwargs):  # type: ignore[no-untyped-def]
    before = rows()
    with pytest.raises(DomainError) as refused:
        reservist_arrange(actor=None, **kwargs)
    assert rows() == before
    return refused.value


def test_another_specialty_without_a_reason_is_refused(tree, company):
    signals = post(company, title="Chiến sĩ thông tin", specialty=("411", "Thông tin"))
    soldier = reservist(tree.duong_quang, given_name="Bình")

    error = _refused(
        reservist=soldier, post=signals, arranged_on=date(2024, 3, 1), near_match_reason="  "
    )

    assert (error.code, error.field) == ("rs_specialty_mismatch", "near_match_reason")
    assert error.message == (
        "Chức danh “Chiến sĩ thông tin” cần chuyên nghiệp quân sự 411 Thông tin, còn Nguyễn Văn "
        "Bình có 111 Bộ binh: cần ghi lý do sắp xếp theo chuyên nghiệp gần nhất (Luật Lực lượng "
        "DBĐV 2019 Điều 16 khoản 1)."
    )


@pytest.mark.parametrize(
    ("arranged_on", "allowed"), [(date(2026, 1, 14), True), (date(2026, 1, 15), False)]
)
def test_a_man_is_arranged_to_the_end_of_age_45_and_not_after(
    tree, rifle_post, arranged_on, allowed
):
    soldier = reservist(tree.duong_quang, given_name="Cường", born=date(1980, 1, 15))

    if allowed:
        reservist_arrange(actor=None, reservist=soldier, post=rifle_post, arranged_on=arranged_on)
        return
    error = _refused(reservist=soldier, post=rifle_post, arranged_on=arranged_on)

    assert (error.code, error.field) == ("rs_past_age_limit", "arranged_on")
    assert error.message == (
        "Không thể sắp xếp Nguyễn Văn Cường vào đơn vị: quân nhân dự bị nam sinh ngày "
        "15/01/1980 đã quá độ tuổi phục vụ trong ngạch dự bị vào ngày 15/01/2026 (đến hết 45 "
        "tuổi, tức hết ngày 14/01/2026) và được giải ngạch dự bị (Luật NVQS 2015 Điều 25)."
    )


@pytest.mark.parametrize(
    ("arranged_on", "allowed"), [(date(2024, 11, 30), False), (date(2024, 12, 1), True)]
)
def test_a_captain_of_51_is_past_the_old_limit_and_within_the_new_one(
    tree, company, arranged_on, allowed
):
    officers = post(company, title="Đại đội trưởng", specialty=("111", "Bộ binh"))
    captain = reservist(
        tree.duong_quang,
        given_name="Dũng",
        born=date(1973, 6, 1),
        rank_group="officer",
        rank="captain",
    )

    if allowed:
        reservist_arrange(actor=None, reservist=captain, post=officers, arranged_on=arranged_on)
        return
    error = _refused(reservist=captain, post=officers, arranged_on=arranged_on)

    assert error.message == (
        "Không thể sắp xếp Nguyễn Văn Dũng vào đơn vị: sĩ quan dự bị sinh ngày 01/06/1973 đến "
        "ngày 30/11/2024 đã 51 tuổi, đã đến hạn tuổi cao nhất 51 của cấp bậc Đại úy (Luật Sĩ "
        "quan QĐND 1999 Điều 38 khoản 1)."
    )


def test_a_reservist_of_unknown_health_is_refused(tree, rifle_post):
    soldier = reservist(tree.duong_quang, given_name="Đạt", health_class=None)

    error = _refused(reservist=soldier, post=rifle_post, arranged_on=date(2024, 3, 1))

    assert error.code == "rs_health_unknown"
    assert error.message == (
        "Cần ghi loại sức khỏe của Nguyễn Văn Đạt trước khi sắp xếp: chỉ sắp xếp quân nhân dự bị "
        "đủ sức khỏe vào đơn vị (Luật Lực lượng DBĐV 2019 Điều 16 khoản 1)."
    )


@pytest.mark.parametrize("health_class", [4, 5, 6])
def test_an_unfit_reservist_is_refused(tree, rifle_post, health_class):
    soldier = reservist(tree.duong_quang, given_name="Hùng", health_class=health_class)

    error = _refused(reservist=soldier, post=rifle_post, arranged_on=date(2024, 3, 1))

    assert error.code == "rs_unfit"
    assert error.message == (
        f"Nguyễn Văn Hùng có sức khỏe loại {health_class}, không đủ điều kiện sắp xếp vào đơn vị: "
        "chỉ sắp xếp người có sức khỏe loại 1 đến loại 3 (Luật Lực lượng DBĐV 2019 Điều 16 "
        "khoản 1)."
    )


def test_a_reservist_already_arranged_is_refused(tree, company, rifle_post):
    other = post(company, title="Tiểu đội trưởng")
    soldier = reservist(tree.duong_quang, given_name="An")
    reservist_arrange(actor=None, reservist=soldier, post=rifle_post, arranged_on=date(2024, 3, 1))

    error = _refused(reservist=soldier, post=other, arranged_on=date(2024, 4, 1))

    assert (error.code, error.field) == ("rs_already_arranged", "post")
    assert error.message == (
        "Nguyễn Văn An đã được sắp xếp vào chức danh “Chiến sĩ bộ binh” của Đại đội 1 từ ngày "
        "01/03/2024: cần kết thúc sắp xếp đó trước."
    )


def test_a_post_takes_its_establishment_and_the_spare_and_no_more(tree, company):
    # Establishment 1: a spare of 10 % rounded up is 1, so the post keeps 2.
    gunner = post(company, title="Pháo thủ", establishment=1)
    first, second, third = (
        reservist(tree.duong_quang, given_name=name) for name in ("An", "Bình", "Cường")
    )
    for soldier in (first, second):
        reservist_arrange(actor=None, reservist=soldier, post=gunner, arranged_on=date(2024, 3, 1))

    error = _refused(reservist=third, post=gunner, arranged_on=date(2024, 3, 2))

    assert (error.code, error.field) == ("rs_post_full", "post")
    assert error.message == (
        "Chức danh “Pháo thủ” đã đủ quân số: ngày 02/03/2024 đã sắp xếp 2 quân nhân dự bị, là "
        "mức tối đa. Đơn vị có quân số biên chế 1 duy trì tổng số 2: không có số nguyên nào nằm "
        "giữa 10% và 15% của 1 nên số dự phòng là 10% làm tròn lên, tức 1 (Luật Lực lượng DBĐV "
        "2019 Điều 15 khoản 2)."
    )


def test_a_post_has_room_again_when_an_arrangement_ends(tree, company):
    gunner = post(company, title="Pháo thủ", establishment=1)
    first, second, third = (
        reservist(tree.duong_quang, given_name=name) for name in ("An", "Bình", "Cường")
    )
    held = reservist_arrange(actor=None, reservist=first, post=gunner, arranged_on=date(2024, 3, 1))
    reservist_arrange(actor=None, reservist=second, post=gunner, arranged_on=date(2024, 3, 1))
    arrangement_end(actor=None, arrangement=held, on=date(2024, 6, 1), reason="Chuyển đơn vị")

    reservist_arrange(actor=None, reservist=third, post=gunner, arranged_on=date(2024, 6, 1))

    assert Arrangement.objects.filter(post=gunner, ended_on__isnull=True).count() == 2


def test_a_removed_reservist_is_refused(tree, rifle_post):
    from qsdp.reserves.services import reservist_remove

    soldier = reservist(tree.duong_quang, given_name="An")
    reservist_remove(actor=None, reservist=soldier, on=date(2024, 1, 1), reason="moved_away")

    error = _refused(reservist=soldier, post=rifle_post, arranged_on=date(2024, 3, 1))

    assert error.code == "rs_removed"
    assert error.message == "Nguyễn Văn An đã giải ngạch dự bị ngày 01/01/2024."


def test_the_health_class_recorded_later_lets_him_be_arranged(tree, rifle_post):
    soldier = reservist(tree.duong_quang, health_class=None)
    reservist_update(
        actor=None,
        reservist=soldier,
        data=ReservistData(specialty_code="111", specialty_name="Bộ binh", health_class=2),
        reserve_class=1,
    )

    arrangement = reservist_arrange(
        actor=None, reservist=soldier, post=rifle_post, arranged_on=date(2024, 3, 1)
    )

    assert arrangement.pk is not None


def test_an_officer_of_another_commune_may_not_arrange(tree, rifle_post, outsider):
    soldier = reservist(tree.duong_quang)
    before = rows()

    with pytest.raises(PermissionDenied):
        reservist_arrange(
            actor=outsider, reservist=soldier, post=rifle_post, arranged_on=date(2024, 3, 1)
        )

    assert rows() == before


def test_ending_needs_a_reason_and_a_date_after_the_start(tree, rifle_post):
    soldier = reservist(tree.duong_quang)
    held = reservist_arrange(
        actor=None, reservist=soldier, post=rifle_post, arranged_on=date(2024, 3, 1)
    )
    before = rows()

    with pytest.raises(DomainError) as no_reason:
        arrangement_end(actor=None, arrangement=held, on=date(2024, 6, 1), reason=" ")
    with pytest.raises(DomainError) as too_early:
        arrangement_end(actor=None, arrangement=held, on=date(2024, 2, 1), reason="Chuyển")

    assert no_reason.value.message == "Cần ghi lý do kết thúc sắp xếp."
    assert too_early.value.message == "Ngày này trước ngày bắt đầu sắp xếp (01/03/2024)."
    assert rows() == before
