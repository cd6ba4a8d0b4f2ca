"""Working-day deadlines (Điều 17, Điều 18) across weekends, Tết and make-up Saturdays.

The calendar is the code's own (``vietnam_year_days``): no database.
"""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qsdp.core.calendar import WorkCalendar
from qsdp.core.holidays_vn import vietnam_year_days
from qsdp.core.rule_inputs import RuleInputError
from qsdp.military_service.rules import residence_change, returnee_registration

CALENDAR = WorkCalendar(fallback=vietnam_year_days)
RETURNED = "returned_to_place_of_residence"


def test_the_public_example_comes_out_exactly():
    result = returnee_registration(
        anchor_event=RETURNED, anchor_date=date(2024, 6, 3), calendar=CALENDAR
    )

    assert result.as_dict() == {
        "register_by": "2024-06-24",
        "legal_basis": "Luật NVQS 2015 Điều 18; Nghị định 13/2016/NĐ-CP",
        "explanation": (
            "Quân nhân xuất ngũ đăng ký vào ngạch dự bị trong 15 ngày làm việc kể từ ngày về "
            "nơi cư trú 03/06/2024, tức là chậm nhất ngày 24/06/2024."
        ),
    }


@pytest.mark.parametrize(
    ("anchor", "register_by"),
    [
        (date(2024, 6, 1), date(2024, 6, 21)),  # a Saturday: counting starts on Monday
        (date(2024, 2, 2), date(2024, 3, 1)),  # the Friday before Tết Giáp Thìn (8–14/02)
        (date(2023, 1, 19), date(2023, 2, 16)),  # the day before Tết Quý Mão (20–26/01)
        (date(2024, 4, 26), date(2024, 5, 21)),  # 29/04 off, Saturday 04/05 worked
        (date(2025, 4, 25), date(2025, 5, 20)),  # Saturday 26/04 worked, 30/04–02/05 off
        (date(2023, 4, 28), date(2023, 5, 24)),  # Giỗ Tổ 29/04 + 30/04 + 1/5, 2–3/05 in lieu
        (date(2024, 8, 30), date(2024, 9, 24)),  # National Day 02–03/09/2024
    ],
)
def test_15_working_days_skip_weekends_and_holidays_and_count_make_up_saturdays(
    anchor, register_by
):
    result = returnee_registration(anchor_event=RETURNED, anchor_date=anchor, calendar=CALENDAR)

    assert result.register_by == register_by


def test_the_anchor_may_be_the_discharge_decision_and_the_days_a_setting():
    result = returnee_registration(
        anchor_event="discharge_decision",
        anchor_date=date(2025, 12, 31),
        calendar=CALENDAR,
        working_days=10,
    )

    # 01/01 and the swapped 02/01/2026 off, Saturday 10/01/2026 worked.
    assert result.register_by == date(2026, 1, 15)
    assert result.explanation == (
        "Quân nhân xuất ngũ đăng ký vào ngạch dự bị trong 10 ngày làm việc kể từ quyết định "
        "xuất ngũ ngày 31/12/2025, tức là chậm nhất ngày 15/01/2026."
    )


def test_arriving_at_a_new_residence_gives_10_working_days():
    result = residence_change(
        event="arrived_at_new_residence", event_date=date(2024, 6, 3), calendar=CALENDAR
    )

    assert result.as_dict() == {
        "register_transfer_in_by": "2024-06-17",
        "legal_basis": "Luật NVQS 2015 Điều 17 khoản 2",
        "explanation": (
            "Công dân đến nơi cư trú mới ngày 03/06/2024 phải đăng ký chuyển đến trong 10 ngày "
            "làm việc, tức là chậm nhất ngày 17/06/2024."
        ),
    }


def test_returning_from_a_temporary_absence_counts_the_make_up_saturday():
    result = residence_change(
        event="returned_from_temporary_absence", event_date=date(2024, 4, 26), calendar=CALENDAR
    )

    assert result.as_dict()["re_register_by"] == "2024-05-14"
    assert result.legal_basis == "Luật NVQS 2015 Điều 17 khoản 3"


@pytest.mark.parametrize(("months", "required"), [(2, False), (2.9, False), (3, True), (12, True)])
def test_an_absence_of_3_months_or_more_needs_temporary_absence_registration(months, required):
    result = residence_change(
        event="planned_absence", planned_absence_months=months, calendar=CALENDAR
    )

    assert result.as_dict()["temporary_absence_registration_required"] is required
    assert set(result.as_dict()) == {
        "temporary_absence_registration_required",
        "legal_basis",
        "explanation",
    }


@pytest.mark.parametrize(
    ("event", "field"),
    [("planned_absence", "planned_absence_months"), ("arrived_at_new_residence", "event_date")],
)
def test_the_fact_the_event_needs_is_required(event, field):
    with pytest.raises(RuleInputError) as raised:
        residence_change(event=event, calendar=CALENDAR)

    assert (raised.value.code, raised.value.field) == ("missing_field", field)


@given(
    anchor=st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31)),
    days=st.integers(min_value=1, max_value=40),
)
def test_the_deadline_is_the_nth_working_day_after_the_anchor(anchor, days):
    result = returnee_registration(
        anchor_event=RETURNED, anchor_date=anchor, calendar=CALENDAR, working_days=days
    )

    assert CALENDAR.is_working_day(result.register_by)
    assert CALENDAR.working_days_between(anchor, result.register_by) == days
