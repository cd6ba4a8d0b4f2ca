"""What the operations selectors share: scoping by the unit a record belongs to."""

from datetime import date
from typing import TypeVar

from django.db.models import Model, Q, QuerySet

from qsdp.accounts.models import User
from qsdp.accounts.scoping import scope_for
from qsdp.orgunits.models import OrgUnit

M = TypeVar("M", bound=Model)


def visible(queryset: QuerySet[M], user: User, *paths: str) -> QuerySet[M]:
    """The rows whose unit (any of ``paths``, ``org_unit__path`` by default)
    lies in the user's read scope."""
    return queryset.filter(scope_for(user).q(*(paths or ("org_unit__path",))))


def in_subtree(unit: OrgUnit | None, field: str = "org_unit__path") -> Q:
    return Q() if unit is None else Q(**{f"{field}__startswith": unit.path})


def year_bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)
