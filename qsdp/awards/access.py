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
from django.utils.translation import gettext as _

from qsdp.accounts.models import Role, User
from qsdp.accounts.scoping import ROOT, require_write, scope_for

REVIEW_ROLES = (Role.COMMAND_STAFF, Role.ADMIN)


def reviewer_paths(user: User) -> frozenset[str]:
    """The subtrees where ``user`` reviews and decides (as command staff or admin)."""
    return scope_for(user).paths_of(*REVIEW_ROLES)


def can_review(user: User, path: str) -> bool:
    return any(prefix == ROOT or path.startswith(prefix) for prefix in reviewer_paths(user))


def require_reviewer(user: User, path: str) -> None:
    """403 unless ``user`` may review and decide awards under ``path``."""
    require_write(user, path)
    if not can_review(user, path):
        raise PermissionDenied(_("Only the command staff reviews and decides awards."))
