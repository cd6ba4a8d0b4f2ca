"""Reads of the shared reference tables: the working calendar and the rule settings."""

from datetime import date
from typing import Any

from django.utils import timezone

from qsdp.core.calendar import WorkCalendar
from qsdp.core.holidays_vn import vietnam_year_days
from qsdp.core.models import CalendarDay, CalendarDayKind, RuleSetting
from qsdp.core.rule_inputs import RuleContext
from qsdp.core.settings_registry import RULE_SETTING_DEFAULTS, default_setting


def work_calendar(*, start: date, end: date) -> WorkCalendar:
    """The working calendar from the ``CalendarDay`` rows between ``start`` and ``end``.

    A year with at least one row is taken from the table as it is; any other year
    (a fresh database, or a year nobody has loaded) falls back to the holidays
    computed by ``qsdp.core.holidays_vn.vietnam_year_days`` — the fixed holidays,
    Tết and the swaps known in code — so that deadlines stay right without data.
    """
    rows = CalendarDay.objects.filter(day__gte=start, day__lte=end).values_list("day", "kind")
    holidays = [day for day, kind in rows if kind == CalendarDayKind.HOLIDAY]
    makeup = [day for day, kind in rows if kind == CalendarDayKind.MAKEUP_WORKDAY]
    return WorkCalendar.from_days(holidays, makeup, fallback=vietnam_year_days)


def rule_setting(key: str, *, on: date) -> Any:
    """The value of ``key`` in force on ``on``: the latest ``RuleSetting`` row with
    ``valid_from <= on``, else the code default (``RULE_SETTING_DEFAULTS``).

    ``KeyError`` for a key the registry does not know.
    """
    if key not in RULE_SETTING_DEFAULTS:
        raise KeyError(key)
    row = (
        RuleSetting.objects.filter(key=key, valid_from__lte=on)
        .order_by("-valid_from")
        .values_list("value", flat=True)
        .first()
    )
    return default_setting(key, on) if row is None else row


def rule_context(*, today: date | None = None) -> RuleContext:
    """The context the rule evaluators see: the calendar of the ``CalendarDay`` table
    (with the code fallback for years without rows) and the settings in force,
    each read once."""
    calendar = work_calendar(start=date.min, end=date.max)
    cache: dict[tuple[str, date], Any] = {}

    def setting(key: str, on: date) -> Any:
        if (key, on) not in cache:
            cache[(key, on)] = rule_setting(key, on=on)
        return cache[(key, on)]

    return RuleContext(calendar=calendar, today=today or timezone.localdate(), settings=setting)
