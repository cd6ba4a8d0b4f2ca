"""Deferral and exemption lists: by year, the yearly re-check, and the public list."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.translation import gettext as _

from qsdp.accounts.models import User
from qsdp.military_service.models import ServiceEvent
from qsdp.military_service.rules.common import vn_date
from qsdp.military_service.rules.cycle import EventKind
from qsdp.military_service.selectors._common import (
    ground_label,
    in_subtree,
    live,
    permanent_residences,
    require_unit_in_scope,
    residence_text,
    visible_events,
)
from qsdp.orgunits.models import OrgUnit

DECISIONS = (EventKind.DEFERRAL, EventKind.EXEMPTION)


def _decisions(user: User, org_unit: OrgUnit | None) -> QuerySet[ServiceEvent]:
    return visible_events(user).filter(
        in_subtree(org_unit, "person__org_unit__path"),
        kind__in=DECISIONS,
        cancelled_on__isnull=True,
    )


def _of_year(events: QuerySet[ServiceEvent], year: int) -> QuerySet[ServiceEvent]:
    """Decisions for the call-up of ``year`` (or, without one, decided in ``year``)."""
    return events.annotate(year_of=Coalesce("call_up_year", ExtractYear("occurred_on"))).filter(
        year_of=year
    )


def deferral_list(
    *,
    user: User,
    year: int | None = None,
    kind: str = "",
    org_unit: OrgUnit | None = None,
) -> QuerySet[ServiceEvent]:
    """Deferral and exemption decisions (``kind`` narrows to one), newest first."""
    events = _decisions(user, org_unit)
    if kind:
        events = events.filter(kind=kind)
    if year is not None:
        events = _of_year(events, year)
    return events.select_related("person__org_unit", "org_unit").order_by(
        "-occurred_on", "person__sort_name", "id"
    )


def _superseded() -> Exists:
    """A later decision on the same person (or the end of the deferral) replaced it."""
    return Exists(
        live(person=OuterRef("person"))
        .filter(kind__in=[*DECISIONS, EventKind.DEFERRAL_ENDED])
        .filter(
            Q(occurred_on__gt=OuterRef("occurred_on"))
            | Q(occurred_on=OuterRef("occurred_on"), pk__gt=OuterRef("pk"))
        )
    )


def recheck_list(
    *, user: User, year: int, org_unit: OrgUnit | None = None
) -> QuerySet[ServiceEvent]:
    """The yearly re-check: deferrals still in force whose ``valid_until`` falls in ``year``."""
    return (
        _decisions(user, org_unit)
        .filter(kind=EventKind.DEFERRAL, valid_until__year=year)
        .exclude(_superseded())
        .select_related("person__org_unit", "org_unit")
        .order_by("valid_until", "person__sort_name", "id")
    )


@dataclass(frozen=True)
class PublicDeferralRow:
    """Only what the law allows to post (DOMAIN.md §1.4): no ID, no health detail."""

    full_name: str
    birth_date: str
    permanent_residence: str
    occupation: str
    workplace: str
    reason: str


@dataclass(frozen=True)
class PublicDeferralList:
    unit_name: str
    year: int
    deferred: list[PublicDeferralRow]
    exempt: list[PublicDeferralRow]


def public_deferral_list(*, user: User, org_unit: OrgUnit, year: int) -> PublicDeferralList:
    """The list of citizens deferred or exempt for the call-up of ``year`` that the
    commune must post within 20 days (Circular 68/2025): a plain context for the
    document renderers."""
    require_unit_in_scope(user, org_unit)
    events = (
        _of_year(_decisions(user, org_unit), year)
        .select_related("person")
        .prefetch_related(permanent_residences())
        .order_by("person__sort_name", "person_id", "occurred_on", "id")
    )
    rows: dict[str, list[PublicDeferralRow]] = {EventKind.DEFERRAL: [], EventKind.EXEMPTION: []}
    for event in events:
        person = event.person
        rows[event.kind].append(
            PublicDeferralRow(
                full_name=person.full_name,
                birth_date=vn_date(person.birth_date),
                permanent_residence=residence_text(person),
                occupation=person.occupation,
                workplace=person.workplace,
                reason=_("%(outcome)s: %(ground)s (%(point)s)")
                % {
                    "outcome": event.get_kind_display(),
                    "ground": ground_label(event.reason_code),
                    "point": event.legal_point,
                },
            )
        )
    return PublicDeferralList(
        org_unit.name, year, rows[EventKind.DEFERRAL], rows[EventKind.EXEMPTION]
    )
