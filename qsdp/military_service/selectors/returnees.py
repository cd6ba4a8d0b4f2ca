"""Soldiers back home and their registration into the reserve (Luật NVQS 2015 Điều 18)."""

from dataclasses import dataclass
from datetime import date

from django.db.models import DateField, OuterRef, Q, Subquery
from django.db.models.functions import ExtractYear

from qsdp.accounts.models import User
from qsdp.military_service.models import ServiceEvent
from qsdp.military_service.rules.cycle import EventKind
from qsdp.military_service.selectors._common import in_subtree, live, visible_events
from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person


class ReturneeState:
    ON_TIME = "on_time"
    LATE = "late"
    PENDING = "pending"
    OVERDUE = "overdue"


@dataclass(frozen=True)
class ReturneeRow:
    person: Person
    returned_on: date
    register_by: date
    registered_on: date | None
    state: str

    @property
    def is_overdue(self) -> bool:
        return self.state == ReturneeState.OVERDUE


def _state(registered_on: date | None, register_by: date, on: date) -> str:
    if registered_on is not None:
        return ReturneeState.ON_TIME if registered_on <= register_by else ReturneeState.LATE
    return ReturneeState.OVERDUE if on > register_by else ReturneeState.PENDING


def returnee_list(
    *,
    user: User,
    on: date,
    year: int | None = None,
    org_unit: OrgUnit | None = None,
    overdue_only: bool = False,
) -> list[ReturneeRow]:
    """Soldiers received home (in ``year`` when given), each with the deadline to
    register into the reserve and whether he did, on time, late, or not yet."""
    registered = (
        live(EventKind.RESERVE_REGISTRATION, person=OuterRef("person"))
        .filter(occurred_on__gte=OuterRef("occurred_on"))
        .order_by("occurred_on")
        .values("occurred_on")[:1]
    )
    events = (
        visible_events(user)
        .filter(
            in_subtree(org_unit, "org_unit__path"),
            kind=EventKind.RETURN_HOME,
            cancelled_on__isnull=True,
        )
        .annotate(registered_on=Subquery(registered, output_field=DateField()))
    )
    if year is not None:
        events = events.annotate(year_of=ExtractYear("occurred_on")).filter(year_of=year)
    if overdue_only:
        events = events.filter(Q(registered_on__isnull=True), due_on__lt=on)
    rows = events.select_related("person__org_unit").order_by("due_on", "person__sort_name", "id")
    return [_row(event, on) for event in rows]


def _row(event: ServiceEvent, on: date) -> ReturneeRow:
    register_by = event.due_on or event.occurred_on
    registered_on: date | None = event.registered_on  # type: ignore[attr-defined]
    return ReturneeRow(
        event.person, event.occurred_on, register_by, registered_on,
        _state(registered_on, register_by, on),
    )  # fmt: skip
