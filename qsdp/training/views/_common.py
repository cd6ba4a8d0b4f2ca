"""What the training pages share: the units a user may pick, the people of an
area, write rights on a unit (a command: the area it serves)."""

from django.db.models import Q, QuerySet

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.scoping import require_write, scope_for
from qsdp.militia.views._common import (
    area_name,
    back_to,
    paginate,
    render_list,
    this_year,
)
from qsdp.orgunits.models import MILITARY_KINDS, OrgUnit, OrgUnitKind
from qsdp.people.models import Person
from qsdp.training.selectors import area_of
from qsdp.training.services.plans import PLAN_UNIT_KINDS

__all__ = [
    "area_name",
    "back_to",
    "can_write",
    "filter_units",
    "paginate",
    "people_in",
    "people_of",
    "render_list",
    "require_some_write",
    "this_year",
    "write_units",
]

VISIBLE_THROUGH = ("path", "serves__path")


def filter_units(request: AuthedRequest) -> QuerySet[OrgUnit]:
    """The administrative units of the user's area a list can be narrowed to."""
    return (
        OrgUnit.objects.filter(scope_for(request.user).q("path"))
        .exclude(kind__in=[OrgUnitKind.VILLAGE, *MILITARY_KINDS])
        .order_by("path")
    )


def write_units(
    request: AuthedRequest, *, kinds: frozenset[str] = PLAN_UNIT_KINDS
) -> QuerySet[OrgUnit]:
    """The communes, wards and commands whose records the user may change."""
    return (
        OrgUnit.objects.filter(scope_for(request.user).q(*VISIBLE_THROUGH, write=True))
        .filter(kind__in=kinds)
        .select_related("serves")
        .order_by("name")
    )


def require_some_write(request: AuthedRequest, **kwargs: frozenset[str]) -> QuerySet[OrgUnit]:
    units = write_units(request, **kwargs)
    if not units.exists():
        require_write(request.user, "")  # raises 403
    return units


def can_write(request: AuthedRequest, unit: OrgUnit) -> bool:
    return scope_for(request.user).covers(area_of(unit).path, write=True)


def people_of(unit: OrgUnit) -> QuerySet[Person]:
    return Person.objects.filter(org_unit__path__startswith=area_of(unit).path)


def people_in(units: QuerySet[OrgUnit]) -> QuerySet[Person]:
    """The people registered in the areas of ``units``."""
    condition = Q(pk__in=[])
    for unit in units:
        condition |= Q(org_unit__path__startswith=area_of(unit).path)
    return Person.objects.filter(condition)
