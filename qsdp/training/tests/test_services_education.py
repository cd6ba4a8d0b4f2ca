from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from qsdp.core.errors import DomainError
from qsdp.core.models import AuditEvent
from qsdp.militia.tests.factories import citizen
from qsdp.training.models import CourseParticipant
from qsdp.training.services import (
    CourseData,
    ParticipantResult,
    course_create,
    course_results_record,
    participant_add,
)
from qsdp.training.tests.factories import category, course, rows

pytestmark = pytest.mark.django_db


def data(**overrides):  # type: ignore[no-untyped-def]
    values = {
        "year": 2023, "category": category("religious_dignitary"), "title": "Bồi dưỡng chức sắc",
        "organiser": "Ban CHQS xã", "starts_on": date(2023, 9, 4), "ends_on": date(2023, 9, 6),
        "planned_trainees": 12,
    }  # fmt: skip
    return CourseData(**{**values, **overrides})


def test_a_commune_officer_opens_a_course(tree, commune_officer):
    made = course_create(actor=commune_officer, org_unit=tree.duong_quang, data=data())

    assert (made.year, made.category.code, made.planned_trainees, made.created_by) == (
        2023, "religious_dignitary", 12, commune_officer
    )  # fmt: skip
    assert AuditEvent.objects.filter(verb="training.course_created").count() == 1


def test_the_seeded_categories_follow_the_2025_reform(db):
    assert [c.code for c in category_versions(date(2025, 6, 30))] == [
        "dt1", "dt2", "dt3", "dt4", "religious_dignitary", "village_elder", "enterprise_owner",
        "propagandist",
    ]  # fmt: skip
    before, after = category("dt4", date(2025, 6, 30)), category("dt4", date(2025, 7, 1))
    assert (before.valid_to, after.valid_from, after.valid_to) == (
        date(2025, 6, 30), date(2025, 7, 1), None
    )  # fmt: skip
    old_dt3 = category("dt3", date(2023, 1, 1))
    assert (before.unconfirmed, after.unconfirmed, old_dt3.unconfirmed) == (True, True, False)


def category_versions(on):  # type: ignore[no-untyped-def]
    from qsdp.training.selectors import categories_in_force

    return list(categories_in_force(on=on))


@pytest.mark.parametrize(
    ("overrides", "code", "message", "field"),
    [
        ({"ends_on": date(2023, 9, 3)}, "education_course_dates",
         "Ngày bế giảng trước ngày khai giảng.", "ends_on"),
        ({"year": 2024}, "education_course_year",
         "Lớp học phải khai giảng trong năm của lớp (2024).", "starts_on"),
        ({"year": 2025, "starts_on": date(2025, 7, 1), "ends_on": date(2025, 7, 3),
          "category": None}, "education_category_not_in_force",
         "Đối tượng 4 không có hiệu lực vào ngày 01/07/2025 (hiệu lực từ 31/05/2016 đến "
         "30/06/2025).", "category"),
    ],
)  # fmt: skip
def test_an_impossible_course_is_refused(tree, overrides, code, message, field):
    if "category" in overrides:
        overrides["category"] = category("dt4", date(2025, 6, 30))
    before = rows()

    with pytest.raises(DomainError) as error:
        course_create(actor=None, org_unit=tree.duong_quang, data=data(**overrides))

    assert (error.value.code, error.value.message, error.value.field) == (code, message, field)
    assert rows() == before


def test_a_village_organises_no_course(tree):
    with pytest.raises(DomainError) as error:
        course_create(actor=None, org_unit=tree.duong_quang_village, data=data())

    assert error.value.message == (
        "Lớp học do xã, phường, đơn vị cấp trên hoặc cơ quan quân sự tổ chức."
    )


@pytest.mark.parametrize("persona", ["outsider", "leader"])
def test_only_the_units_writers_open_a_course(tree, request, persona):
    before = rows()

    with pytest.raises(PermissionDenied):
        course_create(
            actor=request.getfixturevalue(persona), org_unit=tree.duong_quang, data=data()
        )

    assert rows() == before


def test_people_and_officials_are_enrolled(tree, commune_officer):
    made = course(tree.duong_quang, code="village_elder")
    person = citizen(tree.duong_quang, given_name="Hùng")

    participant_add(actor=commune_officer, course=made, person=person)
    participant_add(
        actor=commune_officer, course=made, official_name=" Lò Văn Páo ", position="Già làng"
    )

    assert list(
        CourseParticipant.objects.order_by("id").values_list(
            "person__given_name", "official_name", "position", "completed"
        )
    ) == [("Hùng", "", "", False), (None, "Lò Văn Páo", "Già làng", False)]
    assert list(
        AuditEvent.objects.filter(verb="training.participant_added")
        .order_by("id")
        .values_list("person_id", flat=True)
    ) == [person.pk, None]


