"""The register of citizens ready for the call-up (sổ đăng ký công dân sẵn sàng
nhập ngũ): registered men, free (not deferred, exempt, ordered or serving) and
within the call-up age on the day (Luật NVQS 2015 Điều 16, 30)."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch

from qsdp.accounts.models import User
from qsdp.accounts.scoping import scope_for
from qsdp.military_service import rules
from qsdp.military_service.models import ServiceEvent
from qsdp.military_service.rules.cycle import CycleEvent, EventKind, Status, person_status
from qsdp.military_service.selectors._common import (
    has_live,
    in_subtree,
    live,
    permanent_residences,
    residence_text,
)
from qsdp.military_service.selectors.person import COLLEGE_OR_UNIVERSITY
from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person

# The call-up age ends at 25, or 27 after a deferral for college or university
# (Điều 30): nobody born earlier than 28 years before can be within it.
OLDEST_AGE = 28
YOUNGEST_AGE = 18


@dataclass(frozen=True)
class ReadyRow:
    person_id: int
    full_name: str
    birth_date: date
    unit_name: str
    residence: str
    education_grade: int | None
    occupation: str
    workplace: str
    registered_on: date


@dataclass(frozen=True)
class ReadyRegister:
    """The register on ``on`` for ``unit_name`` (the documents' input)."""

    unit_name: str
    on: date
    rows: list[ReadyRow]


def _ready(person: Person, events: list[ServiceEvent], on: date) -> bool:
    status = person_status([CycleEvent(e.kind, e.occurred_on, e.valid_until) for e in events], on)
    if status != Status.REGISTERED:
        return False
    training = any(
        e.kind == EventKind.DEFERRAL and e.reason_code in COLLEGE_OR_UNIVERSITY for e in events
    )
    age = rules.call_up_age(
        sex=person.sex,
        birth_date=person.birth_date,
        reference_date=on,
        deferred_for_college_or_university_training=training,
    )
    return bool(age.within_call_up_age)


def ready_register(
    *, user: User, on: date, org_unit: OrgUnit | None = None, unit_name: str = ""
) -> ReadyRegister:
    """The men of the user's area (or of ``org_unit``) ready for the call-up on
    ``on``, by commune and name; three queries whatever their number."""
    events = live().filter(occurred_on__lte=on).order_by("occurred_on", "id")
    people = (
        Person.objects.filter(scope_for(user).q("org_unit__path"))
        .filter(
            in_subtree(org_unit, "org_unit__path"),
            has_live(EventKind.FIRST_REGISTRATION, occurred_on__lte=on),
            sex=rules.Sex.MALE,
            birth_date__gte=date(on.year - OLDEST_AGE, 1, 1),
            birth_date__lte=date(on.year - YOUNGEST_AGE, 12, 31),
        )
        .select_related("org_unit")
        .prefetch_related(
            Prefetch("service_events", events, to_attr="live_events"),
            permanent_residences("residences"),
        )
        .order_by("org_unit__name", "org_unit_id", "sort_name", "id")
    )
    rows = []
    for person in people:
        history: list[ServiceEvent] = person.live_events  # type: ignore[attr-defined]
        if not _ready(person, history, on):
            continue
        first = next(e for e in history if e.kind == EventKind.FIRST_REGISTRATION)
        rows.append(
            ReadyRow(
                person_id=person.pk,
                full_name=person.full_name,
                birth_date=person.birth_date,
                unit_name=person.org_unit.name,
                residence=residence_text(person),
                education_grade=person.education_grade,
                occupation=person.occupation,
                workplace=person.workplace,
                registered_on=first.occurred_on,
            )
        )
    name = unit_name or (org_unit.name if org_unit is not None else "")
    return ReadyRegister(unit_name=name, on=on, rows=rows)
