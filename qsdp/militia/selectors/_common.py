"""What the militia selectors share: scoping.

A militia record (a member, a decision, a registration) is seen where its
person is managed now (``person__org_unit__path``, the house rule) and where it
was recorded (``org_unit__path``), so a member who moved away stays in the old
commune's history and appears to the new one."""

from typing import TypeVar

from django.db.models import Model, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from qsdp.accounts.models import User
from qsdp.accounts.scoping import scope_for
from qsdp.orgunits.models import OrgUnit

M = TypeVar("M", bound=Model)

RECORD_PATHS = ("person__org_unit__path", "org_unit__path")
MEMBER_RECORD_PATHS = tuple(f"member__{path}" for path in RECORD_PATHS)


def visible(queryset: QuerySet[M], user: User, *paths: str) -> QuerySet[M]:
    return queryset.filter(scope_for(user).q(*(paths or RECORD_PATHS)))


def in_subtree(unit: OrgUnit | None, field: str) -> Q:
    return Q() if unit is None else Q(**{f"{field}__startswith": unit.path})


def require_unit_in_scope(user: User, unit: OrgUnit) -> None:
    """404 unless the unit lies inside the user's read scope."""
    if not scope_for(user).covers(unit.path):
        raise Http404(_("No such record in your area."))
