from datetime import date

import pytest

from qsdp.military_service.models import ServiceEvent
from qsdp.military_service.rules.cycle import EventKind
from qsdp.military_service.selectors import ReturneeState, returnee_list
from qsdp.military_service.services import reserve_registration_record
from qsdp.military_service.tests.factories import registered

pytestmark = pytest.mark.django_db


def returnee(unit, name, returned_on, due_on):
    """A man back home (the events written directly: this tests the reading)."""
    person = registered(unit, given_name=name, born=date(2002, 5, 10))
    ServiceEvent.objects.bulk_create(
        [
            ServiceEvent(person=person, kind=kind, occurred_on=on, org_unit=unit, call_up_year=2022)
            for kind, on in (
                (EventKind.CALL_UP_ORDER, date(2022, 1, 20)),
                (EventKind.ENLISTMENT, date(2022, 2, 18)),
                (EventKind.DISCHARGE, date(2024, 2, 20)),
            )
        ]
        + [
            ServiceEvent(
                person=person,
                kind=EventKind.RETURN_HOME,
                occurred_on=returned_on,
                due_on=due_on,
                org_unit=unit,
            )
        ]
    )
    return person


@pytest.fixture
def returnees(tree):
    dq = tree.duong_quang
    people = {
        "on_time": returnee(dq, "An", date(2024, 3, 1), date(2024, 3, 21)),
        "late": returnee(dq, "Bình", date(2024, 3, 1), date(2024, 3, 21)),
        "pending": returnee(dq, "Cường", date(2024, 3, 15), date(2024, 4, 5)),
        "overdue": returnee(dq, "Dũng", date(2024, 3, 1), date(2024, 3, 21)),
    }
    reserve_registration_record(
        actor=None, person=people["on_time"], registered_on=date(2024, 3, 21)
    )
    reserve_registration_record(actor=None, person=people["late"], registered_on=date(2024, 3, 22))
    return people


def test_each_returnee_with_his_deadline_and_state(returnees, commune_officer):
    rows = returnee_list(user=commune_officer, on=date(2024, 3, 25), year=2024)

    assert [(r.person.given_name, r.register_by, r.registered_on, r.state) for r in rows] == [
        ("An", date(2024, 3, 21), date(2024, 3, 21), ReturneeState.ON_TIME),
        ("Bình", date(2024, 3, 21), date(2024, 3, 22), ReturneeState.LATE),
        ("Dũng", date(2024, 3, 21), None, ReturneeState.OVERDUE),
        ("Cường", date(2024, 4, 5), None, ReturneeState.PENDING),
    ]


def test_the_overdue_list(returnees, commune_officer, outsider):
    overdue = returnee_list(user=commune_officer, on=date(2024, 3, 25), overdue_only=True)

    assert [r.person.given_name for r in overdue] == ["Dũng"]
    assert returnee_list(user=outsider, on=date(2024, 3, 25), overdue_only=True) == []
    assert returnee_list(user=commune_officer, on=date(2024, 3, 25), year=2023) == []
