"""Directive and task pages: the year's documents, their tasks, the units'
reports with evidence, overdue tasks up the tree, and the files (served only to
users who may see the record)."""

from django.contrib.auth.decorators import login_required
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpResponse
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
    DirectiveFilterForm,
    DirectiveForm,
    TaskFilterForm,
    TaskForm,
    TaskReportForm,
)
from qsdp.operations.models import Directive
from qsdp.operations.selectors import (
    DirectiveFilters,
    directive_get,
    directive_list,
    report_get,
    task_get,
    task_list,
    task_state,
)
from qsdp.operations.views._common import (
    FORM_PAGE,
    can_write,
    op_units,
    paginate,
    render_list,
    require_some_unit,
)
from qsdp.orgunits.models import OrgUnit


def _directive_url(directive: Directive) -> str:
    return reverse("operations:directive-detail", args=[directive.pk])


@login_required
@require_GET
def directive_list_view(request: AuthedRequest) -> HttpResponse:
    form = DirectiveFilterForm(request.GET, units=op_units(request), year=None)
    directives = directive_list(
        user=request.user,
        filters=DirectiveFilters(
            year=form.value("year"), kind=form.value("kind") or "", org_unit=form.value("org_unit")
        ),
    )
    can_create = op_units(request, write=True).exists()
    return render_list(
        request,
        "operations/list_page.html",
        "operations/partials/directive_rows.html",
        {
            "title": _("Directives"),
            "form": form,
            "action": reverse("operations:directive-list"),
            "rows_template": "operations/partials/directive_rows.html",
            "page": paginate(request, directives),
            "create_url": reverse("operations:directive-create") if can_create else "",
            "create_label": _("Record a directive"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def directive_create(request: AuthedRequest) -> HttpResponse:
    form = DirectiveForm(
        request.POST or None, request.FILES or None, units=require_some_unit(request)
    )
    return form_page(
        request,
        form=form,
        action=lambda: services.directive_create(
            actor=request.user,
            org_unit=form.cleaned_data["org_unit"],
            data=form.directive_data(),
            file=form.cleaned_data["file"],
        ),
        success=lambda d: _("The directive %(number)s was recorded.") % {"number": d.number},
        done_url=_directive_url,
        title=_("Record a directive"),
        cancel_url=reverse("operations:directive-list"),
        template=FORM_PAGE,
    )


@login_required
@require_GET
def directive_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    directive = directive_get(user=request.user, pk=pk)
    today = timezone.localdate()
    tasks = [(task, task_state(task, today)) for task in directive.tasks.all()]
    return render(
        request,
        "operations/directive_detail.html",
        {
            "directive": directive,
            "tasks": tasks,
            "can_write": can_write(request, directive.org_unit),
            "writable": {u.pk for u in op_units(request, write=True)},
        },
    )


def _file_response(field: FieldFile) -> FileResponse:
    if not field:
        raise Http404(_("No file."))
    return FileResponse(
        field.open("rb"), as_attachment=True, filename=(field.name or "").rsplit("/")[-1]
    )


@login_required
@require_GET
def directive_file(request: AuthedRequest, pk: int) -> FileResponse:
    return _file_response(directive_get(user=request.user, pk=pk).file)


@login_required
@require_GET
def report_file(request: AuthedRequest, pk: int) -> FileResponse:
    return _file_response(report_get(user=request.user, pk=pk).file)


@login_required
@require_http_methods(["GET", "POST"])
def task_assign(request: AuthedRequest, pk: int) -> HttpResponse:
    directive = directive_get(user=request.user, pk=pk)
    require_write(request.user, directive.org_unit.path)
    units = op_units(request).filter(path__startswith=directive.org_unit.path)
    form = TaskForm(request.POST or None, units=units)
    return form_page(
        request,
        form=form,
        action=lambda: services.task_assign(
            actor=request.user, directive=directive, **form.cleaned_data
        ),
        success=lambda t: _("The task was assigned to %(unit)s.") % {"unit": t.assigned_to.name},
        done_url=lambda t: _directive_url(directive),
        title=_("Assign a task: %(number)s") % {"number": directive.number},
        cancel_url=_directive_url(directive),
        template=FORM_PAGE,
    )


@login_required
@require_http_methods(["GET", "POST"])
def task_report(request: AuthedRequest, pk: int) -> HttpResponse:
    task = task_get(user=request.user, pk=pk)
    require_write(request.user, task.assigned_to.path)
    form = TaskReportForm(request.POST or None, request.FILES or None)
    return form_page(
        request,
        form=form,
        action=lambda: services.task_report(actor=request.user, task=task, **form.cleaned_data),
        success=lambda r: _("The report was recorded."),
        done_url=lambda r: _directive_url(task.directive),
        title=_("Report on the task: %(title)s") % {"title": task.title},
        cancel_url=_directive_url(task.directive),
        template=FORM_PAGE,
    )


@login_required
@require_GET
def task_list_view(request: AuthedRequest) -> HttpResponse:
    """Tasks of the user's area, the overdue ones first to see (up the tree)."""
    form = TaskFilterForm(request.GET, units=op_units(request), year=None)
    today = timezone.localdate()
    unit: OrgUnit | None = form.value("org_unit")
    tasks = task_list(
        user=request.user,
        on=today,
        overdue_only=bool(form.value("overdue_only")),
        org_unit=unit,
        year=form.value("year"),
    )
    page = paginate(request, tasks)
    return render_list(
        request,
        "operations/list_page.html",
        "operations/partials/task_rows.html",
        {
            "title": _("Tasks"),
            "form": form,
            "action": reverse("operations:task-list"),
            "rows_template": "operations/partials/task_rows.html",
            "page": page,
            "overdue": {t.pk for t in page.items if task_state(t, today) == "overdue"},
            "writable": {u.pk for u in op_units(request, write=True)},
        },
    )
