"""A returnee into the reserve register.

The military-service register records the reserve registration of a discharged
soldier (``reserve_registration_record``, Luật NVQS 2015 Điều 18); the commune
then records him in the reserve register (sổ đăng ký quân nhân dự bị) the same
day (Decree 13/2016). The military-service app comes before this one and does
not call it: the reserve register lists the returnees registered in military
service but not yet here (``selectors.returnees_awaiting``) and records each
with one click, through this service.
"""

from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from qsdp.core.errors import DomainError
from qsdp.core.locks import ensure_period_open
from qsdp.military_service.models import ServiceEvent
from qsdp.military_service.rules.common import vn_date
from qsdp.military_service.rules.cycle import EventKind
from qsdp.people.models import Person
from qsdp.reserves.errors import ReserveErrorCode as Code
from qsdp.reserves.models import Reservist, Source
from qsdp.reserves.services._common import guard
from qsdp.reserves.services.reservists import ClassFacts, ReservistData, record_new


def full_months(start: date, end: date) -> int:
    """Whole months from ``start`` to ``end`` (24 from 26/02/2022 to 26/02/2024)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if months > 0 and _month_day(start, months) > end:
        months -= 1
    return max(months, 0)


def _month_day(start: date, months: int) -> date:
    """``start`` moved on by ``months`` (31/01 + 1 month is the last day of February)."""
    year, month = divmod(start.month - 1 + months, 12)
    year += start.year
    for day in (start.day, 30, 29, 28):
        try:
            return date(year, month + 1, day)
        except ValueError:
            continue
    raise ValueError(start)  # pragma: no cover


def _live(person: Person, kind: EventKind) -> ServiceEvent | None:
    return (
        ServiceEvent.objects.filter(person=person, kind=kind, cancelled_on__isnull=True)
        .order_by("occurred_on", "id")
        .last()
    )


def service_months(person: Person) -> int:
    """Months of active service: from the last enlistment (handover) to the discharge."""
    discharge = _live(person, EventKind.DISCHARGE)
    enlistment = _live(person, EventKind.ENLISTMENT)
    if discharge is None or enlistment is None or enlistment.occurred_on > discharge.occurred_on:
        raise DomainError(
            Code.NO_SERVICE_PERIOD,
            _(
                "The enlistment and the discharge of %(name)s are not both in the "
                "military-service register: the months of service, and so the reserve class, "
                "cannot be known."
            )
            % {"name": person},
        )
    return full_months(enlistment.occurred_on, discharge.occurred_on)


@transaction.atomic
def reservist_register_from_returnee(*, actor: Any, person: Person, on: date) -> Reservist:
    """Record in the reserve register a returnee whose reserve registration is in
    the military-service register: a discharged NCO or soldier, his class from
    ``rules.reserve_class`` with the months from enlistment to discharge."""
    guard(actor, person.org_unit.path)
    ensure_period_open(org_unit=person.org_unit, on=on, field="on")
    person = Person.objects.select_for_update().select_related("org_unit").get(pk=person.pk)
    registration = _live(person, EventKind.RESERVE_REGISTRATION)
    if registration is None:
        raise DomainError(
            Code.NO_RESERVE_REGISTRATION,
            _(
                "%(name)s has no reserve registration in the military-service register: record "
                "it there first."
            )
            % {"name": person},
        )
    if on < registration.occurred_on:
        raise DomainError(
            Code.DATE_BEFORE_REGISTRATION,
            _("The date is before the reserve registration of %(date)s.")
            % {"date": vn_date(registration.occurred_on)},
            field="registered_on",
        )
    facts = ClassFacts(
        source=Source.DISCHARGED_NCO_SOLDIER, active_service_months=service_months(person)
    )
    return record_new(
        actor=actor, person=person, facts=facts, data=ReservistData(), on=on,
        verb="reservist.registered_from_returnee",
    )  # fmt: skip
