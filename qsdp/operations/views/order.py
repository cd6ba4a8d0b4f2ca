"""Patrol and incident pages: lists, recording, an incident with its follow-ups."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.scoping import require_write
from qsdp.core.forms import form_page
from qsdp.operations import services
from qsdp.operations.forms import (
    FollowUpForm,
    IncidentFilterForm,
    IncidentForm,
    PatrolForm,
    UnitYearFilterForm,
)
from qsdp.operations.models import Incident
from qsdp.operations.selectors import OrderFilters, incident_get, incident_list, patrol_list
from qsdp.operations.views._common import (
    FORM_PAGE,
    can_write,
    op_units,
    paginate,
    render_list,
    require_some_unit,
)


def _incident_url(incident: Incident) -> str:
    return reverse("operations:incident-detail", args=[incident.pk])


@login_required
@require_GET
def patrol_list_view(request: AuthedRequest) -> HttpResponse:
    form = UnitYearFilterForm(request.GET, units=op_units(request), year=timezone.localdate().year)
    patrols = patrol_list(
        user=request.user,
        filters=OrderFilters(year=form.value("year"), org_unit=form.value("org_unit")),
    )
    can_create = op_units(request, write=True).exists()
    return render_list(
        request,
        "operations/list_page.html",
        "operations/partials/patrol_rows.html",
        {
            "title": _("Coordinated patrols"),
            "form": form,
            "action": reverse("operations:patrol-list"),
            "rows_template": "operations/partials/patrol_rows.html",
            "page": paginate(request, patrols),
            "create_url": reverse("operations:patrol-record") if can_create else "",
            "create_label": _("Record a patrol"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def patrol_record(request: AuthedRequest) -> HttpResponse:
    form = PatrolForm(request.POST or None, units=require_some_unit(request))
    return form_page(
        request,
        form=form,
        action=lambda: services.patrol_record(
            actor=request.user, org_unit=form.cleaned_data["org_unit"], data=form.patrol_data()
        ),
        success=lambda p: _("The patrol was recorded."),
        done_url=lambda p: reverse("operations:patrol-list"),
        title=_("Record a patrol"),
        cancel_url=reverse("operations:patrol-list"),
        template=FORM_PAGE,
    )


@login_required
@require_GET
def incident_list_view(request: AuthedRequest) -> HttpResponse:
    form = IncidentFilterForm(request.GET, units=op_units(request), year=None)
    incidents = incident_list(
        user=request.user,
        filters=OrderFilters(
            year=form.value("year"),
            org_unit=form.value("org_unit"),
            status=form.value("status") or "",
            hot_spots_only=bool(form.value("hot_spots_only")),
        ),
    )
    can_create = op_units(request, write=True).exists()
    return render_list(
        request,
        "operations/list_page.html",
        "operations/partials/incident_rows.html",
        {
            "title": _("Incidents and hot spots"),
            "form": form,
            "action": reverse("operations:incident-list"),
            "rows_template": "operations/partials/incident_rows.html",
            "page": paginate(request, incidents),
            "create_url": reverse("operations:incident-report") if can_create else "",
            "create_label": _("Report an incident"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def incident_report(request: AuthedRequest) -> HttpResponse:
    form = IncidentForm(request.POST or None, units=require_some_unit(request))
    return form_page(
        request,
        form=form,
        action=lambda: services.incident_report(
            actor=request.user, org_unit=form.cleaned_data["org_unit"], data=form.incident_data()
        ),
        success=lambda i: _("The incident was recorded."),
        done_url=_incident_url,
        title=_("Report an incident"),
        cancel_url=reverse("operations:incident-list"),
        template=FORM_PAGE,
    )


@login_required
@require_GET
def incident_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    incident = incident_get(user=request.user, pk=pk)
    return render(
        request,
        "operations/incident_detail.html",
        {"incident": incident, "can_write": can_write(request, incident.org_unit)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def incident_follow_up(request: AuthedRequest, pk: int) -> HttpResponse:
    incident = incident_get(user=request.user, pk=pk)
    require_write(request.user, incident.org_unit.path)
    form = FollowUpForm(
        request.POST or None,
        initial={"status": incident.status, "is_hot_spot": incident.is_hot_spot},
    )
    return form_page(
        request,
        form=form,
        action=lambda: services.incident_follow_up(
            actor=request.user, incident=incident, **form.cleaned_data
        ),
        success=lambda f: _("The follow-up was recorded."),
        done_url=lambda f: _incident_url(incident),
        title=_("Follow up: %(location)s") % {"location": incident.location},
        cancel_url=_incident_url(incident),
        template=FORM_PAGE,
    )
