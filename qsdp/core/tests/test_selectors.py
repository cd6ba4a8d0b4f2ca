"""The working calendar and the rule settings read from the database."""

from datetime import date

import pytest

from qsdp.core.models import CalendarDay, CalendarDayKind, RuleSetting
from qsdp.core.selectors import rule_context, rule_setting, work_calendar

pytestmark = pytest.mark.django_db

LEAD_DAYS = "military_service.registration_order_lead_days"


def test_the_migration_seeds_the_2026_lead_time():
    assert rule_setting(LEAD_DAYS, on=date(2025, 12, 31)) == 10
    assert rule_setting(LEAD_DAYS, on=date(2026, 1, 1)) == 5


def test_the_migration_seeds_the_authorities_after_the_reform():
    before = rule_setting("military_service.authority", on=date(2025, 6, 30))
    after = rule_setting("military_service.authority", on=date(2025, 7, 1))

    assert before["call_up_decision"] == "Chủ tịch UBND cấp huyện"
    assert after["call_up_decision"] == "Chủ tịch UBND cấp tỉnh"
    assert RuleSetting.objects.get(key="military_service.authority").valid_from == date(2025, 7, 1)


def test_a_row_in_force_wins_over_the_code_default():
    RuleSetting.objects.create(
        key="military_service.myopia_boundary_inclusive", valid_from=date(2026, 3, 1), value=True
    )

    assert rule_setting("military_service.myopia_boundary_inclusive", on=date(2026, 2, 28)) is False
    assert rule_setting("military_service.myopia_boundary_inclusive", on=date(2026, 3, 1)) is True


def test_the_latest_row_before_the_date_is_in_force():
    for valid_from, value in ((date(2027, 1, 1), 7), (date(2028, 1, 1), 3)):
        RuleSetting.objects.create(key=LEAD_DAYS, valid_from=valid_from, value=value)

    assert [
        rule_setting(LEAD_DAYS, on=day)
        for day in (date(2026, 6, 1), date(2027, 6, 1), date(2028, 6, 1))
    ] == [5, 7, 3]


def test_an_unknown_key_is_a_key_error():
    with pytest.raises(KeyError):
        rule_setting("military_service.nothing", on=date(2026, 1, 1))


def test_a_year_with_rows_is_read_from_the_table():
    CalendarDay.objects.create(day=date(2024, 6, 4), kind=CalendarDayKind.HOLIDAY, name="x")
    CalendarDay.objects.create(day=date(2024, 6, 8), kind=CalendarDayKind.MAKEUP_WORKDAY, name="y")

    calendar = work_calendar(start=date(2024, 1, 1), end=date(2024, 12, 31))

    assert calendar.is_working_day(date(2024, 6, 4)) is False
    assert calendar.is_working_day(date(2024, 6, 8)) is True
    # 2024 has rows, so Tết 2024 is a working week unless the table says otherwise.
    assert calendar.is_working_day(date(2024, 2, 12)) is True


def test_a_year_without_rows_falls_back_to_the_code():
    calendar = work_calendar(start=date(2024, 1, 1), end=date(2024, 12, 31))

    assert calendar.is_working_day(date(2024, 2, 12)) is False  # Tết Giáp Thìn
    assert calendar.is_working_day(date(2024, 5, 4)) is True  # the make-up Saturday


def test_the_rule_context_reads_today_the_calendar_and_the_settings():
    context = rule_context(today=date(2026, 3, 1))

    assert context.today == date(2026, 3, 1)
    assert context.setting(LEAD_DAYS) == 5
    assert context.setting(LEAD_DAYS, on=date(2025, 1, 1)) == 10
    assert context.calendar.is_working_day(date(2026, 1, 10)) is True
