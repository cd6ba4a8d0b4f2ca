"""Call-up orders and their print, the register ready for the call-up, the handover."""

import unicodedata
from datetime import date

import pytest
from django.urls import reverse

from qsdp.military_service.models import ServiceEvent
from qsdp.military_service.services import deferral_decide
from qsdp.military_service.tests.documents import pdf_pages, xlsx_table
from qsdp.military_service.tests.factories import (
    approved_list,
    counts,
    examined,
    order,
    quotas,
    registered,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def ordered(tree):
    """An and Bình of Dương Quang ordered for the handover of 4 March 2026."""
    quotas(tree, duong_quang=2)
    for name in ("An", "Bình"):
        person = registered(tree.duong_quang, given_name=name, address="Thôn Nà Pài")
        examined(person)
    primary = approved_list(tree.duong_quang)
    return [order(c) for c in primary]


def nfc(text):
    return unicodedata.normalize("NFC", text)


def test_the_order_list_of_the_year(client, ordered, leader, outsider):
    client.force_login(leader)

    response = client.get(reverse("military_service:order-list"), {"year": 2026})

    assert [(o.number, o.event.person.given_name) for o in response.context["page"].items] == [
        ("1/LGNN", "An"), ("2/LGNN", "Bình"),
    ]  # fmt: skip
    client.force_login(outsider)
    assert (
        client.get(reverse("military_service:order-list"), {"year": 2026}).context["page"].total
        == 0
    )


def test_all_the_orders_print_one_per_page(client, ordered, commune_officer):
    client.force_login(commune_officer)

    response = client.get(
        reverse("military_service:order-print"), {"year": 2026, "signer": "Đinh Quang Tuyên"}
    )

    pages = [nfc(page) for page in pdf_pages(response.content)]
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"].startswith(
        'attachment; filename="lenh-goi-nhap-ngu-nam-2026.pdf"'
    )
    assert len(pages) == 2
    for page, name, number in zip(pages, ["An", "Bình"], ["1/LGNN", "2/LGNN"], strict=True):
        assert "LỆNH GỌI CÔNG DÂN NHẬP NGŨ" in page
        assert f"Nguyễn Văn {name}" in page
        assert f"Số: {number}" in page
        assert "Ngày sinh: 10/05/2004" in page
        assert "Thôn Nà Pài, Xã Dương Quang" in page
        assert "ngày 04 tháng 3 năm 2026 tại Sân vận động xã Dương Quang" in page
        assert ("TM. ỦY BAN NHÂN DÂN" in page, "CHỦ TỊCH" in page) == (True, True)
        assert "Đinh Quang Tuyên" in page


def test_one_order_prints_alone(client, ordered, commune_officer):
    client.force_login(commune_officer)

    response = client.get(reverse("military_service:order-print-one", args=[ordered[1].pk]))

    (page,) = [nfc(p) for p in pdf_pages(response.content)]
    assert ("Nguyễn Văn Bình" in page, "Nguyễn Văn An" in page) == (True, False)


def test_no_order_no_print(client, tree, commune_officer):
    client.force_login(commune_officer)

    response = client.get(reverse("military_service:order-print"), {"year": 2026})

    assert response.status_code == 404


@pytest.fixture
def ready(tree):
    an = registered(tree.duong_quang, given_name="An", occupation="Làm nông", address="Thôn Nà Pài")
    binh = registered(tree.duong_quang, given_name="Bình", born=date(2005, 2, 1))
    deferred = registered(tree.duong_quang, given_name="Cường")
    deferral_decide(
        actor=None, person=deferred, reason_code="sibling_on_active_duty",
        decided_on=date(2025, 9, 1), valid_until=date(2026, 9, 1),
    )  # fmt: skip
    return an, binh


def test_the_ready_register_as_xlsx(client, ready, commune_officer):
    client.force_login(commune_officer)

    response = client.get(
        reverse("military_service:ready-register-document", args=["xlsx"]), {"on": "05/01/2026"}
    )

    head, rows = xlsx_table(response.content)
    assert head == [
        "STT", "Họ và tên", "Ngày sinh", "Xã, phường", "Nơi thường trú", "Văn hóa",
        "Nghề nghiệp", "Ngày đăng ký",
    ]  # fmt: skip
    assert rows == [
        [1, "Nguyễn Văn An", date(2004, 5, 10), "Xã Dương Quang", "Thôn Nà Pài, Xã Dương Quang",
         "12/12", "Làm nông", date(2021, 4, 15)],
        [2, "Nguyễn Văn Bình", date(2005, 2, 1), "Xã Dương Quang", "Xã Dương Quang", "12/12",
         "", date(2022, 4, 15)],
    ]  # fmt: skip


def test_the_ready_register_as_pdf_and_on_the_page(client, ready, command_staff):
    client.force_login(command_staff)

    document = client.get(
        reverse("military_service:ready-register-document", args=["pdf"]), {"on": "05/01/2026"}
    )
    page = client.get(reverse("military_service:ready-register"), {"on": "05/01/2026"})

    text = nfc("\n".join(pdf_pages(document.content)))
    assert document.content.startswith(b"%PDF")
    assert "SỔ ĐĂNG KÝ" in text
    assert ("Nguyễn Văn An" in text, "Nguyễn Văn Bình" in text, "Nguyễn Văn Cường" in text) == (
        True, True, False,
    )  # fmt: skip
    assert "ỦY BAN NHÂN DÂN THÀNH PHỐ BẮC KẠN" in text
    assert [r.full_name for r in page.context["page"].items] == [
        "Nguyễn Văn An", "Nguyễn Văn Bình",
    ]  # fmt: skip


def handover(client, person, day="04/03/2026"):
    return client.post(
        reverse("military_service:enlistment-record", args=[person.pk]),
        {"call_up_year": "2026", "handover_on": day},
        follow=True,
    )


def test_the_handover_enlists_the_citizen(client, ordered, commune_officer):
    client.force_login(commune_officer)
    an = ordered[0].event.person

    response = handover(client, an)

    event = ServiceEvent.objects.get(kind="enlistment")
    assert (event.person, event.occurred_on, event.call_up_year, event.decision_number) == (
        an, date(2026, 3, 4), 2026, "1/LGNN",
    )  # fmt: skip
    assert [str(m) for m in response.context["messages"]] == [
        "Nguyễn Văn An đã được giao quân ngày 04/03/2026."
    ]


def test_a_deferred_man_is_not_handed_over(client, ordered, commune_officer):
    binh = ordered[1].event.person
    deferral_decide(
        actor=None, person=binh, reason_code="sibling_on_active_duty",
        decided_on=date(2026, 2, 1), valid_until=date(2027, 2, 1),
    )  # fmt: skip
    client.force_login(commune_officer)
    before = counts()

    response = handover(client, binh)

    assert response.context["form"].non_field_errors() == [
        "Không thể giao nhận: công dân đang được tạm hoãn gọi nhập ngũ đến ngày 01/02/2027 "
        "(Luật NVQS 2015 Điều 41 khoản 1 điểm d)."
    ]
    assert counts() == before


def test_a_man_without_an_order_is_not_handed_over(client, tree, commune_officer):
    cuong = registered(tree.duong_quang, given_name="Cường")
    examined(cuong)
    client.force_login(commune_officer)
    before = counts()

    response = handover(client, cuong)

    assert response.context["form"].non_field_errors() == [
        "Không thể giao nhận: công dân chưa có lệnh gọi nhập ngũ năm 2026."
    ]
    assert counts() == before
