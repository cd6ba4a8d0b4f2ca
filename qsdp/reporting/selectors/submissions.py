"""Reads of submissions and targets, scoped to the user's units."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone

from qsdp.accounts.models import User
from qsdp.accounts.scoping import get_scoped_or_404, scope_for, units_in_scope
from qsdp.military_service.indicators import percent
from qsdp.orgunits.models import OrgUnit
from qsdp.orgunits.selectors import open_on
from qsdp.reporting.models import Submission, SubmissionStatus, Target
from qsdp.reporting.selectors.indicators import (
    NOT_REPORTING_KINDS,
    reporting_children,
    reporting_unit_get,
    year_end,
)

DONE = (SubmissionStatus.SUBMITTED, SubmissionStatus.APPROVED)


@dataclass(frozen=True)
class SubmissionRow:
    unit: OrgUnit
    submission: Submission | None

    @property
    def status(self) -> str:
        return self.submission.status if self.submission else SubmissionStatus.OPEN

    @property
    def status_label(self) -> str:
        return str(SubmissionStatus(self.status).label)

    @property
    def on_time(self) -> bool | None:
        """Submitted by the deadline; None without a deadline or a submission."""
        s = self.submission
        if s is None or s.due_on is None or s.submitted_at is None:
            return None
        return timezone.localtime(s.submitted_at).date() <= s.due_on


@dataclass(frozen=True)
class SubmissionOverview:
    unit: OrgUnit
    year: int
    own: SubmissionRow
    rows: list[SubmissionRow]
    submitted: int  # submitted or approved
    approved: int
    on_time: int

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def submitted_pct(self) -> Decimal | None:
        return percent(self.submitted, self.total)

    @property
    def approved_pct(self) -> Decimal | None:
        return percent(self.approved, self.total)

    @property
    def on_time_pct(self) -> Decimal | None:
        """Of the units that submitted, the share that did so by the deadline."""
        return percent(self.on_time, self.submitted)


def submission_list(
    *, user: User, year: int, org_unit: OrgUnit | None = None
) -> QuerySet[Submission]:
    """The submissions of ``year`` of the units in the user's area."""
    rows = Submission.objects.filter(scope_for(user).q("org_unit__path"), year=year)
    if org_unit is not None:
        rows = rows.filter(org_unit__path__startswith=org_unit.path)
    return rows.select_related("org_unit").order_by("org_unit__path", "id")


def submission_of(*, org_unit: OrgUnit, year: int) -> Submission | None:
    return Submission.objects.filter(org_unit=org_unit, year=year).first()


def submission_get(*, user: User, pk: int) -> Submission:
    queryset = Submission.objects.select_related("org_unit__parent")
    return get_scoped_or_404(queryset, user, "org_unit__path", pk=pk)


def target_get(*, user: User, pk: int) -> Target:
    queryset = Target.objects.select_related("org_unit")
    return get_scoped_or_404(queryset, user, "org_unit__path", pk=pk)


def submission_overview(*, user: User, org_unit: OrgUnit, year: int) -> SubmissionOverview:
    """The submission of each reporting child of ``org_unit`` for ``year`` (on
    31 December of it), with completeness and timeliness; 404 out of scope."""
    unit = reporting_unit_get(user=user, pk=org_unit.pk)
    children = list(reporting_children(org_unit=unit, on=year_end(year)))
    by_unit = {
        s.org_unit_id: s
        for s in Submission.objects.filter(org_unit__in=[*children, unit], year=year)
    }
    rows = [SubmissionRow(child, by_unit.get(child.pk)) for child in children]
    return SubmissionOverview(
        unit=unit,
        year=year,
        own=SubmissionRow(unit, by_unit.get(unit.pk)),
        rows=rows,
        submitted=sum(row.status in DONE for row in rows),
        approved=sum(row.status == SubmissionStatus.APPROVED for row in rows),
        on_time=sum(row.on_time is True for row in rows),
    )


def reporting_units(*, user: User, year: int) -> QuerySet[OrgUnit]:
    """The reporting units of the user's area that existed on 31 December of ``year``,
    the widest first."""
    return (
        units_in_scope(user)
        .filter(open_on(year_end(year)))
        .exclude(kind__in=NOT_REPORTING_KINDS)
        .order_by("level", "name", "id")
    )


def default_year(today: date | None = None) -> int:
    """Reports are about the year that ends: until the end of November, last year."""
    today = today or timezone.localdate()
    return today.year if today.month >= 11 else today.year - 1
