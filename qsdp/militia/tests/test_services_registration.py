from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from qsdp.core.errors import DomainError
from qsdp.core.models import AuditEvent
from qsdp.military_service.services import service_event_cancel
from qsdp.military_service.tests.factories import registered
from qsdp.militia.models import MilitiaRegistration
from qsdp.militia.services import registration_generate, registration_record
from qsdp.militia.tests.factories import citizen, rows

pytestmark = pytest.mark.django_db


def _registrations():  # type: ignore[no-untyped-def]
    return sorted(
        MilitiaRegistration.objects.values_list(
            "person__given_name", "org_unit__name", "year", "registered_on", "source"
        )
    )


def test_the_april_registration_is_fed_from_the_military_service_registration(
    tree, commune_officer
):
    registered(tree.duong_quang, given_name="An", born=date(2006, 3, 1), on=date(2023, 4, 10))
    registered(tree.duong_quang, given_name="Bình", born=date(2006, 8, 1), on=date(2023, 4, 12))
    registered(tree.duong_quang, given_name="Cường", born=date(2005, 3, 1), on=date(2022, 4, 10))
    registered(tree.song_cau, given_name="Dũng", born=date(2006, 3, 1), on=date(2023, 4, 10))

    created = registration_generate(actor=commune_officer, org_unit=tree.duong_quang, year=2023)

    assert created == 2
    assert _registrations() == [
        ("An", "Xã Dương Quang", 2023, date(2023, 4, 10), "military_service_registration"),
        ("Bình", "Xã Dương Quang", 2023, date(2023, 4, 12), "military_service_registration"),
    ]
    assert AuditEvent.objects.filter(verb="militia.registrations_generated").get().changes == {
        "year": [None, 2023],
        "created": [None, 2],
    }


def test_generating_again_adds_only_the_new_registrations(tree):
    registered(tree.duong_quang, given_name="An", born=date(2006, 3, 1), on=date(2023, 4, 10))
    registration_generate(actor=None, org_unit=tree.duong_quang, year=2023)
    registered(tree.duong_quang, given_name="Bình", born=date(2006, 8, 1), on=date(2023, 4, 20))

    again = registration_generate(actor=None, org_unit=tree.duong_quang, year=2023)
    nothing = registration_generate(actor=None, org_unit=tree.duong_quang, year=2023)

    assert (again, nothing) == (1, 0)
    assert [r[0] for r in _registrations()] == ["An", "Bình"]
    assert AuditEvent.objects.filter(verb="militia.registrations_generated").count() == 2


def test_a_cancelled_military_service_registration_is_not_taken(tree):
    person = registered(tree.duong_quang, born=date(2006, 3, 1), on=date(2023, 4, 10))
    service_event_cancel(
        actor=None,
        event=person.service_events.get(),
        cancelled_on=date(2023, 4, 11),
        reason="Ghi nhầm",
    )

    assert registration_generate(actor=None, org_unit=tree.duong_quang, year=2023) == 0


def test_the_city_generates_for_all_its_communes(tree, command_staff):
    registered(tree.duong_quang, given_name="An", born=date(2006, 3, 1), on=date(2023, 4, 10))
    registered(tree.song_cau, given_name="Dũng", born=date(2006, 3, 1), on=date(2023, 4, 10))

    assert registration_generate(actor=command_staff, org_unit=tree.city, year=2023) == 2
    assert [r[:2] for r in _registrations()] == [
        ("An", "Xã Dương Quang"),
        ("Dũng", "Phường Sông Cầu"),
    ]


@pytest.mark.parametrize("persona", ["outsider", "leader"])
def test_only_the_units_writers_may_generate(tree, request, persona):
    registered(tree.duong_quang, born=date(2006, 3, 1), on=date(2023, 4, 10))
    before = rows()

    with pytest.raises(PermissionDenied):
        registration_generate(
            actor=request.getfixturevalue(persona), org_unit=tree.duong_quang, year=2023
        )

    assert rows() == before


def test_a_citizen_registers_in_person(tree, commune_officer):
    person = citizen(tree.duong_quang, sex="female", born=date(2005, 12, 31), given_name="Lan")

    registration = registration_record(
        actor=commune_officer, person=person, registered_on=date(2023, 4, 5)
    )

    assert (registration.year, registration.source, registration.org_unit) == (
        2023,
        "in_person",
        tree.duong_quang,
    )
    assert AuditEvent.objects.filter(verb="militia.registered").count() == 1


def test_a_citizen_is_registered_once_a_year(tree):
    person = citizen(tree.duong_quang, family_name="Ma", middle_name="Thị", given_name="Lan")
    registration_record(actor=None, person=person, registered_on=date(2023, 4, 5))
    before = rows()

    with pytest.raises(DomainError) as error:
        registration_record(actor=None, person=person, registered_on=date(2023, 5, 5))

    assert (error.value.code, error.value.message) == (
        "militia_already_registered",
        "Ma Thị Lan đã đăng ký nghĩa vụ tham gia Dân quân tự vệ năm 2023 (ngày 05/04/2023).",
    )
    assert rows() == before


def test_a_citizen_who_does_not_reach_18_in_the_year_is_refused(tree):
    person = citizen(tree.duong_quang, born=date(2006, 1, 1))
    before = rows()

    with pytest.raises(DomainError) as error:
        registration_record(actor=None, person=person, registered_on=date(2023, 4, 5))

    assert (error.value.code, error.value.message) == (
        "militia_outside_age",
        "Không thể đăng ký nghĩa vụ tham gia Dân quân tự vệ cho công dân: công dân nam sinh ngày "
        "01/01/2006 chưa đủ 18 tuổi vào ngày 05/04/2023; nghĩa vụ tham gia Dân quân tự vệ bắt đầu "
        "từ ngày 01/01/2024 (Luật DQTV 2019 Điều 8 khoản 1).",
    )
    assert rows() == before
