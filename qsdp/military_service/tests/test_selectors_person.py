from datetime import date

import pytest
from django.http import Http404

from qsdp.core.models import AccessLog
from qsdp.military_service.rules.cycle import EventKind, Status
from qsdp.military_service.selectors import health_exam_answer, service_summary
from qsdp.military_service.services import deferral_decide, service_event_cancel
from qsdp.military_service.tests.factories import examined, registered

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(tree):
    person = registered(tree.duong_quang, born=date(2000, 6, 25))
    examined(person, on=date(2025, 11, 20), health_class=2)
    return person


def test_the_page_shows_the_status_and_the_call_up_age_answer(person, commune_officer):
    summary = service_summary(user=commune_officer, person_id=person.pk, on=date(2026, 1, 5))

    assert (summary.status, summary.status_label) == (Status.REGISTERED, "Đã đăng ký")
    assert summary.call_up_age == (
        "trong độ tuổi gọi nhập ngũ đến 24/06/2026 — Luật NVQS 2015 Điều 30"
    )
    assert [(e.on, e.title, e.detail) for e in summary.timeline] == [
        (date(2025, 11, 20), "Khám sức khỏe", "sức khỏe loại 2"),
        (date(2017, 4, 15), "Đăng ký lần đầu", ""),
    ]
    assert summary.next_events[:2] == [
        EventKind.SUPPLEMENTARY_REGISTRATION, EventKind.TEMPORARY_ABSENCE,
    ]  # fmt: skip
    # Health classes are sensitive: the read is logged.
    log = AccessLog.objects.get(person_id=person.pk)
    assert (log.actor, log.fields, log.purpose) == (
        commune_officer, ["health_class"], "military_service.timeline",
    )  # fmt: skip


def test_past_the_age_and_deferred_and_cancelled_entries(person, commune_officer):
    deferral = deferral_decide(
        actor=None,
        person=person,
        reason_code="sibling_on_active_duty",
        decided_on=date(2026, 1, 10),
        valid_until=date(2026, 12, 31),
        decision_number="7/QĐ-UBND",
    )
    service_event_cancel(
        actor=None, event=deferral, cancelled_on=date(2026, 1, 20), reason="Sai đối tượng"
    )

    summary = service_summary(user=commune_officer, person_id=person.pk, on=date(2026, 7, 1))

    assert summary.status == Status.REGISTERED
    assert summary.call_up_age == (
        "đã quá tuổi gọi nhập ngũ (hết ngày 24/06/2026) — Luật NVQS 2015 Điều 30"
    )
    assert (summary.timeline[0].cancelled, summary.timeline[0].detail) == (
        True,
        "Số 7/QĐ-UBND; Có anh, chị hoặc em ruột đang phục vụ tại ngũ (Điều 41 khoản 1 điểm d); "
        "đến ngày 31/12/2026; đã hủy ngày 20/01/2026: Sai đối tượng",
    )


def test_a_person_outside_the_scope_does_not_exist(person, outsider):
    with pytest.raises(Http404):
        service_summary(user=outsider, person_id=person.pk)
    assert AccessLog.objects.count() == 0


def test_a_recorded_examination_is_explained_by_the_rules(tree):
    man = registered(tree.duong_quang, given_name="Bình", born=date(2004, 2, 2))
    exam = examined(man, on=date(2025, 11, 20), health_class=2, myopia_diopters=2)

    answer = health_exam_answer(exam)

    assert (answer.health_class, answer.may_be_called_up, answer.explanation) == (
        2,
        False,
        "Sức khỏe loại 2, không gọi nhập ngũ: cận thị 2 diop vượt giới hạn 1,5 diop.",
    )
    assert answer.legal_basis == (
        "Thông tư 105/2023/TT-BQP; Thông tư 148/2018/TT-BQP sửa đổi bởi Thông tư 68/2025/TT-BQP"
    )
