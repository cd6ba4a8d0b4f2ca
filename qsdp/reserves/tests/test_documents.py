"""The reserve register (XLSX, PDF) and the reservist card (PDF), read back."""

import pytest
from django.urls import reverse

from qsdp.military_service.tests.documents import pdf_text, xlsx_table, xlsx_text

pytestmark = pytest.mark.django_db


def test_the_register_xlsx_has_a_row_per_reservist(client, world, commune_officer):
    client.force_login(commune_officer)

    response = client.get(reverse("reserves:register-xlsx") + "?signer=Hoàng Văn Nam")

    head, body = xlsx_table(response.content)
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert head == [
        "STT", "Họ và tên", "Ngày sinh", "Số CCCD", "Nơi cư trú", "Hạng", "Cấp bậc",
        "Chuyên nghiệp quân sự", "Sức khỏe", "Ngày đăng ký", "Sắp xếp vào",
    ]  # fmt: skip
    assert [row[1] for row in body] == ["Nguyễn Văn An", "Nguyễn Văn Bình"]
    assert [row[5:9] for row in body] == [
        ["1", "Trung sĩ", "111 Bộ binh", "1"],
        ["1", "Trung sĩ", "111 Bộ binh", "1"],
    ]
    assert body[0][10] == "Chiến sĩ bộ binh, Đại đội 1"
    text = xlsx_text(response.content)
    assert "SỔ ĐĂNG KÝ QUÂN NHÂN DỰ BỊ" in text
    assert "Sổ có 2 quân nhân dự bị." in text


def test_the_register_pdf_follows_the_filters(client, world, command_staff):
    client.force_login(command_staff)

    response = client.get(reverse("reserves:register-pdf") + "?arranged=no")

    text = pdf_text(response.content)
    assert response["Content-Type"] == "application/pdf"
    assert ("Nguyễn Văn Bình" in text, "Nguyễn Văn Dũng" in text, "Nguyễn Văn An" in text) == (
        True,
        True,
        False,
    )
    assert "Sổ có 2 quân nhân dự bị." in text


def test_the_card_holds_the_reservist_and_his_history(client, world, leader):
    client.force_login(leader)

    response = client.get(reverse("reserves:reservist-card", args=[world["an"].pk]))

    text = " ".join(pdf_text(response.content).split())
    assert response["Content-Type"] == "application/pdf"
    for expected in (
        "PHIẾU QUÂN NHÂN DỰ BỊ",
        "Họ và tên: Nguyễn Văn An",
        "Ngày sinh: 10/05/1995",
        "Hạng dự bị: Hạng một",
        "Chuyên nghiệp quân sự: 111 Bộ binh",
        "Sắp xếp vào: Chiến sĩ bộ binh, Đại đội 1",
        "01/03/2024: Chiến sĩ bộ binh, Đại đội 1",
        "01/04/2024: Bổ nhiệm: Tiểu đội trưởng, Đại đội 1 (3/QĐ)",
    ):
        assert expected in text, expected
