"""Patrols, incidents and hot spots."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet

from qsdp.accounts.models import User
from qsdp.accounts.scoping import get_scoped_or_404
from qsdp.operations.models import Incident, IncidentFollowUp, Patrol
from qsdp.operations.selectors._common import in_subtree, visible
from qsdp.orgunits.models import OrgUnit


@dataclass(frozen=True)
class OrderFilters:
    year: int | None = None
    org_unit: OrgUnit | None = None
    status: str = ""
    hot_spots_only: bool = False


def patrol_list(*, user: User, filters: OrderFilters) -> QuerySet[Patrol]:
    patrols = visible(Patrol.objects.all(), user).filter(in_subtree(filters.org_unit))
    if filters.year:
        patrols = patrols.filter(on__year=filters.year)
    return patrols.select_related("org_unit").order_by("-on", "-id")


def patrol_get(*, user: User, pk: int) -> Patrol:
    return get_scoped_or_404(
        Patrol.objects.select_related("org_unit"), user, "org_unit__path", pk=pk
    )


def incident_list(*, user: User, filters: OrderFilters) -> QuerySet[Incident]:
    incidents = visible(Incident.objects.all(), user).filter(in_subtree(filters.org_unit))
    if filters.year:
        incidents = incidents.filter(reported_on__year=filters.year)
    if filters.status:
        incidents = incidents.filter(status=filters.status)
    if filters.hot_spots_only:
        incidents = incidents.filter(is_hot_spot=True)
    return (
        incidents.select_related("org_unit")
        .annotate(follow_up_count=Count("follow_ups"))
        .order_by("-reported_on", "-id")
    )


def incident_get(*, user: User, pk: int) -> Incident:
    follow_ups = Prefetch("follow_ups", queryset=IncidentFollowUp.objects.order_by("on", "id"))
    return get_scoped_or_404(
        Incident.objects.select_related("org_unit").prefetch_related(follow_ups),
        user,
        "org_unit__path",
        pk=pk,
    )
