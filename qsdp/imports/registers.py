"""What one valid row adds to each register beyond the person, through that
register's own service. Each returns False when the register already holds it
(a re-import changes nothing)."""

from collections.abc import Callable
from typing import Any

from qsdp.military_service.models import ServiceEvent
from qsdp.military_service.rules.cycle import EventKind
from qsdp.military_service.services.registration import first_registration_record
from qsdp.militia.models import MilitiaMember
from qsdp.militia.services.members import MemberData, member_add
from qsdp.people.models import Person
from qsdp.reserves.limits import OFFICER_RANKS
from qsdp.reserves.models import RankGroup, Reservist
from qsdp.reserves.services.reservists import ClassFacts, ReservistData, reservist_create


def _military_service(actor: Any, person: Person, values: dict[str, Any]) -> bool:
    done = ServiceEvent.objects.filter(
        person=person, kind=EventKind.FIRST_REGISTRATION, cancelled_on__isnull=True
    ).exists()
    if done:
        return False
    first_registration_record(actor=actor, person=person, registered_on=values["registered_on"])
    return True


def _reservists(actor: Any, person: Person, values: dict[str, Any]) -> bool:
    if Reservist.objects.filter(person=person).exists():
        return False
    rank = values["rank"]
    reservist_create(
        actor=actor,
        person=person,
        facts=ClassFacts(
            source=values["source"], active_service_months=values["active_service_months"]
        ),
        data=ReservistData(
            rank_group=RankGroup.OFFICER if rank in OFFICER_RANKS else RankGroup.NCO_OR_SOLDIER,
            rank=rank,
            specialty_code=values["specialty_code"],
            specialty_name=values["specialty_name"],
            health_class=values["health_class"],
        ),
        registered_on=values["registered_on"],
    )
    return True


def _militia(actor: Any, person: Person, values: dict[str, Any]) -> bool:
    if MilitiaMember.objects.filter(person=person, left_on__isnull=True).exists():
        return False
    member_add(
        actor=actor,
        person=person,
        data=MemberData(
            militia_type=values["militia_type"],
            term_start=values["term_start"],
            position=values["position"],
        ),
    )
    return True


APPLY: dict[str, Callable[[Any, Person, dict[str, Any]], bool]] = {
    "military_service": _military_service,
    "reservists": _reservists,
    "militia": _militia,
}
