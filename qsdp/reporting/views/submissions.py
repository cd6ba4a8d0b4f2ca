"""Submission and approval: the commune submits, the command approves or
reopens; the command's page of a year shows every unit's state."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from qsdp.accounts.http import AuthedRequest
from qsdp.core.errors import DomainError
from qsdp.core.forms import form_page, submitted
from qsdp.core.lists import back_to
from qsdp.reporting.forms import DueForm, ReopenForm, SubmitForm
from qsdp.reporting.selectors.indicators import reporting_unit_get
from qsdp.reporting.selectors.submissions import submission_get, submission_overview
from qsdp.reporting.services._common import command_covers, require_command, require_submitter
from qsdp.reporting.services.submissions import (
    submission_approve,
    submission_reopen,
    submission_submit,
    submissions_set_due,
)

FORM_PAGE = "reporting/form_page.html"


def _approvals_url(unit_pk: int, year: int) -> str:
    return reverse("reporting:approval-list", args=[unit_pk, year])


@login_required
@require_GET
def approval_list(request: AuthedRequest, unit_pk: int, year: int) -> HttpResponse:
    """The command's page of a year: each unit's submission, with the actions."""
    unit = reporting_unit_get(user=request.user, pk=unit_pk)
    overview = submission_overview(user=request.user, org_unit=unit, year=year)
    return render(
        request,
        "reporting/approval_list.html",
        {
            "overview": overview,
            "unit": unit,
            "year": year,
            "is_command": command_covers(request.user, unit.path),
            "due_form": DueForm(),
        },
    )


@login_required
@require_POST
def submission_due(request: AuthedRequest, unit_pk: int, year: int) -> HttpResponse:
    unit = reporting_unit_get(user=request.user, pk=unit_pk)
    require_command(request.user, unit.path)
    form = DueForm(request.POST)
    done = submitted(
        request,
        form,
        lambda: submissions_set_due(
            actor=request.user, org_unit=unit, year=year, due_on=form.cleaned_data["due_on"]
        ),
    )
    if done is None:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
    else:
        messages.success(request, _("The deadline was set for %(count)s units.") % {"count": done})
    return redirect(_approvals_url(unit.pk, year))


@login_required
@require_http_methods(["GET", "POST"])
def submission_submit_view(request: AuthedRequest, unit_pk: int, year: int) -> HttpResponse:
    unit = reporting_unit_get(user=request.user, pk=unit_pk)
    if request.method == "POST":
        require_submitter(request.user, unit.path)
    form = SubmitForm(request.POST or None)
    home = f"{reverse('reporting:home')}?org_unit={unit.pk}&year={year}"
    return form_page(
        request,
        form=form,
        action=lambda: submission_submit(
            actor=request.user, org_unit=unit, year=year, note=form.cleaned_data["note"]
        ),
        success=_("The data was submitted to the command."),
        done_url=home,
        title=_("Submit the data of %(unit)s for %(year)s") % {"unit": unit.name, "year": year},
        cancel_url=home,
        template=FORM_PAGE,
    )


@login_required
@require_POST
def submission_approve_view(request: AuthedRequest, pk: int) -> HttpResponse:
    submission = submission_get(user=request.user, pk=pk)
    unit = submission.org_unit
    require_command(request.user, (unit.parent or unit).path)
    try:
        submission_approve(actor=request.user, submission=submission)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The data of %(unit)s was approved.") % {"unit": unit.name})
    fallback = _approvals_url(unit.parent_id or unit.pk, submission.year)
    return redirect(back_to(request, fallback))


@login_required
@require_http_methods(["GET", "POST"])
def submission_reopen_view(request: AuthedRequest, pk: int) -> HttpResponse:
    submission = submission_get(user=request.user, pk=pk)
    unit = submission.org_unit
    if request.method == "POST" and not command_covers(request.user, (unit.parent or unit).path):
        raise PermissionDenied(_("Only the staff of the supervising command may do this."))
    form = ReopenForm(request.POST or None)
    done_url = _approvals_url(unit.parent_id or unit.pk, submission.year)
    return form_page(
        request,
        form=form,
        action=lambda: submission_reopen(
            actor=request.user, submission=submission, reason=form.cleaned_data["reason"]
        ),
        success=_("The data of %(unit)s was reopened.") % {"unit": unit.name},
        done_url=done_url,
        title=_("Reopen the data of %(unit)s for %(year)s")
        % {"unit": unit.name, "year": submission.year},
        cancel_url=done_url,
        intro=_("Reopening lifts the lock: the unit can change its data of the year again."),
        template=FORM_PAGE,
    )
