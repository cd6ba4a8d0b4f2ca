"""What the operations pages share: the units of the user's area that hold
drills, duty and directives, and the template of their form pages (with the
operations sub-navigation, for ``qsdp.core.forms.form_page``)."""

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.scoping import require_write, scope_for, units_in_scope
from qsdp.core.lists import paginate, render_list
from qsdp.operations import rules
from qsdp.orgunits.models import OrgUnit
from qsdp.orgunits.selectors import open_on

__all__ = ["FORM_PAGE", "op_units", "paginate", "render_list", "require_some_unit"]

FORM_PAGE = "operations/form_page.html"


def op_units(request: AuthedRequest, *, write: bool = False) -> QuerySet[OrgUnit]:
    """The provinces, districts and communes of the user's area open today."""
    return (
        units_in_scope(request.user, write=write)
        .filter(open_on(timezone.localdate()), kind__in=rules.DRILL_UNIT_KINDS)
        .order_by("level", "name", "id")
    )


def require_some_unit(request: AuthedRequest) -> QuerySet[OrgUnit]:
    """The units the user may change records of, or 403 when there are none."""
    units = op_units(request, write=True)
    if not units.exists():
        require_write(request.user, "")  # raises 403
    return units


def can_write(request: AuthedRequest, unit: OrgUnit) -> bool:
    return scope_for(request.user).covers(unit.path, write=True)


def as_int(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default
