"""What the military-service pages share: units, years, pages of rows, the
per-person action pattern (read through the selector → 404, require write →
403, run the service through the form → its refusal on the form)."""

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, TypeVar

from django import forms
from django.db.models import QuerySet
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.scoping import get_scoped_or_404, require_write, scope_for, units_in_scope
from qsdp.core.forms import FORM_PAGE, form_page
from qsdp.military_service import rules
from qsdp.military_service.forms import PrintForm
from qsdp.military_service.selectors import area_units
from qsdp.orgunits.models import OrgUnit
from qsdp.people.forms import unit_choices
from qsdp.people.models import Person
from qsdp.people.selectors import person_get

T = TypeVar("T")


def today() -> date:
    return timezone.localdate()


def current_call_up_year() -> int:
    return rules.call_up_year_on(today())


def read_units(request: AuthedRequest, *, write: bool = False) -> QuerySet[OrgUnit]:
    return units_in_scope(request.user, write=write)


def commune_units(request: AuthedRequest) -> QuerySet[OrgUnit]:
    """The communes and wards of the user's area (the lists' unit filter), with
    the unit above each (whoever approves its lists)."""
    return unit_choices(read_units(request)).select_related("parent")


def unit_from(request: AuthedRequest, value: Any) -> OrgUnit:
    """The unit named by a posted or queried id, inside the read scope, else 404."""
    try:
        pk = int(value)
    except (TypeError, ValueError):
        pk = 0
    return get_scoped_or_404(OrgUnit.objects.all(), request.user, "path", pk=pk)


def print_signer(request: AuthedRequest) -> str:
    """The name under the signature of a printed document (``?signer=``)."""
    form = PrintForm(request.GET)
    return form.cleaned_data["signer"] if form.is_valid() else ""


def issuing_unit_name(request: AuthedRequest, unit: OrgUnit | None) -> str:
    """The unit a printed list is issued for: the chosen unit, else the user's area."""
    if unit is not None:
        return unit.name
    return ", ".join(a.name for a in area_units(user=request.user))


def writable_units(request: AuthedRequest, units: Iterable[OrgUnit]) -> set[int]:
    """The ids of the ``units`` the user may change records of (for row actions)."""
    scope = scope_for(request.user)
    return {unit.pk for unit in units if scope.covers(unit.path, write=True)}


def person_action(
    request: AuthedRequest,
    pk: int,
    *,
    form_class: type[forms.Form],
    action: Callable[[Person, Any], T],
    title: str,
    success: Callable[[T], str] | str,
    intro: str = "",
    form_kwargs: dict[str, Any] | None = None,
    template: str = FORM_PAGE,
) -> HttpResponse:
    """A page that records one event of a person's military service.

    ``action(person, form)`` calls the service; a refusal is shown on the form
    and nothing is saved; on success, back to the person's page (or ``next``)."""
    person = person_get(user=request.user, pk=pk)
    require_write(request.user, person.org_unit.path)
    form = form_class(request.POST or None, **(form_kwargs or {}))
    person_url = reverse("people:person-detail", args=[person.pk])
    return form_page(
        request,
        form=form,
        action=lambda: action(person, form),
        success=success,
        done_url=person_url,
        title=title,
        cancel_url=person_url,
        intro=intro,
        person=person,
        template=template,
    )
