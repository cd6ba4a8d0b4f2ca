"""Correcting the register: a wrong event is cancelled with a reason, never deleted."""

from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from qsdp.core.audit import record_event
from qsdp.core.errors import DomainError
from qsdp.core.locks import ensure_period_open
from qsdp.core.text import nfc
from qsdp.military_service.errors import MilitaryServiceErrorCode as Code
from qsdp.military_service.models import ServiceEvent
from qsdp.military_service.rules.cycle import IllegalTransition, replay
from qsdp.military_service.services._common import (
    as_cycle,
    guard,
    live_events,
    lock_person,
    user_or_none,
)


@transaction.atomic
def service_event_cancel(
    *, actor: Any, event: ServiceEvent, cancelled_on: date, reason: str
) -> ServiceEvent:
    """Cancel ``event``; refused when the events after it would no longer be legal."""
    guard(actor, event.org_unit.path, event.person.org_unit.path)
    ensure_period_open(org_unit=event.org_unit, on=event.occurred_on, field="cancelled_on")
    person = lock_person(event.person)
    event = ServiceEvent.objects.select_for_update().get(pk=event.pk)
    reason = nfc(reason)
    if event.cancelled_on is not None:
        raise DomainError(Code.ALREADY_CANCELLED, _("This entry is already cancelled."))
    if not reason:
        raise DomainError(
            Code.WITHDRAW_REASON_MISSING,
            _("Say why the entry is cancelled."),
            field="reason",
        )
    try:
        replay(as_cycle(live_events(person).exclude(pk=event.pk)))
    except IllegalTransition as broken:
        raise DomainError(
            Code.CANCEL_BREAKS_HISTORY,
            _("Cannot cancel this entry: a later entry depends on it. %(why)s")
            % {"why": broken.reason},
        ) from None
    event.cancelled_on = cancelled_on
    event.cancel_reason = reason
    event.cancelled_by = user_or_none(actor)
    event.full_clean()
    event.save(update_fields=["cancelled_on", "cancel_reason", "cancelled_by"])
    record_event(
        actor=actor,
        verb="military_service.event_cancelled",
        target=event,
        person_id=person.pk,
        changes={"kind": [None, event.kind], "reason": [None, reason]},
    )
    return event
