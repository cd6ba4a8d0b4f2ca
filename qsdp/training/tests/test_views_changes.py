"""What each page changes for a user allowed to change it, and what a refusal shows."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from qsdp.militia.tests.factories import citizen
from qsdp.training.models import (
    Attendance,
    CourseParticipant,
    EducationCourse,
    Propagandist,
    PropagandistTraining,
    TrainingPlan,
    TrainingSession,
)
from qsdp.training.tests.factories import category, plan, rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client, commune_officer):
    client.force_login(commune_officer)
    return commune_officer


@pytest.fixture
def staff(client, command_staff):
    client.force_login(command_staff)
    return command_staff


def test_a_plan_is_created(client, tree, officer):
    response = client.post(
        reverse("training:plan-create"),
        {"org_unit": tree.duong_quang_command.pk, "year": "2024", "audience": "militia",
         "title": "Kế hoạch huấn luyện dân quân năm 2024", "planned_days": "15"},
    )  # fmt: skip

    made = TrainingPlan.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("training:plan-detail", args=[made.pk])
    assert (made.org_unit, made.year, made.audience, made.planned_days, made.created_by) == (
        tree.duong_quang_command, 2024, "militia", Decimal(15), officer
    )  # fmt: skip


def test_the_city_command_approves_a_communes_plan(client, tree, staff):
    draft = plan(tree.duong_quang_command, year=2024, approved_on=None)

    response = client.post(
        reverse("training:plan-approve", args=[draft.pk]),
        {"approved_on": "05/01/2024", "approver_title": "Chỉ huy trưởng Ban CHQS thành phố"},
    )

    draft.refresh_from_db()
    assert response.status_code == 302
    assert (draft.approved_on, draft.approved_by, draft.approver_title) == (
        date(2024, 1, 5), staff, "Chỉ huy trưởng Ban CHQS thành phố"
    )  # fmt: skip


def test_a_session_is_added(client, tree, world, officer):
    response = client.post(
        reverse("training:session-create", args=[world["dq_plan"].pk]),
        {"kind": "political", "held_on": "03/08/2023", "days": "0,5", "topic": "Nghị quyết",
         "location": "Hội trường xã", "org_unit": tree.duong_quang.pk},
    )  # fmt: skip

    made = TrainingSession.objects.get(topic="Nghị quyết")
    assert response["Location"] == reverse("training:session-detail", args=[made.pk])
    assert (made.kind, made.held_on, made.days, made.org_unit, made.location) == (
        "political", date(2023, 8, 3), Decimal("0.5"), tree.duong_quang, "Hội trường xã"
    )  # fmt: skip


def test_a_session_outside_the_plans_unit_is_refused_on_the_form(client, tree, world, staff):
    before = rows()

    response = client.post(
        reverse("training:session-create", args=[world["dq_plan"].pk]),
        {"kind": "military", "held_on": "03/08/2023", "days": "1", "topic": "Bắn súng",
         "org_unit": tree.song_cau.pk},
    )  # fmt: skip

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "org_unit": ["Buổi huấn luyện phải thuộc đơn vị của kế hoạch (Ban CHQS xã Dương Quang)."]
    }
    assert rows() == before


def test_the_whole_attendance_is_saved_at_once(client, tree, world, officer):
    an, son, bao = (world[k].person for k in ("an", "son", "bao"))
    extra = citizen(tree.duong_quang, given_name="Hải")

    response = client.post(
        reverse("training:session-detail", args=[world["drill"].pk]),
        {f"present_{an.pk}": "on", f"result_{an.pk}": "pass", f"present_{son.pk}": "on",
         f"result_{son.pk}": "excellent", f"result_{bao.pk}": "", "add": extra.national_id},
    )  # fmt: skip

    assert response.status_code == 302
    assert sorted(
        Attendance.objects.filter(session=world["drill"]).values_list(
            "person__given_name", "present", "result__code"
        )
    ) == [("An", True, "pass"), ("Bảo", False, None), ("Hải", True, None),
          ("Sơn", True, "excellent")]  # fmt: skip


def test_a_result_off_the_scale_or_an_unknown_citizen_saves_nothing(client, world, officer):
    an = world["an"].person
    before = rows()

    response = client.post(
        reverse("training:session-detail", args=[world["drill"].pk]),
        {f"present_{an.pk}": "on", f"result_{an.pk}": "outstanding", "add": "001099000000"},
    )

    assert response.status_code == 200
    assert sorted(response.context["form"].errors) == ["add", f"result_{an.pk}"]
    assert response.context["form"].errors["add"] == [
        "Không có người nào mang số CCCD này trong địa bàn của bạn."
    ]
    assert rows() == before


def test_an_absent_person_with_a_result_is_refused_on_the_form(client, world, officer):
    bao = world["bao"].person
    before = rows()

    response = client.post(
        reverse("training:session-detail", args=[world["drill"].pk]),
        {f"result_{bao.pk}": "good"},
    )

    assert response.context["form"].non_field_errors() == [
        "Nguyễn Văn Bảo vắng mặt nên không thể có kết quả."
    ]
    assert rows() == before


def test_a_course_is_created(client, tree, officer):
    elders = category("village_elder")

    response = client.post(
        reverse("training:course-create"),
        {"org_unit": tree.duong_quang.pk, "year": "2024", "category": elders.pk,
         "title": "Bồi dưỡng người có uy tín", "organiser": "Ban CHQS xã",
         "starts_on": "04/03/2024", "ends_on": "06/03/2024", "planned_trainees": "20"},
    )  # fmt: skip

    made = EducationCourse.objects.get(title="Bồi dưỡng người có uy tín")
    assert response["Location"] == reverse("training:course-detail", args=[made.pk])
    assert (made.category, made.starts_on, made.ends_on, made.planned_trainees) == (
        elders, date(2024, 3, 4), date(2024, 3, 6), 20
    )  # fmt: skip


def test_participants_are_enrolled_by_citizen_id_or_by_name(client, tree, world, officer):
    hung = citizen(tree.duong_quang, given_name="Hùng")
    url = reverse("training:participant-add", args=[world["elders"].pk])

    client.post(url, {"person": hung.national_id})
    client.post(url, {"official_name": "Lò Văn Páo", "position": "Già làng"})

    assert list(
        CourseParticipant.objects.filter(course=world["elders"]).order_by("id").values_list(
            "person__given_name", "official_name", "position"
        )
    ) == [("Lan", "", ""), (None, "Hoàng Văn Tú", "Trưởng thôn Nà Pài"), ("Hùng", "", ""),
          (None, "Lò Văn Páo", "Già làng")]  # fmt: skip


def test_the_results_of_a_course_are_saved_at_once(client, world, officer):
    enrolled, tu = world["enrolled"], world["tu"]

    response = client.post(
        reverse("training:course-results", args=[world["elders"].pk]),
        {f"completed_{enrolled.pk}": "on", f"result_{enrolled.pk}": "excellent",
         f"completed_{tu.pk}": "on", f"result_{tu.pk}": "good"},
    )  # fmt: skip

    assert response["Location"] == reverse("training:course-detail", args=[world["elders"].pk])
    assert list(
        CourseParticipant.objects.filter(course=world["elders"])
        .order_by("id")
        .values_list("completed", "result__code")
    ) == [(True, "excellent"), (True, "good")]


def test_a_result_without_completion_is_refused(client, world, officer):
    before = rows()

    response = client.post(
        reverse("training:course-results", args=[world["elders"].pk]),
        {f"result_{world['enrolled'].pk}": "good"},
    )

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Ma Thị Lan chưa hoàn thành lớp học nên không thể có kết quả."
    ]
    assert rows() == before


def test_the_propagandist_roster_is_kept(client, tree, world, officer):
    hung = citizen(tree.duong_quang, given_name="Hùng")

    client.post(
        reverse("training:propagandist-create"),
        {"org_unit": tree.duong_quang.pk, "appointed_on": "01/02/2024", "person": hung.national_id,
         "position": "Tuyên truyền viên thôn"},
    )  # fmt: skip
    made = Propagandist.objects.get(person=hung)
    client.post(
        reverse("training:propagandist-training", args=[made.pk]),
        {
            "trained_on": "05/03/2024",
            "title": "Tập huấn",
            "organiser": "Huyện đoàn",
            "result": "pass",
        },
    )
    client.post(reverse("training:propagandist-leave", args=[made.pk]), {"left_on": "30/06/2024"})

    made.refresh_from_db()
    assert (made.full_name, made.position, made.appointed_on, made.left_on) == (
        "Nguyễn Văn Hùng", "Tuyên truyền viên thôn", date(2024, 2, 1), date(2024, 6, 30)
    )  # fmt: skip
    assert list(
        PropagandistTraining.objects.filter(propagandist=made).values_list(
            "trained_on", "title", "organiser", "result__code"
        )
    ) == [(date(2024, 3, 5), "Tập huấn", "Huyện đoàn", "pass")]


def test_a_training_before_the_appointment_is_refused_on_the_form(client, world, officer):
    before = rows()

    response = client.post(
        reverse("training:propagandist-training", args=[world["propagandist"].pk]),
        {"trained_on": "05/03/2021", "title": "Tập huấn"},
    )

    assert response.context["form"].errors == {
        "trained_on": [
            "Đợt tập huấn phải trong thời gian Ma Thị Lan làm tuyên truyền viên (từ 01/03/2022)."
        ]
    }
    assert rows() == before
