"""The roster of grassroots propagandists as the user may see it."""

from dataclasses import dataclass

from django.db.models import Count, Max, QuerySet

from qsdp.accounts.models import User
from qsdp.accounts.scoping import get_scoped_or_404
from qsdp.orgunits.models import OrgUnit
from qsdp.training.models import Propagandist, PropagandistTraining
from qsdp.training.selectors._common import in_area, prefixed, visible


class RosterStatus:
    CURRENT = "current"
    LEFT = "left"
    ALL = "all"


@dataclass(frozen=True)
class PropagandistFilters:
    org_unit: OrgUnit | None = None
    status: str = RosterStatus.CURRENT


def propagandist_list(*, user: User, filters: PropagandistFilters) -> QuerySet[Propagandist]:
    """Propagandists with the number of trainings and the last one's date."""
    roster = visible(Propagandist.objects.all(), user).filter(in_area(filters.org_unit))
    if filters.status == RosterStatus.CURRENT:
        roster = roster.filter(left_on__isnull=True)
    elif filters.status == RosterStatus.LEFT:
        roster = roster.filter(left_on__isnull=False)
    return (
        roster.annotate(
            training_count=Count("trainings"), last_trained=Max("trainings__trained_on")
        )
        .select_related("org_unit", "person")
        .order_by("org_unit__path", "full_name", "id")
    )


def propagandist_get(*, user: User, pk: int) -> Propagandist:
    return get_scoped_or_404(
        Propagandist.objects.select_related("org_unit__serves", "person"),
        user,
        *prefixed(""),
        pk=pk,
    )


def propagandist_trainings(*, propagandist: Propagandist) -> QuerySet[PropagandistTraining]:
    return (
        PropagandistTraining.objects.filter(propagandist=propagandist)
        .select_related("result")
        .order_by("-trained_on", "-id")
    )
