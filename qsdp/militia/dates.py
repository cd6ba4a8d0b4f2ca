"""Date arithmetic of militia terms (pure)."""

from calendar import monthrange
from datetime import date

from qsdp.military_service.rules.common import anniversary


def add_years(day: date, years: int) -> date:
    """The same day ``years`` later (29 February → 1 March): a term of N years
    started on ``day`` ends on this day (Civil Code 2015 Điều 147–148: the
    starting day is not counted, the period ends on the matching day)."""
    return anniversary(day, years)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the last day of that month when it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def full_months(start: date, end: date) -> int:
    """Whole months from ``start`` to ``end``: 15/03 → 14/04 is 0, → 15/04 is 1;
    31/01 → 28/02 is 1 (a shorter month ends on its last day)."""
    if end < start:
        return 0
    months = (end.year - start.year) * 12 + end.month - start.month
    if add_months(start, months) > end:
        months -= 1
    return months
