"""The month's duty roster and the drill report, downloaded and read back."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from qsdp.military_service.tests.documents import pdf_text, xlsx_table

pytestmark = pytest.mark.django_db


def _month(world):  # type: ignore[no-untyped-def]
    day = timezone.localtime(world["shift"].starts_at)
    return {"year": day.year, "month": day.month}


def test_the_month_roster_as_xlsx(client, world, commune_officer):
    client.force_login(commune_officer)

    response = client.get(reverse("operations:roster-xlsx"), _month(world))

    head, body = xlsx_table(response.content)
    start = timezone.localtime(world["shift"].starts_at)
    end = start + timedelta(hours=24)
    assert head == ["STT", "Ngày", "Thời gian", "Đơn vị", "Vị trí trực", "Họ và tên"]
    assert body == [
        [1, start.date(), f"{start:%H:%M %d/%m} – {end:%H:%M %d/%m}", "Xã Dương Quang",
         "Trực ban Ban CHQS xã", "Hoàng Văn An"],
    ]  # fmt: skip


def test_the_month_roster_as_pdf(client, world, commune_officer):
    client.force_login(commune_officer)

    response = client.get(reverse("operations:roster-pdf"), _month(world))

    text = pdf_text(response.content)
    assert response["Content-Type"] == "application/pdf"
    assert ("LỊCH TRỰC" in text, "Hoàng Văn An" in text) == (True, True)


def test_the_drill_report_as_pdf(client, world, commune_officer):
    client.force_login(commune_officer)

    response = client.get(reverse("operations:drill-report-pdf", args=[world["drill"].pk]))

    text = " ".join(pdf_text(response.content).split())
    assert response["Content-Type"] == "application/pdf"
    assert [
        phrase in text
        for phrase in ("BÁO CÁO", "Diễn tập chiến đấu xã Dương Quang", "Xếp loại: Giỏi",
                       "Thực hành chiến đấu", "An toàn: không xảy ra mất an toàn.")
    ] == [True] * 5  # fmt: skip
