"""Who may see and change what: the one scoping helper every selector uses.

A user's scope is the union of the subtrees of the org units in their active
role assignments. A role held at a military command covers the area the command
serves (Ban CHQS xã Dương Quang covers Xã Dương Quang). Outside the scope a
record does not exist for the user (404); inside it, a role without write right
gets 403 on any change.
"""

from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from qsdp.accounts.models import Role, RoleAssignment, User
from qsdp.orgunits.models import OrgUnit

READ_ROLES = frozenset({Role.COMMUNE_OFFICER, Role.COMMAND_STAFF, Role.LEADER, Role.ADMIN})
WRITE_ROLES = frozenset({Role.COMMUNE_OFFICER, Role.COMMAND_STAFF, Role.ADMIN})
AUDIT_ROLES = frozenset({Role.AUDITOR, Role.ADMIN})
ROOT = "/"

M = TypeVar("M", bound=Model)


@dataclass(frozen=True)
class Scope:
    read_paths: frozenset[str]
    write_paths: frozenset[str]
    roles: frozenset[str]
    # (role, path) of each assignment: the subtree where the user holds that role.
    role_paths: frozenset[tuple[str, str]] = frozenset()

    def paths_of(self, *roles: str) -> frozenset[str]:
        """The subtrees where the user holds one of ``roles`` (everything for an
        administrator)."""
        if self.is_admin:
            return frozenset({ROOT})
        return frozenset(path for role, path in self.role_paths if role in roles)

    @property
    def audit_paths(self) -> frozenset[str]:
        """The subtrees whose people's audit trail and access log the user reads."""
        return self.paths_of(Role.AUDITOR)

    @property
    def can_audit(self) -> bool:
        return bool(self.roles & AUDIT_ROLES)

    @property
    def is_admin(self) -> bool:
        return Role.ADMIN in self.roles

    def q(self, *path_fields: str, write: bool = False) -> Q:
        """A filter matching rows whose unit path (any of ``path_fields``) lies
        inside the scope. An empty scope matches nothing."""
        paths = self.write_paths if write else self.read_paths
        if ROOT in paths:
            return Q()
        condition = Q(pk__in=[])
        for field in path_fields:
            for prefix in paths:
                condition |= Q(**{f"{field}__startswith": prefix})
        return condition

    def covers(self, path: str, *, write: bool = False) -> bool:
        paths = self.write_paths if write else self.read_paths
        return any(path.startswith(prefix) for prefix in paths)


def _today() -> date:
    return timezone.localdate()


def scope_for(user: User, on: date | None = None) -> Scope:
    """The scope of ``user`` on ``on`` (today by default), cached per request."""
    on = on or _today()
    cache_key = f"_qsdp_scope_{on.isoformat()}"
    cached: Scope | None = getattr(user, cache_key, None)
    if cached is not None:
        return cached
    if not user.is_authenticated or not user.is_active:
        scope = Scope(frozenset(), frozenset(), frozenset())
    else:
        assignments = (
            RoleAssignment.objects.filter(user=user, valid_from__lte=on)
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
            .select_related("org_unit__serves")
        )
        read: set[str] = set()
        write: set[str] = set()
        held: set[tuple[str, str]] = set()
        roles: set[str] = set()
        if user.is_superuser:
            roles.add(Role.ADMIN)
        for assignment in assignments:
            roles.add(assignment.role)
            unit = assignment.org_unit.serves or assignment.org_unit
            if assignment.role in READ_ROLES:
                read.add(unit.path)
            if assignment.role in WRITE_ROLES:
                write.add(unit.path)
            held.add((assignment.role, unit.path))
        if Role.ADMIN in roles:
            read, write = {ROOT}, {ROOT}
        scope = Scope(frozenset(read), frozenset(write), frozenset(roles), frozenset(held))
    setattr(user, cache_key, scope)
    return scope


def scoped(
    queryset: QuerySet[M], user: User, *path_fields: str, write: bool = False
) -> QuerySet[M]:
    """``queryset`` narrowed to the rows the user may read (or change)."""
    return queryset.filter(scope_for(user).q(*path_fields, write=write))


def units_in_scope(user: User, *, write: bool = False) -> QuerySet[OrgUnit]:
    """The org units the user may read (or change) records of."""
    return OrgUnit.objects.filter(scope_for(user).q("path", write=write))


def get_scoped_or_404(queryset: QuerySet[M], user: User, *path_fields: str, **lookup: object) -> M:
    """One row of ``queryset`` inside the user's read scope, else 404."""
    try:
        return scoped(queryset, user, *path_fields).distinct().get(**lookup)
    except ObjectDoesNotExist:
        raise Http404(_("No such record in your area.")) from None


def require_write(user: User, *paths: str) -> None:
    """403 unless the user may change records under one of ``paths``.

    Call it after the record was read through a selector (which already gave
    404 outside the read scope)."""
    scope = scope_for(user)
    if not any(scope.covers(path, write=True) for path in paths if path):
        raise PermissionDenied(_("Your role may view these records but not change them."))


def require_audit(user: User) -> None:
    if not scope_for(user).can_audit:
        raise PermissionDenied(_("Only auditors may read the audit trail."))
