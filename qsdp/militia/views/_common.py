"""What the militia pages share: the user's communes, pages of rows, and the
form page that runs one service (read through a selector → 404, require write
→ 403, run the service through the form → its refusal on the form)."""

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.scoping import require_write, scope_for
from qsdp.core.forms import submitted

# The list helpers of the military-service pages serve these pages as they are.
from qsdp.core.lists import PageOfRows, back_to, paginate, render_list
from qsdp.orgunits.models import OrgUnit
from qsdp.people.forms import unit_choices

__all__ = [
    "PageOfRows",
    "area_name",
    "back_to",
    "can_write",
    "communes",
    "form_page",
    "paginate",
    "render_list",
    "require_some_write",
    "this_year",
]

T = TypeVar("T")
FORM_PAGE = "militia/form_page.html"


def this_year() -> int:
    return timezone.localdate().year


def communes(request: AuthedRequest, *, write: bool = False) -> QuerySet[OrgUnit]:
    """The communes and wards of the user's area (to read, or to change)."""
    return unit_choices(OrgUnit.objects.filter(scope_for(request.user).q("path", write=write)))


def area_name(request: AuthedRequest) -> str:
    """The units of the user's roles ("Thành phố Bắc Kạn"), for a document's header."""
    paths = scope_for(request.user).read_paths
    units = OrgUnit.objects.filter(path__in=paths).order_by("path")
    return ", ".join(unit.name for unit in units)


def can_write(request: AuthedRequest, unit: OrgUnit) -> bool:
    return scope_for(request.user).covers(unit.path, write=True)


def require_some_write(request: AuthedRequest) -> QuerySet[OrgUnit]:
    """The communes the user may change, or 403 when there are none."""
    units = communes(request, write=True)
    if not units.exists():
        require_write(request.user, "")  # raises 403
    return units


def form_page(
    request: AuthedRequest,
    *,
    form: forms.Form,
    action: Callable[[], T],
    success: Callable[[T], str],
    done_url: Callable[[T], str],
    title: str,
    cancel_url: str,
    intro: str = "",
    person: Any = None,
    template: str = FORM_PAGE,
) -> HttpResponse:
    """Show ``form``; when it is posted and valid run ``action`` (a service call):
    its refusal is shown on the form and nothing is saved, else back to ``done_url``."""
    done = submitted(request, form, action)
    if done is not None:
        messages.success(request, success(done))
        return redirect(done_url(done))
    context = {
        "form": form,
        "title": title,
        "intro": intro,
        "person": person,
        "cancel_url": cancel_url,
    }
    return render(request, template, context)
