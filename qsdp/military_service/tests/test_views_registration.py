"""Registration pages: January's list, the registrations of a year, overdue
transfers, and the events a person's registration is made of."""

from datetime import date

import pytest
from django.urls import reverse

from qsdp.military_service.models import ServiceEvent
from qsdp.military_service.services import (
    first_registration_record,
    registration_exclusion_record,
    temporary_absence_record,
)
from qsdp.military_service.tests.factories import counts, man, registered
from qsdp.people.services import person_transfer_out

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(tree):
    dq = tree.duong_quang
    return {
        "an": man(dq, given_name="An", born=date(2008, 11, 2)),
        "binh": man(dq, given_name="Bình", born=date(2004, 3, 1)),
        "cuong": registered(dq, given_name="Cường", born=date(2004, 3, 1)),
        "hung": man(tree.song_cau, given_name="Hùng", born=date(2008, 4, 4)),
    }


def test_the_january_list_links_each_unregistered_man_to_his_registration(
    client, people, commune_officer
):
    first_registration_record(actor=None, person=people["an"], registered_on=date(2025, 4, 10))
    client.force_login(commune_officer)

    response = client.get(reverse("military_service:january-list"), {"year": 2025})

    page = response.context["page"]
    assert [(p.given_name, p.turning_17, p.is_registered) for p in page.items] == [
        ("An", True, True), ("Bình", False, False),
    ]  # fmt: skip
    html = response.content.decode()
    record = reverse("military_service:first-registration-record", args=[people["binh"].pk])
    assert html.count("Ghi đăng ký lần đầu") == 1
    assert f'href="{record}?next=' in html


def test_the_leader_sees_the_list_without_the_record_links(client, people, leader):
    client.force_login(leader)

    response = client.get(reverse("military_service:january-list"), {"year": 2025})

    assert response.context["page"].total == 3
    assert "Ghi đăng ký lần đầu" not in response.content.decode()


def test_a_filter_through_htmx_returns_only_the_rows(client, people, command_staff, tree):
    client.force_login(command_staff)

    response = client.get(
        reverse("military_service:january-list"),
        {"year": 2025, "org_unit": tree.song_cau.pk},
        HTTP_HX_REQUEST="true",
    )

    assert [t.name for t in response.templates] == [
        "military_service/partials/january_rows.html",
        "military_service/partials/download_links.html",
        "military_service/partials/count.html",
        "components/pagination.html",
    ]
    assert [p.given_name for p in response.context["page"].items] == ["Hùng"]


def test_the_officer_records_a_first_registration_online(client, people, commune_officer):
    client.force_login(commune_officer)
    url = reverse("military_service:first-registration-record", args=[people["binh"].pk])

    response = client.post(url, {"registered_on": "14/04/2025", "channel": "online"})

    event = ServiceEvent.objects.get(person=people["binh"], kind="first_registration")
    assert response.status_code == 302
    assert response["Location"] == reverse("people:person-detail", args=[people["binh"].pk])
    assert (event.occurred_on, event.details, event.recorded_by) == (
        date(2025, 4, 14), {"channel": "online"}, commune_officer,
    )  # fmt: skip


def test_a_registration_goes_back_to_the_list_it_came_from(client, people, commune_officer):
    client.force_login(commune_officer)
    url = reverse("military_service:first-registration-record", args=[people["binh"].pk])
    back = reverse("military_service:january-list") + "?year=2025"

    response = client.post(
        url, {"registered_on": "14/04/2025", "channel": "in_person", "next": back}
    )

    assert response["Location"] == back


def test_a_second_first_registration_is_refused_on_the_form(client, people, commune_officer):
    client.force_login(commune_officer)
    before = counts()
    url = reverse("military_service:first-registration-record", args=[people["cuong"].pk])

    response = client.post(url, {"registered_on": "14/04/2025", "channel": "in_person"})

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Công dân đã đăng ký nghĩa vụ quân sự lần đầu."
    ]
    assert counts() == before


def test_an_exempt_man_is_refused_first_registration(client, people, commune_officer):
    registration_exclusion_record(
        actor=None, person=people["binh"], on=date(2021, 3, 1), diagnosis_icd10="F20"
    )
    client.force_login(commune_officer)
    before = counts()
    url = reverse("military_service:first-registration-record", args=[people["binh"].pk])

    response = client.post(url, {"registered_on": "14/04/2025", "channel": "in_person"})

    assert response.context["form"].non_field_errors() == [
        "Không thể ghi đăng ký lần đầu: công dân thuộc diện miễn đăng ký nghĩa vụ quân sự "
        "(Luật NVQS 2015 Điều 14)."
    ]
    assert counts() == before


