"""Directives a command issues, the tasks they assign, the units' reports."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from qsdp.core.audit import diff, record_event, snapshot
from qsdp.core.errors import DomainError
from qsdp.military_service.rules.common import vn_date
from qsdp.operations import rules
from qsdp.operations.errors import OperationsErrorCode as Code
from qsdp.operations.models import Directive, DirectiveTask, TaskReport
from qsdp.operations.services._common import check_file, check_not_future, guard, user_or_none
from qsdp.orgunits.models import OrgUnit

DIRECTIVE_FIELDS = ("org_unit", "kind", "number", "issued_on", "signer", "summary", "file")


@dataclass(frozen=True)
class DirectiveData:
    kind: str
    number: str
    issued_on: date
    signer: str
    summary: str


@transaction.atomic
def directive_create(
    *, actor: Any, org_unit: OrgUnit, data: DirectiveData, file: UploadedFile | None = None
) -> Directive:
    """Record a resolution, plan, directive or guidance issued for ``org_unit``'s area."""
    guard(actor, org_unit.path)
    if rules.drill_level(org_unit.kind) is None:
        raise DomainError(
            Code.DIRECTIVE_UNIT,
            _("Directives are issued for a province, a district or a commune, not for %(unit)s.")
            % {"unit": org_unit.name},
            field="org_unit",
        )
    check_not_future(data.issued_on, "issued_on")
    check_file(file)
    number = data.number.strip()
    if Directive.objects.filter(
        org_unit=org_unit, number__iexact=number, issued_on__year=data.issued_on.year
    ).exists():
        raise DomainError(
            Code.DIRECTIVE_NUMBER_TAKEN,
            _("%(unit)s already has a document numbered %(number)s in %(year)s.")
            % {"unit": org_unit.name, "number": number, "year": data.issued_on.year},
            field="number",
        )
    directive = Directive(
        org_unit=org_unit,
        kind=data.kind,
        number=number,
        issued_on=data.issued_on,
        signer=data.signer,
        summary=data.summary,
        recorded_by=user_or_none(actor),
    )
    if file is not None:
        directive.file = file  # type: ignore[assignment]
    directive.full_clean(validate_constraints=False)
    directive.save()
    record_event(
        actor=actor,
        verb="operations.directive_recorded",
        target=directive,
        changes=diff({}, snapshot(directive, DIRECTIVE_FIELDS[:-1])),
    )
    return directive


@transaction.atomic
def task_assign(
    *, actor: Any, directive: Directive, assigned_to: OrgUnit, title: str, deadline: date
) -> DirectiveTask:
    """A task of ``directive`` for a unit of the issuing unit's area."""
    guard(actor, directive.org_unit.path)
    if not assigned_to.path.startswith(directive.org_unit.path):
        raise DomainError(
            Code.TASK_UNIT_OUTSIDE,
            _("%(unit)s is not under %(issuer)s.")
            % {"unit": assigned_to.name, "issuer": directive.org_unit.name},
            field="assigned_to",
        )
    if deadline < directive.issued_on:
        raise DomainError(
            Code.TASK_DEADLINE,
            _("The deadline %(date)s comes before the document was issued (%(issued)s).")
            % {"date": vn_date(deadline), "issued": vn_date(directive.issued_on)},
            field="deadline",
        )
    task = DirectiveTask(
        directive=directive, assigned_to=assigned_to, title=title, deadline=deadline
    )
    task.full_clean(validate_constraints=False)
    task.save()
    record_event(
        actor=actor,
        verb="operations.task_assigned",
        target=task,
        changes=diff({}, snapshot(task, ("directive", "assigned_to", "title", "deadline"))),
    )
    return task


@transaction.atomic
def task_report(
    *,
    actor: Any,
    task: DirectiveTask,
    reported_on: date,
    completed: bool,
    evidence: str = "",
    file: UploadedFile | None = None,
) -> TaskReport:
    """The assigned unit reports on its task (completed or how far it got)."""
    guard(actor, task.assigned_to.path)
    task = (
        DirectiveTask.objects.select_for_update()
        .select_related("directive", "assigned_to")
        .get(pk=task.pk)
    )
    if task.completed_on is not None:
        raise DomainError(
            Code.TASK_ALREADY_DONE,
            _("This task was reported completed on %(date)s.")
            % {"date": vn_date(task.completed_on)},
            field="completed",
        )
    check_not_future(reported_on, "reported_on")
    if reported_on < task.directive.issued_on:
        raise DomainError(
            Code.REPORT_DATE,
            _("The report (%(date)s) cannot come before the document (%(issued)s).")
            % {"date": vn_date(reported_on), "issued": vn_date(task.directive.issued_on)},
            field="reported_on",
        )
    check_file(file)
    report = TaskReport(
        task=task,
        reported_on=reported_on,
        completed=completed,
        evidence=evidence,
        recorded_by=user_or_none(actor),
    )
    if file is not None:
        report.file = file  # type: ignore[assignment]
    report.full_clean(validate_constraints=False)
    report.save()
    if completed:
        task.completed_on = reported_on
        task.save(update_fields=["completed_on"])
    record_event(
        actor=actor,
        verb="operations.task_reported",
        target=task,
        changes={
            "reported_on": [None, reported_on.isoformat()],
            "completed": [None, completed],
            "completed_on": [None, task.completed_on.isoformat() if task.completed_on else None],
        },
    )
    return report
