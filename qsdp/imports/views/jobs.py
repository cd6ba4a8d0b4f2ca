"""Import pages: my imports, the upload, a job's results and progress."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.scoping import require_write, scope_for, units_in_scope
from qsdp.core.errors import DomainError
from qsdp.core.forms import submitted
from qsdp.core.lists import paginate, render_list
from qsdp.imports import jobs, selectors
from qsdp.imports.columns import Kind
from qsdp.imports.forms import CommitForm, UploadForm
from qsdp.imports.models import ImportJob, JobStatus
from qsdp.orgunits.models import COMMUNE_LEVEL_KINDS


def _state(job: ImportJob) -> dict[str, object]:
    progress = jobs.progress_of(job)
    running = job.status in (JobStatus.QUEUED, JobStatus.RUNNING)
    stale = jobs.is_stale(job)
    return {
        "job": job,
        "done": progress.get("done", 0),
        "total": progress.get("total", 0),
        "running": running and not stale,
        "stale": stale,
        "resumable": jobs.is_resumable(job),
    }


@login_required
@require_GET
def job_list(request: AuthedRequest) -> HttpResponse:
    rows = selectors.job_list(user=request.user)
    return render_list(
        request,
        "imports/job_list.html",
        "imports/partials/job_rows.html",
        {"page": paginate(request, rows), "kinds": Kind.choices},
    )


@login_required
@require_http_methods(["GET", "POST"])
def job_create(request: AuthedRequest) -> HttpResponse:
    units = units_in_scope(request.user, write=True).filter(kind__in=COMMUNE_LEVEL_KINDS)
    if not units.exists():
        require_write(request.user, "")  # raises 403
    form = UploadForm(request.POST or None, request.FILES or None, units=units)

    def create() -> ImportJob:
        upload = form.cleaned_data["file"]
        return jobs.job_create(
            actor=request.user, org_unit=form.cleaned_data["org_unit"],
            kind=form.cleaned_data["kind"], name=upload.name, size=upload.size, handle=upload,
        )  # fmt: skip

    job = submitted(request, form, create)
    if job:
        messages.success(request, _("The file was received; it is being checked."))
        return redirect("imports:job-detail", pk=job.pk)
    return render(request, "imports/job_form.html", {"form": form, "kinds": Kind.choices})


@login_required
@require_GET
def job_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    job = selectors.job_get(user=request.user, pk=pk)
    context = _state(job)
    context["can_write"] = scope_for(request.user).covers(job.org_unit.path, write=True)
    context["commit_form"] = CommitForm()
    return render(request, "imports/job_detail.html", context)


@login_required
@require_GET
def job_progress(request: AuthedRequest, pk: int) -> HttpResponse:
    """The progress fragment the job page polls; when the job ends it asks
    htmx to reload the page with the results."""
    job = selectors.job_get(user=request.user, pk=pk)
    context = _state(job)
    response = render(request, "imports/partials/job_progress.html", context)
    if not context["running"] and request.htmx:
        response["HX-Refresh"] = "true"
    return response


@login_required
@require_POST
def job_commit(request: AuthedRequest, pk: int) -> HttpResponse:
    job = selectors.job_get(user=request.user, pk=pk)
    require_write(request.user, job.org_unit.path)
    form = CommitForm(request.POST)
    form.is_valid()
    try:
        jobs.job_commit(
            actor=request.user, job=job, skip_invalid=form.cleaned_data.get("skip_invalid", False)
        )
    except DomainError as refusal:
        messages.error(request, refusal.message)
    return redirect("imports:job-detail", pk=job.pk)


@login_required
@require_POST
def job_restart(request: AuthedRequest, pk: int) -> HttpResponse:
    job = selectors.job_get(user=request.user, pk=pk)
    require_write(request.user, job.org_unit.path)
    try:
        jobs.job_restart(actor=request.user, job=job)
    except DomainError as refusal:
        messages.error(request, refusal.message)
    return redirect("imports:job-detail", pk=job.pk)
