from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from qsdp.core.errors import DomainError
from qsdp.core.models import AuditEvent
from qsdp.military_service.models import ServiceEvent
from qsdp.military_service.rules.cycle import EventKind, Status
from qsdp.military_service.services import (
    absence_return_record,
    first_registration_record,
    registration_bar_end,
    registration_exclusion_record,
    supplementary_registration_record,
    temporary_absence_record,
)
from qsdp.military_service.services._common import status_on
from qsdp.military_service.tests.factories import man, registered, rows
from qsdp.people.tests.factories import create_person

pytestmark = pytest.mark.django_db


def test_first_registration_in_person_records_one_event_and_one_audit_entry(tree, commune_officer):
    person = man(tree.duong_quang, born=date(2006, 9, 30))

    event = first_registration_record(
        actor=commune_officer, person=person, registered_on=date(2023, 4, 12)
    )

    assert (event.kind, event.occurred_on, event.org_unit, event.details) == (
        EventKind.FIRST_REGISTRATION, date(2023, 4, 12), tree.duong_quang,
        {"channel": "in_person"},
    )  # fmt: skip
    assert event.legal_point == "Luật NVQS 2015 Điều 12, Điều 16"
    audit = AuditEvent.objects.get(person_id=person.pk, verb__startswith="military_service.")
    assert (audit.verb, audit.actor, audit.changes["channel"]) == (
        "military_service.first_registration", commune_officer, [None, "in_person"],
    )  # fmt: skip
    assert status_on(person, date(2023, 4, 11)) == Status.NOT_REGISTERED
    assert status_on(person, date(2023, 4, 12)) == Status.REGISTERED


def test_first_registration_recorded_from_online(tree, commune_officer):
    person = man(tree.duong_quang, born=date(2008, 11, 2))

    event = first_registration_record(
        actor=commune_officer, person=person, registered_on=date(2025, 4, 3), channel="online"
    )

    assert event.details == {"channel": "online"}


@pytest.mark.parametrize(
    ("fields", "on", "message"),
    [
        (
            {"born": date(2008, 11, 2)},
            date(2024, 12, 20),
            "Không thể ghi đăng ký nghĩa vụ quân sự lần đầu: công dân nam sinh ngày 02/11/2008 "
            "đăng ký nghĩa vụ quân sự lần đầu vào năm 2025, năm đủ 17 tuổi "
            "(Luật NVQS 2015 Điều 12).",
        ),
        (
            {"born": date(2005, 1, 5), "sex": "female", "given_name": "Hoa"},
            date(2024, 4, 10),
            "Không thể ghi đăng ký nghĩa vụ quân sự lần đầu: công dân nữ sinh ngày 05/01/2005 "
            "chỉ đăng ký nghĩa vụ quân sự khi có ngành, nghề chuyên môn phù hợp yêu cầu của "
            "Quân đội theo danh mục của Chính phủ (Luật NVQS 2015 Điều 12, Điều 7 khoản 2).",
        ),
    ],
)
def test_first_registration_refused_when_the_law_does_not_call_him(
    tree, commune_officer, fields, on, message
):
    born = fields.pop("born")
    person = create_person(tree.duong_quang, birth_date=born, **{"sex": "male", **fields})
    before = rows()

    with pytest.raises(DomainError) as refused:
        first_registration_record(actor=commune_officer, person=person, registered_on=on)

    assert (refused.value.code, refused.value.field, refused.value.message) == (
        "ms_not_subject_to_registration", "registered_on", message,
    )  # fmt: skip
    assert rows() == before


def test_a_second_first_registration_is_refused(tree, commune_officer):
    person = registered(tree.duong_quang)
    before = rows()

    with pytest.raises(DomainError) as refused:
        first_registration_record(
            actor=commune_officer, person=person, registered_on=date(2022, 5, 2)
        )

    assert refused.value.message == "Công dân đã đăng ký nghĩa vụ quân sự lần đầu."
    assert rows() == before


def test_a_date_in_the_future_is_refused(tree, commune_officer):
    person = man(tree.duong_quang)

    with pytest.raises(DomainError) as refused:
        first_registration_record(
            actor=commune_officer, person=person, registered_on=date(2099, 4, 1)
        )

    assert refused.value.message == "Ngày 01/04/2099 là ngày trong tương lai."


@pytest.mark.parametrize("persona", ["outsider", "leader"])
def test_only_the_units_writers_may_register(tree, request, persona):
    person = man(tree.duong_quang)
    before = rows()

    with pytest.raises(PermissionDenied):
        first_registration_record(
            actor=request.getfixturevalue(persona),
            person=person,
            registered_on=date(2021, 4, 15),
        )

    assert rows() == before


