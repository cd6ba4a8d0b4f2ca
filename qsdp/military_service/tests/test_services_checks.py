from datetime import date
from decimal import Decimal

import pytest

from qsdp.core.errors import DomainError
from qsdp.core.models import AuditEvent, RuleSetting
from qsdp.core.settings_registry import MYOPIA_BOUNDARY_INCLUSIVE
from qsdp.military_service.models import PoliticalCheckItem
from qsdp.military_service.services import (
    education_check_record,
    health_exam_record,
    political_check_record,
    pre_screening_record,
)
from qsdp.military_service.tests.factories import man, registered, rows

pytestmark = pytest.mark.django_db


def test_the_health_class_is_the_worst_indicator_score(tree, commune_officer):
    person = registered(tree.duong_quang)

    exam = health_exam_record(
        actor=commune_officer,
        person=person,
        examined_on=date(2025, 11, 20),
        call_up_year=2026,
        indicator_scores={"height": 1, "weight": 2, "eyes": 3, "teeth": 1},
        bmi=Decimal("21.4"),
    )

    assert (exam.health_class, exam.may_be_called_up, exam.reason) == (3, True, "")
    assert exam.event.legal_point == (
        "Thông tư 105/2023/TT-BQP; Thông tư 148/2018/TT-BQP sửa đổi bởi Thông tư 68/2025/TT-BQP"
    )
    audit = AuditEvent.objects.get(verb="military_service.health_exam")
    assert audit.changes == {
        "occurred_on": [None, "2025-11-20"],
        "call_up_year": [None, 2026],
        "health_class": [None, 3],
        "may_be_called_up": [None, True],
    }


@pytest.mark.parametrize(
    ("inclusive", "may_be_called_up", "reason"),
    [(False, True, ""), (True, False, "myopia_over_1_5_diopters")],
)
def test_myopia_of_exactly_1_5_follows_the_setting_in_force(
    tree, commune_officer, inclusive, may_be_called_up, reason
):
    RuleSetting.objects.create(
        key=MYOPIA_BOUNDARY_INCLUSIVE, valid_from=date(2025, 7, 1), value=inclusive
    )
    person = registered(tree.duong_quang)

    exam = health_exam_record(
        actor=commune_officer,
        person=person,
        examined_on=date(2025, 11, 20),
        call_up_year=2026,
        health_class=1,
        myopia_diopters=Decimal("1.5"),
    )

    assert (exam.myopia_boundary_inclusive, exam.may_be_called_up, exam.reason) == (
        inclusive, may_be_called_up, reason,
    )  # fmt: skip


def test_a_class_4_exam_is_recorded_as_not_fit(tree, commune_officer):
    person = registered(tree.duong_quang)

    exam = health_exam_record(
        actor=commune_officer,
        person=person,
        examined_on=date(2025, 11, 20),
        call_up_year=2026,
        indicator_scores={"heart": 4, "eyes": 1},
    )

    assert (exam.health_class, exam.may_be_called_up, exam.reason) == (
        4, False, "health_class_not_met",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("scores", "health_class", "message"),
    [
        ({"eyes": 7}, None, "Điểm của chỉ tiêu “eyes” phải là số nguyên từ 1 đến 6."),
        (None, None, "Nhập điểm các chỉ tiêu sức khỏe hoặc phân loại sức khỏe từ 1 đến 6."),
        (None, 0, "Nhập điểm các chỉ tiêu sức khỏe hoặc phân loại sức khỏe từ 1 đến 6."),
    ],
)
def test_malformed_scores_are_refused(tree, commune_officer, scores, health_class, message):
    person = registered(tree.duong_quang)
    before = rows()

    with pytest.raises(DomainError) as refused:
        health_exam_record(
            actor=commune_officer,
            person=person,
            examined_on=date(2025, 11, 20),
            call_up_year=2026,
            indicator_scores=scores,
            health_class=health_class,
        )

    assert (refused.value.field, refused.value.message) == ("indicator_scores", message)
    assert rows() == before


def test_an_unregistered_man_cannot_be_examined(tree, commune_officer):
    person = man(tree.duong_quang)
    before = rows()

    with pytest.raises(DomainError) as refused:
        health_exam_record(
            actor=commune_officer,
            person=person,
            examined_on=date(2025, 11, 20),
            call_up_year=2026,
            health_class=1,
        )

    assert refused.value.message == (
        "Không thể ghi “Khám sức khỏe”: công dân chưa đăng ký nghĩa vụ quân sự lần đầu "
        "(Luật NVQS 2015 Điều 16)."
    )
    assert rows() == before


@pytest.mark.parametrize(
    ("grade", "approved", "approver", "eligible"),
    [(9, False, "", True), (7, False, "", False), (7, True, "Chủ tịch UBND tỉnh", True)],
)
def test_education_standard_with_the_locality_exception(
    tree, commune_officer, grade, approved, approver, eligible
):
    person = registered(tree.duong_quang)

    event = education_check_record(
        actor=commune_officer,
        person=person,
        checked_on=date(2025, 11, 25),
        call_up_year=2026,
        completed_grade=grade,
        locality_exception_approved=approved,
        exception_approved_by=approver,
    )

    assert event.details == {
        "completed_grade": grade,
        "eligible": eligible,
        "locality_exception_approved": approved,
        "exception_approved_by": approver,
    }


def test_the_locality_exception_needs_who_approved_it(tree, commune_officer):
    person = registered(tree.duong_quang)
    before = rows()

    with pytest.raises(DomainError) as refused:
        education_check_record(
            actor=commune_officer,
            person=person,
            checked_on=date(2025, 11, 25),
            call_up_year=2026,
            completed_grade=7,
            locality_exception_approved=True,
        )

    assert refused.value.field == "exception_approved_by"
    assert rows() == before


def test_the_political_check_passes_only_with_every_item_ticked(tree, commune_officer):
    person = registered(tree.duong_quang)
    items = dict.fromkeys(PoliticalCheckItem.values, True)

    passed = political_check_record(
        actor=commune_officer,
        person=person,
        checked_on=date(2025, 12, 1),
        call_up_year=2026,
        items=items,
        checked_by="Trưởng Công an xã",
    )
    failed = political_check_record(
        actor=commune_officer,
        person=person,
        checked_on=date(2025, 12, 2),
        call_up_year=2026,
        items={**items, "no_offensive_tattoo": False},
        checked_by="Trưởng Công an xã",
    )

    assert (passed.details["passed"], failed.details["passed"]) == (True, False)
    assert failed.signer == "Trưởng Công an xã"


def test_an_incomplete_checklist_is_refused(tree, commune_officer):
    person = registered(tree.duong_quang)
    before = rows()

    with pytest.raises(DomainError) as refused:
        political_check_record(
            actor=commune_officer,
            person=person,
            checked_on=date(2025, 12, 1),
            call_up_year=2026,
            items={"clear_background": True},
            checked_by="Trưởng Công an xã",
        )

    assert refused.value.message == "Trả lời đủ các mục của phiếu xét tiêu chuẩn chính trị."
    assert rows() == before


def test_pre_screening_is_recorded_for_the_call_up_year(tree, commune_officer):
    person = registered(tree.duong_quang)

    event = pre_screening_record(
        actor=commune_officer,
        person=person,
        screened_on=date(2025, 10, 15),
        call_up_year=2026,
        passed=True,
    )

    assert (event.call_up_year, event.details) == (2026, {"passed": True, "note": ""})
