"""The April registration for militia duty (Luật DQTV 2019 Điều 9): fed from the
military-service first registrations of the year, or made in person."""

from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _

from qsdp.core.audit import record_event
from qsdp.core.errors import DomainError
from qsdp.core.locks import ensure_period_open
from qsdp.military_service.models import ServiceEvent
from qsdp.military_service.rules.common import vn_date
from qsdp.military_service.rules.cycle import EventKind
from qsdp.militia import rules
from qsdp.militia.errors import MilitiaErrorCode as Code
from qsdp.militia.models import MilitiaRegistration, RegistrationSource
from qsdp.militia.services._common import check_not_future, guard, lock_person, quoted, user_or_none
from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person


@transaction.atomic
def registration_generate(*, actor: Any, org_unit: OrgUnit, year: int) -> int:
    """Register for militia duty in ``year`` every citizen whose military-service
    first registration of that year was recorded in the subtree of ``org_unit``,
    on the day of that registration. Those already registered for the year are
    left as they are, so running it again adds only the new ones. Returns how
    many were added."""
    guard(actor, org_unit.path)
    already = MilitiaRegistration.objects.filter(person=OuterRef("person"), year=year)
    events = list(
        ServiceEvent.objects.filter(
            kind=EventKind.FIRST_REGISTRATION,
            cancelled_on__isnull=True,
            occurred_on__year=year,
            org_unit__path__startswith=org_unit.path,
        )
        .exclude(Exists(already))
        .order_by("id")
        .values_list("id", "person_id", "org_unit_id", "occurred_on")
    )
    user = user_or_none(actor)
    MilitiaRegistration.objects.bulk_create(
        [
            MilitiaRegistration(
                person_id=person_id,
                org_unit_id=unit_id,
                year=year,
                registered_on=occurred_on,
                source=RegistrationSource.MILITARY_SERVICE_REGISTRATION,
                service_event_id=event_id,
                created_by=user,
            )
            for event_id, person_id, unit_id, occurred_on in events
        ]
    )
    if events:
        record_event(
            actor=actor,
            verb="militia.registrations_generated",
            target=org_unit,
            changes={"year": [None, year], "created": [None, len(events)]},
        )
    return len(events)


def _of_age(person: Person, registered_on: date) -> None:
    """Of militia age on the day, or turning 18 later in the year."""
    on_day = rules.militia_age(
        sex=person.sex, birth_date=person.birth_date, reference_date=registered_on
    )
    if on_day.obligated:
        return
    year_end = rules.militia_age(
        sex=person.sex,
        birth_date=person.birth_date,
        reference_date=date(registered_on.year, 12, 31),
    )
    if not year_end.obligated:
        raise DomainError(
            Code.OUTSIDE_MILITIA_AGE,
            _("Cannot register the citizen for militia duty: %(why)s.") % {"why": quoted(on_day)},
            field="registered_on",
        )


@transaction.atomic
def registration_record(*, actor: Any, person: Person, registered_on: date) -> MilitiaRegistration:
    """A citizen registers for militia duty in person."""
    guard(actor, person.org_unit.path)
    ensure_period_open(org_unit=person.org_unit, on=registered_on, field="registered_on")
    person = lock_person(person)
    check_not_future(registered_on, "registered_on")
    year = registered_on.year
    existing = MilitiaRegistration.objects.filter(person=person, year=year).first()
    if existing is not None:
        raise DomainError(
            Code.ALREADY_REGISTERED,
            _("%(name)s is already registered for militia duty in %(year)s (on %(date)s).")
            % {"name": person.full_name, "year": year, "date": vn_date(existing.registered_on)},
            field="registered_on",
        )
    _of_age(person, registered_on)
    registration = MilitiaRegistration(
        person=person,
        org_unit=person.org_unit,
        year=year,
        registered_on=registered_on,
        source=RegistrationSource.IN_PERSON,
        created_by=user_or_none(actor),
    )
    registration.full_clean(validate_constraints=False)
    registration.save()
    record_event(
        actor=actor,
        verb="militia.registered",
        target=registration,
        person_id=person.pk,
        changes={"year": [None, year], "registered_on": [None, registered_on.isoformat()]},
    )
    return registration
