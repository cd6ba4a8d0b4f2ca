from datetime import date

import pytest
from django.http import QueryDict

from qsdp.orgunits.forms import OnDateForm

TODAY = date(2026, 1, 15)


@pytest.mark.parametrize(
    ("query", "day"),
    [
        ("on=22/11/2023", date(2023, 11, 22)),
        ("on=2023-11-22", date(2023, 11, 22)),
        ("on=1/7/2025", date(2025, 7, 1)),
        ("", TODAY),
        ("on=", TODAY),
    ],
)
def test_the_as_of_date_is_read_as_dd_mm_yyyy(query, day):
    form = OnDateForm.from_query(QueryDict(query), TODAY)

    assert form.day(TODAY) == day


def test_a_wrong_date_falls_back_to_the_default_with_a_message():
    form = OnDateForm.from_query(QueryDict("on=31/02/2023"), TODAY)

    assert form.day(TODAY) == TODAY
    assert form.errors["on"] == ["Nhập ngày theo dạng dd/mm/yyyy, ví dụ 22/11/2023."]


def test_the_input_shows_the_date_as_dd_mm_yyyy():
    form = OnDateForm.from_query(QueryDict(""), date(2023, 11, 22))

    assert 'value="22/11/2023"' in str(form["on"])
