"""The reserve register as the user may see it: reservists (scoped by the person's
commune), one reservist, and the returnees waiting to be recorded."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from qsdp.accounts.models import User
from qsdp.accounts.scoping import get_scoped_or_404, scope_for
from qsdp.core.text import fold
from qsdp.military_service.models import ServiceEvent
from qsdp.military_service.rules.cycle import EventKind
from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person
from qsdp.reserves.models import (
    Arrangement,
    CommanderDecision,
    ReserveReview,
    ReserveUnit,
    Reservist,
)
from qsdp.reserves.selectors.arrangement import arranged_on_q
from qsdp.reserves.selectors.units import unit_subtree_ids

RESERVIST_PATHS = ("person__org_unit__path",)


class Arranged:
    YES = "yes"
    NO = "no"


class RegisterStatus:
    ACTIVE = "active"
    REMOVED = "removed"
    ALL = "all"


@dataclass(frozen=True)
class ReservistFilters:
    q: str = ""
    org_unit: OrgUnit | None = None
    reserve_class: int | None = None
    specialty: str = ""
    arranged: str = ""
    unit: ReserveUnit | None = None
    status: str = RegisterStatus.ACTIVE


def visible_reservists(user: User) -> QuerySet[Reservist]:
    return Reservist.objects.filter(scope_for(user).q(*RESERVIST_PATHS))


def in_register_q(on: date, prefix: str = "") -> Q:
    return Q(**{f"{prefix}registered_on__lte": on}) & (
        Q(**{f"{prefix}removed_on__isnull": True}) | Q(**{f"{prefix}removed_on__gt": on})
    )


def current_arrangements(
    on: date, lookup: str = "arrangements"
) -> "Prefetch[str, QuerySet[Arrangement], str]":
    """Prefetch the arrangement holding on ``on`` into ``current`` (a list of 0 or 1)."""
    held = Arrangement.objects.filter(arranged_on_q(on)).select_related("post__unit")
    return Prefetch(lookup, held, to_attr="current")


def reservist_list(*, user: User, filters: ReservistFilters, on: date) -> QuerySet[Reservist]:
    """Reservists the user may see, filtered; their arrangement on ``on`` prefetched
    into ``current``; ordered as registers are (tên, họ, đệm)."""
    rows = visible_reservists(user)
    if filters.status == RegisterStatus.ACTIVE:
        rows = rows.filter(in_register_q(on))
    elif filters.status == RegisterStatus.REMOVED:
        rows = rows.filter(removed_on__lte=on)
    query = filters.q.strip()
    if query:
        rows = rows.filter(person__search_name__contains=fold(query))
    if filters.org_unit is not None:
        rows = rows.filter(person__org_unit__path__startswith=filters.org_unit.path)
    if filters.reserve_class:
        rows = rows.filter(reserve_class=filters.reserve_class)
    if filters.specialty.strip():
        code = filters.specialty.strip()
        rows = rows.filter(Q(specialty_code__iexact=code) | Q(specialty_name__icontains=code))
    held = Arrangement.objects.filter(arranged_on_q(on), reservist=OuterRef("pk"))
    if filters.arranged == Arranged.YES:
        rows = rows.filter(Exists(held))
    elif filters.arranged == Arranged.NO:
        rows = rows.filter(~Exists(held))
    if filters.unit is not None:
        rows = rows.filter(Exists(held.filter(post__unit_id__in=unit_subtree_ids(filters.unit))))
    return (
        rows.select_related("person__org_unit", "managed_by")
        .prefetch_related(current_arrangements(on))
        .order_by("person__sort_name", "id")
    )


def reservist_get(*, user: User, pk: int) -> Reservist:
    """One reservist the user may see, else 404."""
    return get_scoped_or_404(
        Reservist.objects.select_related("person__org_unit", "managed_by"),
        user,
        *RESERVIST_PATHS,
        pk=pk,
    )


def reservist_of_person(*, user: User, person: Person) -> Reservist | None:
    return visible_reservists(user).filter(person=person).select_related("managed_by").first()


@dataclass(frozen=True)
class ReservistHistory:
    arrangements: list[Arrangement]
    reviews: list[ReserveReview]
    decisions: list[CommanderDecision]


def reservist_history(*, reservist: Reservist) -> ReservistHistory:
    return ReservistHistory(
        arrangements=list(
            reservist.arrangements.select_related("post__unit").order_by("-arranged_on", "-id")
        ),
        reviews=list(reservist.reviews.order_by("-year")),
        decisions=list(reservist.decisions.select_related("unit").order_by("-decided_on", "-id")),
    )


def returnees_awaiting(*, user: User) -> QuerySet[Person]:
    """People the user may see whose reserve registration is in the military-service
    register but who are not yet in the reserve register; ``reserve_registered_on``
    is the date of that registration."""
    registration = ServiceEvent.objects.filter(
        person=OuterRef("pk"), kind=EventKind.RESERVE_REGISTRATION, cancelled_on__isnull=True
    ).order_by("-occurred_on", "-id")
    return (
        Person.objects.filter(scope_for(user).q("org_unit__path"))
        .filter(Exists(registration), reservist__isnull=True)
        .annotate(reserve_registered_on=registration.values("occurred_on")[:1])
        .select_related("org_unit")
        .order_by("sort_name", "id")
    )


def arrangement_get(*, user: User, pk: int) -> Arrangement:
    """One arrangement of a reservist the user may see, else 404."""
    return get_scoped_or_404(
        Arrangement.objects.select_related("post__unit", "reservist__person__org_unit"),
        user,
        *(f"reservist__{path}" for path in RESERVIST_PATHS),
        pk=pk,
    )
