"""What the military-service pages share: units, years, pages of rows, the
per-person action pattern (read through the selector → 404, require write →
403, run the service through the form → its refusal on the form)."""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.scoping import get_scoped_or_404, require_write, scope_for
from qsdp.core.forms import submitted
from qsdp.military_service import rules
from qsdp.military_service.forms import PrintForm
from qsdp.military_service.selectors import area_units
from qsdp.orgunits.models import OrgUnit
from qsdp.people.forms import unit_choices
from qsdp.people.models import Person
from qsdp.people.selectors import person_get

T = TypeVar("T")
PERSON_FORM = "military_service/service_event_form.html"


def today() -> date:
    return timezone.localdate()


def current_call_up_year() -> int:
    return rules.call_up_year_on(today())


def read_units(request: AuthedRequest, *, write: bool = False) -> QuerySet[OrgUnit]:
    return OrgUnit.objects.filter(scope_for(request.user).q("path", write=write))


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


@dataclass(frozen=True)
class PageOfRows:
    """One page of a list, for ``components/pagination.html``."""

    items: Sequence[Any]
    total: int
    start: int  # the number of the first row on the page (1-based)
    has_previous: bool
    previous_url: str
    has_next: bool
    next_url: str


def paginate(request: AuthedRequest, rows: QuerySet[Any] | Sequence[Any]) -> PageOfRows:
    """The page ``?page=`` of ``rows`` (``QSDP_PAGE_SIZE`` a page), with links
    that keep the filters."""
    page = Paginator(rows, settings.QSDP_PAGE_SIZE).get_page(request.GET.get("page"))

    def url(number: int) -> str:
        params = request.GET.copy()
        params["page"] = str(number)
        return f"?{params.urlencode()}"

    return PageOfRows(
        items=list(page.object_list),
        total=page.paginator.count,
        start=page.start_index(),
        has_previous=page.has_previous(),
        previous_url=url(page.previous_page_number()) if page.has_previous() else "",
        has_next=page.has_next(),
        next_url=url(page.next_page_number()) if page.has_next() else "",
    )


def writable_units(request: AuthedRequest, units: Iterable[OrgUnit]) -> set[int]:
    """The ids of the ``units`` the user may change records of (for row actions)."""
    scope = scope_for(request.user)
    return {unit.pk for unit in units if scope.covers(unit.path, write=True)}


def render_list(
    request: AuthedRequest, template: str, partial: str, context: dict[str, Any]
) -> HttpResponse:
    """The list page, or only its rows for an htmx request."""
    return render(request, partial if request.htmx else template, context)


def back_to(request: AuthedRequest, fallback: str) -> str:
    """Where to go after a change: the page the user came from (``next``), if it is ours."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


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
    template: str = PERSON_FORM,
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    """A page that records one event of a person's military service.

    ``action(person, form)`` calls the service; a refusal is shown on the form
    and nothing is saved; on success, back to the person's page (or ``next``)."""
    person = person_get(user=request.user, pk=pk)
    require_write(request.user, person.org_unit.path)
    form = form_class(request.POST or None, **(form_kwargs or {}))
    done = submitted(request, form, lambda: action(person, form))
    if done is not None:
        messages.success(request, success(done) if callable(success) else success)
        return redirect(back_to(request, reverse("people:person-detail", args=[person.pk])))
    context = {
        "form": form,
        "person": person,
        "title": title,
        "intro": intro,
        "next": back_to(request, ""),
        **(extra or {}),
    }
    return render(request, template, context)
