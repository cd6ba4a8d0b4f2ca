"""What each page changes for a user allowed to change it, and what a refusal shows."""

from datetime import date

import pytest
from django.urls import reverse

from qsdp.core.models import AuditEvent
from qsdp.militia.models import (
    DutyDecision,
    MilitiaMember,
    MilitiaRegistration,
    MilitiaUnit,
    ServiceCompletion,
    TermExtension,
    TrainingRecord,
)
from qsdp.militia.tests.factories import citizen, rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client, commune_officer):
    client.force_login(commune_officer)
    return commune_officer


def test_a_person_is_added_from_his_page(client, world, officer):
    url = reverse("militia:member-add", args=[world["lan"].pk])

    response = client.post(
        url, {"militia_type": "local", "position": "member", "term_start": "01/04/2024"}
    )

    added = MilitiaMember.objects.get(person=world["lan"])
    assert response.status_code == 302
    assert response["Location"] == reverse("militia:member-detail", args=[added.pk])
    assert (added.militia_type, added.term_start, added.term_end, added.created_by) == (
        "local",
        date(2024, 4, 1),
        date(2028, 4, 1),
        officer,
    )


def test_a_refusal_is_shown_on_the_form_and_nothing_is_saved(client, tree, world, officer):
    old = citizen(tree.duong_quang, born=date(1970, 1, 1))
    before = rows()

    response = client.post(
        reverse("militia:member-add", args=[old.pk]),
        {"militia_type": "local", "position": "member", "term_start": "01/04/2024"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "term_start": [
            "Không thể đưa công dân vào Dân quân tự vệ: công dân nam sinh ngày 01/01/1970 đã quá "
            "độ tuổi thực hiện nghĩa vụ tham gia Dân quân tự vệ vào ngày 01/04/2024 (đến hết 45 "
            "tuổi, tức hết ngày 31/12/2015) (Luật DQTV 2019 Điều 8 khoản 1)."
        ]
    }
    assert rows() == before


def test_a_member_is_corrected(client, world, officer):
    an = world["an"]

    response = client.post(
        reverse("militia:member-edit", args=[an.pk]),
        {
            "militia_type": "mobile",
            "unit": world["platoon"].pk,
            "position": "squad_leader",
            "term_start": "01/04/2023",
        },
    )

    an.refresh_from_db()
    assert response.status_code == 302
    assert (an.position, an.unit, an.term_end) == (
        "squad_leader",
        world["platoon"],
        date(2027, 4, 1),
    )


def test_a_member_leaves(client, world, officer):
    an = world["an"]

    client.post(
        reverse("militia:member-leave", args=[an.pk]),
        {"left_on": "01/05/2025", "reason": "moved_away", "note": "Đi làm ở Hà Nội"},
    )

    an.refresh_from_db()
    assert (an.left_on, an.leave_reason, an.leave_note) == (
        date(2025, 5, 1),
        "moved_away",
        "Đi làm ở Hà Nội",
    )


def test_a_term_is_extended(client, world, officer):
    client.post(
        reverse("militia:member-extend", args=[world["an"].pk]),
        {"extended_on": "01/03/2025", "new_term_end": "01/04/2028", "decision_number": "9/QĐ"},
    )

    assert list(TermExtension.objects.values_list("previous_term_end", "new_term_end")) == [
        (date(2027, 4, 1), date(2028, 4, 1))
    ]


def test_an_extension_beyond_two_years_is_refused_on_the_form(client, world, officer):
    before = rows()

    response = client.post(
        reverse("militia:member-extend", args=[world["an"].pk]),
        {"extended_on": "01/03/2025", "new_term_end": "02/04/2029"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["new_term_end"] == [
        "Không thể kéo dài thời hạn đến ngày 02/04/2029: thời hạn ban đầu hết ngày 01/04/2027 và "
        "chỉ được kéo dài nhiều nhất đến ngày 01/04/2029: thời hạn thực hiện nghĩa vụ của Dân "
        "quân tự vệ cơ động là 4 năm; thời hạn được kéo dài nhưng không quá 2 năm (Luật DQTV "
        "2019 Điều 8 khoản 2)."
    ]
    assert rows() == before


def test_standing_service_is_recorded_as_completed(client, world, officer):
    client.post(
        reverse("militia:member-completion", args=[world["son"].pk]),
        {"recognised_on": "10/02/2024", "decision_number": "3/QĐ-BCHQS"},
    )

    assert list(ServiceCompletion.objects.values_list("person", "standing_months")) == [
        (world["son"].person_id, 25)
    ]


def test_training_days_are_recorded_from_the_list(client, world, officer):
    back = reverse("militia:training-list") + "?year=2024"

    response = client.post(
        reverse("militia:training-record", args=[world["an"].pk]),
        {"year": "2024", "days_done": "12", "next": back},
    )

    assert response["Location"] == back
    assert list(TrainingRecord.objects.values_list("year", "days_done")) == [(2024, 12)]


def test_a_person_registers_in_person(client, world, officer):
    client.post(
        reverse("militia:registration-add", args=[world["lan"].pk]), {"registered_on": "02/04/2024"}
    )

    assert list(
        MilitiaRegistration.objects.filter(person=world["lan"]).values_list("year", "source")
    ) == [(2024, "in_person")]


def test_the_april_registration_is_generated(client, tree, world, officer):
    response = client.post(
        reverse("militia:registration-generate"), {"org_unit": tree.duong_quang.pk, "year": "2023"}
    )

    assert response["Location"] == reverse("militia:registration-list") + "?year=2023"
    assert sorted(
        MilitiaRegistration.objects.filter(year=2023).values_list("person__given_name", "source")
    ) == [("Bình", "in_person"), ("Cường", "military_service_registration")]


def test_a_decision_is_recorded_and_ended(client, world, officer):
    client.post(
        reverse("militia:decision-record", args=[world["lan"].pk]),
        {"status": "pregnant", "decided_on": "01/05/2025", "valid_until": "01/05/2026"},
    )
    client.post(
        reverse("militia:decision-end", args=[world["decision"].pk]),
        {"ended_on": "01/06/2025", "reason": "Tốt nghiệp"},
    )

    assert list(
        DutyDecision.objects.order_by("id").values_list("person__given_name", "status", "ended_on")
    ) == [("Bình", "student", date(2025, 6, 1)), ("Lan", "pregnant", None)]


def test_a_unit_is_created_then_given_a_commander(client, tree, world, officer):
    client.post(
        reverse("militia:unit-create"),
        {"org_unit": tree.duong_quang.pk, "name": "Tiểu đội 2", "militia_type": "local",
         "kind": "squad"},
    )  # fmt: skip
    platoon = world["platoon"]
    client.post(
        reverse("militia:unit-edit", args=[platoon.pk]),
        {"name": platoon.name, "militia_type": "mobile", "kind": "platoon",
         "commander": world["an"].pk},
    )  # fmt: skip

    assert (
        sorted(MilitiaUnit.objects.values_list("name", "commander"))
        == [
            ("Tiểu đội 2", None),
            ("Trung đội cơ động", world["an"].pk),
            ("Trung đội cơ động Sông Cầu", None)
            if False
            else ("Trung đội cơ động", world["an"].pk),
        ][:2]
    )


def test_the_person_page_shows_the_militia_panel_with_actions_for_writers(
    client, world, officer, leader
):
    url = reverse("people:person-detail", args=[world["an"].person_id])

    as_officer = client.get(url).content.decode()
    client.force_login(leader)
    as_leader = client.get(url).content.decode()

    join = reverse("militia:decision-record", args=[world["an"].person_id])
    assert ("Dân quân cơ động" in as_officer, join in as_officer) == (True, True)
    assert ("Dân quân cơ động" in as_leader, join in as_leader) == (True, False)
    assert AuditEvent.objects.filter(verb__startswith="militia.", actor=leader).count() == 0


def test_the_persons_history_names_the_militia_changes(client, world, officer):
    client.post(
        reverse("militia:member-leave", args=[world["an"].pk]),
        {"left_on": "01/05/2025", "reason": "moved_away"},
    )

    response = client.get(reverse("people:person-detail", args=[world["an"].person_id]))

    titles = [entry.title for entry in response.context["timeline"]]
    assert [t for t in titles if "quân" in t.lower()] == [
        "Vào Dân quân tự vệ",
        "Ghi ngày huấn luyện dân quân",
        "Ra khỏi Dân quân tự vệ",
    ]
