"""Training plans: the list, one plan with its sessions and summary, create,
approve; a session with its attendance (one form for the whole session)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.scoping import require_write, scope_for
from qsdp.core.forms import form_page, submitted
from qsdp.orgunits.models import OrgUnit
from qsdp.training import services
from qsdp.training.forms import ApproveForm, AttendanceForm, PlanFilterForm, PlanForm, SessionForm
from qsdp.training.models import ResultScale, TrainingPlan, TrainingSession
from qsdp.training.selectors import (
    area_of,
    grades_in_force,
    plan_get,
    plan_list,
    plan_sessions,
    plan_summary,
    session_attendance,
    session_get,
)
from qsdp.training.views._common import (
    can_write,
    filter_units,
    paginate,
    people_of,
    render_list,
    require_some_write,
    this_year,
)


def _plan_url(plan: TrainingPlan) -> str:
    return reverse("training:plan-detail", args=[plan.pk])


def _session_url(session: TrainingSession) -> str:
    return reverse("training:session-detail", args=[session.pk])


@login_required
@require_GET
def plan_list_view(request: AuthedRequest) -> HttpResponse:
    form = PlanFilterForm(request.GET, units=filter_units(request), year=this_year())
    plans = plan_list(user=request.user, filters=form.filters())
    return render_list(
        request,
        "training/plan_list.html",
        "training/partials/plan_rows.html",
        {
            "form": form,
            "page": paginate(request, plans),
            "year": form.value("year"),
            "can_create": scope_for(request.user).write_paths != frozenset(),
        },
    )


@login_required
@require_GET
def plan_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    plan = plan_get(user=request.user, pk=pk)
    area = area_of(plan.org_unit)
    return render(
        request,
        "training/plan_detail.html",
        {
            "plan": plan,
            "sessions": plan_sessions(plan=plan),
            "summary": plan_summary(plan=plan),
            "can_write": can_write(request, plan.org_unit),
            "can_approve": not plan.is_approved
            and scope_for(request.user).covers(services.approver_path(plan), write=True),
            "area": area,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_create(request: AuthedRequest) -> HttpResponse:
    units = require_some_write(request)
    form = PlanForm(request.POST or None, units=units, initial={"year": this_year()})
    return form_page(
        request,
        form=form,
        action=lambda: services.plan_create(
            actor=request.user, org_unit=form.cleaned_data["org_unit"], data=form.plan_data()
        ),
        success=lambda p: _("The plan %(title)s was created.") % {"title": p.title},
        done_url=_plan_url,
        title=_("New training plan"),
        cancel_url=reverse("training:plan-list"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_approve(request: AuthedRequest, pk: int) -> HttpResponse:
    plan = plan_get(user=request.user, pk=pk)
    require_write(request.user, services.approver_path(plan))
    form = ApproveForm(request.POST or None)
    return form_page(
        request,
        form=form,
        action=lambda: services.plan_approve(
            actor=request.user,
            plan=plan,
            approved_on=form.cleaned_data["approved_on"],
            approver_title=form.cleaned_data["approver_title"],
        ),
        success=lambda p: _("The plan was approved."),
        done_url=_plan_url,
        title=_("Approve the training plan"),
        intro=plan.title,
        cancel_url=_plan_url(plan),
    )


def _session_units(request: AuthedRequest) -> QuerySet[OrgUnit]:
    """Every unit the user may change records of (the service refuses one
    outside the plan's unit, with the rule in its message)."""
    return (
        OrgUnit.objects.filter(scope_for(request.user).q("path", "serves__path", write=True))
        .select_related("serves")
        .order_by("path")
    )


@login_required
@require_http_methods(["GET", "POST"])
def session_create(request: AuthedRequest, pk: int) -> HttpResponse:
    plan = plan_get(user=request.user, pk=pk)
    require_write(request.user, area_of(plan.org_unit).path)
    form = SessionForm(
        request.POST or None, units=_session_units(request), initial={"org_unit": plan.org_unit_id}
    )
    return form_page(
        request,
        form=form,
        action=lambda: services.session_create(
            actor=request.user, plan=plan, data=form.session_data()
        ),
        success=lambda s: _("The session was added."),
        done_url=_session_url,
        title=_("New training session"),
        intro=plan.title,
        cancel_url=_plan_url(plan),
    )


@login_required
@require_http_methods(["GET", "POST"])
def session_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    """The session and its attendance; a writer records the whole sheet at once."""
    session = session_get(user=request.user, pk=pk)
    writable = can_write(request, session.plan.org_unit)
    if request.method == "POST":
        require_write(request.user, area_of(session.plan.org_unit).path)
    rows = session_attendance(session=session)
    form = AttendanceForm(
        request.POST or None,
        rows=rows,
        grades=grades_in_force(scale=ResultScale.TRAINING, on=session.held_on),
        people=people_of(session.plan.org_unit),
    )
    done = submitted(
        request,
        form,
        lambda: services.attendance_record(
            actor=request.user,
            session=session,
            entries=[services.AttendanceEntry(*entry) for entry in form.entries()],
        ),
    )
    if done is not None:
        messages.success(request, _("The attendance was saved."))
        return redirect(_session_url(session))
    return render(
        request,
        "training/session_detail.html",
        {
            "session": session,
            "plan": session.plan,
            "rows": rows,
            "form": form,
            "can_write": writable,
        },
    )
