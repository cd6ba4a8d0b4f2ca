"""Deleting a record from the register and, for the command staff, restoring it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.models import Role
from qsdp.accounts.scoping import require_write, scope_for
from qsdp.core.errors import DomainError
from qsdp.core.forms import submitted
from qsdp.core.lists import paginate
from qsdp.people import services
from qsdp.people.forms import PersonDeleteForm
from qsdp.people.selectors import deleted_person_get, deleted_person_list, person_get

RESTORE_ROLES = frozenset({Role.COMMAND_STAFF, Role.ADMIN})


def _require_command_staff(request: AuthedRequest) -> None:
    if not scope_for(request.user).roles & RESTORE_ROLES:
        raise PermissionDenied(_("Only the command staff see and restore deleted records."))


@login_required
@require_http_methods(["GET", "POST"])
def person_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    person = person_get(user=request.user, pk=pk)
    require_write(request.user, person.org_unit.path)
    form = PersonDeleteForm(request.POST or None)
    deleted = submitted(
        request,
        form,
        lambda: services.person_delete(
            actor=request.user, person=person, reason=form.cleaned_data["reason"]
        ),
    )
    if deleted:
        messages.success(request, _("%(name)s was deleted from the register.") % {"name": deleted})
        return redirect("people:person-list")
    return render(request, "people/person_delete.html", {"form": form, "person": person})


@login_required
@require_GET
def deleted_list(request: AuthedRequest) -> HttpResponse:
    _require_command_staff(request)
    page = paginate(request, deleted_person_list(user=request.user))
    return render(request, "people/deleted_list.html", {"page": page})


@login_required
@require_POST
def person_restore(request: AuthedRequest, pk: int) -> HttpResponse:
    _require_command_staff(request)
    person = deleted_person_get(user=request.user, pk=pk)
    require_write(request.user, person.org_unit.path)
    try:
        services.person_restore(actor=request.user, person=person)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("people:deleted-list")
    messages.success(request, _("%(name)s is back in the register.") % {"name": person})
    return redirect("people:person-detail", pk=person.pk)
