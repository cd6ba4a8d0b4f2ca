"""Person register pages. Views parse, call a selector or service, render."""

from dataclasses import asdict

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.scoping import require_write, scope_for, units_in_scope
from qsdp.core.forms import submitted
from qsdp.core.panels import person_panels
from qsdp.orgunits.models import OrgUnit
from qsdp.people import services
from qsdp.people.forms import PersonFilterForm, PersonForm, TransferInForm, TransferOutForm
from qsdp.people.selectors import (
    person_edit_conflict,
    person_get,
    person_page,
    person_residences,
    person_sensitive_read,
    person_timeline,
)
from qsdp.people.services import EDITABLE_FIELDS


def _units(request: AuthedRequest, *, write: bool = False) -> QuerySet[OrgUnit]:
    return units_in_scope(request.user, write=write)


@login_required
@require_GET
def person_list(request: AuthedRequest) -> HttpResponse:
    form = PersonFilterForm(request.GET or None, units=_units(request))
    page = person_page(
        user=request.user,
        filters=form.filters(),
        after=request.GET.get("after") or None,
        size=settings.QSDP_PAGE_SIZE,
    )
    params = request.GET.copy()
    params.pop("after", None)
    next_url = ""
    if page.next_cursor:
        next_params = params.copy()
        next_params["after"] = page.next_cursor
        next_url = f"?{next_params.urlencode()}"
    first_url = f"?{params.urlencode()}" if not page.is_first else ""
    context = {"form": form, "page": page, "next_url": next_url, "first_url": first_url}
    template = "people/partials/person_rows.html" if request.htmx else "people/person_list.html"
    return render(request, template, context)


@login_required
@require_http_methods(["GET", "POST"])
def person_create(request: AuthedRequest) -> HttpResponse:
    units = _units(request, write=True)
    if not units.exists():
        require_write(request.user, "")  # raises 403
    form = PersonForm(request.POST or None, units=units)
    created = submitted(
        request,
        form,
        lambda: services.person_create(
            actor=request.user,
            org_unit=form.cleaned_data["org_unit"],
            data=form.person_data(),
            residence_started_on=form.cleaned_data["residence_started_on"],
            allow_namesake=form.cleaned_data["allow_namesake"],
        ),
    )
    if created:
        messages.success(request, _("%(name)s was added to the register.") % {"name": created})
        return redirect("people:person-detail", pk=created.pk)
    return render(request, "people/person_form.html", {"form": form, "person": None})


@login_required
@require_GET
def person_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    person = person_get(user=request.user, pk=pk)
    scope = scope_for(request.user)
    return render(
        request,
        "people/person_detail.html",
        {
            "person": person,
            "residences": person_residences(person=person),
            "timeline": person_timeline(person=person),
            "panels": person_panels(request, person),
            "can_write": scope.covers(person.org_unit.path, write=True),
            "can_receive": bool(
                person.pending_transfer_to
                and scope.covers(person.pending_transfer_to.path, write=True)
            ),
        },
    )


@login_required
@require_GET
def person_sensitive(request: AuthedRequest, pk: int) -> HttpResponse:
    """Shows ethnicity and religion on request; every showing is logged."""
    person = person_get(user=request.user, pk=pk)
    values = person_sensitive_read(
        user=request.user,
        person=person,
        purpose=_("Viewed on the person's page"),
    )
    template = "people/partials/person_sensitive.html"
    if not request.htmx:
        template = "people/person_sensitive.html"
    return render(request, template, {"person": person, "values": values})


@login_required
@require_http_methods(["GET", "POST"])
def person_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    person = person_get(user=request.user, pk=pk)
    require_write(request.user, person.org_unit.path)
    initial = {name: getattr(person, name) for name in PersonForm().fields if hasattr(person, name)}
    form = PersonForm(request.POST or None, initial=initial)
    updated = submitted(
        request,
        form,
        lambda: services.person_update(
            actor=request.user,
            person=person,
            data=form.person_data(),
            allow_namesake=form.cleaned_data["allow_namesake"],
            version=form.cleaned_data["version"],
        ),
    )
    if updated:
        messages.success(request, _("The changes were saved."))
        return redirect("people:person-detail", pk=person.pk)
    conflict = []
    cleaned = getattr(form, "cleaned_data", {})
    if cleaned.get("version") is not None and set(EDITABLE_FIELDS) <= cleaned.keys():
        current = person_get(user=request.user, pk=pk)
        if current.version != cleaned["version"]:
            # Keep the user's values in the form, now based on the saved
            # version, and show both side by side to merge.
            conflict = person_edit_conflict(
                person=current, yours=asdict(form.person_data().normalised())
            )
            data = request.POST.copy()
            data["version"] = str(current.version)
            form.data = data
    return render(
        request, "people/person_form.html", {"form": form, "person": person, "conflict": conflict}
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_transfer_out(request: AuthedRequest, pk: int) -> HttpResponse:
    person = person_get(user=request.user, pk=pk)
    require_write(request.user, person.org_unit.path)
    form = TransferOutForm(request.POST or None)
    ended = submitted(
        request,
        form,
        lambda: services.person_transfer_out(
            actor=request.user,
            person=person,
            on=form.cleaned_data["on"],
            moved_to=form.cleaned_data["moved_to"],
            moved_to_unit=form.cleaned_data["moved_to_unit"],
        ),
    )
    if ended:
        messages.success(request, _("The transfer-out was recorded."))
        return redirect("people:person-detail", pk=person.pk)
    return render(request, "people/person_transfer_out.html", {"form": form, "person": person})


@login_required
@require_http_methods(["GET", "POST"])
def person_transfer_in(request: AuthedRequest, pk: int) -> HttpResponse:
    person = person_get(user=request.user, pk=pk)
    destination = person.pending_transfer_to
    if destination is None:  # nothing to receive: no unit may record an arrival
        raise PermissionDenied(_("This person is not waiting to be received."))
    require_write(request.user, destination.path)
    form = TransferInForm(request.POST or None)
    begun = submitted(
        request,
        form,
        lambda: services.person_transfer_in(
            actor=request.user,
            person=person,
            org_unit=destination,
            on=form.cleaned_data["on"],
            address=form.cleaned_data["address"],
        ),
    )
    if begun:
        messages.success(request, _("The transfer-in was recorded."))
        return redirect("people:person-detail", pk=person.pk)
    return render(request, "people/person_transfer_in.html", {"form": form, "person": person})
