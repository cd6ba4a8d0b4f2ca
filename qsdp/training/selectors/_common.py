"""What the training selectors share: scoping through the unit of a plan, a
course or a roster entry, where a military command is seen by the users of the
area it serves (``org_unit__serves__path``)."""

from typing import TypeVar

from django.db.models import Model, Q, QuerySet

from qsdp.accounts.models import User
from qsdp.accounts.scoping import scope_for
from qsdp.orgunits.models import OrgUnit

M = TypeVar("M", bound=Model)

UNIT_PATHS = ("org_unit__path", "org_unit__serves__path")


def prefixed(prefix: str) -> tuple[str, ...]:
    return tuple(f"{prefix}{path}" for path in UNIT_PATHS)


def visible(queryset: QuerySet[M], user: User, prefix: str = "") -> QuerySet[M]:
    return queryset.filter(scope_for(user).q(*prefixed(prefix)))


def in_area(unit: OrgUnit | None, prefix: str = "") -> Q:
    """Rows whose unit (a command: the area it serves) lies in ``unit``'s subtree."""
    if unit is None:
        return Q()
    return Q(**{f"{prefix}org_unit__path__startswith": unit.path}) | Q(
        **{f"{prefix}org_unit__serves__path__startswith": unit.path}
    )
