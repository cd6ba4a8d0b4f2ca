from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from qsdp.accounts.scoping import scope_for


def navigation(request: HttpRequest) -> dict[str, object]:
    """The main menu: only the areas that exist and that the user may open."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    scope = scope_for(user)
    items: list[tuple[str, str]] = [(reverse("home"), _("Home"))]
    if scope.read_paths:
        items.append((reverse("people:person-list"), _("People")))
        items.append((reverse("orgunits:tree"), _("Units")))
    if scope.is_admin:
        items.append((reverse("admin:index"), _("Administration")))
    current = request.path
    nav_items = [
        {
            "url": url,
            "label": label,
            "active": url == current or (url != "/" and current.startswith(url)),
        }
        for url, label in items
    ]
    return {"nav_items": nav_items, "user_scope": scope}
