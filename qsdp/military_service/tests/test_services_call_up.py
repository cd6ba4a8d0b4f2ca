from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from qsdp.core.errors import DomainError
from qsdp.military_service.models import CallUpCandidate, CallUpOrder, CandidateStatus
from qsdp.military_service.rules.cycle import Status
from qsdp.military_service.services import (
    call_up_candidate_substitute,
    call_up_list_approve,
    call_up_list_build,
    call_up_order_issue,
    call_up_order_issue_all,
    deferral_decide,
)
from qsdp.military_service.services._common import status_on
from qsdp.military_service.tests.factories import (
    approved_list,
    examined,
    order,
    quotas,
    registered,
    rows,
)

pytestmark = pytest.mark.django_db
HANDOVER = date(2026, 3, 4)


@pytest.fixture
def men(tree):
    """Men of Dương Quang, named by what ranks (or excludes) them for 2026."""
    unit = tree.duong_quang

    def fit(name, health_class=1, grade=12, born=date(2004, 5, 10)):
        person = registered(unit, given_name=name, grade=grade, born=born)
        examined(person, health_class=health_class)
        return person

    people = {
        "an": fit("An"),
        "binh": fit("Bình", health_class=2),
        "cuong": fit("Cường", grade=9),
        "dung": fit("Dũng", health_class=3),
        "unfit": fit("Đạt", health_class=4),
        "deferred": fit("Hùng"),
        "too_old": fit("Khải", born=date(2000, 1, 15)),
        "grade_7": fit("Lâm", grade=7),
        "not_examined": registered(unit, given_name="Minh"),
        "nam": fit("Nam"),
    }
    deferral_decide(
        actor=None,
        person=people["deferred"],
        reason_code="full_time_university_student",
        decided_on=date(2025, 9, 10),
        valid_until=date(2029, 6, 30),
    )
    return people


def names(candidates):
    return [(c.list_kind, c.rank, c.person.given_name) for c in candidates]


def test_the_list_ranks_by_health_then_education_and_fills_the_quota_first(
    tree, men, commune_officer
):
    quotas(tree, duong_quang=2)

    built = call_up_list_build(
        actor=commune_officer, org_unit=tree.duong_quang, call_up_year=2026, handover_on=HANDOVER
    )

    assert names(built) == [
        ("primary", 1, "An"), ("primary", 2, "Nam"),
        ("reserve", 1, "Cường"), ("reserve", 2, "Bình"), ("reserve", 3, "Dũng"),
    ]  # fmt: skip


def test_building_again_replaces_a_proposal_not_yet_approved(tree, men, commune_officer):
    quotas(tree, duong_quang=2)
    call_up_list_build(
        actor=commune_officer, org_unit=tree.duong_quang, call_up_year=2026, handover_on=HANDOVER
    )
    examined(men["not_examined"], on=date(2025, 12, 1))

    call_up_list_build(
        actor=commune_officer, org_unit=tree.duong_quang, call_up_year=2026, handover_on=HANDOVER
    )

    assert CallUpCandidate.objects.filter(call_up_year=2026).count() == 6


def test_the_command_approves_a_list_the_size_of_the_quota(tree, men, command_staff):
    quotas(tree, duong_quang=2)
    call_up_list_build(
        actor=None, org_unit=tree.duong_quang, call_up_year=2026, handover_on=HANDOVER
    )

    approved = call_up_list_approve(
        actor=command_staff,
        org_unit=tree.duong_quang,
        call_up_year=2026,
        approved_on=date(2026, 1, 10),
    )

    assert {(c.status, c.approved_by) for c in approved} == {
        (CandidateStatus.APPROVED, command_staff)
    }
    with pytest.raises(DomainError) as refused:
        call_up_list_build(
            actor=None, org_unit=tree.duong_quang, call_up_year=2026, handover_on=HANDOVER
        )
    assert refused.value.message == (
        "Danh sách gọi nhập ngũ năm 2026 của Xã Dương Quang đã được duyệt."
    )


def test_the_commune_cannot_approve_its_own_list(tree, men, commune_officer):
    quotas(tree, duong_quang=2)
    call_up_list_build(
        actor=None, org_unit=tree.duong_quang, call_up_year=2026, handover_on=HANDOVER
    )
    before = rows()

    with pytest.raises(PermissionDenied):
        call_up_list_approve(
            actor=commune_officer,
            org_unit=tree.duong_quang,
            call_up_year=2026,
            approved_on=date(2026, 1, 10),
        )

    assert rows() == before


def test_a_list_short_of_the_quota_is_not_approved(tree, men, command_staff):
    quotas(tree, duong_quang=6)
    call_up_list_build(
        actor=None, org_unit=tree.duong_quang, call_up_year=2026, handover_on=HANDOVER
    )
    before = rows()

    with pytest.raises(DomainError) as refused:
        call_up_list_approve(
            actor=command_staff,
            org_unit=tree.duong_quang,
            call_up_year=2026,
            approved_on=date(2026, 1, 10),
        )

    assert refused.value.message == (
        "Danh sách chính của Xã Dương Quang có 5 công dân, trong khi chỉ tiêu năm 2026 là 6."
    )
    assert rows() == before


def test_a_list_needs_a_quota(tree, men, commune_officer):
    with pytest.raises(DomainError) as refused:
        call_up_list_build(
            actor=commune_officer,
            org_unit=tree.duong_quang,
            call_up_year=2026,
            handover_on=HANDOVER,
        )

    assert refused.value.message == "Xã Dương Quang chưa được giao chỉ tiêu gọi nhập ngũ năm 2026."