def test_supplementary_registration_keeps_what_changed(client, people, commune_officer):
    client.force_login(commune_officer)
    url = reverse("military_service:supplementary-registration-record", args=[people["cuong"].pk])

    client.post(url, {"on": "02/09/2025", "workplace": "Đại học Thái Nguyên", "note": "Nhập học"})

    event = ServiceEvent.objects.get(kind="supplementary_registration")
    assert (event.occurred_on, event.details) == (
        date(2025, 9, 2),
        {"changes": {"workplace": "Đại học Thái Nguyên"}, "note": "Nhập học"},
    )


def test_supplementary_registration_needs_a_change(client, people, commune_officer):
    client.force_login(commune_officer)
    url = reverse("military_service:supplementary-registration-record", args=[people["cuong"].pk])

    response = client.post(url, {"on": "02/09/2025"})

    assert response.context["form"].non_field_errors() == ["Hãy ghi ít nhất một thay đổi."]
    assert ServiceEvent.objects.filter(kind="supplementary_registration").count() == 0


def test_a_temporary_absence_and_the_return(client, people, commune_officer):
    client.force_login(commune_officer)
    cuong = people["cuong"]

    client.post(
        reverse("military_service:temporary-absence-record", args=[cuong.pk]),
        {"left_on": "01/03/2025", "planned_months": "6", "destination": "KCN Yên Phong"},
    )
    response = client.post(
        reverse("military_service:absence-return-record", args=[cuong.pk]),
        {"returned_on": "01/09/2025", "registered_on": "10/09/2025"},
        follow=True,
    )

    absence, back = ServiceEvent.objects.filter(person=cuong).order_by("occurred_on")[1:]
    assert (absence.kind, absence.details) == (
        "temporary_absence", {"planned_months": 6, "destination": "KCN Yên Phong"},
    )  # fmt: skip
    assert (back.kind, back.due_on, back.details["on_time"]) == (
        "absence_return", date(2025, 9, 16), True,
    )  # fmt: skip
    assert [str(m) for m in response.context["messages"]] == [
        "Đã ghi đăng ký tạm vắng.",
        "Đã ghi việc trở về, trong hạn (đến 16/09/2025).",
    ]


def test_a_short_absence_needs_no_registration(client, people, commune_officer):
    client.force_login(commune_officer)
    before = counts()

    response = client.post(
        reverse("military_service:temporary-absence-record", args=[people["cuong"].pk]),
        {"left_on": "01/03/2025", "planned_months": "2"},
    )

    assert response.context["form"].errors["planned_months"] == [
        "Không phải đăng ký tạm vắng: vắng mặt 2 tháng (dưới 3 tháng) không phải đăng ký tạm "
        "vắng (Luật NVQS 2015 Điều 17 khoản 3)."
    ]
    assert counts() == before


def test_a_return_without_an_absence_is_refused(client, people, commune_officer):
    client.force_login(commune_officer)
    before = counts()

    response = client.post(
        reverse("military_service:absence-return-record", args=[people["cuong"].pk]),
        {"returned_on": "01/09/2025", "registered_on": "10/09/2025"},
    )

    assert response.context["form"].errors["returned_on"] == [
        "Công dân không có đăng ký tạm vắng nào còn hiệu lực vào ngày 01/09/2025."
    ]
    assert counts() == before


def test_the_registrations_of_a_year_and_the_overdue_transfers(client, people, tree, leader):
    temporary_absence_record(
        actor=None, person=people["cuong"], left_on=date(2025, 3, 1), planned_months=4
    )
    person_transfer_out(
        actor=None, person=people["cuong"], on=date(2025, 6, 2), moved_to="",
        moved_to_unit=tree.song_cau,
    )  # fmt: skip
    client.force_login(leader)

    registrations = client.get(reverse("military_service:registration-list"), {"year": 2021})
    overdue = client.get(reverse("military_service:overdue-transfer-list"))

    assert [e.person.given_name for e in registrations.context["page"].items] == ["Cường"]
    (row,) = overdue.context["page"].items
    assert (row.person.given_name, row.to_unit, row.register_by) == (
        "Cường", tree.song_cau, date(2025, 6, 16),
    )  # fmt: skip
    assert "16/06/2025" in overdue.content.decode()
