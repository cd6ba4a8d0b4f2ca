"""Handover day: the acceptance refuses, with the rule, whom the law does not let in."""

from datetime import date
from decimal import Decimal

import pytest

from qsdp.core.errors import DomainError
from qsdp.core.models import AuditEvent
from qsdp.military_service.rules.cycle import EventKind, Status
from qsdp.military_service.services import (
    deferral_decide,
    enlistment_record,
    exemption_decide,
    health_exam_record,
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


def ordered(tree, *, born=date(2004, 5, 10), list_handover=HANDOVER, re_exam=None):
    """A man of Dương Quang with a call-up order for 2026; ``re_exam`` is a second
    examination recorded after the list was approved (before the order)."""
    person = registered(tree.duong_quang, born=born)
    examined(person)
    quotas(tree, duong_quang=1, song_cau=None)
    (candidate,) = approved_list(tree.duong_quang, handover=list_handover)
    if re_exam is not None:
        health_exam_record(
            actor=None,
            person=person,
            examined_on=date(2026, 1, 12),
            call_up_year=2026,
            **re_exam,
        )
    order(candidate)
    return person


def test_enlistment_on_handover_day(tree, commune_officer):
    person = ordered(tree)

    event = enlistment_record(
        actor=commune_officer, person=person, call_up_year=2026, handover_on=HANDOVER
    )

    assert (event.kind, event.occurred_on, event.call_up_year, event.decision_number) == (
        EventKind.ENLISTMENT, HANDOVER, 2026, "1/LGNN",
    )  # fmt: skip
    assert status_on(person, HANDOVER) == Status.ENLISTED
    assert AuditEvent.objects.get(verb="military_service.enlistment").changes == {
        "occurred_on": [None, "2026-03-04"],
        "call_up_year": [None, 2026],
        "order": [None, "1/LGNN"],
    }


def refused_handover(person, on=HANDOVER):
    before = rows()
    with pytest.raises(DomainError) as refused:
        enlistment_record(actor=None, person=person, call_up_year=2026, handover_on=on)
    assert rows() == before
    return refused.value


def test_someone_deferred_is_not_handed_over(tree):
    person = ordered(tree)
    deferral_decide(
        actor=None,
        person=person,
        reason_code="sibling_on_active_duty",
        decided_on=date(2026, 2, 10),
        valid_until=date(2026, 12, 31),
    )

    refusal = refused_handover(person)

    assert (refusal.code, refusal.message) == (
        "ms_handover_deferred",
        "Không thể giao nhận: công dân đang được tạm hoãn gọi nhập ngũ đến ngày 31/12/2026 "
        "(Luật NVQS 2015 Điều 41 khoản 1 điểm d).",
    )


def test_someone_exempt_is_not_handed_over(tree):
    person = ordered(tree)
    exemption_decide(
        actor=None,
        person=person,
        reason_code="child_of_fallen_soldier",
        decided_on=date(2026, 2, 10),
    )

    assert refused_handover(person).message == (
        "Không thể giao nhận: công dân được miễn gọi nhập ngũ (Luật NVQS 2015 Điều 41 khoản 2 "
        "điểm a)."
    )


def test_someone_past_call_up_age_on_the_handover_date_is_not_handed_over(tree):
    # 26 on 20 February 2026: within the age when the list was made for 15 February.
    person = ordered(tree, born=date(2000, 2, 20), list_handover=date(2026, 2, 15))

    refusal = refused_handover(person)

    assert (refusal.code, refusal.message) == (
        "ms_handover_age",
        "Không thể giao nhận: công dân nam sinh ngày 20/02/2000 đã quá độ tuổi gọi nhập ngũ "
        "vào ngày 04/03/2026; độ tuổi này hết vào ngày 19/02/2026 (Luật NVQS 2015 Điều 30).",
    )


def test_a_college_deferral_extends_the_age_to_27(tree):
    person = registered(tree.duong_quang, born=date(2000, 2, 20))
    deferral_decide(
        actor=None,
        person=person,
        reason_code="full_time_college_student",
        decided_on=date(2019, 9, 5),
        valid_until=date(2022, 6, 30),
    )
    examined(person)
    quotas(tree, duong_quang=1, song_cau=None)
    (candidate,) = approved_list(tree.duong_quang)
    order(candidate)

    event = enlistment_record(actor=None, person=person, call_up_year=2026, handover_on=HANDOVER)

    assert event.kind == EventKind.ENLISTMENT


@pytest.mark.parametrize(
    ("re_exam", "code", "message"),
    [
        (
            {"health_class": 4},
            "ms_handover_health",
            "Không thể giao nhận: công dân có sức khỏe loại 4, chỉ gọi nhập ngũ công dân có sức "
            "khỏe loại 1, 2, 3 (Thông tư 68/2025/TT-BQP).",
        ),
        (
            {"health_class": 1, "myopia_diopters": Decimal("-2.0")},
            "ms_handover_health",
            "Không thể giao nhận: công dân có thị lực cận 2,0 D, trên 1,5 D "
            "(Thông tư 68/2025/TT-BQP).",
        ),
        (
            {"health_class": 2, "bmi": Decimal("17.5")},
            "ms_handover_health",
            "Không thể giao nhận: công dân có chỉ số BMI 17,5, dưới 18,0 "
            "(Thông tư 68/2025/TT-BQP).",
        ),
    ],
)
def test_the_health_exclusions_bar_the_handover(tree, re_exam, code, message):
    person = ordered(tree, re_exam=re_exam)

    refusal = refused_handover(person)

    assert (refusal.code, refusal.message) == (code, message)


def test_without_an_order_there_is_no_handover(tree):
    person = registered(tree.duong_quang)
    examined(person)

    refusal = refused_handover(person)

    assert (refusal.code, refusal.message) == (
        "ms_handover_no_order",
        "Không thể giao nhận: công dân chưa có lệnh gọi nhập ngũ năm 2026.",
    )
