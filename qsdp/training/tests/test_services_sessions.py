from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from qsdp.core.errors import DomainError
from qsdp.core.models import AuditEvent
from qsdp.militia.tests.factories import citizen
from qsdp.training.models import Attendance
from qsdp.training.services import (
    AttendanceEntry,
    SessionData,
    attendance_record,
    session_create,
)
from qsdp.training.tests.factories import plan, rows, session

pytestmark = pytest.mark.django_db


def data(unit, **overrides):  # type: ignore[no-untyped-def]
    values = {"held_on": date(2023, 7, 1), "days": Decimal("1"), "topic": "Bắn súng AK",
              "org_unit": unit, "location": "Thao trường xã"}  # fmt: skip
    return SessionData(**{**values, **overrides})


def test_a_session_is_held_in_a_village_of_the_plans_commune(tree, commune_officer):
    approved = plan(tree.duong_quang_command)

    made = session_create(
        actor=commune_officer,
        plan=approved,
        data=data(tree.duong_quang_village, days=Decimal("0.5")),
    )

    assert (made.held_on, made.days, made.kind, made.org_unit, made.created_by) == (
        date(2023, 7, 1), Decimal("0.5"), "military", tree.duong_quang_village, commune_officer
    )  # fmt: skip
    assert AuditEvent.objects.filter(verb="training.session_created").count() == 1


def test_a_city_plan_takes_sessions_in_its_wards_and_their_commands(tree):
    city_plan = plan(tree.city_command, audience="reservists")

    held = [
        session_create(actor=None, plan=city_plan, data=data(unit)).org_unit
        for unit in (tree.song_cau, tree.duong_quang_command, tree.city_command)
    ]

    assert held == [tree.song_cau, tree.duong_quang_command, tree.city_command]


@pytest.mark.parametrize("where", ["song_cau", "song_cau_command", "city", "city_command"])
def test_a_session_outside_its_plans_unit_is_refused(tree, where):
    approved = plan(tree.duong_quang_command)
    before = rows()

    with pytest.raises(DomainError) as error:
        session_create(actor=None, plan=approved, data=data(getattr(tree, where)))

    assert (error.value.code, error.value.message, error.value.field) == (
        "training_session_outside_plan_unit",
        "Buổi huấn luyện phải thuộc đơn vị của kế hoạch (Ban CHQS xã Dương Quang).",
        "org_unit",
    )
    assert rows() == before


@pytest.mark.parametrize(
    ("overrides", "code", "message", "field"),
    [
        ({"held_on": date(2024, 1, 2)}, "training_session_outside_plan_year",
         "Buổi huấn luyện phải diễn ra trong năm của kế hoạch (2023).", "held_on"),
        ({"days": Decimal("0.3")}, "training_session_days",
         "Thời gian buổi huấn luyện tính theo nửa ngày (0,5; 1; 1,5…).", "days"),
        ({"days": Decimal("0")}, "training_session_days",
         "Thời gian buổi huấn luyện tính theo nửa ngày (0,5; 1; 1,5…).", "days"),
    ],
)  # fmt: skip
def test_an_impossible_session_is_refused(tree, overrides, code, message, field):
    approved = plan(tree.duong_quang)
    before = rows()

    with pytest.raises(DomainError) as error:
        session_create(actor=None, plan=approved, data=data(tree.duong_quang, **overrides))

    assert (error.value.code, error.value.message, error.value.field) == (code, message, field)
    assert rows() == before


def test_a_plan_not_yet_approved_takes_no_session(tree):
    draft = plan(tree.duong_quang, approved_on=None)
    before = rows()

    with pytest.raises(DomainError) as error:
        session_create(actor=None, plan=draft, data=data(tree.duong_quang))

    assert (error.value.code, error.value.message) == (
        "training_plan_not_approved",
        "Chỉ thêm buổi huấn luyện khi kế hoạch đã được phê duyệt.",
    )
    assert rows() == before


@pytest.mark.parametrize("persona", ["outsider", "leader"])
def test_only_the_units_writers_add_sessions(tree, request, persona):
    approved = plan(tree.duong_quang)
    before = rows()

    with pytest.raises(PermissionDenied):
        session_create(
            actor=request.getfixturevalue(persona), plan=approved, data=data(tree.duong_quang)
        )

    assert rows() == before


