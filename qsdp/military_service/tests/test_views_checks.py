"""The checks before the call-up: pre-screening, health, education, politics."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from qsdp.military_service.models import HealthExam, ServiceEvent
from qsdp.military_service.tests.factories import counts, man, registered

pytestmark = pytest.mark.django_db


@pytest.fixture
def an(tree):
    return registered(tree.duong_quang, given_name="An", born=date(2004, 5, 10))


def url(name, person):
    return reverse(f"military_service:{name}", args=[person.pk])


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def test_a_pre_screening_is_recorded(client, an, commune_officer):
    client.force_login(commune_officer)

    client.post(
        url("pre-screening-record", an),
        {"screened_on": "15/10/2025", "call_up_year": "2026", "passed": "False", "note": "Gầy"},
    )

    event = ServiceEvent.objects.get(kind="pre_screening")
    assert (event.occurred_on, event.call_up_year, event.details) == (
        date(2025, 10, 15), 2026, {"passed": False, "note": "Gầy"},
    )  # fmt: skip


def test_the_health_class_is_the_worst_score_and_the_rule_explains_it(client, an, commune_officer):
    client.force_login(commune_officer)

    response = client.post(
        url("health-exam-record", an),
        {
            "examined_on": "20/11/2025", "call_up_year": "2026", "score_physique": "2",
            "score_eyes": "1", "score_internal": "3", "myopia_diopters": "1,75", "bmi": "21,4",
        },
        follow=True,
    )  # fmt: skip

    exam = HealthExam.objects.get()
    assert (exam.health_class, exam.indicator_scores, exam.may_be_called_up, exam.reason) == (
        3, {"physique": 2, "eyes": 1, "internal": 3}, False, "myopia_over_1_5_diopters",
    )  # fmt: skip
    assert (exam.myopia_diopters, exam.bmi) == (Decimal("1.75"), Decimal("21.4"))
    assert messages_of(response) == [
        "Đã ghi kết quả khám sức khỏe. Sức khỏe loại 3, không gọi nhập ngũ: cận thị 1.75 diop "
        "vượt giới hạn 1,5 diop. (Thông tư 105/2023/TT-BQP; Thông tư 148/2018/TT-BQP sửa đổi "
        "bởi Thông tư 68/2025/TT-BQP)"
    ]


def test_an_examination_needs_scores_or_a_class(client, an, commune_officer):
    client.force_login(commune_officer)
    before = counts()

    response = client.post(
        url("health-exam-record", an), {"examined_on": "20/11/2025", "call_up_year": "2026"}
    )

    assert response.context["form"].non_field_errors() == [
        "Nhập điểm các chỉ tiêu sức khỏe hoặc phân loại sức khỏe từ 1 đến 6."
    ]
    assert counts() == before


def test_a_man_not_registered_is_not_examined(client, tree, commune_officer):
    binh = man(tree.duong_quang, given_name="Bình")
    client.force_login(commune_officer)
    before = counts()

    response = client.post(
        url("health-exam-record", binh),
        {"examined_on": "20/11/2025", "call_up_year": "2026", "health_class": "1"},
    )

    assert response.context["form"].non_field_errors() == [
        "Không thể ghi “Khám sức khỏe”: công dân chưa đăng ký nghĩa vụ quân sự lần đầu "
        "(Luật NVQS 2015 Điều 16)."
    ]
    assert counts() == before


def test_the_education_check_with_the_locality_exception(client, an, commune_officer):
    client.force_login(commune_officer)

    response = client.post(
        url("education-check-record", an),
        {
            "checked_on": "01/12/2025", "call_up_year": "2026", "completed_grade": "7",
            "locality_exception_approved": "on", "exception_approved_by": "UBND tỉnh Bắc Kạn",
        },
        follow=True,
    )  # fmt: skip

    event = ServiceEvent.objects.get(kind="education_check")
    assert event.details == {
        "completed_grade": 7, "eligible": True, "locality_exception_approved": True,
        "exception_approved_by": "UBND tỉnh Bắc Kạn",
    }  # fmt: skip
    assert messages_of(response) == ["Đã ghi kết quả xét tiêu chuẩn văn hóa: đạt tiêu chuẩn."]


def test_the_exception_needs_who_approved_it(client, an, commune_officer):
    client.force_login(commune_officer)

    response = client.post(
        url("education-check-record", an),
        {
            "checked_on": "01/12/2025", "call_up_year": "2026", "completed_grade": "7",
            "locality_exception_approved": "on",
        },
    )  # fmt: skip

    assert response.context["form"].errors["exception_approved_by"] == [
        "Nêu cấp có thẩm quyền đã cho phép địa phương tuyển công dân có trình độ lớp 7."
    ]
    assert ServiceEvent.objects.filter(kind="education_check").count() == 0


def test_the_political_checklist_shows_every_item_and_records_the_ticks(
    client, an, commune_officer
):
    client.force_login(commune_officer)
    page = client.get(url("political-check-record", an)).content.decode()
    ticked = {
        "item_clear_background": "on", "item_complies_with_law": "on",
        "item_no_criminal_record": "on", "item_not_under_prosecution": "on",
        "item_no_offensive_tattoo": "on",
    }  # fmt: skip

    response = client.post(
        url("political-check-record", an),
        {"checked_on": "05/12/2025", "call_up_year": "2026", "checked_by": "Lò Văn Tú", **ticked},
        follow=True,
    )

    assert (
        "Không có hình xăm, chữ xăm mang tính kinh dị, kỳ quái, kích động tình dục, bạo lực" in page
    )
    event = ServiceEvent.objects.get(kind="political_check")
    assert (event.signer, event.details["passed"], event.details["items"]["family_complies"]) == (
        "Lò Văn Tú", False, False,
    )  # fmt: skip
    assert messages_of(response) == ["Đã ghi kết quả thẩm tra chính trị: có tiêu chuẩn không đạt."]
