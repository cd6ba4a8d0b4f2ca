"""Who may act on reporting: the roles matter, not only the scope.

Targets and approval belong to the command (command staff whose area covers
the unit); submission to the commune officer of the unit, or to the command
staff for the command's own area. A leader reads everything and changes
nothing; ``require_write`` alone would let a commune officer approve.
"""

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from qsdp.accounts.models import Role
from qsdp.accounts.scoping import scope_for


def role_areas(actor: Any, role: str, on: date | None = None) -> list[str]:
    """The paths of the areas where ``actor`` holds ``role`` on ``on`` (a role at a
    military command holds for the area it serves)."""
    return sorted(path for held, path in scope_for(actor, on).role_paths if held == role)


def user_or_none(actor: Any) -> Any:
    """The user to store as who acted: none for a loader (no saved user)."""
    return actor if getattr(actor, "pk", None) else None


def is_admin(actor: Any) -> bool:
    return actor is not None and scope_for(actor).is_admin


def command_covers(actor: Any, path: str) -> bool:
    """Whether ``actor`` is command staff over ``path`` (or an administrator);
    no actor (a loader) may."""
    if actor is None or is_admin(actor):
        return True
    return any(path.startswith(area) for area in role_areas(actor, Role.COMMAND_STAFF))


def require_command(actor: Any, path: str) -> None:
    if not command_covers(actor, path):
        raise PermissionDenied(_("Only the staff of the supervising command may do this."))


def may_submit(actor: Any, path: str) -> bool:
    """The commune officer of the unit, or the command staff of its own area."""
    if actor is None or is_admin(actor):
        return True
    if any(path.startswith(area) for area in role_areas(actor, Role.COMMUNE_OFFICER)):
        return True
    return path in role_areas(actor, Role.COMMAND_STAFF)


def require_submitter(actor: Any, path: str) -> None:
    if not may_submit(actor, path):
        raise PermissionDenied(_("Only the military command of the unit may submit its data."))
