"""Directives and their tasks. A directive is seen in the issuing unit's area
and by every unit it assigns a task to; a task by its unit and, up the tree, by
the issuing unit and the units above it."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from qsdp.accounts.models import User
from qsdp.accounts.scoping import scope_for
from qsdp.operations.models import Directive, DirectiveTask, TaskReport
from qsdp.operations.selectors._common import in_subtree
from qsdp.orgunits.models import OrgUnit

TASK_PATHS = ("assigned_to__path", "directive__org_unit__path")


def _visible_directives(user: User) -> QuerySet[Directive]:
    scope = scope_for(user)
    assigned = DirectiveTask.objects.filter(directive=OuterRef("pk")).filter(
        scope.q("assigned_to__path")
    )
    return Directive.objects.filter(scope.q("org_unit__path") | Exists(assigned))


def _visible_tasks(user: User) -> QuerySet[DirectiveTask]:
    return DirectiveTask.objects.filter(scope_for(user).q(*TASK_PATHS))


@dataclass(frozen=True)
class DirectiveFilters:
    year: int | None = None
    kind: str = ""
    org_unit: OrgUnit | None = None


def directive_list(*, user: User, filters: DirectiveFilters) -> QuerySet[Directive]:
    directives = _visible_directives(user).filter(in_subtree(filters.org_unit))
    if filters.year:
        directives = directives.filter(issued_on__year=filters.year)
    if filters.kind:
        directives = directives.filter(kind=filters.kind)
    return directives.select_related("org_unit").order_by("-issued_on", "-id")


def directive_get(*, user: User, pk: int) -> Directive:
    tasks = Prefetch(
        "tasks",
        queryset=_visible_tasks(user)
        .select_related("assigned_to")
        .prefetch_related(Prefetch("reports", queryset=TaskReport.objects.order_by("reported_on")))
        .order_by("deadline", "assigned_to__name", "id"),
    )
    try:
        return (
            _visible_directives(user).select_related("org_unit").prefetch_related(tasks).get(pk=pk)
        )
    except Directive.DoesNotExist:
        raise Http404(_("No such record in your area.")) from None


class TaskState:
    DONE = "done"
    OVERDUE = "overdue"
    OPEN = "open"


def task_state(task: DirectiveTask, on: date) -> str:
    if task.completed_on is not None:
        return TaskState.DONE
    return TaskState.OVERDUE if task.deadline < on else TaskState.OPEN


def task_list(
    *,
    user: User,
    on: date,
    overdue_only: bool = False,
    org_unit: OrgUnit | None = None,
    year: int | None = None,
) -> QuerySet[DirectiveTask]:
    """Tasks the user sees; ``overdue_only``: not completed with the deadline
    before ``on``. ``org_unit`` narrows to tasks assigned inside its subtree."""
    tasks = _visible_tasks(user).filter(in_subtree(org_unit, "assigned_to__path"))
    if year:
        tasks = tasks.filter(directive__issued_on__year=year)
    if overdue_only:
        tasks = tasks.filter(completed_on__isnull=True, deadline__lt=on)
    return tasks.select_related("directive__org_unit", "assigned_to").order_by(
        "deadline", "assigned_to__name", "id"
    )


def task_get(*, user: User, pk: int) -> DirectiveTask:
    try:
        return (
            _visible_tasks(user)
            .select_related("directive__org_unit", "assigned_to")
            .prefetch_related(
                Prefetch("reports", queryset=TaskReport.objects.order_by("reported_on"))
            )
            .get(pk=pk)
        )
    except DirectiveTask.DoesNotExist:
        raise Http404(_("No such record in your area.")) from None


def report_get(*, user: User, pk: int) -> TaskReport:
    try:
        return (
            TaskReport.objects.filter(scope_for(user).q(*(f"task__{p}" for p in TASK_PATHS)))
            .select_related("task__assigned_to")
            .distinct()
            .get(pk=pk)
        )
    except TaskReport.DoesNotExist:
        raise Http404(_("No such record in your area.")) from None
