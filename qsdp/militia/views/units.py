"""Militia unit pages: the list with strength, one unit with its members, create, edit."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.scoping import require_write
from qsdp.core.forms import form_page
from qsdp.militia import services
from qsdp.militia.forms import UnitFilterForm, UnitForm
from qsdp.militia.models import MilitiaMember, MilitiaUnit
from qsdp.militia.selectors import unit_get, unit_list, unit_members, units_for_commune
from qsdp.militia.views._common import (
    can_write,
    communes,
    paginate,
    render_list,
    require_some_write,
)


def _detail_url(unit: MilitiaUnit) -> str:
    return reverse("militia:unit-detail", args=[unit.pk])


@login_required
@require_GET
def unit_list_view(request: AuthedRequest) -> HttpResponse:
    form = UnitFilterForm(request.GET, units=communes(request))
    units = unit_list(user=request.user, filters=form.filters())
    return render_list(
        request,
        "militia/unit_list.html",
        "militia/partials/unit_rows.html",
        {
            "form": form,
            "page": paginate(request, units),
            "can_create": communes(request, write=True).exists(),
        },
    )


@login_required
@require_GET
def unit_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    unit = unit_get(user=request.user, pk=pk)
    return render(
        request,
        "militia/unit_detail.html",
        {
            "unit": unit,
            "members": unit_members(unit=unit),
            "children": unit.children.order_by("name"),
            "can_write": can_write(request, unit.org_unit),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def unit_create(request: AuthedRequest) -> HttpResponse:
    writable = require_some_write(request)
    form = UnitForm(
        request.POST or None,
        communes=writable,
        parents=MilitiaUnit.objects.filter(org_unit__in=writable).order_by("name"),
    )
    return form_page(
        request,
        form=form,
        action=lambda: services.unit_create(
            actor=request.user, org_unit=form.cleaned_data["org_unit"], data=form.unit_data()
        ),
        success=lambda u: _("The unit %(name)s was created.") % {"name": u.name},
        done_url=_detail_url,
        title=_("New militia unit"),
        cancel_url=reverse("militia:unit-list"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def unit_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    unit = unit_get(user=request.user, pk=pk)
    require_write(request.user, unit.org_unit.path)
    initial = {
        "name": unit.name,
        "militia_type": unit.militia_type,
        "kind": unit.kind,
        "parent": unit.parent_id,
        "commander": unit.commander_id,
    }
    form = UnitForm(
        request.POST or None,
        initial=initial,
        parents=units_for_commune(org_unit_id=unit.org_unit_id).exclude(pk=unit.pk),
        members=MilitiaMember.objects.filter(unit=unit, left_on__isnull=True)
        .select_related("person")
        .order_by("person__sort_name"),
    )
    return form_page(
        request,
        form=form,
        action=lambda: services.unit_update(actor=request.user, unit=unit, data=form.unit_data()),
        success=lambda u: _("The changes were saved."),
        done_url=_detail_url,
        title=_("Edit the militia unit"),
        cancel_url=_detail_url(unit),
    )
