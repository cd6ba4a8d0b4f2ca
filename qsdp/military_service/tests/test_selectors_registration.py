from datetime import date

import pytest

from qsdp.military_service.selectors import january_list, overdue_transfers, registration_list
from qsdp.military_service.services import first_registration_record
from qsdp.military_service.tests.factories import man, registered
from qsdp.people.services import person_transfer_out
from qsdp.people.tests.factories import create_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(tree):
    dq = tree.duong_quang
    return {
        "turning_17": man(dq, given_name="An", born=date(2008, 11, 2)),
        "unregistered": man(dq, given_name="Bình", born=date(2004, 3, 1)),
        "registered": registered(dq, given_name="Cường", born=date(2004, 3, 1)),
        "too_old": man(dq, given_name="Dũng", born=date(1998, 12, 31)),
        "woman": create_person(dq, given_name="Hoa", sex="female", birth_date=date(2008, 1, 5)),
        "song_cau": man(tree.song_cau, given_name="Hùng", born=date(2008, 4, 4)),
    }


def listed(people):
    return [(p.org_unit.name, p.given_name, p.turning_17) for p in people]


def test_the_january_list_of_the_commune(people, commune_officer):
    assert listed(january_list(user=commune_officer, year=2025)) == [
        ("Xã Dương Quang", "An", True),
        ("Xã Dương Quang", "Bình", False),
    ]


def test_the_command_sees_the_list_of_every_commune(people, command_staff, tree):
    assert listed(january_list(user=command_staff, year=2025)) == [
        ("Phường Sông Cầu", "Hùng", True),
        ("Xã Dương Quang", "An", True),
        ("Xã Dương Quang", "Bình", False),
    ]
    assert listed(january_list(user=command_staff, year=2025, org_unit=tree.song_cau)) == [
        ("Phường Sông Cầu", "Hùng", True)
    ]


def test_the_registration_list_of_a_year_by_channel(people, commune_officer, outsider):
    first_registration_record(
        actor=None, person=people["turning_17"], registered_on=date(2025, 4, 10), channel="online"
    )

    assert [e.person.given_name for e in registration_list(user=commune_officer, year=2025)] == [
        "An"
    ]
    assert [
        e.person.given_name
        for e in registration_list(user=commune_officer, year=2025, channel="in_person")
    ] == []
    assert list(registration_list(user=outsider, year=2025)) == []


def test_a_transfer_not_received_within_ten_working_days_is_overdue(
    people, tree, commune_officer, outsider, leader
):
    # Out of Dương Quang on Monday 2 June 2025: ten working days end Monday 16 June.
    person_transfer_out(
        actor=None,
        person=people["registered"],
        on=date(2025, 6, 2),
        moved_to="",
        moved_to_unit=tree.song_cau,
    )
    # Not registered for military service: not on the list.
    person_transfer_out(
        actor=None,
        person=people["unregistered"],
        on=date(2025, 6, 2),
        moved_to="",
        moved_to_unit=tree.song_cau,
    )

    assert overdue_transfers(user=commune_officer, on=date(2025, 6, 16)) == []
    (row,) = overdue_transfers(user=commune_officer, on=date(2025, 6, 17))
    assert (row.person.given_name, row.moved_out_on, row.to_unit, row.register_by) == (
        "Cường", date(2025, 6, 2), tree.song_cau, date(2025, 6, 16),
    )  # fmt: skip
    # The receiving commune and the city see it too.
    assert [r.person.given_name for r in overdue_transfers(user=outsider, on=date(2025, 7, 1))] == [
        "Cường"
    ]
    assert len(overdue_transfers(user=leader, on=date(2025, 7, 1))) == 1


def test_the_january_list_says_who_has_registered(people, commune_officer):
    first_registration_record(
        actor=None, person=people["turning_17"], registered_on=date(2025, 4, 10)
    )

    assert [
        (p.given_name, p.turning_17, p.is_registered)
        for p in january_list(user=commune_officer, year=2025)
    ] == [("An", True, True), ("Bình", False, False)]
