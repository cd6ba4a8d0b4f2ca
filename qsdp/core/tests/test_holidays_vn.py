"""Vietnam's holidays and announced swaps as the code knows them."""

from datetime import date

import pytest

from qsdp.core.holidays_vn import (
    HOLIDAY,
    MAKEUP_WORKDAY,
    vietnam_calendar_entries,
    vietnam_year_days,
)


def _days(year):
    return vietnam_year_days(year)


@pytest.mark.parametrize(
    ("year", "tet"),
    [
        (2023, [date(2023, 1, d) for d in range(20, 27)]),  # 20–26/01/2023
        (2024, [date(2024, 2, d) for d in range(8, 15)]),  # 08–14/02/2024
        (2025, [date(2025, 1, d) for d in range(27, 32)] + [date(2025, 2, 1)]),
        (2026, [date(2026, 2, d) for d in range(16, 21)]),  # 16–20/02, with weekends 14–22/02
    ],
)
def test_tet_is_off(year, tet):
    holidays, _ = _days(year)

    assert set(tet) <= holidays


@pytest.mark.parametrize(
    "day",
    [
        date(2024, 1, 1),
        date(2024, 4, 18),  # Giỗ Tổ Hùng Vương, 10/3 âm lịch
        date(2024, 4, 30),
        date(2024, 5, 1),
        date(2024, 9, 2),
        date(2024, 9, 3),  # the second day of National Day (Labour Code 2019)
        date(2023, 1, 2),  # 1/1/2023 was a Sunday
        date(2023, 5, 2),  # Giỗ Tổ on Saturday 29/04/2023
        date(2023, 5, 3),  # 30/04/2023 on a Sunday
        date(2023, 9, 4),  # 02/09/2023 on a Saturday
    ],
)
def test_fixed_holidays_and_compensatory_days_are_off(day):
    assert day in _days(day.year)[0]


@pytest.mark.parametrize(
    ("day_off", "makeup"),
    [
        (date(2024, 4, 29), date(2024, 5, 4)),
        (date(2025, 5, 2), date(2025, 4, 26)),
        (date(2026, 1, 2), date(2026, 1, 10)),
        (date(2026, 8, 31), date(2026, 8, 22)),
    ],
)
def test_announced_swaps_give_a_day_off_and_a_make_up_saturday(day_off, makeup):
    assert day_off in _days(day_off.year)[0]
    assert makeup in _days(makeup.year)[1]
    assert makeup.weekday() == 5


def test_2023_had_no_make_up_saturday():
    assert _days(2023)[1] == frozenset()


def test_vietnam_culture_day_waits_for_the_labour_code():
    assert date(2026, 11, 24) not in _days(2026)[0]


def test_swaps_the_package_knows_are_used_outside_the_announced_years():
    holidays, makeup = _days(2019)

    assert date(2019, 4, 29) in holidays
    assert makeup == frozenset({date(2019, 5, 4)})


def test_each_entry_carries_its_basis():
    entries = {e.day: e for e in vietnam_calendar_entries(2024)}

    assert entries[date(2024, 5, 4)].kind == MAKEUP_WORKDAY
    assert entries[date(2024, 5, 4)].basis.startswith("Công văn 2450/VPCP-KGVX ngày 12/4/2024")
    assert entries[date(2024, 4, 30)].kind == HOLIDAY
    assert entries[date(2024, 4, 30)].basis.startswith("Bộ luật Lao động 2019 Điều 112")
    assert sorted(entries) == [e.day for e in vietnam_calendar_entries(2024)]
