"""Each change page, allowed: the exact change; refused: the message on the form
and nothing saved."""

from datetime import date

import pytest
from django.urls import reverse

from qsdp.core.models import AuditEvent
from qsdp.reserves.models import (
    Arrangement,
    CommanderDecision,
    ReadinessCheck,
    ReserveEquipment,
    ReservePost,
    ReserveReview,
    ReserveUnit,
    Reservist,
)
from qsdp.reserves.tests.factories import rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client, commune_officer):
    client.force_login(commune_officer)
    return client


def _values(obj, *fields):  # type: ignore[no-untyped-def]
    obj.refresh_from_db()
    return tuple(getattr(obj, f) for f in fields)


def test_a_person_is_added_to_the_register(officer, world, tree):
    response = officer.post(
        reverse("reserves:reservist-create", args=[world["chi"].pk]),
        {
            "registered_on": "10/04/2026",
            "source": "discharged_nco_soldier",
            "active_service_months": "18",
            "rank_group": "nco_or_soldier",
            "rank": "corporal",
            "specialty_code": "111",
            "specialty_name": "Bộ binh",
            "health_class": "2",
        },
    )

    created = Reservist.objects.get(person=world["chi"])
    assert response.status_code == 302
    assert response["Location"] == reverse("reserves:reservist-detail", args=[created.pk])
    assert (created.reserve_class, created.rank, created.health_class, created.registered_on) == (
        1,
        "corporal",
        2,
        date(2026, 4, 10),
    )


def test_a_refusal_is_shown_on_the_form_and_nothing_is_saved(officer, world):
    before = rows()

    response = officer.post(
        reverse("reserves:reservist-create", args=[world["chi"].pk]),
        {
            "registered_on": "10/04/2026",
            "source": "left_people_police",
            "rank_group": "nco_or_soldier",
        },
    )

    assert response.status_code == 200
    assert "Cần ghi số tháng phục vụ trong Công an nhân dân" in response.content.decode()
    assert rows() == before


def test_the_details_are_changed(officer, world):
    officer.post(
        reverse("reserves:reservist-edit", args=[world["an"].pk]),
        {"reserve_class": "1", "rank_group": "nco_or_soldier", "rank": "staff_sergeant",
         "specialty_code": "111", "specialty_name": "Bộ binh", "health_class": "3"},
    )  # fmt: skip

    assert _values(world["an"], "rank", "health_class") == ("staff_sergeant", 3)


def test_a_reservist_is_removed(officer, world):
    officer.post(
        reverse("reserves:reservist-remove", args=[world["an"].pk]),
        {"removed_on": "10/04/2026", "removal_reason": "moved_away"},
    )

    assert _values(world["an"], "removed_on", "removal_reason") == (
        date(2026, 4, 10),
        "moved_away",
    )
    assert _values(world["arrangement"], "ended_on") == (date(2026, 4, 10),)


def test_a_reservist_is_arranged_and_the_refusal_shows_without_a_reason(officer, world):
    url = reverse("reserves:reservist-arrange", args=[world["binh"].pk])
    signals = ReservePost.objects.create(
        unit=world["unit"], title="Chiến sĩ thông tin", specialty_code="411",
        specialty_name="Thông tin", establishment_count=3,
    )  # fmt: skip
    before = rows()

    refused = officer.post(url, {"post": signals.pk, "arranged_on": "10/04/2026"})
    assert rows() == before
    officer.post(url, {"post": world["post"].pk, "arranged_on": "10/04/2026"})

    assert "cần ghi lý do sắp xếp theo chuyên nghiệp gần nhất" in refused.content.decode()
    assert Arrangement.objects.get(reservist=world["binh"]).post == world["post"]


def test_an_arrangement_is_ended(officer, world):
    officer.post(
        reverse("reserves:arrangement-end", args=[world["arrangement"].pk]),
        {"ended_on": "10/04/2026", "reason": "Chuyển đơn vị"},
    )

    assert _values(world["arrangement"], "ended_on", "end_reason") == (
        date(2026, 4, 10),
        "Chuyển đơn vị",
    )


