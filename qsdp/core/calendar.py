"""Working days of Vietnamese public offices, as a pure value (no ORM).

A working day is Monday to Friday, minus public holidays and announced days off,
plus announced make-up Saturdays (Labour Code 2019 Điều 111–112; the yearly
announcements of the Government for officials and public employees). Periods
counted in days start the day after the event (Civil Code 2015 Điều 147).

The days come from the ``CalendarDay`` table (``qsdp.core.selectors.work_calendar``);
for a year the table does not cover, a ``fallback`` gives the days of that year
(``qsdp.core.holidays_vn.vietnam_year_days``), so that a fresh database still
answers correctly for the fixed holidays and Tết.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

SATURDAY = 5

# The days off and the make-up working days of one year.
YearDays = tuple[frozenset[date], frozenset[date]]
YearFallback = Callable[[int], YearDays]


@dataclass(frozen=True)
class WorkCalendar:
    """Public holidays and announced make-up working days.

    ``years`` are the years the two sets describe completely; a day in any other
    year is looked up through ``fallback`` (when given), once per year.
    """

    holidays: frozenset[date] = frozenset()
    makeup_workdays: frozenset[date] = frozenset()
    years: frozenset[int] = frozenset()
    fallback: YearFallback | None = field(default=None, compare=False)
    _fallback_years: dict[int, YearDays] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @classmethod
    def from_days(
        cls,
        holidays: Iterable[date] = (),
        makeup_workdays: Iterable[date] = (),
        *,
        fallback: YearFallback | None = None,
    ) -> "WorkCalendar":
        """A calendar whose covered years are those of the days given."""
        off = frozenset(holidays)
        on = frozenset(makeup_workdays)
        return cls(off, on, frozenset(d.year for d in off | on), fallback)

    def _year(self, year: int) -> YearDays:
        if year in self.years or self.fallback is None:
            return self.holidays, self.makeup_workdays
        if year not in self._fallback_years:
            self._fallback_years[year] = self.fallback(year)
        return self._fallback_years[year]

    def is_holiday(self, day: date) -> bool:
        return day in self._year(day.year)[0]

    def is_makeup_workday(self, day: date) -> bool:
        return day in self._year(day.year)[1]

    def is_working_day(self, day: date) -> bool:
        off, on = self._year(day.year)
        if day in on:
            return True
        return day.weekday() < SATURDAY and day not in off

    def add_working_days(self, anchor: date, count: int) -> date:
        """The date of the ``count``-th working day after ``anchor`` (not counting it)."""
        if count < 1:
            raise ValueError("count must be at least 1")
        day = anchor
        remaining = count
        while remaining:
            day += timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """How many working days fall after ``start`` up to and including ``end``."""
        days = (end - start).days
        return sum(self.is_working_day(start + timedelta(days=i)) for i in range(1, days + 1))
