from datetime import date

import pytest

from qsdp.core.errors import DomainError
from qsdp.military_service.rules.cycle import EventKind, Status
from qsdp.military_service.services import deferral_decide, deferral_end, exemption_decide
from qsdp.military_service.services._common import status_on
from qsdp.military_service.tests.factories import registered, rows

pytestmark = pytest.mark.django_db


def test_a_deferral_takes_its_legal_point_from_the_rules(tree, commune_officer):
    person = registered(tree.duong_quang)

    event = deferral_decide(
        actor=commune_officer,
        person=person,
        reason_code="full_time_university_student",
        decided_on=date(2023, 9, 15),
        valid_until=date(2027, 6, 30),
        decision_number="45/QĐ-UBND",
        signer="Chủ tịch UBND thành phố",
        call_up_year=2024,
    )

    assert (event.kind, event.legal_point, event.valid_until, event.decision_number) == (
        EventKind.DEFERRAL, "Điều 41 khoản 1 điểm g", date(2027, 6, 30), "45/QĐ-UBND",
    )  # fmt: skip
    assert status_on(person, date(2027, 6, 30)) == Status.DEFERRED
    assert status_on(person, date(2027, 7, 1)) == Status.REGISTERED


def test_a_posting_of_30_months_is_an_exemption(tree, commune_officer):
    person = registered(tree.duong_quang)

    event = exemption_decide(
        actor=commune_officer,
        person=person,
        reason_code="posted_official_in_extremely_disadvantaged_area",
        decided_on=date(2023, 9, 15),
        facts={"months_posted": 30},
    )

    assert (event.kind, event.legal_point, event.details) == (
        EventKind.EXEMPTION, "Điều 41 khoản 2 điểm đ", {"facts": {"months_posted": 30}},
    )  # fmt: skip
    assert status_on(person, date(2030, 1, 1)) == Status.EXEMPT


@pytest.mark.parametrize(
    ("reason_code", "facts", "message"),
    [
        (
            "intermediate_vocational_student",
            {},
            "“intermediate_vocational_student” không phải là lý do tạm hoãn hay miễn gọi nhập "
            "ngũ theo Điều 41 (Luật NVQS 2015 Điều 41).",
        ),
        (
            "child_of_sick_soldier",
            {"parent_work_capacity_loss_percent": 41},
            "Con của bệnh binh: mức suy giảm khả năng lao động của cha hoặc mẹ (41%) dưới 61%, "
            "nên không thuộc diện tạm hoãn hay miễn gọi nhập ngũ (Luật NVQS 2015 Điều 41).",
        ),
    ],
)
def test_a_ground_the_law_does_not_list_is_refused_plainly(
    tree, commune_officer, reason_code, facts, message
):
    person = registered(tree.duong_quang)
    before = rows()

    with pytest.raises(DomainError) as refused:
        deferral_decide(
            actor=commune_officer,
            person=person,
            reason_code=reason_code,
            decided_on=date(2023, 9, 15),
            valid_until=date(2024, 9, 15),
            facts=facts,
        )

    assert (refused.value.code, refused.value.field, refused.value.message) == (
        "ms_not_a_ground", "reason_code", message,
    )  # fmt: skip
    assert rows() == before


def test_an_exemption_ground_is_not_recorded_as_a_deferral(tree, commune_officer):
    person = registered(tree.duong_quang)
    before = rows()

    with pytest.raises(DomainError) as refused:
        deferral_decide(
            actor=commune_officer,
            person=person,
            reason_code="child_of_fallen_soldier",
            decided_on=date(2023, 9, 15),
            valid_until=date(2024, 9, 15),
        )

    assert refused.value.message == (
        "Theo Điều 41 khoản 2 điểm a, trường hợp này được miễn gọi nhập ngũ, không phải tạm hoãn."
    )
    assert rows() == before


def test_a_deferral_needs_its_end_date(tree, commune_officer):
    person = registered(tree.duong_quang)
    before = rows()

    with pytest.raises(DomainError) as refused:
        deferral_decide(
            actor=commune_officer,
            person=person,
            reason_code="general_school_student",
            decided_on=date(2023, 9, 15),
            valid_until=None,
        )

    assert (refused.value.field, refused.value.message) == (
        "valid_until",
        "Nhập ngày hết hạn tạm hoãn, không trước ngày quyết định (15/09/2023).",
    )
    assert rows() == before


def test_a_deferral_ended_early_makes_him_callable_again(tree, commune_officer):
    person = registered(tree.duong_quang)
    deferral_decide(
        actor=commune_officer,
        person=person,
        reason_code="sole_laborer_supporting_dependents",
        decided_on=date(2023, 9, 15),
        valid_until=date(2025, 9, 15),
    )

    deferral_end(
        actor=commune_officer,
        person=person,
        ended_on=date(2024, 3, 1),
        reason="Em trai đã đủ tuổi lao động",
    )

    assert status_on(person, date(2024, 3, 1)) == Status.REGISTERED


def test_ending_a_deferral_that_does_not_exist_is_refused(tree, commune_officer):
    person = registered(tree.duong_quang)
    before = rows()

    with pytest.raises(DomainError) as refused:
        deferral_end(actor=commune_officer, person=person, ended_on=date(2024, 3, 1), reason="—")

    assert refused.value.message == (
        "Không thể ghi hết tạm hoãn: công dân không đang được tạm hoãn gọi nhập ngũ."
    )
    assert rows() == before