def test_orders_are_numbered_per_unit_and_year(tree, men, commune_officer):
    quotas(tree, duong_quang=2)
    primary = [c for c in approved_list(tree.duong_quang) if c.list_kind == "primary"]

    first = call_up_order_issue(
        actor=commune_officer,
        candidate=primary[0],
        issued_on=date(2026, 1, 20),
        report_on=HANDOVER,
        report_place="Sân vận động xã Dương Quang",
    )
    second = order(primary[1])

    assert [(o.number, o.event.decision_number) for o in (first, second)] == [
        ("1/LGNN", "1/LGNN"), ("2/LGNN", "2/LGNN"),
    ]  # fmt: skip
    assert status_on(primary[0].person, date(2026, 1, 20)) == Status.ORDERED


def test_no_order_for_the_reserve_list(tree, men, commune_officer):
    quotas(tree, duong_quang=2)
    reserve = [c for c in approved_list(tree.duong_quang) if c.list_kind == "reserve"]
    before = rows()

    with pytest.raises(DomainError) as refused:
        order(reserve[0])

    assert refused.value.message == (
        "Công dân ở danh sách dự phòng: chỉ phát lệnh cho công dân trong danh sách chính."
    )
    assert rows() == before


def test_no_order_for_a_citizen_deferred_after_the_list(tree, men, commune_officer):
    quotas(tree, duong_quang=2)
    an = approved_list(tree.duong_quang)[0]
    deferral_decide(
        actor=None,
        person=an.person,
        reason_code="sibling_on_active_duty",
        decided_on=date(2026, 1, 15),
        valid_until=date(2027, 1, 15),
    )
    before = rows()

    with pytest.raises(DomainError) as refused:
        order(an)

    assert refused.value.message == (
        "Không thể phát lệnh gọi nhập ngũ: công dân đang được tạm hoãn gọi nhập ngũ "
        "(Luật NVQS 2015 Điều 41 khoản 1)."
    )
    assert rows() == before


def test_a_dropout_is_replaced_from_the_reserve_list(tree, men, commune_officer):
    quotas(tree, duong_quang=2)
    an = approved_list(tree.duong_quang)[0]
    an_order = order(an)

    substitute = call_up_candidate_substitute(
        actor=commune_officer, candidate=an, on=date(2026, 2, 1), reason="Bị tai nạn giao thông"
    )

    an.refresh_from_db()
    an_order.event.refresh_from_db()
    assert (substitute.person.given_name, substitute.list_kind, substitute.rank) == (
        "Cường", "primary", 1,
    )  # fmt: skip
    assert (substitute.replaces, an.status, an.withdraw_reason) == (
        an, CandidateStatus.WITHDRAWN, "Bị tai nạn giao thông",
    )  # fmt: skip
    assert an_order.event.cancelled_on == date(2026, 2, 1)
    assert status_on(an.person, date(2026, 2, 1)) == Status.REGISTERED
    # The substitute gets the next number; the cancelled one is not reused.
    assert order(substitute).number == "2/LGNN"


def test_when_the_reserve_list_runs_out_nobody_is_withdrawn(tree, men, commune_officer):
    quotas(tree, duong_quang=5)
    an = approved_list(tree.duong_quang)[0]
    before = rows()

    with pytest.raises(DomainError) as refused:
        call_up_candidate_substitute(
            actor=commune_officer, candidate=an, on=date(2026, 2, 1), reason="Ốm nặng"
        )

    assert refused.value.message == (
        "Danh sách dự phòng năm 2026 của Xã Dương Quang không còn công dân để thay thế."
    )
    assert rows() == before
    assert CallUpOrder.objects.count() == 0


def issue_all(actor, tree):
    return call_up_order_issue_all(
        actor=actor,
        org_unit=tree.duong_quang,
        call_up_year=2026,
        issued_on=date(2026, 1, 20),
        report_on=HANDOVER,
        report_place="Sân vận động xã Dương Quang",
    )


def test_all_the_orders_of_the_list_at_once_skipping_those_already_issued(
    tree, men, commune_officer
):
    quotas(tree, duong_quang=3)
    primary = [c for c in approved_list(tree.duong_quang) if c.list_kind == "primary"]
    order(primary[1])

    issued = issue_all(commune_officer, tree)

    assert [(o.number, o.event.person.given_name, o.report_on) for o in issued] == [
        ("2/LGNN", "An", HANDOVER), ("3/LGNN", "Cường", HANDOVER),
    ]  # fmt: skip
    before = rows()
    with pytest.raises(DomainError) as refused:
        issue_all(commune_officer, tree)
    assert refused.value.message == (
        "Danh sách chính đã duyệt năm 2026 của Xã Dương Quang không còn công dân nào "
        "chưa có lệnh gọi nhập ngũ."
    )
    assert rows() == before


def test_one_refusal_issues_no_order_and_names_the_citizen(tree, men, commune_officer):
    quotas(tree, duong_quang=2)
    nam = [c for c in approved_list(tree.duong_quang) if c.list_kind == "primary"][1]
    deferral_decide(
        actor=None,
        person=nam.person,
        reason_code="sibling_on_active_duty",
        decided_on=date(2026, 1, 15),
        valid_until=date(2027, 1, 15),
    )
    before = rows()

    with pytest.raises(DomainError) as refused:
        issue_all(commune_officer, tree)

    assert refused.value.message == (
        "Nguyễn Văn Nam: Không thể phát lệnh gọi nhập ngũ: công dân đang được tạm hoãn gọi "
        "nhập ngũ (Luật NVQS 2015 Điều 41 khoản 1)."
    )
    assert rows() == before


def test_the_leader_issues_no_order(tree, men, leader):
    quotas(tree, duong_quang=2)
    approved_list(tree.duong_quang)
    before = rows()

    with pytest.raises(PermissionDenied):
        issue_all(leader, tree)

    assert rows() == before
