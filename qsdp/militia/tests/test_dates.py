from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qsdp.militia.dates import add_months, add_years, full_months


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        (date(2022, 3, 15), date(2024, 3, 14), 23),
        (date(2022, 3, 15), date(2024, 3, 15), 24),
        (date(2024, 1, 31), date(2024, 2, 29), 1),
        (date(2023, 1, 31), date(2023, 2, 27), 0),
        (date(2024, 3, 1), date(2024, 2, 1), 0),
    ],
)
def test_full_months(start, end, months):
    assert full_months(start, end) == months


def test_a_term_from_29_february_ends_on_1_march():
    assert add_years(date(2024, 2, 29), 2) == date(2026, 3, 1)


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 1, 1)), st.integers(0, 120))
def test_adding_n_months_gives_n_full_months(start, months):
    assert full_months(start, add_months(start, months)) == months
