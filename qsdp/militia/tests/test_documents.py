"""The militia roster, downloaded and read back."""

from datetime import date

import pytest
from django.urls import reverse

from qsdp.military_service.tests.documents import pdf_text, xlsx_table, xlsx_text
from qsdp.militia.services import member_leave

pytestmark = pytest.mark.django_db


def roster(client, tree, kind):  # type: ignore[no-untyped-def]
    return client.get(
        reverse(f"militia:roster-{kind}"), {"on": "01/06/2024", "org_unit": tree.duong_quang.pk}
    )


def test_the_roster_as_xlsx(client, tree, world, commune_officer):
    client.force_login(commune_officer)

    response = roster(client, tree, "xlsx")

    head, body = xlsx_table(response.content)
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert "danh-sach-dan-quan-01-06-2024.xlsx" in response["Content-Disposition"]
    assert head == [
        "STT", "Họ và tên", "Ngày sinh", "Giới tính", "Xã, phường", "Địa chỉ", "Loại dân quân",
        "Đơn vị", "Chức vụ", "Tình nguyện", "Ngày bắt đầu", "Ngày hết hạn",
    ]  # fmt: skip
    assert [row[1:3] + row[6:9] + row[10:12] for row in body] == [
        ["Hoàng Văn An", date(2000, 5, 10), "Dân quân cơ động", "Trung đội cơ động", "Chiến sĩ",
         date(2023, 4, 1), date(2027, 4, 1)],
        ["Nguyễn Văn Sơn", date(2000, 5, 10), "Dân quân thường trực", "", "Chiến sĩ",
         date(2022, 1, 10), date(2024, 1, 10)],
    ]  # fmt: skip
    text = xlsx_text(response.content)
    assert ("ỦY BAN NHÂN DÂN XÃ DƯƠNG QUANG" in text, "Khánh" in text) == (True, False)
    assert "Danh sách có 2 đồng chí dân quân." in text


def test_the_roster_as_pdf(client, tree, world, leader):
    client.force_login(leader)

    response = roster(client, tree, "pdf")

    text = pdf_text(response.content)
    assert response["Content-Type"] == "application/pdf"
    assert [
        "DANH SÁCH" in text,
        "Dân quân tự vệ tính đến ngày 01/06/2024" in text,
        "Hoàng Văn An" in text,
        "Lục Văn Khánh" in text,
    ] == [True, True, True, False]


def test_a_member_who_left_is_not_on_a_later_roster(client, tree, world, commune_officer):
    member_leave(
        actor=None, member=world["son"], left_on=date(2024, 1, 10), reason="term_completed"
    )
    client.force_login(commune_officer)

    _head, body = xlsx_table(roster(client, tree, "xlsx").content)

    assert [row[1] for row in body] == ["Hoàng Văn An"]
