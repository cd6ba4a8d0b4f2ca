"""What the militia selectors share: scoping.

A militia record (a member, a decision, a registration) is seen where its
person is managed now (``person__org_unit__path``, the house rule) and where it
was recorded (``org_unit__path``), so a member who moved away stays in the old
commune's history and appears to the new one."""

from typing import TypeVar

from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from qsdp.accounts.models import User
from qsdp.accounts.scoping import scope_for
from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person

M = TypeVar("M", bound=Model)

RECORD_PATHS = ("person__org_unit__path", "org_unit__path")
MEMBER_RECORD_PATHS = tuple(f"member__{path}" for path in RECORD_PATHS)


def visible(queryset: QuerySet[M], user: User, *paths: str) -> QuerySet[M]:
    """The records of ``queryset`` in the user's scope by ``paths``, by default
    ``RECORD_PATHS``: where the record was made, or where its person is managed.

    By default the record's own unit is tested first, and the person's unit only
    when it fails, in a subquery: almost every record is in scope by its own unit,
    so a list neither joins nor reads every person (a province's 5,769 militia
    members were counted in 24 ms with the join, in 2 ms without)."""
    scope = scope_for(user)
    if paths:
        return queryset.filter(scope.q(*paths))
    own = scope.q("org_unit__path")
    if not own:  # the whole tree
        return queryset
    person = Person.all_objects.filter(own, pk=OuterRef("person_id"))
    return queryset.filter(own | Q(Exists(person)))


def in_subtree(unit: OrgUnit | None, field: str) -> Q:
    return Q() if unit is None else Q(**{f"{field}__startswith": unit.path})


def require_unit_in_scope(user: User, unit: OrgUnit) -> None:
    """404 unless the unit lies inside the user's read scope."""
    if not scope_for(user).covers(unit.path):
        raise Http404(_("No such record in your area."))
