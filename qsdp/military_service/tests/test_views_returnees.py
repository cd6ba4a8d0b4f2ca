"""Discharge, return home, reserve registration, and the returnee list."""

from datetime import date

import pytest
from django.urls import reverse

from qsdp.military_service.models import ServiceEvent
from qsdp.military_service.services import (
    discharge_record,
    reserve_registration_record,
    return_home_record,
)
from qsdp.military_service.tests.factories import counts, enlisted, quotas, registered

pytestmark = pytest.mark.django_db


@pytest.fixture
def soldiers(tree):
    """An and Bình of Dương Quang, handed over on 26 February 2024."""
    quotas(tree, year=2024, duong_quang=2)
    return enlisted(tree, ["An", "Bình"], year=2024)


def url(name, person):
    return reverse(f"military_service:{name}", args=[person.pk])


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def test_discharge_return_and_reserve_registration(client, soldiers, commune_officer):
    an = soldiers[0]
    client.force_login(commune_officer)

    client.post(
        url("discharge-record", an),
        {"decided_on": "10/02/2026", "decision_number": "45/QĐ-XN", "signer": "Trung đoàn 567"},
    )
    returned = client.post(
        url("return-home-record", an), {"returned_on": "23/02/2026"}, follow=True
    )
    registered_ = client.post(
        url("reserve-registration-record", an), {"registered_on": "05/03/2026"}, follow=True
    )

    discharge, back, reserve = ServiceEvent.objects.filter(person=an).order_by("occurred_on")[4:]
    assert (discharge.kind, discharge.decision_number, discharge.call_up_year) == (
        "discharge", "45/QĐ-XN", 2024,
    )  # fmt: skip
    assert (back.kind, back.occurred_on, back.due_on) == (
        "return_home", date(2026, 2, 23), date(2026, 3, 16),
    )  # fmt: skip
    assert (reserve.kind, reserve.details) == ("reserve_registration", {"on_time": True})
    assert messages_of(returned)[-1] == (
        "Đã ghi việc về địa phương; hạn đăng ký ngạch dự bị là ngày 16/03/2026."
    )
    assert messages_of(registered_)[-1] == "Đã ghi đăng ký ngạch dự bị, đúng hạn."


def test_a_man_still_registered_is_not_discharged(client, tree, commune_officer):
    cuong = registered(tree.duong_quang, given_name="Cường")
    client.force_login(commune_officer)
    before = counts()

    response = client.post(
        url("discharge-record", cuong), {"decided_on": "10/02/2026", "decision_number": "45"}
    )

    assert response.context["form"].non_field_errors() == [
        "Không thể ghi “Xuất ngũ”: công dân đang ở trạng thái “Đã đăng ký”."
    ]
    assert counts() == before


@pytest.fixture
def returnees(soldiers):
    an, binh = soldiers
    for person in soldiers:
        discharge_record(
            actor=None, person=person, decided_on=date(2026, 2, 10), decision_number="45"
        )
    return_home_record(actor=None, person=an, returned_on=date(2026, 2, 23))
    return_home_record(actor=None, person=binh, returned_on=date(2026, 2, 24))
    reserve_registration_record(actor=None, person=an, registered_on=date(2026, 3, 5))
    return soldiers


def test_the_returnee_list_with_its_deadlines_and_the_overdue_only(
    client, returnees, leader, outsider
):
    client.force_login(leader)

    every = client.get(reverse("military_service:returnee-list"), {"year": 2026})
    overdue = client.get(
        reverse("military_service:returnee-list"), {"year": 2026, "overdue_only": "on"}
    )

    assert [
        (r.person.given_name, r.register_by, r.registered_on, r.state)
        for r in every.context["page"].items
    ] == [
        ("An", date(2026, 3, 16), date(2026, 3, 5), "on_time"),
        ("Bình", date(2026, 3, 17), None, "overdue"),
    ]
    assert [r.person.given_name for r in overdue.context["page"].items] == ["Bình"]
    assert "<mark>Quá hạn</mark>" in overdue.content.decode()
    client.force_login(outsider)
    assert (
        client.get(reverse("military_service:returnee-list"), {"year": 2026}).context["page"].total
        == 0
    )
