"""Who may do what with awards.

Scoping (``qsdp.accounts.scoping``) gives read to every role of the area and
write to commune officers, command staff and administrators; the leader
(the chairman of the People's Committee) reads only. On top of it:

- a commune officer proposes for his commune: creates, edits and submits
  proposals of the units he may change;
- the command staff reviews (recommends or rejects) and records the decisions
  and revocations: the chairman signs the decision on paper, and his military
  command, the standing body for local-defence emulation, enters it. The
  leader's role stays read-only, as everywhere in the product; a leader who
  should enter decisions is given a command-staff assignment.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from qsdp.accounts.models import Role, RoleAssignment, User
from qsdp.accounts.scoping import ROOT, require_write

REVIEW_ROLES = (Role.COMMAND_STAFF, Role.ADMIN)


def reviewer_paths(user: User) -> frozenset[str]:
    """The subtrees where ``user`` reviews and decides (as command staff or admin),
    read once per request like ``scope_for`` (the pages ask it unit by unit)."""
    today = timezone.localdate()
    cache_key = f"_qsdp_award_reviewer_paths_{today.isoformat()}"
    cached: frozenset[str] | None = getattr(user, cache_key, None)
    if cached is not None:
        return cached
    paths: set[str] = set()
    if user.is_authenticated and user.is_active:
        if user.is_superuser:
            paths.add(ROOT)
        assignments = (
            RoleAssignment.objects.filter(user=user, role__in=REVIEW_ROLES, valid_from__lte=today)
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
            .select_related("org_unit__serves")
        )
        for assignment in assignments:
            if assignment.role == Role.ADMIN:
                paths.add(ROOT)
            else:
                paths.add((assignment.org_unit.serves or assignment.org_unit).path)
    found = frozenset(paths)
    setattr(user, cache_key, found)
    return found


def can_review(user: User, path: str) -> bool:
    return any(prefix == ROOT or path.startswith(prefix) for prefix in reviewer_paths(user))


def require_reviewer(user: User, path: str) -> None:
    """403 unless ``user`` may review and decide awards under ``path``."""
    require_write(user, path)
    if not can_review(user, path):
        raise PermissionDenied(_("Only the command staff reviews and decides awards."))
