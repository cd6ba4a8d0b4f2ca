"""Records on both sides of the fence: Dương Quang (the officer's) and Sông Cầu
(the outsider's), made through the real services."""

from dataclasses import dataclass
from datetime import date

import pytest

from qsdp.military_service.models import CallUpCandidate, ServiceEvent
from qsdp.military_service.tests.factories import approved_list, examined, quotas, registered
from qsdp.militia.models import MilitiaMember
from qsdp.militia.tests.factories import member
from qsdp.people.models import Person
from qsdp.reporting.models import Submission
from qsdp.reserves.models import Reservist
from qsdp.reserves.tests.factories import reservist


@dataclass
class Side:
    person: Person
    registration: ServiceEvent
    candidate: CallUpCandidate
    reservist: Reservist
    member: MilitiaMember
    submission: Submission


def _side(unit, serial: int) -> Side:  # type: ignore[no-untyped-def]
    person = registered(unit, born=date(2006, 3, serial), on=date(2023, 4, 15))
    examined(person, on=date(2025, 11, 20), year=2026, health_class=2)
    candidate = approved_list(unit, year=2026)[0]
    return Side(
        person=person,
        registration=ServiceEvent.objects.get(person=person, kind="first_registration"),
        candidate=candidate,
        reservist=reservist(unit, born=date(1995, 5, serial)),
        member=member(unit, born=date(2000, 5, serial)),
        submission=Submission.objects.create(org_unit=unit, year=2023),
    )


@pytest.fixture
def records(tree):
    """(Dương Quang, Sông Cầu): a registered and examined man on the 2026
    call-up list, a reservist, a militia member and the 2023 submission."""
    quotas(tree, year=2026, province=2, city=2, duong_quang=1, song_cau=1)
    return _side(tree.duong_quang, 10), _side(tree.song_cau, 11)
