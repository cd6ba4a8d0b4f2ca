"""Drill pages: plans (with the due list), drills held, their rating and report."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.scoping import require_write
from qsdp.core.forms import form_page
from qsdp.core.selectors import rule_setting
from qsdp.core.settings_registry import DRILL_RATING_SCALE
from qsdp.documents.http import document_response
from qsdp.documents.renderers import render_pdf
from qsdp.operations import rules, services
from qsdp.operations.documents import drill_report_document
from qsdp.operations.forms import (
    DrillFilterForm,
    DrillForm,
    DrillPlanForm,
    DueFilterForm,
    RatingForm,
)
from qsdp.operations.models import Drill, DrillKind, DrillPlan
from qsdp.operations.selectors import (
    DrillFilters,
    drill_due_list,
    drill_get,
    drill_list,
    drill_plan_get,
    drill_plan_list,
)
from qsdp.operations.views._common import (
    FORM_PAGE,
    can_write,
    op_units,
    paginate,
    render_list,
    require_some_unit,
)


def _plan_url(plan: DrillPlan) -> str:
    return reverse("operations:drill-plan-detail", args=[plan.pk])


def _drill_url(drill: Drill) -> str:
    return reverse("operations:drill-detail", args=[drill.pk])


def _ratings(on: object) -> list[tuple[str, str]]:
    day = on if on is not None else timezone.localdate()
    return [(r.code, r.label) for r in rules.rating_scale(rule_setting(DRILL_RATING_SCALE, on=day))]  # type: ignore[arg-type]


def _filters(form: DrillFilterForm) -> DrillFilters:
    return DrillFilters(
        year=form.value("year"), kind=form.value("kind") or "", org_unit=form.value("org_unit")
    )


@login_required
@require_GET
def drill_plan_list_view(request: AuthedRequest) -> HttpResponse:
    form = DrillFilterForm(request.GET, units=op_units(request), year=None)
    plans = drill_plan_list(user=request.user, filters=_filters(form))
    can_create = op_units(request, write=True).exists()
    return render_list(
        request,
        "operations/list_page.html",
        "operations/partials/plan_rows.html",
        {
            "title": _("Drill plans"),
            "form": form,
            "action": reverse("operations:drill-plan-list"),
            "rows_template": "operations/partials/plan_rows.html",
            "page": paginate(request, plans),
            "create_url": reverse("operations:drill-plan-create") if can_create else "",
            "create_label": _("New drill plan"),
        },
    )


@login_required
@require_GET
def drill_due_view(request: AuthedRequest) -> HttpResponse:
    """Where each unit stands against the drill cadence in a year (next year by default)."""
    next_year = timezone.localdate().year + 1
    form = DueFilterForm(request.GET, units=op_units(request), year=next_year)
    year = form.value("year")
    kind = form.value("kind") or DrillKind.DEFENCE_ZONE_COMBAT
    rows = drill_due_list(user=request.user, year=year, kind=kind, org_unit=form.value("org_unit"))
    return render_list(
        request,
        "operations/list_page.html",
        "operations/partials/due_rows.html",
        {
            "title": _("Drills due"),
            "form": form,
            "action": reverse("operations:drill-due"),
            "rows_template": "operations/partials/due_rows.html",
            "rows": rows,
            "year": year,
            "kind": DrillKind(kind).label,
            "writable": {u.pk for u in op_units(request, write=True)},
        },
    )


@login_required
@require_GET
def drill_list_view(request: AuthedRequest) -> HttpResponse:
    form = DrillFilterForm(request.GET, units=op_units(request), year=None)
    drills = drill_list(user=request.user, filters=_filters(form))
    return render_list(
        request,
        "operations/list_page.html",
        "operations/partials/drill_rows.html",
        {
            "title": _("Drills held"),
            "form": form,
            "action": reverse("operations:drill-list"),
            "rows_template": "operations/partials/drill_rows.html",
            "page": paginate(request, drills),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def drill_plan_create(request: AuthedRequest) -> HttpResponse:
    units = require_some_unit(request)
    initial = {"year": timezone.localdate().year + 1, "org_unit": request.GET.get("org_unit")}
    form = DrillPlanForm(request.POST or None, units=units, initial=initial)
    return form_page(
        request,
        form=form,
        action=lambda: services.drill_plan_create(
            actor=request.user, org_unit=form.cleaned_data["org_unit"], data=form.plan_data()
        ),
        success=lambda p: _("The drill plan was saved."),
        done_url=_plan_url,
        title=_("New drill plan"),
        cancel_url=reverse("operations:drill-plan-list"),
        template=FORM_PAGE,
    )


@login_required
@require_GET
def drill_plan_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    plan = drill_plan_get(user=request.user, pk=pk)
    drill = getattr(plan, "drill", None)
    return render(
        request,
        "operations/plan_detail.html",
        {"plan": plan, "drill": drill, "can_write": can_write(request, plan.org_unit)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def drill_plan_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    plan = drill_plan_get(user=request.user, pk=pk)
    require_write(request.user, plan.org_unit.path)
    initial = {k: getattr(plan, k) for k in ("year", "kind", "title", "planned_on", "directed_by")}
    form = DrillPlanForm(request.POST or None, initial=initial)
    return form_page(
        request,
        form=form,
        action=lambda: services.drill_plan_update(
            actor=request.user, plan=plan, data=form.plan_data()
        ),
        success=lambda p: _("The changes were saved."),
        done_url=_plan_url,
        title=_("Edit the drill plan"),
        cancel_url=_plan_url(plan),
        template=FORM_PAGE,
    )


@login_required
@require_http_methods(["GET", "POST"])
def drill_record(request: AuthedRequest, pk: int) -> HttpResponse:
    plan = drill_plan_get(user=request.user, pk=pk)
    require_write(request.user, plan.org_unit.path)
    form = DrillForm(request.POST or None, ratings=_ratings(None))
    return form_page(
        request,
        form=form,
        action=lambda: services.drill_record(
            actor=request.user,
            plan=plan,
            data=form.drill_data(),
            phases=form.phases(),
            rating=form.cleaned_data["rating"],
        ),
        success=lambda d: _("The drill was recorded."),
        done_url=_drill_url,
        title=_("Record the drill held: %(plan)s") % {"plan": plan.title},
        cancel_url=_plan_url(plan),
        template=FORM_PAGE,
    )


@login_required
@require_GET
def drill_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    drill = drill_get(user=request.user, pk=pk)
    return render(
        request,
        "operations/drill_detail.html",
        {"drill": drill, "plan": drill.plan, "can_write": can_write(request, drill.plan.org_unit)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def drill_rate(request: AuthedRequest, pk: int) -> HttpResponse:
    drill = drill_get(user=request.user, pk=pk)
    require_write(request.user, drill.plan.org_unit.path)
    form = RatingForm(
        request.POST or None, ratings=_ratings(drill.held_to), initial={"rating": drill.rating}
    )
    return form_page(
        request,
        form=form,
        action=lambda: services.drill_rate(
            actor=request.user, drill=drill, rating=form.cleaned_data["rating"]
        ),
        success=lambda d: _("The drill was rated %(rating)s.") % {"rating": d.rating_label},
        done_url=_drill_url,
        title=_("Rate the drill"),
        cancel_url=_drill_url(drill),
        template=FORM_PAGE,
    )


@login_required
@require_GET
def drill_report_view(request: AuthedRequest, pk: int) -> HttpResponse:
    """The report of a drill held (báo cáo kết quả diễn tập), as PDF."""
    drill = drill_get(user=request.user, pk=pk)
    with translation.override(settings.LANGUAGE_CODE):
        content = render_pdf(drill_report_document(drill, signer=request.GET.get("signer", "")))
        filename = _("Drill report %(unit)s %(year)s") % {
            "unit": drill.plan.org_unit.name,
            "year": drill.plan.year,
        }
    return document_response(content, filename=filename, kind="pdf")
