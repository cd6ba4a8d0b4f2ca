"""The working calendar: weekends, holidays, make-up Saturdays, fallback years."""

from datetime import date

import pytest

from qsdp.core.calendar import WorkCalendar

TET_2024 = [date(2024, 2, d) for d in range(8, 15)]


def test_weekdays_work_and_weekends_rest_in_an_empty_calendar():
    calendar = WorkCalendar()

    assert [calendar.is_working_day(date(2024, 6, d)) for d in range(1, 8)] == [
        False,  # Saturday
        False,  # Sunday
        True,
        True,
        True,
        True,
        True,
    ]


def test_holidays_rest_and_make_up_saturdays_work():
    calendar = WorkCalendar.from_days([date(2024, 4, 29)], [date(2024, 5, 4)])

    assert calendar.is_working_day(date(2024, 4, 29)) is False
    assert calendar.is_working_day(date(2024, 5, 4)) is True
    assert calendar.is_holiday(date(2024, 4, 29)) is True
    assert calendar.is_makeup_workday(date(2024, 5, 4)) is True


def test_counting_starts_the_day_after_the_anchor():
    calendar = WorkCalendar()

    assert calendar.add_working_days(date(2024, 6, 3), 1) == date(2024, 6, 4)
    assert calendar.add_working_days(date(2024, 6, 7), 1) == date(2024, 6, 10)
    assert calendar.add_working_days(date(2024, 6, 3), 15) == date(2024, 6, 24)


def test_holidays_push_the_deadline():
    calendar = WorkCalendar.from_days(TET_2024)

    assert calendar.add_working_days(date(2024, 2, 7), 1) == date(2024, 2, 15)


@pytest.mark.parametrize("count", [0, -1])
def test_a_count_below_one_is_refused(count):
    with pytest.raises(ValueError, match="at least 1"):
        WorkCalendar().add_working_days(date(2024, 6, 3), count)


def test_working_days_between_counts_after_start_up_to_end():
    calendar = WorkCalendar.from_days(TET_2024)

    assert calendar.working_days_between(date(2024, 2, 2), date(2024, 2, 16)) == 5
    assert calendar.working_days_between(date(2024, 2, 2), date(2024, 2, 2)) == 0


def test_the_fallback_answers_only_for_years_the_days_do_not_cover():
    asked = []

    def fallback(year):
        asked.append(year)
        return frozenset({date(year, 6, 4)}), frozenset()

    calendar = WorkCalendar.from_days([date(2024, 1, 1)], fallback=fallback)

    assert calendar.is_working_day(date(2024, 6, 4)) is True  # 2024 is covered by the days
    assert calendar.is_working_day(date(2025, 6, 4)) is False  # 2025 comes from the fallback
    assert calendar.is_working_day(date(2025, 6, 5)) is True
    assert asked == [2025]  # once per year
    assert calendar.years == frozenset({2024})
