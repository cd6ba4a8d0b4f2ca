"""Django permissions for administrators.

qsdp decides access by role assignments and org-unit scope (``scoping.py``),
not by Django's per-model permissions. The only user of those permissions is
the Django admin, which only administrators may enter (``admin_site.py``): an
administrator may do there everything the admin offers.
"""

from django.contrib.auth.backends import BaseBackend
from django.db.models import Model

from qsdp.accounts.models import User
from qsdp.accounts.scoping import scope_for


class AdminRoleBackend(BaseBackend):
    """Grants every permission to an active user with an administrator's scope.

    It authenticates no one: passwords stay with ModelBackend behind axes."""

    def has_perm(self, user_obj: User, perm: str, obj: Model | None = None) -> bool:  # type: ignore[override]
        return bool(user_obj.is_active and scope_for(user_obj).is_admin)

    def has_module_perms(self, user_obj: User, app_label: str) -> bool:
        return bool(user_obj.is_active and scope_for(user_obj).is_admin)