@pytest.mark.parametrize(
    ("who", "code", "message", "field"),
    [
        ({}, "education_participant_identity",
         "Chọn một người trong sổ đăng ký hoặc ghi họ tên cán bộ (chỉ một trong hai).",
         "official_name"),
        ({"person": "lan", "official_name": "Lò Văn Páo"}, "education_participant_identity",
         "Chọn một người trong sổ đăng ký hoặc ghi họ tên cán bộ (chỉ một trong hai).",
         "official_name"),
        ({"person": "lan"}, "education_participant_twice",
         "Ma Thị Lan đã có tên trong danh sách học viên của lớp.", "person"),
        ({"person": "khanh"}, "training_person_outside_unit",
         "Lục Văn Khánh không có tên trong sổ đăng ký của Xã Dương Quang.", "person"),
    ],
)  # fmt: skip
def test_an_impossible_participant_is_refused(world, who, code, message, field):
    if "person" in who:
        found = world[who["person"]]
        who = {**who, "person": getattr(found, "person", found)}
    before = rows()

    with pytest.raises(DomainError) as error:
        participant_add(actor=None, course=world["elders"], **who)

    assert (error.value.code, error.value.message, error.value.field) == (code, message, field)
    assert rows() == before


def test_results_are_recorded_for_the_whole_course(world, commune_officer):
    enrolled, tu = world["enrolled"], world["tu"]

    course_results_record(
        actor=commune_officer,
        course=world["elders"],
        entries=[
            ParticipantResult(enrolled, True, "excellent"),
            ParticipantResult(tu, True, "pass"),
        ],
    )

    assert list(
        CourseParticipant.objects.filter(course=world["elders"])
        .order_by("id")
        .values_list("completed", "result__code")
    ) == [(True, "excellent"), (True, "pass")]
    event = AuditEvent.objects.filter(verb="training.course_results_recorded").order_by("id").last()
    assert event.changes == {str(enrolled.pk): [[False, ""], [True, "excellent"]]}


@pytest.mark.parametrize(
    ("make_entries", "code", "message"),
    [
        (lambda w: [ParticipantResult(w["enrolled"], True, "distinction")],
         "training_result_not_on_scale",
         "Kết quả “distinction” không có trong thang kết quả đã cấu hình "
         "(Giỏi, Khá, Đạt, Không đạt)."),
        (lambda w: [ParticipantResult(w["enrolled"], False, "good")],
         "education_result_without_completion",
         "Ma Thị Lan chưa hoàn thành lớp học nên không thể có kết quả."),
        (lambda w: [ParticipantResult(w["tu"], True, "good"),
                    ParticipantResult(w["sc_course"].participants.get(), True, "good")],
         "education_participant_not_in_course",
         "Trần Văn Long không phải học viên của lớp này."),
    ],
)  # fmt: skip
def test_impossible_results_are_refused(world, make_entries, code, message):
    before = rows()

    with pytest.raises(DomainError) as error:
        course_results_record(actor=None, course=world["elders"], entries=make_entries(world))

    assert (error.value.code, error.value.message, error.value.field) == (
        code, message, "participants"
    )  # fmt: skip
    assert rows() == before


def test_completion_waits_for_the_end_of_the_course(tree):
    ahead = course(tree.duong_quang, code="dt4", starts=date(2099, 3, 1), ends=date(2099, 3, 5))
    official = participant_add(actor=None, course=ahead, official_name="Lò Văn Páo")
    before = rows()

    with pytest.raises(DomainError) as error:
        course_results_record(
            actor=None, course=ahead, entries=[ParticipantResult(official, True, "")]
        )

    assert (error.value.code, error.value.message) == (
        "education_course_not_ended",
        "Lớp học bế giảng ngày 05/03/2099: chỉ ghi kết quả sau khi lớp kết thúc.",
    )
    assert rows() == before


@pytest.mark.parametrize("persona", ["outsider", "leader"])
def test_only_the_units_writers_record_results(world, request, persona):
    before = rows()

    with pytest.raises(PermissionDenied):
        course_results_record(
            actor=request.getfixturevalue(persona),
            course=world["elders"],
            entries=[ParticipantResult(world["enrolled"], True, "")],
        )
    with pytest.raises(PermissionDenied):
        participant_add(
            actor=request.getfixturevalue(persona), course=world["elders"], official_name="Páo"
        )

    assert rows() == before
