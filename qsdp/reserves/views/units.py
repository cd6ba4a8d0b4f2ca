"""Reserve units, their posts and fill, and their readiness checks."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.scoping import require_write, scope_for
from qsdp.core.forms import form_page
from qsdp.orgunits.models import OrgUnit, OrgUnitKind
from qsdp.reserves import services
from qsdp.reserves.forms import CheckForm, PostForm, UnitForm, YearFilterForm
from qsdp.reserves.models import ReservePost, ReserveUnit
from qsdp.reserves.selectors import (
    EquipmentFilters,
    ReservistFilters,
    equipment_list,
    post_get,
    readiness_check_list,
    reservist_list,
    unit_fill,
    unit_fill_list,
    unit_get,
    visible_units,
)
from qsdp.reserves.selectors.units import unit_subtree_ids
from qsdp.reserves.services._common import unit_paths
from qsdp.reserves.views._common import paginate, render_list, today


def _holders(request: AuthedRequest) -> QuerySet[OrgUnit]:
    """The commands and areas the user may hold a reserve unit at."""
    scope = scope_for(request.user)
    return (
        OrgUnit.objects.filter(scope.q("path", "serves__path", write=True))
        .exclude(kind=OrgUnitKind.VILLAGE)
        .filter(closed_on__isnull=True)
        .order_by("path")
    )


def _require_unit_write(request: AuthedRequest, unit: ReserveUnit) -> None:
    require_write(request.user, *unit_paths(unit))


def _can_write(request: AuthedRequest, unit: ReserveUnit) -> bool:
    scope = scope_for(request.user)
    return any(scope.covers(path, write=True) for path in unit_paths(unit))


def _unit_url(unit: ReserveUnit) -> str:
    return reverse("reserves:unit-detail", args=[unit.pk])


@login_required
@require_GET
def unit_list(request: AuthedRequest) -> HttpResponse:
    """The reserve units with their posts: establishment, arranged, and the total
    with the 10–15 % spare (Reserve Forces Law, Article 15)."""
    return render(
        request,
        "reserves/unit_list.html",
        {
            "units": unit_fill_list(user=request.user, on=today()),
            "can_create": _holders(request).exists(),
        },
    )


@login_required
@require_GET
def unit_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    unit = unit_get(user=request.user, pk=pk)
    on = today()
    members = reservist_list(user=request.user, filters=ReservistFilters(unit=unit), on=on)
    return render(
        request,
        "reserves/unit_detail.html",
        {
            "unit": unit,
            "fill": unit_fill(unit=unit, on=on),
            "members": members,
            "sub_units": visible_units(request.user).filter(parent=unit).order_by("name"),
            "checks": readiness_check_list(user=request.user).filter(unit=unit)[:20],
            "equipment": equipment_list(user=request.user, filters=EquipmentFilters(unit=unit)),
            "can_write": _can_write(request, unit),
        },
    )


def _unit_form(request: AuthedRequest, unit: ReserveUnit | None) -> UnitForm:
    parents = visible_units(request.user).order_by("name")
    initial = {}
    if unit is not None:
        parents = parents.exclude(pk__in=unit_subtree_ids(unit))
        initial = {
            "name": unit.name,
            "code": unit.code,
            "kind": unit.kind,
            "org_unit": unit.org_unit_id,
            "parent": unit.parent_id,
        }
    return UnitForm(
        request.POST or None, holders=_holders(request), parents=parents, initial=initial
    )


@login_required
@require_http_methods(["GET", "POST"])
def unit_create(request: AuthedRequest) -> HttpResponse:
    if not _holders(request).exists():
        raise PermissionDenied(_("Your role may view these records but not change them."))
    form = _unit_form(request, None)
    return form_page(
        request,
        form=form,
        action=lambda: services.reserve_unit_create(actor=request.user, data=form.unit_data()),
        title=_("New reserve unit"),
        success=_("The reserve unit was recorded."),
        done_url=_unit_url,
        cancel_url=reverse("reserves:unit-list"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def unit_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    unit = unit_get(user=request.user, pk=pk)
    _require_unit_write(request, unit)
    form = _unit_form(request, unit)
    return form_page(
        request,
        form=form,
        action=lambda: services.reserve_unit_update(
            actor=request.user, unit=unit, data=form.unit_data()
        ),
        title=_("Change the reserve unit"),
        subject=unit.name,
        subject_url=_unit_url(unit),
        success=_("The changes were saved."),
        done_url=_unit_url,
        cancel_url=_unit_url(unit),
    )


@login_required
@require_http_methods(["GET", "POST"])
def post_create(request: AuthedRequest, pk: int) -> HttpResponse:
    unit = unit_get(user=request.user, pk=pk)
    _require_unit_write(request, unit)
    form = PostForm(request.POST or None)
    return form_page(
        request,
        form=form,
        action=lambda: services.reserve_post_create(
            actor=request.user, unit=unit, data=form.post_data()
        ),
        title=_("New post"),
        subject=unit.name,
        subject_url=_unit_url(unit),
        success=_("The post was recorded."),
        done_url=_unit_url(unit),
        cancel_url=_unit_url(unit),
    )


@login_required
@require_http_methods(["GET", "POST"])
def post_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    post: ReservePost = post_get(user=request.user, pk=pk)
    unit = post.unit
    _require_unit_write(request, unit)
    initial = {
        "title": post.title,
        "specialty_code": post.specialty_code,
        "specialty_name": post.specialty_name,
        "establishment_count": post.establishment_count,
    }
    form = PostForm(request.POST or None, initial=initial)
    return form_page(
        request,
        form=form,
        action=lambda: services.reserve_post_update(
            actor=request.user, post=post, data=form.post_data()
        ),
        title=_("Change the post"),
        subject=f"{unit.name} · {post.title}",
        subject_url=_unit_url(unit),
        success=_("The changes were saved."),
        done_url=_unit_url(unit),
        cancel_url=_unit_url(unit),
    )


@login_required
@require_http_methods(["GET", "POST"])
def check_record(request: AuthedRequest, pk: int) -> HttpResponse:
    unit = unit_get(user=request.user, pk=pk)
    _require_unit_write(request, unit)
    form = CheckForm(request.POST or None)
    return form_page(
        request,
        form=form,
        action=lambda: services.readiness_check_record(
            actor=request.user,
            unit=unit,
            checked_on=form.cleaned_data["checked_on"],
            kind=form.cleaned_data["kind"],
            present_count=form.cleaned_data["present_count"],
            result=form.cleaned_data["result"],
            note=form.cleaned_data["note"],
        ),
        title=_("Record a readiness check"),
        subject=unit.name,
        subject_url=_unit_url(unit),
        success=_("The readiness check was recorded."),
        done_url=_unit_url(unit),
        cancel_url=_unit_url(unit),
    )


@login_required
@require_GET
def check_list(request: AuthedRequest) -> HttpResponse:
    form = YearFilterForm(request.GET, units=OrgUnit.objects.none())
    del form.fields["org_unit"]
    year = form.value("year")
    rows = readiness_check_list(user=request.user, year=year)
    return render_list(
        request,
        "reserves/check_list.html",
        "reserves/partials/check_rows.html",
        {"form": form, "year": year, "page": paginate(request, rows)},
    )
