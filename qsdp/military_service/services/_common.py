"""What every military-service service shares: access, locking, the cycle check,
recording an event and its one audit entry."""

from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from qsdp.accounts.scoping import require_write
from qsdp.core.audit import record_event
from qsdp.core.calendar import WorkCalendar
from qsdp.core.errors import DomainError
from qsdp.core.selectors import work_calendar
from qsdp.military_service.errors import MilitaryServiceErrorCode as Code
from qsdp.military_service.models import ServiceEvent
from qsdp.military_service.rules.common import RuleResult, vn_date
from qsdp.military_service.rules.cycle import (
    CycleEvent,
    EventKind,
    IllegalTransition,
    Status,
    replay,
)
from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person


def guard(actor: Any, *paths: str) -> None:
    """403 unless ``actor`` may change records under one of ``paths`` (no actor: a loader)."""
    if actor is not None:
        require_write(actor, *paths)


def user_or_none(actor: Any) -> Any:
    return actor if getattr(actor, "pk", None) else None


def lock_person(person: Person) -> Person:
    """The person's row, locked until the transaction ends: one event at a time."""
    return Person.objects.select_for_update().select_related("org_unit").get(pk=person.pk)


def live_events(person: Person) -> QuerySet[ServiceEvent]:
    """The person's events that are not cancelled, in the order they happened."""
    return ServiceEvent.objects.filter(person=person, cancelled_on__isnull=True).order_by(
        "occurred_on", "id"
    )


def as_cycle(events: Iterable[ServiceEvent]) -> list[CycleEvent]:
    return [CycleEvent(e.kind, e.occurred_on, e.valid_until) for e in events]


def status_on(person: Person, on: date) -> Status:
    return replay(as_cycle(live_events(person)), on=on)


def check_move(
    person: Person, kind: EventKind, on: date, *, valid_until: date | None = None
) -> None:
    """Refuse unless the whole history stays legal with the new event in its place."""
    events = [*as_cycle(live_events(person)), CycleEvent(kind, on, valid_until)]
    try:
        replay(events)
    except IllegalTransition as refused:
        raise DomainError(refused.code, refused.reason) from None


def check_date(person: Person, on: date, field: str) -> None:
    if on > timezone.localdate():
        raise DomainError(
            Code.DATE_IN_FUTURE,
            _("The date %(date)s is in the future.") % {"date": vn_date(on)},
            field=field,
        )
    if on < person.birth_date:
        raise DomainError(
            Code.DATE_BEFORE_BIRTH,
            _("The date %(date)s is before the citizen's date of birth.") % {"date": vn_date(on)},
            field=field,
        )


def cite(answer: RuleResult) -> str:
    """The rules' explanation with its legal basis, to follow a colon:
    "công dân … (Luật NVQS 2015 Điều 30)"."""
    return f"{lower_first(answer.explanation.rstrip('.'))} ({answer.legal_basis})"


def diopters(value: Decimal | float) -> str:
    """``2,0`` or ``1,75``: dioptres as Vietnamese documents write them."""
    number = Decimal(str(value)).copy_abs()
    text = f"{number:.1f}" if number == number.quantize(Decimal("0.1")) else f"{number:.2f}"
    return text.replace(".", ",")


def calendar_from(anchor: date, working_days: int) -> WorkCalendar:
    """The working calendar from ``anchor`` far enough to count ``working_days``
    (Tết can take nine days off in a row)."""
    return work_calendar(start=anchor, end=anchor + timedelta(days=working_days * 2 + 30))


def record(
    *,
    actor: Any,
    person: Person,
    kind: EventKind,
    on: date,
    org_unit: OrgUnit | None = None,
    **fields: Any,
) -> ServiceEvent:
    """Save an event (the caller has checked the law and the cycle)."""
    event = ServiceEvent(
        person=person,
        kind=kind,
        occurred_on=on,
        org_unit=org_unit or person.org_unit,
        recorded_by=user_or_none(actor),
        **fields,
    )
    # The transition table has already refused an illegal history; the
    # constraints stay in the database as the last guard, so full_clean does
    # not spend a query on each of them (it did, six per event).
    event.full_clean(validate_unique=False, validate_constraints=False)
    event.save()
    return event


def audit(*, actor: Any, event: ServiceEvent, changes: dict[str, Any] | None = None) -> None:
    """The one audit entry of a service that recorded ``event``."""
    record_event(
        actor=actor,
        verb=f"military_service.{event.kind}",
        target=event,
        person_id=event.person_id,
        changes={
            "occurred_on": [None, event.occurred_on.isoformat()],
            **({"call_up_year": [None, event.call_up_year]} if event.call_up_year else {}),
            **(changes or {}),
        },
    )


def lower_first(text: str) -> str:
    """A sentence of the rules put after a colon: "Công dân …" → "công dân …"."""
    return text[:1].lower() + text[1:]
