"""A unit's data for a year: the commune submits, the command approves (which
locks the period), and the command may reopen it with a reason.

Approval goes bottom-up: a unit is approved only once every child that keeps a
register (on 31 December of the year) is; a child is reopened only while its
parent is not approved. Each move is one transaction and one audit event.
"""

from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from qsdp.core.audit import record_event
from qsdp.core.errors import DomainError
from qsdp.core.models import PeriodLock
from qsdp.orgunits.models import MILITARY_KINDS, OrgUnit
from qsdp.reporting.errors import ReportingErrorCode as Code
from qsdp.reporting.models import Submission, SubmissionStatus
from qsdp.reporting.selectors.indicators import (
    NOT_REPORTING_KINDS,
    reporting_children,
    year_end,
)
from qsdp.reporting.services._common import require_command, require_submitter, user_or_none


def _locked(org_unit: OrgUnit, year: int) -> Submission:
    submission, _created = Submission.objects.get_or_create(org_unit=org_unit, year=year)
    # No select_related: PostgreSQL refuses FOR UPDATE across the nullable parent join.
    return Submission.objects.select_for_update().get(pk=submission.pk)


def _approver_path(org_unit: OrgUnit) -> str:
    # The unit's parent approves it; a root unit is approved by whoever covers it.
    return (org_unit.parent or org_unit).path


def _command_name(org_unit: OrgUnit) -> str:
    """The command that approves ``org_unit``'s data: the one serving its parent."""
    approver = org_unit.parent or org_unit
    command = OrgUnit.objects.filter(serves=approver, kind__in=MILITARY_KINDS).first()
    return (command or approver).name


@transaction.atomic
def submissions_set_due(*, actor: Any, org_unit: OrgUnit, year: int, due_on: date) -> int:
    """Set the deadline of ``year``'s submission for every reporting child of
    ``org_unit``; returns how many units it was set for."""
    require_command(actor, org_unit.path)
    children = list(reporting_children(org_unit=org_unit, on=year_end(year)))
    for child in children:
        submission = _locked(child, year)
        submission.due_on = due_on
        submission.full_clean()
        submission.save()
    record_event(
        actor=actor,
        verb="reporting.submissions_due_set",
        target=org_unit,
        changes={"year": year, "due_on": due_on.isoformat(), "units": [c.pk for c in children]},
    )
    return len(children)


@transaction.atomic
def submission_submit(
    *,
    actor: Any,
    org_unit: OrgUnit,
    year: int,
    note: str = "",
    submitted_at: datetime | None = None,
) -> Submission:
    """The unit hands its data of ``year`` to the command."""
    if org_unit.kind in NOT_REPORTING_KINDS:
        raise DomainError(Code.UNIT_NOT_REPORTING, _("This unit does not report data."))
    require_submitter(actor, org_unit.path)
    submission = _locked(org_unit, year)
    if submission.status != SubmissionStatus.OPEN:
        raise DomainError(
            Code.ALREADY_SUBMITTED,
            _("The data of %(unit)s for %(year)s is already %(status)s.")
            % {"unit": org_unit.name, "year": year, "status": submission.get_status_display()},
        )
    submission.status = SubmissionStatus.SUBMITTED
    submission.submitted_at = submitted_at or timezone.now()
    submission.submitted_by = user_or_none(actor)
    submission.note = note.strip()
    submission.full_clean()
    submission.save()
    record_event(
        actor=actor,
        verb="reporting.submission_submitted",
        target=submission,
        changes={"status": [SubmissionStatus.OPEN, SubmissionStatus.SUBMITTED]},
    )
    return submission


def _not_approved_children(org_unit: OrgUnit, year: int) -> list[OrgUnit]:
    children = reporting_children(org_unit=org_unit, on=year_end(year))
    approved = set(
        Submission.objects.filter(
            org_unit__in=children, year=year, status=SubmissionStatus.APPROVED
        ).values_list("org_unit_id", flat=True)
    )
    return [child for child in children if child.pk not in approved]


@transaction.atomic
def submission_approve(
    *, actor: Any, submission: Submission, approved_at: datetime | None = None
) -> Submission:
    """The command approves the unit's submitted data and locks the period."""
    submission = _locked(submission.org_unit, submission.year)
    unit = submission.org_unit
    require_command(actor, _approver_path(unit))
    if submission.status != SubmissionStatus.SUBMITTED:
        raise DomainError(
            Code.NOT_SUBMITTED,
            _("Only submitted data can be approved; the data of %(unit)s is %(status)s.")
            % {"unit": unit.name, "status": submission.get_status_display()},
        )
    missing = _not_approved_children(unit, submission.year)
    if missing:
        raise DomainError(
            Code.CHILDREN_NOT_APPROVED,
            _("Approve the units under %(unit)s first; not yet approved: %(units)s.")
            % {"unit": unit.name, "units": ", ".join(child.name for child in missing)},
            extra={"units": [child.pk for child in missing]},
        )
    approved_at = approved_at or timezone.now()
    day = formats.date_format(timezone.localtime(approved_at), "d/m/Y")
    # The reference is data read by everyone later: written in the language of the register.
    with translation.override(settings.LANGUAGE_CODE):
        reference = _("approval of %(command)s on %(date)s") % {
            "command": _command_name(unit),
            "date": day,
        }
    submission.status = SubmissionStatus.APPROVED
    submission.approved_at = approved_at
    submission.approved_by = user_or_none(actor)
    submission.full_clean()
    submission.save()
    PeriodLock.objects.update_or_create(
        org_unit=unit,
        year=submission.year,
        defaults={
            "approved_at": approved_at,
            "approved_by": user_or_none(actor) or submission.submitted_by,
            "reference": reference,
        },
    )
    record_event(
        actor=actor,
        verb="reporting.submission_approved",
        target=submission,
        changes={
            "status": [SubmissionStatus.SUBMITTED, SubmissionStatus.APPROVED],
            "reference": reference,
        },
    )
    return submission


@transaction.atomic
def submission_reopen(*, actor: Any, submission: Submission, reason: str) -> Submission:
    """Send submitted or approved data back to the unit and lift the lock."""
    submission = _locked(submission.org_unit, submission.year)
    unit = submission.org_unit
    require_command(actor, _approver_path(unit))
    reason = reason.strip()
    if not reason:
        raise DomainError(Code.REASON_REQUIRED, _("Give the reason for reopening."), field="reason")
    if submission.status == SubmissionStatus.OPEN:
        raise DomainError(
            Code.NOTHING_TO_REOPEN,
            _("The data of %(unit)s for %(year)s is still open.")
            % {"unit": unit.name, "year": submission.year},
        )
    parent = unit.parent
    if (
        parent is not None
        and Submission.objects.filter(
            org_unit=parent, year=submission.year, status=SubmissionStatus.APPROVED
        ).exists()
    ):
        raise DomainError(
            Code.PARENT_APPROVED,
            _("The data of %(parent)s for %(year)s is approved; reopen %(parent)s first.")
            % {"parent": parent.name, "year": submission.year},
        )
    before = submission.status
    submission.status = SubmissionStatus.OPEN
    submission.reopened_at = timezone.now()
    submission.reopen_reason = reason
    submission.submitted_at = submission.submitted_by = None
    submission.approved_at = submission.approved_by = None
    submission.full_clean()
    submission.save()
    PeriodLock.objects.filter(org_unit=unit, year=submission.year).delete()
    record_event(
        actor=actor,
        verb="reporting.submission_reopened",
        target=submission,
        changes={"status": [before, SubmissionStatus.OPEN], "reason": reason},
    )
    return submission