def test_the_whole_attendance_is_recorded_then_corrected(world, commune_officer):
    drill, an, bao = world["drill"], world["an"].person, world["bao"].person

    attendance_record(
        actor=commune_officer,
        session=drill,
        entries=[AttendanceEntry(an, True, "pass"), AttendanceEntry(bao, True, "")],
    )

    assert sorted(
        Attendance.objects.filter(session=drill).values_list(
            "person__given_name", "present", "result__code"
        )
    ) == [("An", True, "pass"), ("Bảo", True, None), ("Sơn", True, "excellent")]
    event = AuditEvent.objects.filter(verb="training.attendance_recorded").order_by("id").last()
    assert event.changes == {
        str(an.pk): [[True, "good"], [True, "pass"]],
        str(bao.pk): [[False, ""], [True, ""]],
    }


def test_nothing_changed_writes_no_event(world):
    events = AuditEvent.objects.count()

    attendance_record(
        actor=None,
        session=world["drill"],
        entries=[AttendanceEntry(world["an"].person, True, "good")],
    )

    assert AuditEvent.objects.count() == events


def test_a_result_not_on_the_configured_scale_is_refused(world):
    before = rows()

    with pytest.raises(DomainError) as error:
        attendance_record(
            actor=None,
            session=world["drill"],
            entries=[
                AttendanceEntry(world["bao"].person, True, "pass"),
                AttendanceEntry(world["an"].person, True, "outstanding"),
            ],
        )

    assert (error.value.code, error.value.message, error.value.field) == (
        "training_result_not_on_scale",
        "Kết quả “outstanding” không có trong thang kết quả đã cấu hình "
        "(Giỏi, Khá, Đạt, Không đạt).",
        "attendance",
    )
    assert rows() == before


def test_a_grade_closed_before_the_session_is_off_the_scale(world):
    from qsdp.training.models import ResultGrade

    ResultGrade.objects.filter(scale="training", code="good").update(valid_to=date(2022, 12, 31))
    before = rows()

    with pytest.raises(DomainError) as error:
        attendance_record(
            actor=None,
            session=world["drill"],
            entries=[AttendanceEntry(world["bao"].person, True, "good")],
        )

    assert error.value.message == (
        "Kết quả “good” không có trong thang kết quả đã cấu hình (Giỏi, Đạt, Không đạt)."
    )
    assert rows() == before


@pytest.mark.parametrize(
    ("make_entries", "code", "message"),
    [
        (lambda w: [AttendanceEntry(w["bao"].person, False, "pass")],
         "training_result_without_presence", "Nguyễn Văn Bảo vắng mặt nên không thể có kết quả."),
        (lambda w: [AttendanceEntry(w["an"].person, True, ""),
                    AttendanceEntry(w["an"].person, False, "")],
         "training_attendee_twice", "Hoàng Văn An có tên hai lần trong danh sách."),
        (lambda w: [AttendanceEntry(w["khanh"].person, True, "")],
         "training_person_outside_unit",
         "Lục Văn Khánh không có tên trong sổ đăng ký của Xã Dương Quang."),
    ],
)  # fmt: skip
def test_an_impossible_attendance_is_refused(world, make_entries, code, message):
    before = rows()

    with pytest.raises(DomainError) as error:
        attendance_record(actor=None, session=world["drill"], entries=make_entries(world))

    assert (error.value.code, error.value.message) == (code, message)
    assert rows() == before


def test_attendance_waits_until_the_session_is_held(tree):
    ahead = session(plan(tree.duong_quang, year=2099, approved_on=date(2026, 1, 5)),
                    tree.duong_quang, on=date(2099, 3, 1))  # fmt: skip
    person = citizen(tree.duong_quang)
    before = rows()

    with pytest.raises(DomainError) as error:
        attendance_record(actor=None, session=ahead, entries=[AttendanceEntry(person, True, "")])

    assert (error.value.code, error.value.message) == (
        "training_session_not_held",
        "Buổi huấn luyện diễn ra ngày 01/03/2099: chỉ ghi điểm danh sau khi đã tổ chức.",
    )
    assert rows() == before


@pytest.mark.parametrize("persona", ["outsider", "leader"])
def test_only_the_units_writers_record_attendance(world, request, persona):
    before = rows()

    with pytest.raises(PermissionDenied):
        attendance_record(
            actor=request.getfixturevalue(persona),
            session=world["drill"],
            entries=[AttendanceEntry(world["bao"].person, True, "")],
        )

    assert rows() == before
