"""The attendance sheet and the year's training summary, downloaded and read back."""

from decimal import Decimal

import pytest
from django.urls import reverse

from qsdp.military_service.tests.documents import pdf_text, xlsx_table, xlsx_text

pytestmark = pytest.mark.django_db


def test_the_attendance_sheet_as_xlsx(client, world, commune_officer):
    client.force_login(commune_officer)

    response = client.get(reverse("training:attendance-xlsx", args=[world["dq_plan"].pk]))

    head, body = xlsx_table(response.content)
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert "bang-diem-danh-2023-ban-chqs-xa-duong-quang.xlsx" in response["Content-Disposition"]
    assert head == [
        "STT", "Họ và tên", "Ngày sinh", "10/05", "11/05", "Số ngày đã huấn luyện",
        "Số ngày phải huấn luyện", "Kết quả",
    ]  # fmt: skip
    assert [row[1:2] + row[3:8] for row in body] == [
        ["Hoàng Văn An", "Khá", "x", 1.5, 15, "Khá"],
        ["Nguyễn Văn Bảo", "—", "", 0, 7, ""],
        ["Nguyễn Văn Sơn", "Giỏi", "Không đạt", 1.5, 60, "Không đạt"],
    ]
    text = xlsx_text(response.content)
    assert "BẢNG ĐIỂM DANH" in text
    assert (
        "Đã huấn luyện 2/3 người; thực hiện 3.0 ngày trên 82 ngày phải huấn luyện; "
        "đạt yêu cầu 1/2 người được đánh giá." in text
    )


def test_the_attendance_sheet_as_pdf(client, world, leader):
    client.force_login(leader)

    response = client.get(reverse("training:attendance-pdf", args=[world["dq_plan"].pk]))

    text = pdf_text(response.content)
    assert response["Content-Type"] == "application/pdf"
    assert [
        "BẢNG ĐIỂM DANH" in text,
        "Hoàng Văn An" in text,
        "Điều lệnh đội ngũ" in text,
        "Lục Văn Khánh" in text,
    ] == [True, True, True, False]


def test_the_year_summary_as_xlsx(client, world, command_staff):
    client.force_login(command_staff)

    response = client.get(reverse("training:summary-xlsx"), {"year": 2023})

    head, body = xlsx_table(response.content)
    assert head == [
        "STT", "Đơn vị", "Lực lượng huấn luyện", "Số buổi", "Giáo dục chính trị", "Số người",
        "Đã huấn luyện", "% đã huấn luyện", "Số ngày đã huấn luyện", "Số ngày phải huấn luyện",
        "Giỏi", "Khá", "Đạt", "Không đạt", "% đạt yêu cầu",
    ]  # fmt: skip
    assert sorted(row[1:] for row in body) == [
        ["Ban CHQS xã Dương Quang", "Dân quân tự vệ", 2, 1, 3, 2, 66.7, 3, 82, 0, 1, 0, 1, 50],
        ["Phường Sông Cầu", "Dân quân tự vệ", 1, 0, 1, 1, 100, 1, 15, 1, 0, 0, 0, 100],
    ]
    assert (
        "Huấn luyện theo phương châm “cơ bản, thiết thực, vững chắc”: đã huấn luyện 3/4 "
        "người, đạt yêu cầu 2/3 người được đánh giá." in xlsx_text(response.content)
    )


def test_the_year_summary_as_pdf_is_scoped(client, world, outsider):
    client.force_login(outsider)

    response = client.get(reverse("training:summary-pdf"), {"year": 2023})

    text = pdf_text(response.content)
    assert ["TỔNG HỢP" in text, "Phường Sông Cầu" in text, "Dương Quang" in text] == [
        True, True, False
    ]  # fmt: skip


def test_the_summary_page_shows_each_plan(client, world, commune_officer):
    client.force_login(commune_officer)

    summary = client.get(reverse("training:summary"), {"year": 2023}).context["summary"]

    assert [(s.plan.title, s.trained, s.days_done, s.pass_pct) for s in summary.plans] == [
        ("Kế hoạch huấn luyện dân quân năm 2023", 2, Decimal("3.0"), Decimal("50.0"))
    ]
    assert summary.year == 2023