def test_a_disease_of_the_list_exempts_from_registration(tree, commune_officer):
    person = man(tree.duong_quang, born=date(2007, 3, 1))

    event = registration_exclusion_record(
        actor=commune_officer, person=person, on=date(2024, 4, 10), diagnosis_icd10="f20.1"
    )

    assert (event.kind, event.reason_code, event.details["diagnosis_icd10"]) == (
        EventKind.REGISTRATION_EXEMPTION, "disease_on_exemption_list", "F20.1",
    )  # fmt: skip
    assert event.legal_point == (
        "Luật NVQS 2015 Điều 12, Điều 14; Thông tư 105/2023/TT-BQP Phụ lục I mục III"
    )
    with pytest.raises(DomainError) as refused:
        first_registration_record(
            actor=commune_officer, person=person, registered_on=date(2024, 4, 11)
        )
    assert refused.value.message == (
        "Không thể ghi đăng ký lần đầu: công dân thuộc diện miễn đăng ký nghĩa vụ quân sự "
        "(Luật NVQS 2015 Điều 14)."
    )


def test_a_prosecuted_citizen_registers_only_when_the_bar_ends(tree, commune_officer):
    person = man(tree.duong_quang, born=date(2007, 3, 1))
    registration_exclusion_record(
        actor=commune_officer,
        person=person,
        on=date(2024, 4, 10),
        legal_status="criminally_prosecuted",
    )
    assert status_on(person, date(2024, 4, 10)) == Status.NOT_ALLOWED_TO_REGISTER

    registration_bar_end(actor=commune_officer, person=person, on=date(2025, 1, 6))
    first_registration_record(actor=commune_officer, person=person, registered_on=date(2025, 1, 7))

    assert status_on(person, date(2025, 1, 7)) == Status.REGISTERED


def test_an_exclusion_the_law_does_not_give_is_refused(tree, commune_officer):
    person = man(tree.duong_quang, born=date(2007, 3, 1))
    before = rows()

    with pytest.raises(DomainError) as refused:
        registration_exclusion_record(
            actor=commune_officer, person=person, on=date(2024, 4, 10), diagnosis_icd10="J45"
        )

    assert (refused.value.code, refused.value.field) == (
        "ms_not_excluded_from_registration", "diagnosis_icd10",
    )  # fmt: skip
    assert rows() == before


def test_supplementary_registration_keeps_the_status(tree, commune_officer):
    person = registered(tree.duong_quang)

    event = supplementary_registration_record(
        actor=commune_officer,
        person=person,
        on=date(2023, 9, 1),
        changes={"occupation": "Sinh viên"},
    )

    assert event.details == {"changes": {"occupation": "Sinh viên"}, "note": ""}
    assert status_on(person, date(2023, 9, 1)) == Status.REGISTERED


def test_an_absence_under_three_months_needs_no_registration(tree, commune_officer):
    person = registered(tree.duong_quang)
    before = rows()

    with pytest.raises(DomainError) as refused:
        temporary_absence_record(
            actor=commune_officer, person=person, left_on=date(2023, 5, 2), planned_months=2
        )

    assert refused.value.message == (
        "Không phải đăng ký tạm vắng: vắng mặt 2 tháng (dưới 3 tháng) không phải đăng ký "
        "tạm vắng (Luật NVQS 2015 Điều 17 khoản 3)."
    )
    assert rows() == before


def test_return_from_absence_is_due_ten_working_days_later_across_weekends(tree, commune_officer):
    person = registered(tree.duong_quang)
    temporary_absence_record(
        actor=commune_officer,
        person=person,
        left_on=date(2023, 5, 2),
        planned_months=6,
        destination="Bình Dương",
    )

    # Back on Friday 3 November 2023: ten working days end on Friday 17 November.
    event = absence_return_record(
        actor=commune_officer,
        person=person,
        returned_on=date(2023, 11, 3),
        registered_on=date(2023, 11, 20),
    )

    assert (event.kind, event.due_on, event.details["on_time"]) == (
        EventKind.ABSENCE_RETURN, date(2023, 11, 17), False,
    )  # fmt: skip


def test_a_return_without_an_open_absence_is_refused(tree, commune_officer):
    person = registered(tree.duong_quang)
    before = rows()

    with pytest.raises(DomainError) as refused:
        absence_return_record(
            actor=commune_officer,
            person=person,
            returned_on=date(2023, 11, 3),
            registered_on=date(2023, 11, 6),
        )

    assert refused.value.message == (
        "Công dân không có đăng ký tạm vắng nào còn hiệu lực vào ngày 03/11/2023."
    )
    assert rows() == before
    assert ServiceEvent.objects.filter(kind=EventKind.ABSENCE_RETURN).count() == 0
