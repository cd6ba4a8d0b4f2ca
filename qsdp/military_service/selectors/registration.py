"""The registration lists: January's list, first registrations, overdue transfers."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import BooleanField, ExpressionWrapper, F, Q, QuerySet

from qsdp.accounts.models import User
from qsdp.accounts.scoping import scope_for
from qsdp.core.selectors import work_calendar
from qsdp.military_service import rules
from qsdp.military_service.models import ServiceEvent
from qsdp.military_service.rules.cycle import EventKind
from qsdp.military_service.selectors._common import has_live, in_subtree, visible_events
from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person, Residence
from qsdp.people.selectors import PERSON_PATHS

FIRST_REGISTRATION_AGE = 17
CALL_UP_FROM_AGE = 18
CALL_UP_TO_AGE = 25
TRANSFER_WORKING_DAYS = 10


def january_list(*, user: User, year: int, org_unit: OrgUnit | None = None) -> QuerySet[Person]:
    """The list the commune reports in January (Luật NVQS 2015 Điều 16): men who
    turn 17 during ``year`` and men of call-up age not yet registered, by commune.

    ``turning_17`` tells the two apart; ``is_registered`` says whether he has
    made his first registration (the men turning 17 make it in April). A man of
    call-up age is one not yet 26 on 1 January who turns 18 or more during the year."""
    not_registered = ~has_live(
        EventKind.FIRST_REGISTRATION, occurred_on__lt=date(year, 1, 1)
    ) & ~has_live(EventKind.REGISTRATION_EXEMPTION)
    cohort = Q(birth_date__year=year - FIRST_REGISTRATION_AGE)
    of_age = Q(
        birth_date__gt=date(year - CALL_UP_TO_AGE - 1, 1, 1),
        birth_date__lte=date(year - CALL_UP_FROM_AGE, 12, 31),
    )
    return (
        Person.objects.filter(scope_for(user).q("org_unit__path"))
        .filter(in_subtree(org_unit, "org_unit__path"), sex=rules.Sex.MALE)
        .filter(cohort | (of_age & not_registered))
        .annotate(
            turning_17=ExpressionWrapper(cohort, output_field=BooleanField()),
            is_registered=has_live(EventKind.FIRST_REGISTRATION),
        )
        .select_related("org_unit")
        .order_by("org_unit__name", "org_unit_id", "-turning_17", "sort_name", "id")
    )


def registration_list(
    *, user: User, year: int, org_unit: OrgUnit | None = None, channel: str = ""
) -> QuerySet[ServiceEvent]:
    """First registrations made in ``year`` (in person or online)."""
    events = visible_events(user).filter(
        in_subtree(org_unit, "org_unit__path"),
        kind=EventKind.FIRST_REGISTRATION,
        cancelled_on__isnull=True,
        occurred_on__year=year,
    )
    if channel:
        events = events.filter(details__channel=channel)
    return events.select_related("person", "org_unit").order_by(
        "org_unit__name", "person__sort_name", "id"
    )


@dataclass(frozen=True)
class OverdueTransfer:
    person: Person
    moved_out_on: date
    from_unit: OrgUnit
    to_unit: OrgUnit
    register_by: date


def overdue_transfers(*, user: User, on: date) -> list[OverdueTransfer]:
    """Registered citizens transferred out to a unit in qsdp who have not been
    transferred in there within 10 working days (Luật NVQS 2015 Điều 17 khoản 2).

    The deadline runs from the transfer-out date: the arrival date is only known
    when the transfer-in is recorded."""
    # Ten working days are at least fourteen calendar days: nothing newer can be late.
    residences = list(
        Residence.objects.filter(
            scope_for(user).q(*(f"person__{path}" for path in PERSON_PATHS)),
            ended_on__isnull=False,
            ended_on__lt=on - timedelta(days=TRANSFER_WORKING_DAYS),
            moved_to_unit__isnull=False,
            person__pending_transfer_to=F("moved_to_unit"),
        )
        .filter(has_live(EventKind.FIRST_REGISTRATION, person_ref="person"))
        .select_related("person__org_unit", "org_unit", "moved_to_unit")
        .order_by("ended_on", "id")
    )
    if not residences:
        return []
    calendar = work_calendar(start=residences[0].ended_on or on, end=on)
    rows = []
    for residence in residences:
        moved_out_on = residence.ended_on or on
        answer = rules.residence_change(
            event=rules.ResidenceEvent.ARRIVED_AT_NEW_RESIDENCE,
            event_date=moved_out_on,
            calendar=calendar,
        )
        deadline = answer.register_transfer_in_by
        if deadline is not None and deadline < on and residence.moved_to_unit is not None:
            rows.append(
                OverdueTransfer(
                    residence.person,
                    moved_out_on,
                    residence.org_unit,
                    residence.moved_to_unit,
                    deadline,
                )
            )
    return rows
