"""What the awards pages share: the units of the user's area."""

from django.db.models import QuerySet
from django.utils import timezone

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.scoping import require_write, units_in_scope
from qsdp.orgunits.models import COMMUNE_LEVEL_KINDS, OrgUnit, OrgUnitKind
from qsdp.orgunits.selectors import open_on

# The units that propose and decide: administrative units above the village.
AWARD_UNIT_KINDS = (OrgUnitKind.PROVINCE, OrgUnitKind.DISTRICT, *COMMUNE_LEVEL_KINDS)


def award_units(request: AuthedRequest, *, write: bool = False) -> QuerySet[OrgUnit]:
    return (
        units_in_scope(request.user, write=write)
        .filter(open_on(timezone.localdate()), kind__in=AWARD_UNIT_KINDS)
        .order_by("level", "name", "id")
    )


def deciding_units(request: AuthedRequest) -> QuerySet[OrgUnit]:
    """Every unit the user may change, commands included (a command's
    commander decides his own awards)."""
    return (
        units_in_scope(request.user, write=True)
        .filter(open_on(timezone.localdate()))
        .exclude(kind=OrgUnitKind.VILLAGE)
        .order_by("level", "name", "id")
    )


def require_some_unit(request: AuthedRequest) -> QuerySet[OrgUnit]:
    units = award_units(request, write=True)
    if not units.exists():
        require_write(request.user, "")  # raises 403
    return units
