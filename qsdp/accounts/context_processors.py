from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

from qsdp.accounts.models import Role
from qsdp.accounts.scoping import Scope, scope_for


@dataclass(frozen=True)
class Area:
    url_name: str
    label: str | Promise
    allowed: Callable[[Scope], bool]


# The main menu, in order, each area with who may open it.
# The labels have a context of their own: Django's admin translates
# "Administration" differently, and its catalogue would win.
AREAS = (
    Area("home", pgettext_lazy("main menu", "Home"), lambda scope: True),
    Area(
        "people:person-list",
        pgettext_lazy("main menu", "People"),
        lambda scope: bool(scope.read_paths),
    ),
    Area(
        "military_service:overview",
        pgettext_lazy("main menu", "Military service"),
        lambda scope: bool(scope.read_paths),
    ),
    Area(
        "reserves:reservist-list",
        pgettext_lazy("main menu", "Reserve forces"),
        lambda scope: bool(scope.read_paths),
    ),
    Area(
        "militia:member-list",
        pgettext_lazy("main menu", "Militia"),
        lambda scope: bool(scope.read_paths),
    ),
    Area(
        "training:plan-list",
        pgettext_lazy("main menu", "Training"),
        lambda scope: bool(scope.read_paths),
    ),
    Area(
        "operations:drill-plan-list",
        pgettext_lazy("main menu", "Drills and duty"),
        lambda scope: bool(scope.read_paths),
    ),
    Area(
        "reporting:home",
        pgettext_lazy("main menu", "Reports"),
        lambda scope: bool(scope.read_paths),
    ),
    Area(
        "awards:award-list",
        pgettext_lazy("main menu", "Awards"),
        lambda scope: bool(scope.read_paths),
    ),
    Area(
        "imports:job-list",
        pgettext_lazy("main menu", "Import"),
        lambda scope: bool(scope.write_paths),
    ),
    Area(
        "orgunits:tree", pgettext_lazy("main menu", "Units"), lambda scope: bool(scope.read_paths)
    ),
    Area("audit:log", pgettext_lazy("main menu", "Audit"), lambda scope: scope.can_audit),
    Area("admin:index", pgettext_lazy("main menu", "Administration"), lambda scope: scope.is_admin),
)


def _is_active(url: str, current: str) -> bool:
    return url == current or (url != "/" and current.startswith(url))


def navigation(request: HttpRequest) -> dict[str, object]:
    """The main menu (only the areas the user may open) and the user's roles."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    scope = scope_for(user)
    nav_items = []
    for area in AREAS:
        if area.allowed(scope):
            url = reverse(area.url_name)
            nav_items.append(
                {"url": url, "label": area.label, "active": _is_active(url, request.path)}
            )
    roles = [role.label for role in Role if role in scope.roles]
    return {"nav_items": nav_items, "user_scope": scope, "user_roles": roles}
