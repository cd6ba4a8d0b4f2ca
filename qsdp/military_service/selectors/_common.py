"""What the military-service selectors share: scoping and the live events."""

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from qsdp.accounts.models import User
from qsdp.accounts.scoping import get_scoped_or_404, scope_for
from qsdp.military_service import rules
from qsdp.military_service.models import ServiceEvent
from qsdp.military_service.rules.cycle import EventKind
from qsdp.military_service.rules.deferral import GROUND_LABELS
from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person, Residence, ResidenceKind

# An event is seen where its person is managed or where it was recorded.
EVENT_PATHS = ("person__org_unit__path", "org_unit__path")


def visible_events(user: User) -> QuerySet[ServiceEvent]:
    return ServiceEvent.objects.filter(scope_for(user).q(*EVENT_PATHS))


def live(kind: EventKind | None = None, **lookups: object) -> QuerySet[ServiceEvent]:
    events = ServiceEvent.objects.filter(cancelled_on__isnull=True, **lookups)
    return events.filter(kind=kind) if kind is not None else events


def has_live(kind: EventKind, person_ref: str = "pk", **lookups: object) -> Exists:
    """``EXISTS`` a live event of ``kind`` for the person of the outer row."""
    return Exists(live(kind, person=OuterRef(person_ref), **lookups))


def in_subtree(unit: OrgUnit | None, field: str) -> Q:
    return Q() if unit is None else Q(**{f"{field}__startswith": unit.path})


def require_unit_in_scope(user: User, unit: OrgUnit) -> None:
    """404 unless the unit lies inside the user's read scope."""
    if not scope_for(user).covers(unit.path):
        raise Http404(_("No such record in your area."))


def ground_label(reason_code: str) -> str:
    """The ground as people read it ("Đang học đại học chính quy"), or the code itself."""
    try:
        return str(GROUND_LABELS[rules.ReasonCode(reason_code)])
    except ValueError:
        return reason_code


def service_event_get(*, user: User, pk: int) -> ServiceEvent:
    """One event the user may see, else 404 (for the cancel page)."""
    return get_scoped_or_404(
        ServiceEvent.objects.select_related("person__org_unit", "org_unit"),
        user,
        *EVENT_PATHS,
        pk=pk,
    )


def permanent_residences(lookup: str = "person__residences") -> Prefetch:
    """Prefetch the open permanent residence into ``permanent`` (for ``residence_text``)."""
    current = Residence.objects.filter(
        kind=ResidenceKind.PERMANENT, ended_on__isnull=True
    ).select_related("org_unit")
    return Prefetch(lookup, current, to_attr="permanent")


def residence_text(person: Person) -> str:
    """ "Thôn Nà Pài, Xã Dương Quang": the open permanent residence as documents
    write it (``permanent_residences`` prefetched), else the person's address.
    The unit is not repeated when the address already names it."""
    residences: list[Residence] = getattr(person, "permanent", [])
    if not residences:
        return person.address
    address, unit = residences[0].address, residences[0].org_unit.name
    if address and unit.casefold() in address.casefold():
        return address
    return ", ".join(p for p in (address, unit) if p)
