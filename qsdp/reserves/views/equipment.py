"""Reserve technical equipment: vehicles and machines, earmarked and released."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.scoping import require_write, scope_for
from qsdp.core.forms import form_page
from qsdp.reserves import services
from qsdp.reserves.forms import EarmarkForm, EquipmentFilterForm, EquipmentForm, ReleaseForm
from qsdp.reserves.models import ReserveEquipment
from qsdp.reserves.selectors import equipment_get, equipment_list, visible_units
from qsdp.reserves.views._common import paginate, render_list, writable_communes

LIST_URL = "reserves:equipment-list"


@login_required
@require_GET
def equipment_list_view(request: AuthedRequest) -> HttpResponse:
    form = EquipmentFilterForm(request.GET or None)
    rows = equipment_list(user=request.user, filters=form.filters())
    scope = scope_for(request.user)
    page = paginate(request, rows)
    writable = {e.pk for e in page.items if scope.covers(e.managed_by.path, write=True)}
    return render_list(
        request,
        "reserves/equipment_list.html",
        "reserves/partials/equipment_rows.html",
        {
            "form": form,
            "page": page,
            "writable": writable,
            "can_write": writable_communes(request).exists(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def equipment_register(request: AuthedRequest) -> HttpResponse:
    communes = writable_communes(request)
    if not communes.exists():
        raise PermissionDenied(_("Your role may view these records but not change them."))
    form = EquipmentForm(
        request.POST or None,
        units=communes,
        reserve_units=visible_units(request.user).order_by("name"),
    )
    return form_page(
        request,
        form=form,
        action=lambda: services.equipment_register(
            actor=request.user,
            managed_by=form.cleaned_data["managed_by"],
            data=form.equipment_data(),
            registered_on=form.cleaned_data["registered_on"],
            earmarked_unit=form.cleaned_data["earmarked_unit"],
        ),
        title=_("Register equipment"),
        success=lambda e: _("%(equipment)s was registered.") % {"equipment": e},
        done_url=reverse(LIST_URL),
        cancel_url=reverse(LIST_URL),
    )


def _writable(request: AuthedRequest, pk: int) -> ReserveEquipment:
    equipment = equipment_get(user=request.user, pk=pk)
    require_write(request.user, equipment.managed_by.path)
    return equipment


@login_required
@require_http_methods(["GET", "POST"])
def equipment_earmark(request: AuthedRequest, pk: int) -> HttpResponse:
    equipment = _writable(request, pk)
    form = EarmarkForm(
        request.POST or None,
        units=visible_units(request.user).order_by("name"),
        initial={"unit": equipment.earmarked_unit_id, "condition": equipment.condition},
    )
    return form_page(
        request,
        form=form,
        action=lambda: services.equipment_earmark(
            actor=request.user,
            equipment=equipment,
            unit=form.cleaned_data["unit"],
            condition=form.cleaned_data["condition"],
        ),
        title=_("Earmark for a reserve unit"),
        subject=f"{equipment} · {equipment.owner_name}",
        success=_("The changes were saved."),
        done_url=reverse(LIST_URL),
        cancel_url=reverse(LIST_URL),
    )


@login_required
@require_http_methods(["GET", "POST"])
def equipment_release(request: AuthedRequest, pk: int) -> HttpResponse:
    equipment = _writable(request, pk)
    form = ReleaseForm(request.POST or None)
    return form_page(
        request,
        form=form,
        action=lambda: services.equipment_release(
            actor=request.user,
            equipment=equipment,
            on=form.cleaned_data["released_on"],
            reason=form.cleaned_data["reason"],
        ),
        title=_("Release from the reserve"),
        subject=f"{equipment} · {equipment.owner_name}",
        success=_("The equipment was released."),
        done_url=reverse(LIST_URL),
        cancel_url=reverse(LIST_URL),
    )
