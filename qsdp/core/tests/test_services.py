"""Loading the holidays into CalendarDay (and the load_holidays command)."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from qsdp.core.holidays_vn import vietnam_calendar_entries
from qsdp.core.models import AuditEvent, CalendarDay, CalendarDayKind
from qsdp.core.services import CalendarLoadSummary, calendar_days_load

pytestmark = pytest.mark.django_db


def test_loading_copies_the_entries_of_each_year():
    summary = calendar_days_load(actor=None, from_year=2023, to_year=2026)

    expected = [e for year in range(2023, 2027) for e in vietnam_calendar_entries(year)]
    assert summary == CalendarLoadSummary(created=len(expected), updated=0, unchanged=0)
    assert list(CalendarDay.objects.values_list("day", "kind")) == [
        (e.day, e.kind) for e in expected
    ]
    assert CalendarDay.objects.get(day=date(2024, 5, 4)).kind == CalendarDayKind.MAKEUP_WORKDAY
    assert AuditEvent.objects.filter(verb="calendar_day.created").count() == len(expected)


def test_loading_twice_changes_nothing():
    first = calendar_days_load(actor=None, from_year=2024, to_year=2024)
    rows = list(CalendarDay.objects.values("day", "kind", "name", "basis", "updated_at"))

    second = calendar_days_load(actor=None, from_year=2024, to_year=2024)

    assert second == CalendarLoadSummary(created=0, updated=0, unchanged=first.created)
    assert list(CalendarDay.objects.values("day", "kind", "name", "basis", "updated_at")) == rows


def test_an_administrators_correction_is_kept_unless_replaced():
    calendar_days_load(actor=None, from_year=2024, to_year=2024)
    CalendarDay.objects.filter(day=date(2024, 4, 30)).update(name="Sửa tay")

    kept = calendar_days_load(actor=None, from_year=2024, to_year=2024)
    name_kept = CalendarDay.objects.get(day=date(2024, 4, 30)).name
    replaced = calendar_days_load(actor=None, from_year=2024, to_year=2024, replace=True)

    assert (kept.updated, name_kept) == (0, "Sửa tay")
    assert replaced.updated == 1
    assert CalendarDay.objects.get(day=date(2024, 4, 30)).name == "Ngày Chiến thắng"


def test_the_command_loads_the_years_and_says_what_it_did():
    out = StringIO()

    call_command("load_holidays", "--from-year", "2024", "--to-year", "2024", stdout=out)
    call_command("load_holidays", "--from-year", "2024", "--to-year", "2024", stdout=out)

    count = len(vietnam_calendar_entries(2024))
    assert out.getvalue().splitlines() == [
        f"Lịch 2024–2024: thêm {count} ngày, sửa 0 ngày, giữ nguyên 0 ngày.",
        f"Lịch 2024–2024: thêm 0 ngày, sửa 0 ngày, giữ nguyên {count} ngày.",
    ]


def test_the_command_refuses_years_in_the_wrong_order():
    with pytest.raises(CommandError, match="--from-year"):
        call_command("load_holidays", "--from-year", "2026", "--to-year", "2024")

    assert CalendarDay.objects.count() == 0
