"""The rules of an effective-dated unit tree, as pure functions (no ORM).

A unit lives in the half-open period [opened_on, closed_on): it exists on
``opened_on`` and no longer exists on ``closed_on``. Official codes are reused
across reforms, so a code names a unit only together with a date: two units of
the same kind may share a code only if their periods do not overlap.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext as _

from qsdp.orgunits.errors import OrgUnitErrorCode
from qsdp.orgunits.models import LineageKind


@dataclass(frozen=True)
class Period:
    opened_on: date
    closed_on: date | None = None

    def contains(self, day: date) -> bool:
        return self.opened_on <= day and (self.closed_on is None or day < self.closed_on)

    @property
    def end(self) -> date:
        """The first day the unit no longer exists (``date.max`` while open)."""
        return self.closed_on or date.max


@dataclass(frozen=True)
class Problem:
    """One reason the rules refuse a change, tied to a form field when there is one."""

    code: OrgUnitErrorCode
    message: str
    field: str | None = None


@dataclass(frozen=True)
class Named:
    """A unit as the rules see it: a name and a period."""

    name: str
    period: Period


def day_text(day: date) -> str:
    return f"{day:%d/%m/%Y}"


def period_text(period: Period) -> str:
    if period.closed_on is None:
        return _("from %(opened)s on") % {"opened": day_text(period.opened_on)}
    return _("from %(opened)s to %(closed)s") % {
        "opened": day_text(period.opened_on),
        "closed": day_text(period.closed_on),
    }


def periods_overlap(a: Period, b: Period) -> bool:
    return a.opened_on < b.end and b.opened_on < a.end


def code_overlap_problem(
    *, code: str, kind_label: str, period: Period, others: Iterable[Named]
) -> Problem | None:
    """Refuse a code already naming another unit of the same kind at the same time."""
    if not code:
        return None
    for other in others:
        if periods_overlap(period, other.period):
            return Problem(
                OrgUnitErrorCode.CODE_OVERLAP,
                _(
                    "Code %(code)s (%(kind)s) already names “%(name)s” (%(period)s) at an "
                    "overlapping time; a code names one unit at a time."
                )
                % {
                    "code": code,
                    "kind": kind_label,
                    "name": other.name,
                    "period": period_text(other.period),
                },
                "code",
            )
    return None


def parent_problem(*, period: Period, parent: Named) -> Problem | None:
    """A unit lives inside its parent's life: not opened before it, not outliving it."""
    if period.opened_on < parent.period.opened_on:
        return Problem(
            OrgUnitErrorCode.OPENED_BEFORE_PARENT,
            _("A unit cannot open (%(opened)s) before its parent “%(parent)s” (%(parent_opened)s).")
            % {
                "opened": day_text(period.opened_on),
                "parent": parent.name,
                "parent_opened": day_text(parent.period.opened_on),
            },
            "opened_on",
        )
    if period.end > parent.period.end:
        return Problem(
            OrgUnitErrorCode.OUTLIVES_PARENT,
            _("A unit cannot outlive its parent “%(parent)s”, which closes on %(parent_closed)s.")
            % {"parent": parent.name, "parent_closed": day_text(parent.period.end)},
            "closed_on",
        )
    return None


def period_problem(period: Period) -> Problem | None:
    if period.closed_on is not None and period.closed_on <= period.opened_on:
        return Problem(
            OrgUnitErrorCode.CLOSES_BEFORE_OPENING,
            _("The closing date must be after the opening date (%(opened)s).")
            % {"opened": day_text(period.opened_on)},
            "closed_on",
        )
    return None


def close_problem(
    *, name: str, period: Period, closed_on: date, children: Iterable[Named]
) -> Problem | None:
    """Closing needs an open unit, a date after its opening, and no child left behind."""
    if period.closed_on is not None:
        return Problem(
            OrgUnitErrorCode.ALREADY_CLOSED,
            _("“%(name)s” is already closed (%(closed)s).")
            % {"name": name, "closed": day_text(period.closed_on)},
            "closed_on",
        )
    problem = period_problem(Period(period.opened_on, closed_on))
    if problem is not None:
        return problem
    outliving = sorted(child.name for child in children if child.period.end > closed_on)
    if outliving:
        return Problem(
            OrgUnitErrorCode.CHILDREN_OUTLIVE,
            _("Close these units first, they would outlive “%(name)s”: %(children)s.")
            % {"name": name, "children": ", ".join(outliving)},
            "closed_on",
        )
    return None


def lineage_problem(
    *, predecessor: Named, successor: Named, effective_on: date, same_unit: bool
) -> Problem | None:
    """A predecessor exists the day before the reform; its successor exists on the day."""
    if same_unit:
        return Problem(OrgUnitErrorCode.LINEAGE_SELF, _("A unit cannot succeed itself."))
    if not predecessor.period.contains(effective_on - timedelta(days=1)):
        return Problem(
            OrgUnitErrorCode.LINEAGE_PREDECESSOR_DATES,
            _("“%(name)s” must exist on the day before %(on)s to be a predecessor.")
            % {"name": predecessor.name, "on": day_text(effective_on)},
            "predecessor",
        )
    if not successor.period.contains(effective_on):
        return Problem(
            OrgUnitErrorCode.LINEAGE_SUCCESSOR_DATES,
            _("“%(name)s” must exist on %(on)s to be a successor.")
            % {"name": successor.name, "on": day_text(effective_on)},
            "successor",
        )
    return None


def lineage_kind(
    *, successors_of_predecessor: int, predecessors_of_successor: int, same_name: bool
) -> LineageKind:
    """What one predecessor → successor link of a reform is.

    Split when the predecessor went to several units (its part went here), merge
    when several units went into the successor, otherwise rename when the name
    changed, continuation when only the parent did.
    """
    if successors_of_predecessor > 1:
        return LineageKind.SPLIT
    if predecessors_of_successor > 1:
        return LineageKind.MERGE
    return LineageKind.CONTINUATION if same_name else LineageKind.RENAME
