"""What the militia pages share: the user's communes, pages of rows."""

from django.db.models import QuerySet
from django.utils import timezone

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.scoping import require_write, scope_for

# The list helpers of the military-service pages serve these pages as they are.
from qsdp.core.lists import PageOfRows, back_to, paginate, render_list
from qsdp.orgunits.models import OrgUnit
from qsdp.people.forms import unit_choices

__all__ = [
    "PageOfRows",
    "area_name",
    "back_to",
    "can_write",
    "communes",
    "paginate",
    "render_list",
    "require_some_write",
    "this_year",
]


def this_year() -> int:
    return timezone.localdate().year


def communes(request: AuthedRequest, *, write: bool = False) -> QuerySet[OrgUnit]:
    """The communes and wards of the user's area (to read, or to change)."""
    return unit_choices(OrgUnit.objects.filter(scope_for(request.user).q("path", write=write)))


def area_name(request: AuthedRequest) -> str:
    """The units of the user's roles ("Thành phố Bắc Kạn"), for a document's header."""
    paths = scope_for(request.user).read_paths
    units = OrgUnit.objects.filter(path__in=paths).order_by("path")
    return ", ".join(unit.name for unit in units)


def can_write(request: AuthedRequest, unit: OrgUnit) -> bool:
    return scope_for(request.user).covers(unit.path, write=True)


def require_some_write(request: AuthedRequest) -> QuerySet[OrgUnit]:
    """The communes the user may change, or 403 when there are none."""
    units = communes(request, write=True)
    if not units.exists():
        require_write(request.user, "")  # raises 403
    return units