def test_a_review_is_recorded(officer, world):
    officer.post(
        reverse("reserves:review-record", args=[world["an"].pk]),
        {"year": "2026", "reviewed_on": "10/04/2026", "residence_confirmed": "on",
         "outcome": "keep"},
    )  # fmt: skip

    review = ReserveReview.objects.get(reservist=world["an"])
    assert (review.year, review.residence_confirmed, review.health_confirmed) == (2026, True, False)


def test_a_dismissal_is_recorded(officer, world):
    officer.post(
        reverse("reserves:decision-record", args=[world["an"].pk]),
        {"kind": "dismissal", "unit": world["unit"].pk, "position": "Tiểu đội trưởng",
         "decision_number": "9/QĐ", "decided_on": "10/04/2026", "signer": "Hoàng Văn Nam"},
    )  # fmt: skip

    assert list(
        CommanderDecision.objects.order_by("decided_on").values_list("kind", "decision_number")
    ) == [("appointment", "3/QĐ"), ("dismissal", "9/QĐ")]


def test_a_returnee_is_recorded_with_one_click(officer, world):
    response = officer.post(reverse("reserves:returnee-register", args=[world["em"].pk]))

    assert response.status_code == 302
    assert Reservist.objects.get(person=world["em"]).reserve_class == 1


def test_units_posts_and_checks_are_recorded(officer, world, tree):
    officer.post(
        reverse("reserves:unit-create"),
        {"name": "Trung đội 2", "kind": "platoon", "org_unit": tree.duong_quang_command.pk,
         "parent": world["unit"].pk},
    )  # fmt: skip
    platoon = ReserveUnit.objects.get(name="Trung đội 2")
    officer.post(
        reverse("reserves:post-create", args=[platoon.pk]),
        {"title": "Pháo thủ", "specialty_code": "121", "specialty_name": "Pháo binh",
         "establishment_count": "4"},
    )  # fmt: skip
    officer.post(
        reverse("reserves:post-edit", args=[world["post"].pk]),
        {"title": "Chiến sĩ bộ binh", "specialty_code": "111", "specialty_name": "Bộ binh",
         "establishment_count": "12"},
    )  # fmt: skip
    officer.post(
        reverse("reserves:unit-edit", args=[world["unit"].pk]),
        {"name": "Đại đội 1 Dương Quang", "kind": "company",
         "org_unit": tree.duong_quang_command.pk},
    )  # fmt: skip
    officer.post(
        reverse("reserves:check-record", args=[world["unit"].pk]),
        {"checked_on": "10/04/2026", "kind": "drill", "present_count": "1", "result": "good"},
    )

    assert (platoon.parent, platoon.org_unit) == (world["unit"], tree.duong_quang_command)
    assert list(platoon.posts.values_list("title", "establishment_count")) == [("Pháo thủ", 4)]
    assert _values(world["post"], "establishment_count") == (12,)
    assert _values(world["unit"], "name") == ("Đại đội 1 Dương Quang",)
    assert ReadinessCheck.objects.filter(kind="drill").count() == 1


def test_equipment_is_registered_earmarked_and_released(officer, world, tree):
    officer.post(
        reverse("reserves:equipment-register"),
        {"managed_by": tree.duong_quang.pk, "registered_on": "10/04/2026",
         "owner_name": "Lý Văn Tú", "kind": "boat", "plate_or_serial": "BK-0001",
         "condition": "fair"},
    )  # fmt: skip
    truck = world["truck"]
    officer.post(
        reverse("reserves:equipment-earmark", args=[truck.pk]),
        {"unit": world["unit"].pk, "condition": "good"},
    )
    officer.post(
        reverse("reserves:equipment-release", args=[truck.pk]),
        {"released_on": "10/04/2026", "reason": "Bán"},
    )

    assert ReserveEquipment.objects.get(plate_or_serial="BK-0001").kind == "boat"
    assert _values(truck, "earmarked_unit", "released_on") == (None, date(2026, 4, 10))
    assert list(
        AuditEvent.objects.filter(target_id=str(truck.pk), target_type="reserves.reserveequipment")
        .order_by("id")
        .values_list("verb", flat=True)
    ) == [
        "reserve_equipment.registered",
        "reserve_equipment.earmarked",
        "reserve_equipment.released",
    ]
